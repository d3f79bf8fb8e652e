//go:build !wasm

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lir-lab/lir/engine/config"
)

// TestAnswerFirst: without pressing Run, the page shows the default study's
// exact P(walk away ahead), equal to lir exact --json's session.p_win; an
// edit brings the edited study's, equal to lir exact's for that config.
// The delays (from navigation, and from the edit) are logged for
// docs/PERFORMANCE.md.
func TestAnswerFirst(t *testing.T) {
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	do(t, ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url))
	// performance.now() counts from this document's navigation start.
	got, err := chromedp.Run(ctx, chromedp.Poll[[]float64](`(() => {
		const a = document.querySelector("#answer");
		const p = a && a.dataset.exactPWin;
		return p ? [Number(p), performance.now()] : false;
	})()`, chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(10*time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("navigation → exact P(win) on screen: %.0f ms (page live at %.0f ms)", got[1], eval[float64](t, ctx, `window.lirMountedAt || -1`))
	if want := nativePWin(t, config.Study()); got[0] != want {
		t.Errorf("P(win) on the page %v, lir exact --json %v", got[0], want)
	}
	waitMounted(t, ctx)
	if n := runSeq(t, ctx); n != 0 {
		t.Errorf("%d runs started without Run", n)
	}

	// An edit: the win limit from $250 to $100.
	start := eval[float64](t, ctx, js(`window.lirEdit = performance.now(); lab.set("Win limit (profit)", "100"); return window.lirEdit;`))
	edited := waitFor[[]float64](t, ctx, `(() => {
		const a = document.querySelector("#answer");
		return a.getAttribute("aria-busy") === "false" && Number(a.dataset.exactPWin) !== `+strconv.FormatFloat(got[0], 'g', -1, 64)+` ? [Number(a.dataset.exactPWin), performance.now()] : false;
	})()`)
	t.Logf("edit → new exact P(win) on screen: %.0f ms", edited[1]-start)
	c := config.Study()
	win := config.Money(10000)
	c.Bankroll.StopConditions.WinLimit = &win
	if want := nativePWin(t, c); edited[0] != want {
		t.Errorf("P(win) after the edit %v, lir exact --json %v", edited[0], want)
	}
	screenshot(t, ctx, "answer-first.png")
}

// nativePWin is lir exact --json's session.p_win for config c.
func nativePWin(t *testing.T, c *config.Config) float64 {
	t.Helper()
	f := filepath.Join(t.TempDir(), "study.json")
	if err := os.WriteFile(f, c.CanonicalJSON(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "run", "./cmd/lir", "exact", "--json", "--config", f)
	cmd.Dir = repoRoot(t)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("lir exact --json: %v", err)
	}
	var doc struct {
		Session *struct {
			PWin float64 `json:"p_win"`
		} `json:"session"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || doc.Session == nil {
		t.Fatalf("lir exact --json: %v, session %v", err, doc.Session)
	}
	return doc.Session.PWin
}
