//go:build !wasm

package e2e

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestCompareMatchesNative runs a comparison in the page — the current
// study set to the "always pull" baseline against the basic preset, on
// common random numbers over 2 workers — and checks its document (the
// "Download comparison (JSON)" link) equals lir compare --json for the same
// config files, seed and sessions, outside timing. Then a long comparison
// is cancelled: the page says Cancelled and keeps the finished comparison,
// which History brings back after a reload.
func TestCompareMatchesNative(t *testing.T) {
	const sessions = 400
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Preset", "always_pull")
	waitFor[bool](t, ctx, `/always pull/.test(document.querySelector("#load-msg").textContent)`)
	setField(t, ctx, "Sessions", strconv.Itoa(sessions))
	setField(t, ctx, "Seed", strconv.Itoa(testSeed))
	setField(t, ctx, "Workers", "2")
	eval[bool](t, ctx, js(`lab.field("Current study").click(); lab.field("Basic strategy").click(); return true;`))
	seq := runSeq(t, ctx)
	click(t, ctx, "Compare")
	status := waitStatus(t, ctx, seq+1, time.Minute)
	if !strings.HasSuffix(status, "Done") || !strings.Contains(status, "Compared 2 configs") {
		t.Fatalf("status %q, want a finished comparison ending with Done", status)
	}
	got := []byte(eval[string](t, ctx, js(`const a = lab.byName("a", "Download comparison (JSON)");
		return await (await fetch(a.href)).text();`)))

	// The same configs as files: the presets the page loaded.
	cmd := exec.Command("go", "run", "./cmd/lir", "compare", "configs/always_pull.yaml", "configs/basic.yaml", "--json",
		"--seed", strconv.Itoa(testSeed), "--sessions", strconv.Itoa(sessions), "--workers", "3")
	cmd.Dir = repoRoot(t)
	cmd.Stderr = os.Stderr
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("lir compare --json: %v", err)
	}
	sameDoc(t, "page comparison vs lir compare", got, want)
	rows := waitFor[[]string](t, ctx, `(() => { const r = [...document.querySelectorAll("#comparison-pairs tbody tr")].map(r => r.textContent); return r.length ? r : false; })()`)
	if len(rows) != 1 || !strings.HasPrefix(rows[0], "Baseline: always pull − Basic strategy") {
		t.Errorf("pairs table: %q", rows)
	}
	// The configs side by side: win rate and mean profit bars with their
	// intervals, one bar per config.
	waitFor[bool](t, ctx, `(() => { const h = document.getElementById("comparison-charts"); return !!h && h.dataset.charts === "2" && h.dataset.chartsDrawn === "2"; })()`)
	if n := eval[int](t, ctx, `echarts.getInstanceByDom(document.getElementById("chart-compare-win")).getOption().series[0].data.length`); n != 2 {
		t.Errorf("the win-rate comparison chart has %d bars, want 2", n)
	}
	shot(t, ctx, "compare-done.png")

	// Cancel a long comparison.
	setField(t, ctx, "Sessions", "2000000")
	seq = runSeq(t, ctx)
	click(t, ctx, "Compare")
	waitFor[bool](t, ctx, `+document.querySelector("#overall").value > 0`)
	click(t, ctx, "Cancel")
	if s := waitStatus(t, ctx, seq+1, 30*time.Second); !strings.HasSuffix(s, "Cancelled") {
		t.Fatalf("status after Cancel: %q", s)
	}
	if after := eval[string](t, ctx, js(`const a = lab.byName("a", "Download comparison (JSON)");
		return await (await fetch(a.href)).text();`)); after != string(got) {
		t.Error("a cancelled comparison replaced the finished one")
	}

	// The finished comparison is kept in History: after a reload its Show
	// button brings the same document back.
	do(t, ctx, chromedp.Reload())
	waitMounted(t, ctx)
	entries := waitFor[[]string](t, ctx, `(() => { const l = [...document.querySelectorAll("#history li")].map((li) => li.textContent); return l.length ? l : false; })()`)
	if len(entries) != 1 || !strings.Contains(entries[0], "comparison of Baseline: always pull, Basic strategy") ||
		!strings.Contains(entries[0], "seed "+strconv.Itoa(testSeed)) || !strings.Contains(entries[0], "400 sessions each") {
		t.Fatalf("history after reload: %q", entries)
	}
	eval[chromedp.Void](t, ctx, `document.querySelector("#history li button").click()`)
	rows = waitFor[[]string](t, ctx, `(() => { const r = [...document.querySelectorAll("#comparison-pairs tbody tr")].map(r => r.textContent); return r.length ? r : false; })()`)
	if len(rows) != 1 || !strings.HasPrefix(rows[0], "Baseline: always pull − Basic strategy") {
		t.Errorf("pairs table from history: %q", rows)
	}
	shot(t, ctx, "compare-from-history.png")
	if again := eval[string](t, ctx, js(`const a = lab.byName("a", "Download comparison (JSON)");
		return await (await fetch(a.href)).text();`)); again != string(got) {
		t.Error("the comparison shown from history differs from the one run")
	}
}
