//go:build !wasm

package e2e

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
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
	if want := nativePWin(t, config.Study()); got[0] != want {
		t.Errorf("P(win) on the page %v, lir exact --json %v", got[0], want)
	}
	waitMounted(t, ctx)
	t.Logf("navigation → exact P(win) on screen: %.0f ms (page live at %.0f ms)", got[1], eval[float64](t, ctx, `window.lirMountedAt`))
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
	return nativePWinOf(t, f)
}

// nativePWinOf is lir exact --json --config file's session.p_win.
func nativePWinOf(t *testing.T, file string) float64 {
	t.Helper()
	cmd := exec.Command("go", "run", "./cmd/lir", "exact", "--json", "--config", file)
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

// TestGoalOptimalPreset: the preset "Play to walk away ahead"
// (configs/goal_optimal.yaml, strategy goal_optimal) brings, without a
// run, the answer panel's goal-optimal report — its exact P(win) equal to
// lir exact --json --config configs/goal_optimal.yaml's session.p_win, its
// gain over EV-optimal play, its departures in words — solved in the exact
// worker; Run then sets the simulated session beside the exact one, the
// simulated P(win) within 4 standard errors of the exact.
func TestGoalOptimalPreset(t *testing.T) {
	const sessions = 20000
	ctx := browser(t)
	_, url := serve(t, site(t, ""), "")
	open(t, ctx, url)
	// Every status of the answer while the goal-optimal solve works.
	eval[bool](t, ctx, `(() => {
		window.lirAnswerSolving = [];
		const s = document.getElementById("answer-status");
		new MutationObserver(() => {
			const m = /in a worker… (\d+)% · (\d+) s/.exec(s.textContent);
			if (m) window.lirAnswerSolving.push([+m[1], +m[2]]);
		}).observe(s, {subtree: true, childList: true, characterData: true});
		return true;
	})()`)
	start := eval[float64](t, ctx, js(`const t = performance.now(); lab.set("Preset", "goal_optimal"); return t;`))
	waitFor[bool](t, ctx, `/Play to walk away ahead/.test(document.querySelector("#load-msg").textContent)`)
	answer := waitFor[[]float64](t, ctx, `(() => {
		const a = document.querySelector("#answer");
		return a.getAttribute("aria-busy") === "false" && a.querySelector(".answer-goal") && [Number(a.dataset.exactPWin), performance.now()];
	})()`)
	got := answer[0]
	t.Logf("the preset chosen → its goal-optimal answer on screen: %.0f ms", answer[1]-start)
	t.Logf("the answer panel's shares while solving: %v", eval[[][2]float64](t, ctx, `window.lirAnswerSolving`))
	want := nativePWinOf(t, filepath.Join(repoRoot(t), "configs", "goal_optimal.yaml"))
	if got != want {
		t.Errorf("data-exact-p-win %v, lir exact --json %v", got, want)
	}
	goal := eval[[]string](t, ctx, `[...document.querySelectorAll("#answer .answer-goal tr")].map(r => r.textContent)`)
	departures := eval[int](t, ctx, `document.querySelectorAll("#answer .answer-goal ol.departures li").length`)
	if len(goal) < 4 || goal[1] != "Goal-optimal play"+pct(want) || !strings.HasPrefix(goal[2], "With EV-optimal play") || departures == 0 {
		t.Errorf("goal-optimal report: %q, %d departures listed", goal, departures)
	}
	shotOf(t, ctx, "answer", "goal-optimal-answer.png")

	setField(t, ctx, "Sessions", strconv.Itoa(sessions))
	setField(t, ctx, "Seed", strconv.Itoa(testSeed))
	if s := runToEnd(t, ctx); !strings.HasSuffix(s, "Done") {
		t.Fatalf("run status %q", s)
	}
	rows := eval[[][]string](t, ctx, `[...document.querySelectorAll("#exact-session tbody tr")].map(r => [...r.children].map(c => c.textContent))`)
	if len(rows) < 4 || rows[0][0] != "P(win session)" || rows[0][2] != pct(want) {
		t.Fatalf("simulated vs exact session: %q", rows)
	}
	var doc struct {
		PlayerSessions float64 `json:"player_sessions"`
		WinRate        struct {
			Value float64 `json:"value"`
		} `json:"session_win_rate"`
	}
	if err := json.Unmarshal(downloadJSON(t, ctx), &doc); err != nil {
		t.Fatal(err)
	}
	if rows[0][1] != pct(doc.WinRate.Value) {
		t.Errorf("simulated P(win) shown %q, the document's %v", rows[0][1], doc.WinRate.Value)
	}
	z := (doc.WinRate.Value - want) / math.Sqrt(want*(1-want)/doc.PlayerSessions)
	t.Logf("goal-optimal play: simulated P(win) %v over %v sessions, exact %v, z = %+.2f", doc.WinRate.Value, doc.PlayerSessions, want, z)
	if math.Abs(z) > 4 {
		t.Errorf("the simulated P(win) is %+.1f standard errors from the exact", z)
	}
	shotOf(t, ctx, "exact-session", "goal-optimal-session.png")
}

// pct is the page's percentage: two decimals.
func pct(p float64) string { return strconv.FormatFloat(100*p, 'f', 2, 64) + "%" }
