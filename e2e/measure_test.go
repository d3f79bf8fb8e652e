//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// TestMeasurePage measures, for docs/PERFORMANCE.md, the time from
// navigation start to the page being live (<html data-lab="ready">), cold
// (fresh profile) and warm (cached by the service worker), and the page's
// and the workers' memory after a run of about 1 million hands and one of
// about LIR_MEASURE_HANDS (default 100 million). It runs only when
// LIR_MEASURE is set:
//
//	LIR_MEASURE=1 go test -count=1 -run TestMeasurePage -v ./e2e
func TestMeasurePage(t *testing.T) {
	if os.Getenv("LIR_MEASURE") == "" {
		t.Skip("set LIR_MEASURE=1 to measure start-up time and memory in Chromium")
	}
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	ready := func(label string) {
		do(t, ctx, chromedp.Navigate("about:blank"))
		do(t, ctx, chromedp.Navigate(url))
		// performance.now() counts from this document's navigation start;
		// the poll adds at most its 10 ms interval.
		ms, err := chromedp.Run(ctx, chromedp.Poll[float64](`document.documentElement.getAttribute("data-lab") === "ready" && performance.now()`,
			chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(10*time.Millisecond)))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("navigation → interactive, %s: %.0f ms", label, ms)
	}
	ready("cold")
	for i := 1; i <= 3; i++ {
		ready("warm " + strconv.Itoa(i))
	}

	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	setField(t, ctx, "Workers", strconv.Itoa(envInt("LIR_MEASURE_WORKERS", 2)))
	setField(t, ctx, "Seed", "7")
	measure := func(sessions int) (hands float64) {
		setField(t, ctx, "Sessions", strconv.Itoa(sessions))
		// Long tasks on the page's thread during the run (the page must stay
		// responsive): the longest is logged.
		eval[chromedp.Void](t, ctx, `window.lirLong = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) lirLong.push(e.duration); }).observe({type: "longtask"});`)
		seq := runSeq(t, ctx)
		click(t, ctx, "Run")
		status := waitStatus(t, ctx, seq+1, 8*time.Minute)
		if !strings.HasSuffix(status, "Done") {
			t.Fatalf("status %q", status)
		}
		if _, err := chromedp.Call(ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		m, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
		if err != nil {
			t.Fatal(err)
		}
		var heap, total float64
		for _, x := range m.Metrics {
			switch x.Name {
			case "JSHeapUsedSize":
				heap = x.Value
			case "JSHeapTotalSize":
				total = x.Value
			}
		}
		long := eval[[]float64](t, ctx, `lirLong`)
		longest := 0.0
		for _, d := range long {
			longest = max(longest, d)
		}
		t.Logf("long tasks on the page during the run: %d, longest %.0f ms", len(long), longest)
		pm := eval[map[string]float64](t, ctx, `lirPageMemory()`)
		worker := eval[string](t, ctx, `document.querySelector("#results").dataset.workerMemory`)
		hands = eval[float64](t, ctx, js(`const a = lab.byName("a", "Download results (JSON)");
			return JSON.parse(await (await fetch(a.href)).text()).hands;`))
		t.Logf("%d sessions, %.0f hands: %s | page JS heap used %.1f MB (total %.1f MB) | page Go sys %.1f MB, heap in use %.1f MB | largest worker WebAssembly memory %s bytes",
			sessions, hands, status, heap/1e6, total/1e6, pm["sys"]/1e6, pm["heapAlloc"]/1e6, worker)
		return hands
	}
	small := envInt("LIR_MEASURE_SESSIONS", 5000)
	hands := measure(small)
	target := float64(envInt("LIR_MEASURE_HANDS", 100_000_000))
	measure(int(float64(small) * target / hands))
}

// TestProfileStart samples the page's thread (the DevTools CPU profiler,
// every 100 µs) from navigation until the page is live, on a site built
// with the functions' names (cmd/build --names), and logs where the time
// went: by package of the WebAssembly functions (their names as Go's
// linker writes them), and the busiest functions. The page's start is
// the first navigation of the profile's renderer (a same-origin file is
// opened first, so the profiler runs before the page does); the service
// worker is not installed yet, as on a first visit. It runs only when
// LIR_MEASURE is set:
//
//	LIR_MEASURE=1 go test -count=1 -run TestProfileStart -v ./e2e
func TestProfileStart(t *testing.T) {
	if os.Getenv("LIR_MEASURE") == "" {
		t.Skip("set LIR_MEASURE=1 to profile the page's start-up in Chromium")
	}
	dir := filepath.Join(t.TempDir(), "site")
	cmd := exec.Command("go", "run", "./cmd/build", "--out", dir, "--brotli", "0", "--names")
	cmd.Dir = repoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the site: %v\n%s", err, out)
	}
	_, url := serve(t, dir, "")
	ctx := browser(t)
	do(t, ctx, chromedp.Navigate(url+"web/icon.svg"))
	for _, step := range []func() error{
		func() error { _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); return err },
		func() error {
			_, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100})
			return err
		},
		func() error { _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); return err },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	do(t, ctx, chromedp.Navigate(url))
	waitMounted(t, ctx)
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Profile
	names := map[int64]string{}
	for _, n := range p.Nodes {
		name := n.CallFrame.FunctionName
		if name == "" {
			name = "(anonymous " + n.CallFrame.URL + ")"
		}
		names[n.ID] = name
	}
	// The samples in order, each with the time until the next one; a
	// task is a run of samples without an idle one between them.
	type sample struct {
		name string
		at   float64
		ms   float64
	}
	var samples []sample
	at := 0.0
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) {
			break
		}
		at += float64(p.TimeDeltas[i]) / 1000
		samples = append(samples, sample{names[id], at, float64(p.TimeDeltas[i+1]) / 1000})
	}
	type task struct{ from, to int }
	var tasks []task
	for i := 0; i < len(samples); {
		if samples[i].name == "(idle)" {
			i++
			continue
		}
		j := i
		for j < len(samples) && samples[j].name != "(idle)" {
			j++
		}
		tasks = append(tasks, task{i, j})
		i = j
	}
	busy := func(k task) (ms float64) {
		for _, s := range samples[k.from:k.to] {
			ms += s.ms
		}
		return ms
	}
	byPkg, byFunc := map[string]float64{}, map[string]float64{}
	var total float64
	for _, k := range tasks {
		for _, s := range samples[k.from:k.to] {
			total += s.ms
			byFunc[s.name] += s.ms
			byPkg[profilePackage(s.name)] += s.ms
		}
	}
	t.Logf("page thread busy %.0f ms from navigation to live (samples, not idle), in %d tasks", total, len(tasks))
	logTop(t, "by package", byPkg, 25)
	logTop(t, "by function", byFunc, 30)
	sort.Slice(tasks, func(i, j int) bool { return busy(tasks[i]) > busy(tasks[j]) })
	for _, k := range tasks[:min(3, len(tasks))] {
		pk, fn := map[string]float64{}, map[string]float64{}
		for _, s := range samples[k.from:k.to] {
			pk[profilePackage(s.name)] += s.ms
			fn[s.name] += s.ms
		}
		title := fmt.Sprintf("task at %.0f ms, %.0f ms busy", samples[k.from].at, busy(k))
		logTop(t, title+", by package", pk, 12)
		logTop(t, title+", by function", fn, 20)
	}
}

// profilePackage is the package of a WebAssembly function as Go's linker
// names it ("github.com_lir_lab_lir_app.__studyPanel_.Render" → its
// package; "$" prefixes dropped), or the profiler's own categories and
// JavaScript as they are.
func profilePackage(name string) string {
	name = strings.TrimPrefix(name, "$")
	if strings.HasPrefix(name, "(") {
		return name
	}
	start := 0
	if strings.HasPrefix(name, "github.com_") || strings.HasPrefix(name, "golang.org_") || strings.HasPrefix(name, "gonum.org_") {
		start = strings.IndexByte(name, '.') + 1
	}
	if i := strings.IndexByte(name[start:], '.'); i > 0 {
		return name[:start+i]
	}
	return "(JavaScript or unnamed) " + name
}

func logTop(t *testing.T, title string, m map[string]float64, n int) {
	type kv struct {
		k string
		v float64
	}
	var all []kv
	for k, v := range m {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].v > all[j].v })
	var b strings.Builder
	for i, e := range all {
		if i == n {
			break
		}
		fmt.Fprintf(&b, "\n  %7.1f ms  %s", e.v, e.k)
	}
	t.Logf("%s:%s", title, b.String())
}
