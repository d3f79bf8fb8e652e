//go:build !wasm

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestCancelThenRun cancels a long run mid-way: the page says Cancelled,
// shows no partial figures, the workers are replaced, and a new run works.
func TestCancelThenRun(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Sessions", "5000000")
	seq := runSeq(t, ctx)
	click(t, ctx, "Run")
	waitFor[bool](t, ctx, `+document.querySelector("#overall").value > 0`)
	screenshot(t, ctx, "running.png")
	click(t, ctx, "Cancel")
	if s := waitStatus(t, ctx, seq+1, 30*time.Second); !strings.HasSuffix(s, "Cancelled") {
		t.Fatalf("status after Cancel: %q", s)
	}
	got := eval[map[string]any](t, ctx, js(`return {
		results: document.querySelector("#results").textContent,
		progress: !!document.querySelector("#overall"),
		json: [...document.querySelectorAll("a")].some((a) => a.textContent === "Download results (JSON)")};`))
	if !strings.Contains(got["results"].(string), "No results yet") || got["progress"] == true || got["json"] == true {
		t.Errorf("after Cancel the page still shows figures: %v", got)
	}
	setField(t, ctx, "Sessions", "2000")
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("run after Cancel: %q", s)
	}
}

// TestWorkerFailureFailsRun makes the workers receive a broken config (by
// patching postMessage in the page): the run fails visibly with the
// worker's reason, and the next run works.
func TestWorkerFailureFailsRun(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Sessions", "2000")
	eval[chromedp.Void](t, ctx, `
		window.realPost = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (m, ...rest) {
			if (m && m.type === "run") m = Object.assign({}, m, { config: "{broken" });
			return window.realPost.call(this, m, ...rest);
		};`)
	s := runToEnd(t, ctx)
	if !strings.HasPrefix(s, "Failed: ") || !strings.Contains(s, "config") {
		t.Fatalf("status with a failing worker: %q; want Failed: <reason about the config>", s)
	}
	t.Log(eval[string](t, ctx, `document.title + " " + document.querySelector("#status").textContent`))
	screenshot(t, ctx, "worker-failed.png")
	eval[chromedp.Void](t, ctx, `Worker.prototype.postMessage = window.realPost;`)
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("run after a failure: %q", s)
	}
}

// TestHistorySurvivesReload runs, reloads and finds the run in History; its
// Show button brings the results back.
func TestHistorySurvivesReload(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	setField(t, ctx, "Sessions", "1500")
	setField(t, ctx, "Seed", "777")
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatal(s)
	}
	do(t, ctx, chromedp.Reload())
	waitMounted(t, ctx)
	entries := waitFor[[]string](t, ctx, `(() => { const l = [...document.querySelectorAll("#history li")].map((li) => li.textContent); return l.length ? l : false; })()`)
	if len(entries) != 1 || !strings.Contains(entries[0], "seed 777") || !strings.Contains(entries[0], "1,500 sessions") || !strings.Contains(entries[0], " · Default study · ") {
		t.Fatalf("history after reload: %q", entries)
	}
	eval[chromedp.Void](t, ctx, `document.querySelector("#history li button").click()`)
	seed := waitFor[string](t, ctx, `document.querySelector("#results .summary td")?.textContent || false`)
	if seed != "777" {
		t.Errorf("results shown from history have seed %q, want 777", seed)
	}
}
