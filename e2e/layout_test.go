//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutShifts is JavaScript that lists the layout shifts of the page
// since navigation (the Layout Instability API, buffered), each with its
// score and the elements that moved, as "score: element (from → to)".
const layoutShifts = `new Promise((done) => {
	const out = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) {
			if (e.hadRecentInput) continue;
			const moved = e.sources.map((s) => {
				const n = s.node;
				const name = !n ? "(gone)" : n.nodeType !== 1 ? n.nodeName + " in " + (n.parentElement ? n.parentElement.tagName + "#" + n.parentElement.id + "." + n.parentElement.className : "?") :
					n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.className ? "." + String(n.className).replace(/ /g, ".") : "");
				const r = (b) => Math.round(b.x) + "," + Math.round(b.y) + " " + Math.round(b.width) + "×" + Math.round(b.height);
				return name + " (" + r(s.previousRect) + " → " + r(s.currentRect) + ")";
			});
			out.push(e.value.toFixed(4) + " at " + Math.round(e.startTime) + " ms: " + moved.join("; "));
		}
		done(out);
	}).observe({type: "layout-shift", buffered: true});
	setTimeout(() => done(out), 500);
})`

// TestNoLayoutShift: from navigation until the exact answer is on screen
// and the page is live, nothing on the page moves (cumulative layout
// shift 0): the pre-rendered page and the answer's space are what the
// live page shows, on a desktop window (Lighthouse's desktop size) and a
// phone's.
func TestNoLayoutShift(t *testing.T) {
	_, url := serve(t, site(t, ""), "")
	for _, size := range []struct {
		name string
		w, h int64
	}{{"desktop", 1350, 940}, {"phone", 390, 844}} {
		t.Run(size.name, func(t *testing.T) {
			ctx := browser(t)
			do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
			open(t, ctx, url)
			waitFor[bool](t, ctx, `!!document.querySelector("#answer").dataset.exactPWin`)
			eval[chromedp.Void](t, ctx, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))`)
			if shifts := eval[[]string](t, ctx, layoutShifts); len(shifts) > 0 {
				t.Errorf("the page moved as it started:\n%s", strings.Join(shifts, "\n"))
			}
		})
	}
}
