package exact_test

import (
	"math"
	"math/big"
	"runtime"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/sim"
)

// Session studies with a betting system or a bonus strategy that follows
// the session: each betting system and each bonus strategy appears at
// least twice, once with a bonus bet. Short sessions keep 200,000 of them
// a few million hands.
var mcSessionConfigs = []struct{ name, json string }{
	{"martingale", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_progressions": 4}}}}`},
	{"martingale + always bonus", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_bet": 40}}},
		"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`},
	{"reverse martingale", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 60, "loss_limit": 80, "max_hands": 20},
		"betting_system": {"type": "reverse_martingale", "reverse_martingale": {"win_multiplier": 2}}}}`},
	{"reverse martingale + static ratio bonus", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 60, "loss_limit": 80, "max_hands": 20},
		"betting_system": {"type": "reverse_martingale", "reverse_martingale": {"win_multiplier": 2}}},
		"bonus_strategy": {"enabled": true, "type": "static", "static": {"ratio": 0.2}}}`},
	{"paroli", `{"bankroll": {"starting_amount": 150, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 60, "max_hands": 20},
		"betting_system": {"type": "paroli", "paroli": {"win_multiplier": 2, "wins_before_reset": 3}}}}`},
	{"paroli + streak bonus", `{"bankroll": {"starting_amount": 150, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 60, "max_hands": 20},
		"betting_system": {"type": "paroli", "paroli": {"win_multiplier": 2, "wins_before_reset": 3}}},
		"bonus_strategy": {"enabled": true, "type": "streak_based", "streak_based": {"amount": 1, "trigger": "loss", "streak_length": 2, "action": "multiply", "multiplier": 2, "max_multiplier": 4}}}`},
	{"dalembert", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 80, "max_hands": 20},
		"betting_system": {"type": "dalembert", "dalembert": {"unit": 5}}}}`},
	{"dalembert + bankroll-conditional bonus", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 80, "max_hands": 20},
		"betting_system": {"type": "dalembert", "dalembert": {"unit": 5}}},
		"bonus_strategy": {"enabled": true, "type": "bankroll_conditional", "bankroll_conditional": {"amount": 2, "min_session_profit": 10}}}`},
	{"fibonacci", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "fibonacci", "fibonacci": {"unit": 5, "max_position": 8}}}}`},
	{"fibonacci + session-conditional bonus", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "fibonacci", "fibonacci": {"unit": 5, "max_position": 8}}},
		"bonus_strategy": {"enabled": true, "type": "session_conditional", "session_conditional": {"early_session": {"hands": 5, "amount": 2}, "default": 1}}}`},
	{"proportional", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "proportional", "proportional": {"bankroll_percentage": 3}}}}`},
	{"proportional + custom bonus", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "proportional", "proportional": {"bankroll_percentage": 3}}},
		"bonus_strategy": {"enabled": true, "type": "custom", "custom": {"expression": "session_profit > 0 ? 2 : 1"}}}`},
	{"custom bet expression", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "custom", "custom": {"expression": "streak < 0 ? 10 : 5"}}}}`},
	{"custom bet expression + drawdown bonus", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "custom", "custom": {"expression": "streak < 0 ? 10 : 5"}}},
		"bonus_strategy": {"enabled": true, "type": "bankroll_conditional", "bankroll_conditional": {"amount": 1, "max_drawdown": 30}}}`},
	// Play that follows the session: custom rules over session variables,
	// and goal-optimal play.
	{"custom rules over session variables", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20}},
		"strategy": {"type": "custom", "custom": {"bet1_rules": [{"condition": "has_pair and session_profit < 0", "action": "ride"}, {"condition": "has_high_pair", "action": "ride"}],
			"bet2_rules": [{"condition": "has_paying_hand or (is_flush_draw and hands_played >= 10)", "action": "ride"}]}}}`},
	{"custom rules over streaks + always bonus", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20}},
		"strategy": {"type": "custom", "custom": {"bet1_rules": [{"condition": "has_paying_hand or (streak <= -2 and high_cards >= 2)", "action": "ride"}],
			"bet2_rules": [{"condition": "has_paying_hand or is_flush_draw or (last_result < 0 and is_open_straight_draw)", "action": "ride"}]}},
		"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`},
	{"goal-optimal", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20}},
		"strategy": {"type": "goal_optimal"}}`},
	{"goal-optimal, martingale + always bonus, win-limit goal", `{"bankroll": {"starting_amount": 200, "base_bet": 5, "chip_increment": 1, "stop_conditions": {"win_limit": 50, "loss_limit": 100, "max_hands": 20},
		"betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_bet": 40}}},
		"strategy": {"type": "goal_optimal", "goal_optimal": {"objective": "win_limit"}},
		"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`},
}

// Truth: the exact session chain. For each study, 200,000 seeded
// simulated sessions give P(win), P(push), P(loss), every stop reason's
// rate, the mean hands and the mean profit within 4 standard errors of the
// chain's exact figures (binomial SEs from the exact probabilities; the
// means' SEs from the simulated spread).
func TestMonteCarloSessionsAgreeWithExact(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 sessions per study")
	}
	const sessions = 200_000
	for k, mc := range mcSessionConfigs {
		t.Run(mc.name, func(t *testing.T) {
			cfg, err := config.DecodeJSON([]byte(mc.json))
			if err != nil {
				t.Fatal(err)
			}
			runner, err := sim.NewRunner(cfg)
			if err != nil {
				t.Fatal(err)
			}
			agg := runner.Run(0x5e55000+uint64(k), 0, sessions, nil)
			play, _, err := sim.ExactPlay(cfg)
			if err != nil {
				t.Fatal(err)
			}
			sess, err := play.Session(cfg, nil)
			if err != nil {
				t.Fatal(err)
			}
			if s, _ := exact.StudyFromConfig(cfg); !s.Book.Dynamic() && play.Chain != nil {
				t.Error("the study does not follow the session")
			}
			ss := &agg.Seats[0]
			n := float64(ss.PlayerSessions)
			z := func(what string, got, want, se float64) {
				t.Helper()
				if se == 0 && got != want || se > 0 && math.Abs(got-want) > 4*se {
					t.Errorf("%s: simulated %.6g, exact %.6g, SE %.3g", what, got, want, se)
				}
			}
			prop := func(what string, count uint64, p float64) {
				t.Helper()
				z(what, float64(count)/n, p, math.Sqrt(p*(1-p)/n))
			}
			prop("P(win)", ss.Outcomes[sim.OutcomeWin], sess.PWin)
			prop("P(push)", ss.Outcomes[sim.OutcomePush], sess.PPush)
			prop("P(loss)", ss.Outcomes[sim.OutcomeLoss], sess.PLoss)
			for r := range rulebook.NumStops {
				prop("P(stop "+rulebook.Stop(r).String()+")", ss.StopReasons[r], sess.Stop[r])
			}
			mean := func(m *sim.Moments) (float64, float64) {
				s1, _ := new(big.Float).SetInt(m.S1.Big()).Float64()
				s2, _ := new(big.Float).SetInt(m.S2.Big()).Float64()
				mu := s1 / n
				return mu, math.Sqrt((s2/n - mu*mu) / n)
			}
			mu, se := mean(&ss.Profit)
			z("mean profit (cents)", mu, sess.ExpectedProfit, se)
			var sum, sum2 float64
			for v, c := range ss.HandsHist.Counts {
				x := float64(v) // one bucket per hand count (Shift 0, checked below)
				sum += x * float64(c)
				sum2 += x * x * float64(c)
			}
			if ss.HandsHist.Shift != 0 {
				t.Fatalf("hands histogram bucketed (shift %d)", ss.HandsHist.Shift)
			}
			hm := sum / n
			z("mean hands", hm, sess.ExpectedHands, math.Sqrt((sum2/n-hm*hm)/n))
			t.Logf("P(win) exact %.5f simulated %.5f; E[hands] %.3f; %d session states", sess.PWin, float64(ss.Outcomes[sim.OutcomeWin])/n, sess.ExpectedHands, sess.Modes)
		})
	}
}

// Truth: goal-optimal play's own induction. On the default study,
// goal-optimal play wins more often than basic strategy (the chain's
// exact figure for basic), and 200,000 simulated sessions played from its
// decision tables land within 4 standard errors of the P(win) the
// induction promised. (32 million hands: native only; the 20-hand
// goal-optimal studies above run under WebAssembly too.)
func TestMonteCarloGoalOptimalDefaultStudy(t *testing.T) {
	if testing.Short() || runtime.GOARCH == "wasm" {
		t.Skip("200,000 default-study sessions")
	}
	cfg := config.Study()
	cfg.Strategy.Type = "goal_optimal"
	basicPlay, _, err := sim.ExactPlay(config.Study())
	if err != nil {
		t.Fatal(err)
	}
	basic, err := basicPlay.Session(config.Study(), nil)
	if err != nil {
		t.Fatal(err)
	}
	play, _, err := sim.ExactPlay(cfg)
	if err != nil {
		t.Fatal(err)
	}
	goal, err := play.Session(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if goal.PWin <= basic.PWin {
		t.Fatalf("goal-optimal P(win) %.6f not above basic's %.6f", goal.PWin, basic.PWin)
	}
	runner, err := sim.NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	const sessions = 200_000
	agg := runner.Run(0x90a1, 0, sessions, nil)
	ss := &agg.Seats[0]
	got := float64(ss.Outcomes[sim.OutcomeWin]) / sessions
	se := math.Sqrt(goal.PWin * (1 - goal.PWin) / sessions)
	if z := (got - goal.PWin) / se; math.Abs(z) > 4 {
		t.Fatalf("P(win): simulated %.5f, exact %.5f, z %.2f", got, goal.PWin, z)
	}
	t.Logf("P(win): goal-optimal exact %.5f, simulated %.5f (SE %.5f); basic %.5f", goal.PWin, got, se, basic.PWin)
}
