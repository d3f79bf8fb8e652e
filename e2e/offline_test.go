//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOfflineAtRoot and TestOfflineUnderSubPath load the site once, run,
// use the config tools, stop the server, reload, and run: the service worker
// serves the page, app.wasm (page and workers), the worker script and
// ECharts from what it cached when it installed, and the config tools
// (tools.wasm), which it caches at their first use, not before.
func TestOfflineAtRoot(t *testing.T) { offlineRun(t, "") }

func TestOfflineUnderSubPath(t *testing.T) { offlineRun(t, "/lab") }

func offlineRun(t *testing.T, base string) {
	ctx := browser(t)
	srv, url := serve(t, site(t, base), base)
	open(t, ctx, url)
	// Online first: a run works under this base.
	setField(t, ctx, "Sessions", "1000")
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("online run under %q: %q", base+"/", s)
	}
	checkCharts(t, ctx)
	// Wait until the service worker controls the page with its cache filled.
	waitFor[bool](t, ctx, `navigator.serviceWorker.controller !== null`)
	cached := func() []string {
		return eval[[]string](t, ctx, `caches.keys().then(async (ks) => ks.length !== 1 ? [] :
			(await (await caches.open(ks[0])).keys()).map((r) => new URL(r.url).pathname))`)
	}
	has := func(paths []string, suffix string) bool {
		for _, p := range paths {
			if strings.HasSuffix(p, suffix) {
				return true
			}
		}
		return false
	}
	before := cached()
	t.Logf("service worker caches %d resources at install: %v", len(before), before)
	for _, want := range []string{base + "/", "/web/app.wasm", "/web/worker.js", "/web/echarts.min.js", "/wasm_exec.js"} {
		if !has(before, want) {
			t.Errorf("the service worker did not cache %s when it installed", want)
		}
	}
	for _, later := range []string{"/web/tools.wasm", "/web/tools.js", "/web/bench.html"} {
		if has(before, later) {
			t.Errorf("the service worker cached %s before its first use", later)
		}
	}
	// First use of the config tools (the YAML export), online: cached then.
	exportYAML := func() string {
		return waitFor[string](t, ctx, js(`const a = [...document.querySelectorAll("a")].find((a) => a.textContent === "Export config (YAML)");
			return a ? decodeURIComponent(a.href.slice(a.href.indexOf(",") + 1)) : false;`))
	}
	eval[chromedp.Void](t, ctx, `document.querySelector("#config-json").closest("details").querySelector("summary").click()`)
	if y := exportYAML(); !strings.Contains(y, "num_sessions: 1000") {
		t.Errorf("online YAML export under %q:\n%.300s", base+"/", y)
	}
	waitFor[bool](t, ctx, `caches.keys().then(async (ks) => (await (await caches.open(ks[0])).keys()).some((r) => r.url.endsWith("/web/tools.wasm")))`)
	srv.Close()

	do(t, ctx, chromedp.Reload())
	waitMounted(t, ctx)
	setField(t, ctx, "Sessions", "1000")
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("offline run under %q: %q", base+"/", s)
	}
	checkCharts(t, ctx)
	// The HTML report inlines the site's ECharts, read from the cache.
	if n := waitFor[int](t, ctx, js(`const a = lab.byName("a", "Download report (HTML)");
		return a ? (await (await fetch(a.href)).text()).length : false;`)); n < 1<<20 {
		t.Errorf("offline report under %q: %d bytes, want ECharts inlined", base+"/", n)
	}
	// The config tools (YAML), used once online, start from the cache.
	eval[chromedp.Void](t, ctx, `document.querySelector("#config-json").closest("details").querySelector("summary").click()`)
	if y := exportYAML(); !strings.Contains(y, "num_sessions: 1000") {
		t.Errorf("offline YAML export under %q:\n%.300s", base+"/", y)
	}
	name := "offline-root.png"
	if base != "" {
		name = "offline-subpath.png"
	}
	screenshot(t, ctx, name)
}
