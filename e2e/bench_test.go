//go:build !wasm

package e2e

import (
	"context"
	"net/url"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBenchWorker measures hands/s of engine Web Workers in Chromium with
// web/bench.html (default config, after a warm-up). It runs only when
// LIR_BENCH is set, e.g.
//
//	LIR_BENCH=1 LIR_BENCH_SESSIONS=50000 LIR_BENCH_WORKERS=1 go test -run TestBenchWorker -v ./e2e
//
// and logs the figures for docs/PERFORMANCE.md.
func TestBenchWorker(t *testing.T) {
	if os.Getenv("LIR_BENCH") == "" {
		t.Skip("set LIR_BENCH=1 to measure worker hands/s in Chromium")
	}
	sessions, workers := envInt("LIR_BENCH_SESSIONS", 50000), envInt("LIR_BENCH_WORKERS", 1)
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	t.Log(benchPage(t, ctx, url+"web/bench.html?auto=1&sessions="+strconv.Itoa(sessions)+"&workers="+strconv.Itoa(workers)))
}

// benchPage opens web/bench.html at url and returns its result (or why it
// failed).
func benchPage(t *testing.T, ctx context.Context, url string) string {
	t.Helper()
	do(t, ctx, chromedp.Navigate(url))
	out, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const s = document.querySelector("#status").textContent;
		if (s.startsWith("Failed")) return s;
		return s.endsWith("Done") ? document.querySelector("#result").textContent : false;
	})()`, chromedp.WithPollingTimeout(80*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBenchExact times the exact solve in a fresh engine Web Worker with
// web/bench.html?mode=exact: the first request of a worker (the exact
// tables built) and two more. It runs only when LIR_BENCH is set;
// LIR_BENCH_CONFIG is the config as JSON (default: the default study), e.g.
//
//	LIR_BENCH=1 go test -count=1 -run TestBenchExact -v ./e2e
func TestBenchExact(t *testing.T) {
	if os.Getenv("LIR_BENCH") == "" {
		t.Skip("set LIR_BENCH=1 to time the exact solve in Chromium")
	}
	cfg := os.Getenv("LIR_BENCH_CONFIG")
	if cfg == "" {
		cfg = "{}"
	}
	ctx := browser(t)
	_, u := serve(t, site(t, ""), "")
	t.Log(benchPage(t, ctx, u+"web/bench.html?auto=1&mode=exact&config="+url.QueryEscape(cfg)))
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
