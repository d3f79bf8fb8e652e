//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOfflineAtRoot and TestOfflineUnderSubPath load the site once, stop the
// server, reload, and run: the service worker serves the page, both .wasm
// files, the worker script and ECharts from its cache.
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
	n := waitFor[int](t, ctx, `caches.keys().then(async (ks) => ks.length ? (await (await caches.open(ks[0])).keys()).length : false)`)
	t.Logf("service worker caches %d resources", n)
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
	// The config tools (YAML) start from the cache too.
	eval[chromedp.Void](t, ctx, `document.querySelector("#config-json").closest("details").querySelector("summary").click()`)
	if y := waitFor[string](t, ctx, js(`const a = [...document.querySelectorAll("a")].find((a) => a.textContent === "Export config (YAML)");
		return a ? decodeURIComponent(a.href.slice(a.href.indexOf(",") + 1)) : false;`)); !strings.Contains(y, "num_sessions: 1000") {
		t.Errorf("offline YAML export under %q:\n%.300s", base+"/", y)
	}
	name := "offline-root.png"
	if base != "" {
		name = "offline-subpath.png"
	}
	screenshot(t, ctx, name)
}
