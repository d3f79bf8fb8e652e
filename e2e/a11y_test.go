//go:build !wasm

package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axe runs axe-core (e2e/testdata/axe.min.js, `make axe` refreshes it) on
// the page for WCAG 2.1 A and AA and returns the violations, each as
// "rule: target, target…".
func axe(t *testing.T, ctx context.Context) []string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "e2e", "testdata", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, ctx, `typeof axe !== "undefined"`) {
		eval[chromedp.Void](t, ctx, string(src)+"\n;void 0")
	}
	return eval[[]string](t, ctx, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
		.then((r) => r.violations.map((v) => v.id + " (" + v.impact + "): " + v.nodes.map((n) => n.target.join(" ")).join(", ")))`)
}

// TestAccessibility: axe-core finds no WCAG 2.1 AA violation before and
// after a run, in the light theme and the dark one.
func TestAccessibility(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	waitFor[bool](t, ctx, `!!document.querySelector("#answer").dataset.exactPWin`)
	check := func(when string) {
		t.Helper()
		v := axe(t, ctx)
		t.Logf("axe-core, %s: %d violations", when, len(v))
		for _, x := range v {
			t.Errorf("%s: %s", when, x)
		}
	}
	check("before a run, light")
	click(t, ctx, "Dark theme")
	waitFor[bool](t, ctx, `document.documentElement.dataset.theme === "dark"`)
	check("before a run, dark")
	setField(t, ctx, "Sessions", "2000")
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("status %q", s)
	}
	waitChartsDrawn(t, ctx)
	check("after a run, dark")
	click(t, ctx, "Dark theme")
	waitFor[bool](t, ctx, `document.documentElement.dataset.theme === "light"`)
	waitChartsDrawn(t, ctx)
	check("after a run, light")
}

// press sends one key to the focused element.
func press(t *testing.T, ctx context.Context, key string, opts ...chromedp.KeyOption) {
	t.Helper()
	do(t, ctx, chromedp.KeyEvent(key, opts...))
}

// focused describes the focused element: its id, else its tag and text.
func focused(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `(() => { const a = document.activeElement;
		return !a ? "none" : a.id || (a.tagName.toLowerCase() + ":" + a.textContent.trim().slice(0, 40)); })()`)
}

// tabTo presses Tab (with the key options: Shift to go back) until the
// focus is on the element want names (at most limit presses) and returns
// how many it took.
func tabTo(t *testing.T, ctx context.Context, want string, limit int, opts ...chromedp.KeyOption) int {
	t.Helper()
	var seen []string
	for n := 1; n <= limit; n++ {
		press(t, ctx, kb.Tab, opts...)
		f := focused(t, ctx)
		if f == want {
			return n
		}
		if f == "body:" || f == "none" {
			t.Fatalf("Tab %d left the focus on the page's body (after %q)", n, seen)
		}
		seen = append(seen, f)
	}
	t.Fatalf("%s not reached in %d Tabs: %q", want, limit, seen)
	return 0
}

// TestKeyboardPath: with the keyboard alone a user skips to Run, runs,
// keeps the focus (Run hands it to Cancel, Cancel back to Run), reaches
// the results' downloads, and copies a share link, which says "Copied" in
// a live region.
func TestKeyboardPath(t *testing.T) {
	ctx := browser(t)
	srv, url := serve(t, site(t, ""), "")
	if _, err := chromedp.Call(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
		Permission: &cdpbrowser.PermissionDescriptor{Name: "clipboard-write"}, Setting: cdpbrowser.PermissionSettingGranted, Origin: srv.URL}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, url)

	// The first Tab reaches the skip link; Enter moves the focus to Run.
	press(t, ctx, kb.Tab)
	if f := focused(t, ctx); f != "skip" {
		t.Fatalf("first Tab focuses %q, want the skip link", f)
	}
	press(t, ctx, kb.Enter)
	if f := focused(t, ctx); f != "run-button" {
		t.Fatalf("the skip link moved the focus to %q, want Run", f)
	}
	seq := runSeq(t, ctx)
	press(t, ctx, kb.Enter)
	// Run disables itself: the focus goes to Cancel, not the page.
	waitFor[bool](t, ctx, `document.activeElement && document.activeElement.id === "cancel-button" || /Done$/.test(lab.status())`)
	s := waitStatus(t, ctx, seq+1, time.Minute)
	if !strings.HasSuffix(s, "Done") {
		t.Fatalf("status %q", s)
	}
	if f := waitFor[string](t, ctx, `document.activeElement && document.activeElement.id`); f != "run-button" {
		t.Errorf("after the run the focus is on %q, want Run", f)
	}
	n := tabTo(t, ctx, "download-json", 40)
	t.Logf("Run → Download results (JSON): %d Tabs", n)

	// The share link: the study's last control, just before Run.
	eval[chromedp.Void](t, ctx, `document.getElementById("run-button").focus()`)
	n = tabTo(t, ctx, "share", 10, chromedp.KeyModifiers(chromedp.ModifierShift))
	t.Logf("Run → Copy share link: %d Shift+Tabs", n)
	press(t, ctx, kb.Enter)
	note := waitFor[string](t, ctx, `document.querySelector("#share-note[role=status]").textContent || false`)
	if note != "Copied" {
		t.Errorf("share note %q, want Copied", note)
	}
	if link := eval[string](t, ctx, `document.querySelector("#share-url").value`); !strings.Contains(link, "#v1.") {
		t.Errorf("share link %q", link)
	}
	screenshot(t, ctx, "keyboard-share.png")
}

// TestInvalidFieldKeepsFocusRing: a field with a problem shows it by its
// border, and the focus ring still shows on it.
func TestInvalidFieldKeepsFocusRing(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Seats", "9")
	waitFor[bool](t, ctx, `lab.field("Seats").getAttribute("aria-invalid") === "true"`)
	// Back and forth with the keyboard, so the focus is :focus-visible.
	press(t, ctx, kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
	press(t, ctx, kb.Tab)
	got := eval[map[string]string](t, ctx, js(`const el = lab.field("Seats"), s = getComputedStyle(el);
		return {focused: String(document.activeElement === el), style: s.outlineStyle, width: s.outlineWidth};`))
	if got["focused"] != "true" || got["style"] != "solid" || got["width"] != "3px" {
		t.Errorf("focused invalid field: %v; want the 3px focus ring", got)
	}
}

// TestPresetListKeys: arrow keys move through the preset list without
// loading a study at each step; Enter loads the one chosen.
func TestPresetListKeys(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	eval[chromedp.Void](t, ctx, js(`lab.field("Preset").focus();`))
	for range 3 {
		press(t, ctx, kb.ArrowDown)
	}
	got := eval[map[string]string](t, ctx, js(`return {chosen: lab.field("Preset").value, sessions: lab.field("Sessions").value,
		msg: (document.querySelector("#load-msg") || {}).textContent || "", help: document.querySelector("#preset-help").textContent};`))
	if got["chosen"] == "default" || got["msg"] != "" || !strings.HasPrefix(got["help"], "Press Enter to load ") {
		t.Fatalf("after three arrow keys: %v; want a preset chosen, none loaded", got)
	}
	press(t, ctx, kb.Enter)
	msg := waitFor[string](t, ctx, `(document.querySelector("#load-msg") || {}).textContent || false`)
	if !strings.HasPrefix(msg, "Preset loaded: ") {
		t.Errorf("after Enter: %q", msg)
	}
}
