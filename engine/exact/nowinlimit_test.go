package exact

import (
	"math"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

// TestChainsWithoutAWinLimit: with no win limit the lattice grows upward
// while a hand is played, which moves the chain's arrays. Whatever plays
// the hands — goal-optimal play, custom rules that read the session, a
// fixed strategy with a progression — the chain keeps exactly the mass it
// started with (the law of total probability: P(win) + P(push) + P(loss)
// and the stop reasons each sum to 1, and no session plays past its hand
// cap), and under goal-optimal play its P(win) is the induction's.
func TestChainsWithoutAWinLimit(t *testing.T) {
	const stops = `"stop_conditions":{"win_limit":null,"loss_limit":50,"max_hands":6}`
	goal := &Play{Goal: standardTypes()}
	rules := &Play{Rules: NewFeatureClasses(completions())}
	for _, tc := range []struct {
		name string
		play *Play
		js   string
	}{
		{"goal-optimal", goal, `{"bankroll":{"starting_amount":100,"base_bet":5,` + stops + `},"strategy":{"type":"goal_optimal"}}`},
		{"goal-optimal with a bonus", goal, `{"bankroll":{"starting_amount":100,"base_bet":5,` + stops + `},"strategy":{"type":"goal_optimal"},
			"bonus_strategy":{"enabled":true,"type":"always","always":{"amount":1}}}`},
		{"session rules", rules, `{"bankroll":{"starting_amount":100,"base_bet":5,` + stops + `},"strategy":{"type":"custom","custom":{
			"bet1_rules":[{"condition":"session_profit > 10","action":"ride"}],"bet2_rules":[{"condition":"has_paying_hand","action":"ride"}]}}}`},
		{"session rules, martingale", rules, `{"bankroll":{"starting_amount":200,"base_bet":5,` + stops + `,"betting_system":{"type":"martingale","martingale":{"max_progressions":2}}},
			"strategy":{"type":"custom","custom":{"bet1_rules":[{"condition":"streak < -1","action":"ride"}],"bet2_rules":[{"condition":"has_paying_hand","action":"ride"}]}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.DecodeJSON([]byte(tc.js))
			if err != nil {
				t.Fatal(err)
			}
			r, err := tc.play.Session(c, nil)
			if err != nil {
				t.Fatal(err)
			}
			var stopped float64
			for _, p := range r.Stop {
				stopped += p
			}
			if s := r.PWin + r.PPush + r.PLoss; math.Abs(s-1) > 1e-12 || math.Abs(stopped-1) > 1e-12 || r.ExpectedHands > 6+1e-9 {
				t.Fatalf("P(win) + P(push) + P(loss) = %.15f, stops sum to %.15f, E[hands] %.6f of at most 6", s, stopped, r.ExpectedHands)
			}
			if tc.play.Goal != nil {
				pol, err := GoalFor(c, tc.play.Goal, nil)
				if err != nil {
					t.Fatal(err)
				}
				if d := math.Abs(pol.PGoal - r.PWin); d > 1e-12 {
					t.Fatalf("induction P(win) %.15f, chain under its play %.15f", pol.PGoal, r.PWin)
				}
			}
		})
	}
}
