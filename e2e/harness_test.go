//go:build !wasm

// Package e2e tests the built site in headless Chromium: it builds dist/
// with cmd/build, serves it from a local test server (at the root or under a
// sub-path) and drives the page as a user would, by the names people see.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/lir-lab/lir/internal/chromium"
	"github.com/lir-lab/lir/internal/statichost"
)

var (
	buildMu sync.Mutex
	builds  = map[string]string{} // base path → built site directory
	tmpRoot string
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "lir-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// repoRoot is the module root (the parent of this package's directory).
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(wd)
}

// site builds the static site for base ("" or "/path") once per test binary.
func site(t *testing.T, base string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if dir, ok := builds[base]; ok {
		return dir
	}
	dir := filepath.Join(tmpRoot, "site"+strings.ReplaceAll(base, "/", "_"))
	cmd := exec.Command("go", "run", "./cmd/build", "--out", dir, "--base", base, "--brotli", "0") // the tests read no .br file
	cmd.Dir = repoRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("building the site: %v\n%s", err, out)
	}
	builds[base] = dir
	return dir
}

// serve serves dir under base, as GitHub Pages would (gzip on the fly),
// and returns the server and the page URL.
func serve(t *testing.T, dir, base string) (*httptest.Server, string) {
	t.Helper()
	srv, url, _ := serveHost(t, dir, base, 0)
	return srv, url
}

// serveHost is serve with the host itself, which counts what it sends, and
// its Cache-Control max-age (0 for none).
func serveHost(t *testing.T, dir, base string, maxAge int) (*httptest.Server, string, *statichost.Host) {
	t.Helper()
	host := statichost.New(dir, base, statichost.Gzip, maxAge)
	srv := httptest.NewServer(host)
	t.Cleanup(srv.Close)
	return srv, srv.URL + base + "/", host
}

// browser starts a fresh headless Chromium (its own profile) for one test.
func browser(t *testing.T) context.Context {
	t.Helper()
	chromiumPath := chromium.Need(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1700),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	limit := 90 * time.Second
	if os.Getenv("LIR_MEASURE") != "" {
		limit = 10 * time.Minute // long measurement runs
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", chromiumPath, err)
	}
	captureConsole(t, ctx)
	return ctx
}

// captureConsole keeps the page's console messages and uncaught exceptions
// and prints them when the test fails.
func captureConsole(t *testing.T, ctx context.Context) {
	var mu sync.Mutex
	var lines []string
	add := func(s string) {
		mu.Lock()
		lines = append(lines, s)
		mu.Unlock()
	}
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else if a.Description != "" {
					parts = append(parts, a.Description)
				}
			}
			add(fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(parts, " ")))
		}
	}()
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			add("exception: " + msg)
		}
	}()
	t.Cleanup(func() {
		if t.Failed() {
			mu.Lock()
			defer mu.Unlock()
			for _, l := range lines {
				t.Log(l)
			}
		}
	})
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	ectx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ectx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// open navigates to url and waits until the Go page is mounted.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url))
	waitMounted(t, ctx)
}

func waitMounted(t *testing.T, ctx context.Context) {
	t.Helper()
	for try := 0; ; try++ {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.getAttribute("data-lab") === "ready"`,
			chromedp.WithPollingTimeout(60*time.Second)))
		if err == nil {
			return
		}
		// A poll started just as the document changed loses its context.
		if try < 5 && strings.Contains(err.Error(), "Cannot find context") {
			time.Sleep(100 * time.Millisecond)
			continue
		}
		t.Fatalf("the page did not start: %v", err)
	}
}

// helpers is JavaScript that finds controls by the names people see.
const helpers = `
const lab = {
  byName(sel, name) {
    const all = [...document.querySelectorAll(sel)].filter(
      (el) => (el.getAttribute("aria-label") || el.textContent).trim() === name);
    if (all.length !== 1) throw new Error("expected one " + sel + " named " + JSON.stringify(name) + ", found " + all.length);
    return all[0];
  },
  field(label) {
    const l = [...document.querySelectorAll("label")].find((l) => l.textContent.trim() === label);
    if (!l) throw new Error("no field labelled " + JSON.stringify(label));
    return document.getElementById(l.htmlFor);
  },
  set(label, value) {
    const el = lab.field(label);
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  },
  status() { return document.querySelector('[role="status"]#status').textContent.trim(); },
};
`

func js(expr string) string { return "(async () => {" + helpers + "\n" + expr + "\n})()" }

// waitFor polls a JavaScript expression (it may use lab) until it is truthy
// and returns its value.
func waitFor[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Poll[T](`(() => {`+helpers+`
		try { return (`+expr+`); } catch (e) { return false; }
	})()`, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
	return v
}

func click(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, js(`lab.byName("button", `+quote(name)+`).click();`))
}

func setField(t *testing.T, ctx context.Context, label, value string) {
	t.Helper()
	eval[chromedp.Void](t, ctx, js(`lab.set(`+quote(label)+`, `+quote(value)+`);`))
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// runSeq is the number of runs the page has started (data-run on the status).
func runSeq(t *testing.T, ctx context.Context) int {
	return eval[int](t, ctx, `+document.querySelector("#status").dataset.run`)
}

// waitStatus waits until run number seq has ended, that is the status region
// ends with Done, Cancelled or Failed: <reason>, and returns its text.
func waitStatus(t *testing.T, ctx context.Context, seq int, timeout time.Duration) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => {
		const el = document.querySelector('[role="status"]#status');
		const t = el.textContent.trim();
		return +el.dataset.run >= `+strconv.Itoa(seq)+` && /(Done|Cancelled)$|Failed: /.test(t) ? t : false;
	})()`, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond)))
	if err != nil {
		t.Fatalf("waiting for the run to end: %v (status: %q)", err, statusText(ctx))
	}
	return s
}

func statusText(ctx context.Context) string {
	s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#status')?.textContent || ""`))
	return s
}

// runToEnd presses Run and waits for the run to end; it returns the status.
func runToEnd(t *testing.T, ctx context.Context) string {
	t.Helper()
	seq := runSeq(t, ctx)
	click(t, ctx, "Run")
	return waitStatus(t, ctx, seq+1, time.Minute)
}

// downloadJSON reads the document behind the "Download results (JSON)" link.
func downloadJSON(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	s := eval[string](t, ctx, js(`const a = lab.byName("a", "Download results (JSON)");
		return await (await fetch(a.href)).text();`))
	return []byte(s)
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	shot(t, ctx, name)
}

// shot saves a full-page screenshot of ctx's tab to e2e/screenshots/name.
// It gives up after 20 s with a message: a hung capture must fail the test,
// not block the package.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, ctx, name, chromedp.FullScreenshot(100))
}

// shotView saves a screenshot of what the window shows (fixed elements
// where a user sees them) to e2e/screenshots/name.
func shotView(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	saveShot(t, ctx, name, chromedp.CaptureScreenshot())
}

// shotOf saves a screenshot of the element with that id to
// e2e/screenshots/name.
func shotOf(t *testing.T, ctx context.Context, id, name string) {
	t.Helper()
	saveShot(t, ctx, name, chromedp.Screenshot(chromedp.ID(id)))
}

// saveShot takes a screenshot with capture, giving up after 20 s, and
// saves it to e2e/screenshots/name.
func saveShot(t *testing.T, ctx context.Context, name string, capture chromedp.Action[[]byte]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	buf, err := chromedp.Run(sctx, capture)
	if err != nil {
		t.Fatalf("screenshot %s (20 s limit): %v", name, err)
	}
	dir := filepath.Join(repoRoot(t), "e2e", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// withoutTiming decodes a results document and drops its timing key.
func withoutTiming(t *testing.T, doc []byte) map[string]any {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("results document is not JSON: %v\n%.300s", err, doc)
	}
	delete(m, "timing")
	return m
}

func sameDoc(t *testing.T, what string, got, want []byte) {
	t.Helper()
	g, _ := json.Marshal(withoutTiming(t, got))
	w, _ := json.Marshal(withoutTiming(t, want))
	if !bytes.Equal(g, w) {
		t.Errorf("%s: results differ outside timing\n got: %.600s\nwant: %.600s", what, g, w)
	}
}
