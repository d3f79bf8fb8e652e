// Command lighthouse measures the built site with Lighthouse 12.2.3 in
// headless Chromium, served as GitHub Pages serves it (gzip on the fly,
// max-age 600: internal/statichost), and prints each run and the medians:
// the category scores, total blocking time, largest contentful paint, time
// to interactive, and the bytes the host sent.
//
//	make site && go run ./cmd/build/lighthouse [--dir dist] [--preset desktop|mobile] [--runs 5]
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
	"sort"
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
		args := []string{"--yes", "lighthouse@12.2.3", url, "--quiet", "--output=json", "--output-path=stdout", "--chrome-flags=" + chromeFlags}
		if *preset == "desktop" {
			args = append(args, "--preset=desktop")
		}
		cmd := exec.Command("npx", args...)
		cmd.Env = append(os.Environ(), "CHROME_PATH="+browser)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			log.Fatalf("run %d: %v", i, err)
		}
		var rep report
		if err := json.Unmarshal(out, &rep); err != nil {
			log.Fatalf("run %d: reading the report: %v", i, err)
		}
		r := run{scores: map[string]float64{}, live: strings.Contains(string(rep.Audits["user-timings"].Details), `"lab-ready"`)}
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
