//go:build !wasm

package e2e

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestStudyInPage picks a folder of configs (listed by their paths in it,
// its other files left out), then imports three config files through the
// study's file input — one of this lab's form, one in the Python tool's,
// one broken —
// and runs the study on two workers with the sessions and the seed typed:
// the study's JSON and CSV downloads are byte for byte lir study's --json
// and --csv for the same files, sessions and seed (the broken file listed
// with lir's words, the others run), the table has a row per config, and
// the ranking chart is drawn. Screenshots at 1280 and 390 px wide.
func TestStudyInPage(t *testing.T) {
	const sessions, seed = 3000, 5
	dir := filepath.Join(repoRoot(t), "app", "testdata", "study")
	names := []string{"a_tight.yaml", "b_broken.yaml", "c_python.yaml"}
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join(dir, n))
	}
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Workers", "2")
	// picked waits for the list of the files picked to start with first.
	picked := func(first string) string {
		return waitFor[string](t, ctx, `(() => {
			const h = document.querySelector("#study-files-head"), l = document.querySelector("#study-file-list");
			return h && !/reading/.test(h.textContent) && l.textContent.startsWith(`+quote(first)+`) && h.textContent + " " + l.textContent;
		})()`)
	}
	// A folder: its configs, named by their path in it; its README is
	// left out.
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("study-folder"), []string{dir}))
	if got := picked("study/a_tight.yaml"); !strings.HasPrefix(got, "3 files picked: 2 load, 1 does not. study/a_tight.yaml — loads: Tight limits") || strings.Contains(got, "README") {
		t.Fatalf("the folder picked: %q", got)
	}
	// The three files, picked one by one: they replace the folder's.
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("study-files"), paths))
	if got := picked("a_tight.yaml"); !strings.HasPrefix(got, "3 files picked: 2 load, 1 does not. a_tight.yaml — loads: Tight limits") {
		t.Fatalf("the files picked: %q", got)
	}
	setField(t, ctx, "Sessions per config", strconv.Itoa(sessions))
	setField(t, ctx, "Seed for every config", strconv.Itoa(seed))
	click(t, ctx, "Run the study")
	status := waitFor[string](t, ctx, `(() => { const s = document.querySelector("#study-status").textContent.trim(); return /(Done|Cancelled)$|Failed: /.test(s) && s; })()`)
	t.Logf("study status: %s", status)
	if !strings.HasPrefix(status, "Ranked 2 configs; 1 file did not run") || !strings.HasSuffix(status, "Done") {
		t.Fatalf("study status %q", status)
	}

	// lir study on the same files, named as the page names them.
	lir := func(format string) string {
		cmd := exec.Command("go", append([]string{"run", "../../../cmd/lir", "study", format, "--sessions", strconv.Itoa(sessions), "--seed", strconv.Itoa(seed)}, names...)...)
		cmd.Dir = dir
		out, err := cmd.Output()
		var exit *exec.ExitError
		if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: a file did not run
			t.Fatalf("lir study %s: %v", format, err)
		}
		return string(out)
	}
	download := func(name string) string {
		return eval[string](t, ctx, js(`const a = lab.byName("a", `+quote(name)+`); return await (await fetch(a.href)).text();`))
	}
	if got, want := download("Download study (JSON)"), lir("--json"); got != want {
		t.Errorf("the page's study differs from lir study --json:\n%s\nwant\n%s", got, want)
	}
	if got, want := download("Download study (CSV)"), lir("--csv"); got != want {
		t.Errorf("the page's CSV differs from lir study --csv:\n%s\nwant\n%s", got, want)
	}
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll("#study-table tbody tr")].map(r => r.textContent)`)
	if len(rows) != 2 || !strings.Contains(rows[0]+rows[1], "Tight limits") || !strings.Contains(rows[0]+rows[1], "Python form") {
		t.Errorf("table rows: %q", rows)
	}
	notes := eval[string](t, ctx, `document.querySelector("#study-notes").textContent`)
	if !strings.Contains(notes, "b_broken.yaml: not run: simulation.num_sessions: -3 is not allowed") {
		t.Errorf("notes: %q", notes)
	}
	waitFor[bool](t, ctx, `(() => { const h = document.getElementById("study-charts"); return !!h && h.dataset.chartsDrawn === "1"; })()`)
	if n := eval[int](t, ctx, `echarts.getInstanceByDom(document.getElementById("chart-ranking")).getOption().series[0].data.length`); n != 2 {
		t.Errorf("the ranking chart has %d bars, want 2", n)
	}
	shot(t, ctx, "study-done.png")
	shotOf(t, ctx, "studies", "study-panel.png")

	do(t, ctx, chromedp.EmulateViewport(390, 844))
	waitFor[bool](t, ctx, `(() => { const c = document.getElementById("chart-ranking"); return Math.abs(echarts.getInstanceByDom(c).getWidth() - c.getBoundingClientRect().width) <= 1; })()`)
	if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %d px wide on a 390 px screen", w)
	}
	shotOf(t, ctx, "studies", "study-panel-390.png")
}

// TestStudyWalkAwayFolder measures, for docs/PERFORMANCE.md, the Python
// tool's walk-away study (engine/study/testdata/walkaway: 51 files in its
// format, docs/STUDY-WALKAWAY.md) run in the page as a folder, 20,000
// sessions each, on 2 workers, and checks its JSON is lir study --json's for
// the same folder, sessions and seed. It runs only when LIR_MEASURE is set:
//
//	LIR_MEASURE=1 go test -count=1 -run TestStudyWalkAwayFolder -v ./e2e
func TestStudyWalkAwayFolder(t *testing.T) {
	if os.Getenv("LIR_MEASURE") == "" {
		t.Skip("set LIR_MEASURE=1 to run the 51-file walk-away study in Chromium")
	}
	const sessions, seed = 20000, 42
	dir := filepath.Join(repoRoot(t), "engine", "study", "testdata")
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Workers", "2")
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("study-folder"), []string{filepath.Join(dir, "walkaway")}))
	head := waitFor[string](t, ctx, `(() => { const h = document.querySelector("#study-files-head"); return h && !/reading/.test(h.textContent) && h.textContent; })()`)
	if head != "51 files picked: 51 load." {
		t.Fatalf("the folder picked: %q", head)
	}
	setField(t, ctx, "Sessions per config", strconv.Itoa(sessions))
	setField(t, ctx, "Seed for every config", strconv.Itoa(seed))
	start := time.Now()
	click(t, ctx, "Run the study")
	status, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const s = document.querySelector("#study-status").textContent.trim(); return /(Done|Cancelled)$|Failed: /.test(s) && s; })()`,
		chromedp.WithPollingTimeout(5*time.Minute), chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s (%.1f s from the click)", status, time.Since(start).Seconds())
	got := eval[string](t, ctx, js(`const a = lab.byName("a", "Download study (JSON)"); return await (await fetch(a.href)).text();`))
	cmd := exec.Command("go", "run", "../../../cmd/lir", "study", "--json", "--sessions", strconv.Itoa(sessions), "--seed", strconv.Itoa(seed), "walkaway")
	cmd.Dir = dir
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("lir study --json: %v", err)
	}
	if got != string(want) {
		t.Errorf("the page's study differs from lir study --json")
	}
	shotOf(t, ctx, "studies", "study-walkaway.png")
	shotOf(t, ctx, "study-charts", "study-walkaway-chart.png")
}
