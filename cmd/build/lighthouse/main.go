// Command lighthouse measures the built site with Lighthouse 12.2.3 in
// headless Chromium, served as GitHub Pages serves it (gzip on the fly,
// max-age 600: internal/statichost), and prints each run and the medians:
// the category scores, total blocking time, largest contentful paint, time
// to interactive, and the bytes the host sent.
//
//	make site && go run ./cmd/build/lighthouse [--dir dist] [--preset desktop|mobile] [--runs 5] [--quiet-ms 5000]
//
// Lighthouse comes from npm (npx lighthouse@12.2.3); the browser is the one
// the browser tests use (internal/chromium). Lighthouse stops when the
// page's thread and the network have been quiet for a moment; a run that
// stopped before the page went live (its trace has no "lab-ready" mark) saw
// only part of the start-up, so it is reported and left out of the medians.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/lir-lab/lir/internal/chromium"
	"github.com/lir-lab/lir/internal/statichost"
)

// chromeFlags are the headless flags of the browser tests.
const chromeFlags = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run " +
	"--disable-background-networking --disable-component-update --disable-sync"

type report struct {
	Categories map[string]struct {
		Score *float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]struct {
		NumericValue float64         `json:"numericValue"`
		Details      json.RawMessage `json:"details"`
	} `json:"audits"`
}

type run struct {
	scores        map[string]float64
	tbt, lcp, tti float64
	fcp, cls, si  float64
	bytes         int64
	live          bool
}

func main() {
	dir := flag.String("dir", "dist", "the built site (make site)")
	preset := flag.String("preset", "desktop", "desktop (Lighthouse's desktop preset) or mobile (its default, a throttled phone)")
	runs := flag.Int("runs", 5, "runs; the medians are of those that saw the page go live")
	wait := flag.Int("quiet-ms", 0, "if > 0, Lighthouse waits for this many ms of quiet network and main thread, and at least this long after load, before it stops (its presets wait about 1 s): the whole start-up is then in every run")
	tasks := flag.Bool("tasks", false, "also read each run's trace (--save-assets) and list the page thread's tasks of 50 ms or more, wall and CPU time, from navigation to the end of the trace")
	mark := flag.String("live-mark", "lab-ready", "the user timing mark that says the page is live; empty to keep every run (builds older than the mark)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("lighthouse: ")
	if *preset != "desktop" && *preset != "mobile" {
		log.Fatalf("--preset %q: want desktop or mobile", *preset)
	}
	browser, err := chromium.Find()
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	host := statichost.New(*dir, "", statichost.Gzip, 600)
	go http.Serve(ln, host)
	url := "http://" + ln.Addr().String() + "/"

	var all []run
	for i := 1; i <= *runs; i++ {
		host.Reset()
		tmp, err := os.MkdirTemp("", "lighthouse")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(tmp)
		reportPath := filepath.Join(tmp, "report.json")
		args := []string{"--yes", "lighthouse@12.2.3", url, "--quiet", "--output=json", "--output-path=" + reportPath, "--chrome-flags=" + chromeFlags}
		if *tasks {
			args = append(args, "--save-assets")
		}
		if *preset == "desktop" {
			args = append(args, "--preset=desktop")
		}
		if *wait > 0 {
			w := strconv.Itoa(*wait)
			args = append(args, "--pause-after-load-ms="+w, "--network-quiet-threshold-ms="+w, "--cpu-quiet-threshold-ms="+w)
		}
		cmd := exec.Command("npx", args...)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+browser)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("run %d: %v", i, err)
		}
		out, err := os.ReadFile(reportPath)
		if err != nil {
			log.Fatalf("run %d: %v", i, err)
		}
		var rep report
		if err := json.Unmarshal(out, &rep); err != nil {
			log.Fatalf("run %d: reading the report: %v", i, err)
		}
		r := run{scores: map[string]float64{}, live: *mark == "" || strings.Contains(string(rep.Audits["user-timings"].Details), `"`+*mark+`"`)}
		for k, c := range rep.Categories {
			if c.Score != nil {
				r.scores[k] = *c.Score * 100
			}
		}
		a := func(k string) float64 { return rep.Audits[k].NumericValue }
		r.tbt, r.lcp, r.tti = a("total-blocking-time"), a("largest-contentful-paint"), a("interactive")
		r.fcp, r.cls, r.si = a("first-contentful-paint"), a("cumulative-layout-shift"), a("speed-index")
		for _, s := range host.Stats() {
			r.bytes += s.Bytes
		}
		note := ""
		if !r.live {
			note = "  (stopped before the page went live: left out)"
		}
		fmt.Printf("run %d: %s%s\n", i, r, note)
		if *tasks {
			ts, err := longTasks(filepath.Join(tmp, "report-0.trace.json"))
			if err != nil {
				log.Fatalf("run %d: %v", i, err)
			}
			fmt.Printf("  tasks of the page's thread, 50 ms or more (start, wall, CPU, ms):")
			for _, t := range ts {
				fmt.Printf(" [%.0f %.0f %.0f]", t.start, t.wall, t.cpu)
			}
			fmt.Println()
		}
		all = append(all, r)
	}
	var live []run
	for _, r := range all {
		if r.live {
			live = append(live, r)
		}
	}
	if len(live) == 0 {
		log.Fatal("no run saw the page go live")
	}
	med := func(f func(run) float64) float64 {
		xs := make([]float64, len(live))
		for i, r := range live {
			xs[i] = f(r)
		}
		sort.Float64s(xs)
		if n := len(xs); n%2 == 0 {
			return (xs[n/2-1] + xs[n/2]) / 2
		}
		return xs[len(xs)/2]
	}
	m := run{scores: map[string]float64{}}
	for k := range live[0].scores {
		m.scores[k] = med(func(r run) float64 { return r.scores[k] })
	}
	m.tbt, m.lcp, m.tti = med(func(r run) float64 { return r.tbt }), med(func(r run) float64 { return r.lcp }), med(func(r run) float64 { return r.tti })
	m.fcp, m.cls, m.si = med(func(r run) float64 { return r.fcp }), med(func(r run) float64 { return r.cls }), med(func(r run) float64 { return r.si })
	m.bytes = int64(med(func(r run) float64 { return float64(r.bytes) }))
	fmt.Printf("median of %d runs (%s preset): %s\n", len(live), *preset, m)
}

func (r run) String() string {
	return fmt.Sprintf("performance %.0f, accessibility %.0f, best practices %.0f, SEO %.0f | TBT %.0f ms, LCP %.0f ms, TTI %.0f ms, FCP %.0f ms, SI %.0f ms, CLS %.3f | %.2f MB sent",
		r.scores["performance"], r.scores["accessibility"], r.scores["best-practices"], r.scores["seo"],
		r.tbt, r.lcp, r.tti, r.fcp, r.si, r.cls, float64(r.bytes)/1e6)
}

// task is one task of the page's main thread in a trace: its start from
// the last navigation, its wall time and the CPU time of its thread, in ms.
type task struct{ start, wall, cpu float64 }

// longTasks reads a Chromium trace and returns the top-level tasks of the
// page's main thread (the renderer main thread with the most events) that
// last 50 ms or more. Wall time is what Lighthouse counts; CPU time
// (the thread's own clock) is what the task would take on an idle machine.
func longTasks(path string) ([]task, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var tr struct {
		TraceEvents []struct {
			Name string  `json:"name"`
			Ph   string  `json:"ph"`
			Pid  int     `json:"pid"`
			Tid  int     `json:"tid"`
			Ts   float64 `json:"ts"`
			Dur  float64 `json:"dur"`
			Tdur float64 `json:"tdur"`
			Args struct {
				Name string `json:"name"`
			} `json:"args"`
		} `json:"traceEvents"`
	}
	if err := json.Unmarshal(b, &tr); err != nil {
		return nil, err
	}
	type thread struct{ pid, tid int }
	mains := map[thread]bool{}
	count := map[thread]int{}
	for _, e := range tr.TraceEvents {
		t := thread{e.Pid, e.Tid}
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			mains[t] = true
		}
		count[t]++
	}
	var main thread
	for t := range mains {
		if count[t] > count[main] {
			main = t
		}
	}
	nav, end := 0.0, -1.0
	for _, e := range tr.TraceEvents {
		if (thread{e.Pid, e.Tid}) == main && e.Name == "navigationStart" && e.Ts > nav {
			nav = e.Ts
		}
	}
	evs := tr.TraceEvents
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Ts < evs[j].Ts })
	var out []task
	for _, e := range evs {
		if (thread{e.Pid, e.Tid}) != main || e.Ph != "X" || e.Name != "RunTask" || e.Ts < end {
			continue
		}
		end = e.Ts + e.Dur // nested tasks are part of this one
		if e.Ts >= nav && e.Dur >= 50e3 {
			out = append(out, task{(e.Ts - nav) / 1e3, e.Dur / 1e3, e.Tdur / 1e3})
		}
	}
	return out, nil
}
