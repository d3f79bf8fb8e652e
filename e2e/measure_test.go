//go:build !wasm

package e2e

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/performance"
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
