//go:build !wasm

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// checkChartIDs asserts that each named chart is on the page as a live
// ECharts instance with data.
func checkChartIDs(t *testing.T, ctx context.Context, ids ...string) {
	t.Helper()
	waitChartsDrawn(t, ctx)
	for _, id := range ids {
		n := eval[int](t, ctx, `(() => {
			const el = document.getElementById(`+quote(id)+`);
			const inst = el && echarts.getInstanceByDom(el);
			if (!inst || !el.querySelector("canvas")) return -1;
			return inst.getOption().series.reduce((n, s) => n + (s.data || []).length, 0);
		})()`)
		if n <= 0 {
			t.Errorf("chart %s: missing or empty (%d points)", id, n)
		}
	}
	// Each chart has a keyboard-reachable "Save image" button; the first
	// one's click hands a PNG to a download link.
	eval[bool](t, ctx, js(`const figs = [...document.querySelectorAll(".charts figure")];
		for (const f of figs) {
			const b = f.querySelector("button.save-chart");
			if (!b || b.tabIndex < 0 || !/^Save image: ./.test(b.getAttribute("aria-label"))) throw new Error("no save button for " + f.querySelector(".chart").id);
		}
		window.savedChart = null;
		window.realClick = HTMLAnchorElement.prototype.click;
		HTMLAnchorElement.prototype.click = function () { window.savedChart = [this.download, this.href.slice(0, 22)]; };
		figs[0].querySelector("button.save-chart").click();
		return true;`))
	saved := waitFor[[]string](t, ctx, `window.savedChart`)
	eval[bool](t, ctx, `HTMLAnchorElement.prototype.click = window.realClick; true`)
	if len(saved) != 2 || !strings.HasSuffix(saved[0], ".png") || saved[1] != "data:image/png;base64," {
		t.Errorf("saving a chart gave %q", saved)
	}
}

// waitChartsDrawn waits until the page has drawn every chart of the results
// (it draws one per turn of the event loop).
func waitChartsDrawn(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor[bool](t, ctx, `(() => { const h = document.getElementById("result-charts"); return !!h && h.dataset.charts > 0 && h.dataset.chartsDrawn === h.dataset.charts; })()`)
}

// checkExactSession asserts the simulated-vs-exact session table is shown.
func checkExactSession(t *testing.T, ctx context.Context) {
	t.Helper()
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll("#exact-session tbody tr")].map(r => r.textContent)`)
	if len(rows) < 4 || !strings.HasPrefix(rows[0], "P(win session)") {
		t.Errorf("exact session table: %q", rows)
	}
}

// checkReportOffline downloads the HTML report from the page, opens it from
// a file in a new tab with the network emulated offline and waits for its
// charts to render.
func checkReportOffline(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor[bool](t, ctx, `!!document.querySelector("#download-report")`)
	html := eval[string](t, ctx, js(`const a = lab.byName("a", "Download report (HTML)");
		return await (await fetch(a.href)).text();`))
	if !strings.Contains(html, "<html") || len(html) < 500_000 {
		t.Fatalf("report: %d bytes, want a page with ECharts inlined", len(html))
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, cancel := chromedp.NewContext(ctx)
	defer cancel()
	tab, cancelT := context.WithTimeout(tab, 30*time.Second)
	defer cancelT()
	if err := chromedp.Do(tab); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		MatchedNetworkConditions: []*network.Conditions{{Offline: true}}}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tab, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(tab, chromedp.Poll[int](`Number(document.documentElement.dataset.chartsRendered || 0)`,
		chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil || n < 3 {
		t.Fatalf("report offline: %d charts rendered (%v)", n, err)
	}
	shot(t, tab, "report-offline.png")
}

// TestConfigYAMLRoundTrip exports the config as YAML, changes it and imports
// the file: the editor shows the change; a file whose custom rule does not
// compile is refused with the field named and the editor keeps its config.
func TestConfigYAMLRoundTrip(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	// The YAML is made by the tools worker once the export is in view.
	eval[chromedp.Void](t, ctx, `document.querySelector("#config-json").closest("details").querySelector("summary").click()`)
	yaml := waitFor[string](t, ctx, js(`const a = [...document.querySelectorAll("a")].find((a) => a.textContent === "Export config (YAML)");
		return a ? await (await fetch(a.href)).text() : false;`))
	if !strings.Contains(yaml, "num_sessions: 10000") || !strings.Contains(yaml, "bankroll:") {
		t.Fatalf("exported YAML:\n%.400s", yaml)
	}
	changed := strings.Replace(yaml, "num_sessions: 10000", "num_sessions: 777", 1)
	importFile(t, ctx, "study.yaml", changed)
	waitFor[bool](t, ctx, `lab.field("Sessions").value === "777" && /study.yaml loaded/.test(document.querySelector("#load-msg").textContent)`)

	// A rule that expr-lang cannot compile, in a file otherwise valid (JSON
	// is YAML too).
	bad := eval[string](t, ctx, js(`const a = lab.byName("a", "Export config (JSON)");
		const c = JSON.parse(decodeURIComponent(a.href.slice(a.href.indexOf(",") + 1)));
		c.strategy.type = "custom";
		c.strategy.custom.bet1_rules = [{condition: "has_pair or", action: "ride"}];
		return JSON.stringify(c);`))
	importFile(t, ctx, "bad.yaml", bad)
	msg := waitFor[string](t, ctx, `document.querySelector("#load-msg[role=alert]")?.textContent || false`)
	if !strings.Contains(msg, "bad.yaml was not loaded") || !strings.Contains(msg, "bet1_rules") {
		t.Errorf("bad file message: %q", msg)
	}
	if v := eval[string](t, ctx, js(`return lab.field("Sessions").value;`)); v != "777" {
		t.Errorf("a refused file changed the editor: sessions %q", v)
	}
	shot(t, ctx, "yaml-refused.png")
}

// TestComparisonDocument loads a document of lir compare --json (the app
// package's testdata) into the Comparison section: its pairs table shows.
func TestComparisonDocument(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "app", "testdata", "compare.json"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	importFileInto(t, ctx, "import-comparison", "compare.json", string(data))
	rows := waitFor[[]string](t, ctx, `(() => { const r = [...document.querySelectorAll("#comparison-pairs tbody tr")].map(r => r.textContent); return r.length ? r : false; })()`)
	if len(rows) != 3 || !strings.Contains(rows[0], "Basic strategy − Aggressive strategy") {
		t.Errorf("pairs table: %q", rows)
	}
	eval[chromedp.Void](t, ctx, `document.getElementById("comparison").scrollIntoView()`)
	shot(t, ctx, "comparison.png")
}

// importFile puts a file in the "Import config" input as a user picking it
// would.
func importFile(t *testing.T, ctx context.Context, name, content string) {
	t.Helper()
	importFileInto(t, ctx, "import", name, content)
}

func importFileInto(t *testing.T, ctx context.Context, id, name, content string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, js(`const input = document.getElementById(`+quote(id)+`);
		const dt = new DataTransfer();
		dt.items.add(new File([`+quote(content)+`], `+quote(name)+`, {type: "application/yaml"}));
		input.files = dt.files;
		input.dispatchEvent(new Event("change", {bubbles: true}));`))
}
