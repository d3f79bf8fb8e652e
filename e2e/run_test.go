//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

const testSeed = 20240601

// TestRunMatchesNative runs the default config in the page on 1, 2 and 3
// workers and compares each results download with the native engine's for
// the same config and seed: identical outside timing.
func TestRunMatchesNative(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Seed", strconv.Itoa(testSeed))

	var first []byte
	for _, workers := range []int{2, 1, 3} {
		setField(t, ctx, "Workers", strconv.Itoa(workers))
		status := runToEnd(t, ctx)
		if !strings.HasSuffix(status, "Done") {
			t.Fatalf("%d workers: status %q, want it to end with Done", workers, status)
		}
		if !strings.Contains(status, "on "+strconv.Itoa(workers)+" workers") {
			t.Errorf("status %q does not say %d workers ran", status, workers)
		}
		got := downloadJSON(t, ctx)
		var doc struct {
			Config json.RawMessage `json:"config"`
			Seed   json.Number     `json:"seed"`
		}
		if err := json.Unmarshal(got, &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Seed.String() != strconv.Itoa(testSeed) {
			t.Errorf("results seed = %s, want %d", doc.Seed, testSeed)
		}
		sameDoc(t, "page on "+strconv.Itoa(workers)+" workers vs native", got, nativeResults(t, doc.Config, testSeed, 2))
		if first == nil {
			first = got
			checkCharts(t, ctx)
			checkChartIDs(t, ctx, "chart-profit", "chart-trajectories", "chart-risk", "chart-drawdown")
			checkExactSession(t, ctx)
			checkReportOffline(t, ctx)
			screenshot(t, ctx, "run-done-light.png")
			click(t, ctx, "Dark theme")
			waitFor[bool](t, ctx, `[...document.querySelectorAll(".chart")].every((el) => el.dataset.theme === "dark")`)
			waitChartsDrawn(t, ctx)
			screenshot(t, ctx, "run-done-dark.png")
			click(t, ctx, "Dark theme")
		} else {
			sameDoc(t, strconv.Itoa(workers)+" workers vs 2 workers", got, first)
		}
	}
}

// checkCharts asserts every chart holder has a live ECharts instance with
// data and a canvas.
func checkCharts(t *testing.T, ctx context.Context) {
	t.Helper()
	waitChartsDrawn(t, ctx)
	got := eval[[]string](t, ctx, js(`
		const out = [];
		for (const el of document.querySelectorAll(".chart")) {
			const inst = echarts.getInstanceByDom(el);
			const opt = inst && inst.getOption();
			const points = opt ? opt.series.reduce((n, s) => n + (s.data || []).length, 0) : 0;
			out.push(el.id + ":" + (inst ? "live" : "none") + ":" + points + ":" + (el.querySelector("canvas") ? "canvas" : "blank"));
		}
		return out;`))
	if len(got) < 3 {
		t.Fatalf("charts: %v; want at least 3", got)
	}
	for _, c := range got {
		f := strings.Split(c, ":")
		if f[1] != "live" || f[2] == "0" || f[3] != "canvas" {
			t.Errorf("chart %s is empty", c)
		}
	}
}
