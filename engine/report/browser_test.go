//go:build !wasm

package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/lir-lab/lir/internal/chromium"
	"github.com/lir-lab/lir/web"
)

// The report opens in headless Chromium from a file, with the network
// emulated offline and every request logged: the charts render (an SVG
// with drawn paths in every chart box), nothing is fetched but the file
// itself, the screenshot is not blank, and the page prints to PDF. Set
// LIR_REPORT_SCREENSHOT=FILE.png to keep the screenshot.
func TestReportInChromium(t *testing.T) {
	chromiumPath := chromium.Need(t)
	d := sampleDoc(t)
	html, err := HTML(d, web.EChartsJS)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, html, 0o644); err != nil {
		t.Fatal(err)
	}
	want := len(Charts(d))

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 1600))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	// Offline for every URL (an empty pattern matches all).
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true}}}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var requests []string
	go func() {
		for ev, err := range chromedp.Events(ctx, network.RequestWillBeSent) {
			if err != nil {
				return
			}
			mu.Lock()
			requests = append(requests, ev.Request.URL)
			mu.Unlock()
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Poll[int](`Number(document.documentElement.dataset.chartsRendered || 0)`,
		chromedp.WithPollingTimeout(30*time.Second)))
	if err != nil || n != want {
		t.Fatalf("charts rendered: %d (err %v), want %d", n, err, want)
	}
	// Every chart box holds an SVG with drawn shapes.
	counts, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`Array.from(document.querySelectorAll('[data-chart]')).map(el => el.querySelectorAll('svg path, svg rect, svg polyline').length)`))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range counts {
		if c < 5 {
			t.Errorf("chart %d (%s) draws %d shapes", i, Charts(d)[i].ID, c)
		}
	}
	errorsText, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title`))
	if !strings.Contains(errorsText, "Report test") {
		t.Errorf("title %q", errorsText)
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if p := os.Getenv("LIR_REPORT_SCREENSHOT"); p != "" {
		os.WriteFile(p, shot, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if c := colours(img); c < 20 {
		t.Errorf("screenshot has %d colours: blank?", c)
	}
	pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{})
	if err != nil || len(pdf.Data) < 10_000 {
		t.Fatalf("print to PDF: %d bytes, %v", len(pdf.Data), err)
	}
	if p := os.Getenv("LIR_REPORT_PDF"); p != "" {
		os.WriteFile(p, pdf.Data, 0o644)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, u := range requests {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the report requested %s", u)
		}
	}
}

func colours(img image.Image) int {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	return len(seen)
}
