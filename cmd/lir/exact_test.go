package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/exact"
)

func runExactArgs(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runExact(args, &out, &errb)
	return out.String(), errb.String(), code
}

// Truth: the exact engine's pinned figures (engine/exact tests): the
// standard table's optimal EV -37963/1082900 and the default study's
// session probabilities summing to one.
func TestExactCLIDefault(t *testing.T) {
	out, errs, code := runExactArgs(t, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["ev_per_unit_exact"] != "-37963/1082900" {
		t.Errorf("ev_per_unit_exact = %v", doc["ev_per_unit_exact"])
	}
	for _, k := range []string{"ev_per_unit", "avg_units_in_action", "element_of_risk", "p_ride_bet1", "p_ride_bet2", "net_distribution", "session"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	s := doc["session"].(map[string]any)
	sum := s["p_win"].(float64) + s["p_push"].(float64) + s["p_loss"].(float64)
	if sum < 1-1e-9 || sum > 1+1e-9 {
		t.Errorf("session probabilities sum to %v", sum)
	}
	if _, ok := s["stop_reasons"].(map[string]any)["win_limit"]; !ok {
		t.Error("stop_reasons.win_limit missing")
	}
	text, _, code := runExactArgs(t)
	if code != 0 || !strings.Contains(text, "3.5057%") {
		t.Errorf("text output lacks the house edge:\n%s", text)
	}
}

func TestExactCLIBonusAndHand(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "bonus.json")
	os.WriteFile(cfg, []byte(`{"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}},
		"paytables": {"bonus": {"type": "paytable_a"}}}`), 0o644)
	out, errs, code := runExactArgs(t, "--config", cfg, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Bonus struct {
			EVExact string `json:"ev_per_unit_exact"`
		} `json:"bonus"`
	}
	json.Unmarshal([]byte(out), &doc)
	if doc.Bonus.EVExact != "-392/5525" { // -1568/22100
		t.Errorf("paytable_a bonus EV %q", doc.Bonus.EVExact)
	}
	out, errs, code = runExactArgs(t, "hand", "2h 5h 7h 9h", "--json")
	if code != 0 || !strings.Contains(out, `"ride_ev_exact": "11/16"`) {
		t.Errorf("four to a flush: exit %d %s %s", code, out, errs)
	}
	out, _, code = runExactArgs(t, "hand", "Ah Kh Qh", "--dead", "Jh Th", "--paytable", "bgc_lirx03")
	if code != 0 || !strings.Contains(out, "ride (ties: pull)") {
		t.Errorf("three to a royal with dead cards:\n%s", out)
	}
	for _, bad := range [][]string{{"hand", "Ah Kh"}, {"hand", "Ah Kh Qh", "--dead", "Ah"}, {"hand", "Ah Kh Qh", "--paytable", "nope"}, {"--bogus"}} {
		if _, _, code := runExactArgs(t, bad...); code == 0 {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestExactCLIWalkAway(t *testing.T) {
	out, errs, code := runExactArgs(t, "walkaway", "--win-limits", "50,100,250", "--loss-limits", "100,200", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc WalkAwayDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Cells) != 3 || len(doc.Cells[0]) != 2 {
		t.Fatalf("grid %dx%d", len(doc.Cells), len(doc.Cells[0]))
	}
	// The default study's own cell (+250 / -200) matches "lir exact".
	main, _, _ := runExactArgs(t, "--json")
	var d struct {
		Session SessionDoc `json:"session"`
	}
	json.Unmarshal([]byte(main), &d)
	if got := doc.Cells[2][1].PWin; got != d.Session.PWin {
		t.Errorf("walk-away cell P(win) %v, lir exact %v", got, d.Session.PWin)
	}
	if _, errs, code := runExactArgs(t, "walkaway", "--win-limits", "abc"); code == 0 || !strings.Contains(errs, "win-limits") {
		t.Errorf("bad limits accepted: %s", errs)
	}
}

// TestSessionRulesHaveNoPerHandFigures: a strategy that reads session
// variables is run, its document saying why it has no per-hand exact
// comparison; its session is exact.
func TestSessionRulesHaveNoPerHandFigures(t *testing.T) {
	code, out, errs := lir(t, "run", "--config", "testdata/session_rules.yaml", "--seed", "3", "--sessions", "200", "--json")
	if code != 0 {
		t.Fatalf("lir run: exit %d: %s", code, errs)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc["exact"]; ok {
		t.Error("the document compares the run with an exact engine that does not cover it")
	}
	why, _ := doc["exact_omitted"].(string)
	if !strings.Contains(why, "strategy.custom.bet1_rules and strategy.custom.bet2_rules read session variables") {
		t.Errorf("exact_omitted = %q", why)
	}
	// The session is exact all the same: the rules run in each state of
	// the chain; lir exact says the per-hand figures are a reference.
	text, errs, code := runExactArgs(t, "--config", "testdata/session_rules.yaml")
	if code != 0 || !strings.Contains(text, "Session (exact): P(win)") || !strings.Contains(text, "the custom rules read session variables, so no one per-hand distribution applies") {
		t.Errorf("lir exact: exit %d, %s\n%s", code, errs, text)
	}
}

// A main-game table that favours the player is said so plainly, as a
// favourable bonus table is, in lir exact (text and JSON) and in lir run's
// summary and document. Truth: the exact EVs, +636639/1082900 for basic
// strategy with a pair of tens or better paying 3 to 1, and for always_pull
// with it paying 2 a loss although optimal play wins.
func TestMainTableFavoursPlayer(t *testing.T) {
	dir := t.TempDir()
	fav := writeFile(t, dir, "fav.yaml", "paytables: {main_game: {type: custom, custom: {pair_tens_or_better: 3}}}\n")
	pull := writeFile(t, dir, "pull.yaml", "strategy: {type: always_pull}\npaytables: {main_game: {type: custom, custom: {pair_tens_or_better: 2}}}\n")
	const plain = "This main-game table favours the player."
	for _, c := range []struct {
		cfg, text         string
		strategy, optimal bool
	}{
		{"", "", false, false},
		{fav, plain, true, true},
		{pull, "This main-game table favours the player with optimal play (EV +0.283637 base bets a hand); this strategy loses.", false, true},
	} {
		args := []string{}
		if c.cfg != "" {
			args = append(args, "--config", c.cfg)
		}
		out, errs, code := runExactArgs(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.cfg, code, errs)
		}
		if got := strings.Contains(out, "favours the player"); got != (c.text != "") || c.text != "" && !strings.Contains(out, c.text) {
			t.Errorf("%q: want %q in\n%.600s", c.cfg, c.text, out)
		}
		js, _, _ := runExactArgs(t, append(args, "--json")...)
		var doc struct {
			Favours bool `json:"favours_player"`
			Optimal struct {
				Favours bool `json:"favours_player"`
			} `json:"optimal"`
		}
		if err := json.Unmarshal([]byte(js), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Favours != c.strategy || doc.Optimal.Favours != c.optimal {
			t.Errorf("%q: favours_player %v, optimal.favours_player %v", c.cfg, doc.Favours, doc.Optimal.Favours)
		}
	}
	summary := string(lirOut(t, "run", "--config", fav, "--seed", "1", "--sessions", "50"))
	if !strings.Contains(summary, plain) {
		t.Errorf("lir run does not say it:\n%s", summary)
	}
	var doc struct {
		Exact struct {
			Favours bool `json:"favours_player"`
		} `json:"exact"`
	}
	if err := json.Unmarshal(lirOut(t, "run", "--config", fav, "--seed", "1", "--sessions", "50", "--json"), &doc); err != nil || !doc.Exact.Favours {
		t.Errorf("exact.favours_player false in the results document (%v)", err)
	}
	if s := string(lirOut(t, "run", "--seed", "1", "--sessions", "50")); strings.Contains(s, "favours") {
		t.Errorf("the standard table is said to favour the player:\n%s", s)
	}
}

// TestExactGoal: lir exact goal on the default study reports goal-optimal
// play above basic strategy, with departures in words; a goal_optimal
// study gets the same section from lir exact; bad input names the flag or
// the field.
func TestExactGoal(t *testing.T) {
	out, errs, code := runExactArgs(t, "goal", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d exact.GoalDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Compared != "basic" || d.PGoal <= d.PGoalCompared || d.Gain <= 0 || len(d.Departures) == 0 || d.Departures[0].Words == "" {
		t.Fatalf("goal document: %+v", d)
	}
	text, _, code := runExactArgs(t, "--config", "../../configs/goal_optimal.yaml")
	if code != 0 || !strings.Contains(text, "Goal-optimal play (goal: end the session ahead)") || !strings.Contains(text, "with EV-optimal play") {
		t.Fatalf("lir exact on a goal_optimal study: exit %d\n%s", code, text)
	}
	if _, errs, code := runExactArgs(t, "goal", "--objective", "profit"); code != 2 || !strings.Contains(errs, "--objective: profit is not allowed") {
		t.Errorf("bad objective: exit %d, %s", code, errs)
	}
	dir := t.TempDir()
	noWin := writeFile(t, dir, "nowin.yaml", "bankroll: {stop_conditions: {win_limit: null}}\n")
	if _, errs, code := runExactArgs(t, "goal", "--config", noWin, "--objective", "win_limit"); code != 1 || !strings.Contains(errs, "strategy.goal_optimal.objective") {
		t.Errorf("win_limit goal without a win limit: exit %d, %s", code, errs)
	}
	// On a table of three seats the session is each seat's, said as for
	// any study (exact.Study.Per).
	seats := writeFile(t, dir, "seats.yaml", "strategy: {type: goal_optimal}\ntable: {num_seats: 3}\n")
	out, errs, code = runExactArgs(t, "--config", seats, "--json")
	var doc struct{ Session struct{ Per string } }
	if err := json.Unmarshal([]byte(out), &doc); code != 0 || err != nil || !strings.HasPrefix(doc.Session.Per, "per seat: each of the 3 seats") {
		t.Errorf("goal-optimal, 3 seats: exit %d (%s), session.per %q", code, errs, doc.Session.Per)
	}
}

// A final-bankroll distribution of more points than a document lists is
// merged into whole-dollar buckets of 1-2-5 steps (each at its lowest
// amount) that keep every probability; a small one is listed point by
// point.
func TestFinalBankrollBuckets(t *testing.T) {
	var f []exact.BankrollProb
	for i := range int64(50_000) {
		f = append(f, exact.BankrollProb{Cents: 1 + 7*i, P: 1.0 / 50_000}) // $3,500 of one-cent-odd amounts
	}
	out, step := finalBankroll(f)
	sum := 0.0
	for k, b := range out {
		sum += b.Probability
		if k > 0 && (b.Amount <= out[k-1].Amount || int64(b.Amount)%int64(*step) != 0) {
			t.Fatalf("bucket %d at %v after %v, step %v", k, b.Amount, out[k-1].Amount, *step)
		}
	}
	if step == nil || *step != 100 || len(out) > maxFinalPoints || math.Abs(sum-1) > 1e-12 {
		t.Fatalf("step %v, %d buckets, total %v", step, len(out), sum)
	}
	out, step = finalBankroll(f[:100])
	if step != nil || len(out) != 100 || out[3].Amount != 22 {
		t.Fatalf("small: step %v, %d points", step, len(out))
	}
}
