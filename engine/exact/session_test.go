package exact

import (
	"errors"
	"math"
	"sync"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/strategy"
)

var (
	chainOnce sync.Once
	chainStd  *SessionChain // basic strategy, standard table
	evStd     float64       // main EV per hand in units
)

func standardChain() (*SessionChain, float64) {
	chainOnce.Do(func() {
		d := Distribution(strategy.Basic(strategy.TiesPull), completions())
		chainStd = NewSessionChain(d, &paytable.Standard)
		evStd, _ = d.EV(&paytable.Standard).Float64()
	})
	return chainStd, evStd
}

// study decodes a JSON config (basic strategy, standard table) into the
// chain's study.
func study(t testing.TB, js string) Study {
	t.Helper()
	c, err := config.DecodeJSON([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	s, err := StudyFromConfig(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// bruteForce walks every path of hand results literally, stepping the
// rulebook with Prepare and Settle as the simulator does, and returns the
// final-bankroll distribution and the stop-reason probabilities.
func bruteForce(c *SessionChain, k *rulebook.Book) (map[int64]float64, [rulebook.NumStops]float64) {
	final := map[int64]float64{}
	var stop [rulebook.NumStops]float64
	var walk func(st rulebook.State, p float64)
	walk = func(st rulebook.State, p float64) {
		var sc rulebook.Scratch
		bet, bonus, reason, stopped := k.Prepare(&st, &sc)
		if stopped {
			stop[reason] += p
			final[st.Bankroll] += p
			return
		}
		for b := range c.units {
			var bon int64
			if bonus > 0 {
				bon = k.Bonus.Net(poker.Category3(b), bonus, k.Bonus.StartMicro)
			}
			for j, u := range c.units[b] {
				next := st
				k.Settle(&next, u*bet, bon)
				walk(next, p*c.probs[b][j])
			}
		}
	}
	walk(k.NewState(), 1)
	return final, stop
}

// Truth: literal path enumeration of the rulebook. Short sessions of every
// betting system and session-following bonus strategy, small enough that
// bets are reduced, bonuses dropped and funds run out, agree with the chain
// on every final bankroll and every stop reason.
func TestSessionChainBruteForce(t *testing.T) {
	c, _ := standardChain()
	for _, js := range []string{
		`{"bankroll": {"starting_amount": 10, "base_bet": 1, "stop_conditions": {"win_limit": 5, "loss_limit": 6, "max_hands": 3}},
		  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 0.5}}}`,
		`{"bankroll": {"starting_amount": 7, "base_bet": 1, "stop_conditions": {"win_limit": null, "loss_limit": null, "max_hands": 3}},
		  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`,
		`{"bankroll": {"starting_amount": 20, "base_bet": 1, "stop_conditions": {"win_limit": 6, "loss_limit": 9, "max_hands": 3},
		  "betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_progressions": 3}}}}`,
		`{"bankroll": {"starting_amount": 20, "base_bet": 1, "stop_conditions": {"win_limit": 6, "loss_limit": 9, "max_hands": 3},
		  "betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_progressions": 1, "at_max_progressions": "hold"}}}}`,
		`{"bankroll": {"starting_amount": 12, "base_bet": 1, "stop_conditions": {"win_limit": null, "loss_limit": null, "max_hands": 3},
		  "betting_system": {"type": "paroli", "paroli": {"win_multiplier": 2, "wins_before_reset": 2}}},
		  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`,
		`{"bankroll": {"starting_amount": 15, "base_bet": 1, "stop_conditions": {"win_limit": 8, "loss_limit": null, "max_hands": 3},
		  "betting_system": {"type": "fibonacci", "fibonacci": {"unit": 1, "max_position": 5}}}}`,
		`{"bankroll": {"starting_amount": 15, "base_bet": 1, "stop_conditions": {"win_limit": null, "loss_limit": 8, "max_hands": 3},
		  "betting_system": {"type": "dalembert", "dalembert": {"unit": 1}}}}`,
		`{"bankroll": {"starting_amount": 9, "base_bet": 1, "stop_conditions": {"win_limit": null, "loss_limit": null, "max_hands": 3}},
		  "bonus_strategy": {"enabled": true, "type": "streak_based", "streak_based": {"amount": 1, "trigger": "loss", "streak_length": 1, "action": "multiply", "multiplier": 2, "max_multiplier": 4}}}`,
		`{"bankroll": {"starting_amount": 9, "base_bet": 1, "stop_conditions": {"win_limit": null, "loss_limit": null, "max_hands": 3}},
		  "bonus_strategy": {"enabled": true, "type": "streak_based", "streak_based": {"amount": 1, "streak_length": 1,
		    "python": {"trigger": "bonus_loss", "reset_on": "main_win", "action": "multiply", "value": 2, "max_multiplier": 4}}}}`,
		// Hands of one main and total sign but bonus results of both signs
		// (a $5 loss with a paid pair, a $5 loss with a lost bonus) move
		// this streak apart.
		`{"bankroll": {"starting_amount": 100, "base_bet": 5, "stop_conditions": {"win_limit": null, "loss_limit": null, "max_hands": 3}},
		  "bonus_strategy": {"enabled": true, "type": "streak_based", "streak_based": {"amount": 1, "streak_length": 1,
		    "python": {"trigger": "bonus_win", "reset_on": "bonus_loss", "action": "multiply", "value": 3, "max_multiplier": 9}}}}`,
		`{"bankroll": {"starting_amount": 30, "base_bet": 2, "stop_conditions": {"win_limit": 20, "loss_limit": null, "max_hands": 3},
		  "betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 3}}},
		  "bonus_strategy": {"enabled": true, "type": "bankroll_conditional", "bankroll_conditional": {"amount": 1, "max_drawdown": 3}}}`,
		`{"bankroll": {"starting_amount": 40, "base_bet": 2, "stop_conditions": {"win_limit": 30, "loss_limit": 25, "max_hands": 3},
		  "betting_system": {"type": "custom", "custom": {"expression": "streak < 0 ? last_bet * 2 : base_bet"}}},
		  "bonus_strategy": {"enabled": true, "type": "session_conditional", "session_conditional": {"early_session": {"hands": 1, "amount": 2},
		    "near_loss_limit": {"within": 10, "amount": 0}, "default": 1}}}`,
		`{"bankroll": {"starting_amount": 50, "base_bet": 2, "stop_conditions": {"win_limit": 30, "loss_limit": 30, "max_hands": 3},
		  "betting_system": {"type": "proportional", "proportional": {"bankroll_percentage": 7}}},
		  "bonus_strategy": {"enabled": true, "type": "custom", "custom": {"expression": "bet > 3 ? 1 : 0.5"}}}`,
	} {
		s := study(t, js)
		want, wantStop := bruteForce(c, s.Book)
		got, err := c.Run(s)
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		var total float64
		for _, b := range got.Final {
			total += b.P
			if math.Abs(b.P-want[b.Cents]) > 1e-14 {
				t.Errorf("%s: P(final %d) = %g, brute force %g", js, b.Cents, b.P, want[b.Cents])
			}
			delete(want, b.Cents)
		}
		for x, p := range want {
			if p > 1e-14 {
				t.Errorf("%s: brute force final %d (p %g) missing from the chain", js, x, p)
			}
		}
		for k := range got.Stop {
			if math.Abs(got.Stop[k]-wantStop[k]) > 1e-13 {
				t.Errorf("%s: P(%s) = %g, brute force %g", js, rulebook.Stop(k), got.Stop[k], wantStop[k])
			}
		}
		if math.Abs(total-1) > 1e-12 || math.Abs(got.PWin+got.PPush+got.PLoss-1) > 1e-12 {
			t.Errorf("%s: probabilities sum to %g", js, total)
		}
	}
}

// Truth: Wald's identity. With a flat bet that always fits, the expected
// session profit is the per-hand EV times the expected number of hands.
func TestSessionWald(t *testing.T) {
	c, ev := standardChain()
	s := study(t, `{"bankroll": {"starting_amount": 1000, "base_bet": 5, "stop_conditions": {"win_limit": 250, "loss_limit": 200, "max_hands": 200}}}`)
	res, err := c.Run(s)
	if err != nil {
		t.Fatal(err)
	}
	want := ev * 500 * res.ExpectedHands
	if math.Abs(res.ExpectedProfit-want) > 1e-9*math.Abs(want) {
		t.Errorf("E[profit] %.9f cents, EV × E[hands] = %.9f", res.ExpectedProfit, want)
	}
	var stops float64
	for _, p := range res.Stop {
		stops += p
	}
	if math.Abs(stops-1) > 1e-12 || res.Unfinished != 0 {
		t.Errorf("stop reasons sum to %g, unfinished %g", stops, res.Unfinished)
	}
}

// Truth: a hand-computable case. One hand, no limits: the final bankroll
// is the start plus one hand's joint result, so P(win) is the exact
// probability that main + bonus net is positive.
func TestSessionOneHand(t *testing.T) {
	c, _ := standardChain()
	d := Distribution(strategy.Basic(strategy.TiesPull), completions())
	var win int64
	for _, j := range d.Joint(&paytable.Standard) {
		if j.Units*2+paytable.PaytableB.Net(j.Bonus) > 0 { // base bet 2, bonus 1
			win += j.Count
		}
	}
	res, err := c.Run(study(t, `{"bankroll": {"starting_amount": 100, "base_bet": 2,
		"stop_conditions": {"win_limit": null, "loss_limit": null, "max_hands": 1}},
		"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := float64(win) / Deals; math.Abs(res.PWin-want) > 1e-15 {
		t.Errorf("P(win) %g, want %g", res.PWin, want)
	}
	if res.ExpectedHands != 1 || math.Abs(res.Stop[rulebook.StopMaxHands]-1) > 1e-14 {
		t.Errorf("hands %g, stops %v", res.ExpectedHands, res.Stop)
	}
}

// A study the chain cannot bound is refused as Omitted, naming why.
func TestSessionOmitted(t *testing.T) {
	c, _ := standardChain()
	for _, js := range []string{
		`{"paytables": {"bonus": {"type": "paytable_c", "progressive": {"starting_jackpot": 500, "reset_amount": 500, "contribution_rate": 0.1}}},
		  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`,
		`{"strategy": {"type": "custom", "custom": {"bet1_rules": [{"condition": "bankroll > 600", "action": "ride"}], "bet2_rules": []}}}`,
	} {
		c2, err := config.DecodeJSON([]byte(js))
		if err != nil {
			t.Logf("%s: %v (refused at load)", js, err)
			continue
		}
		s, err := StudyFromConfig(c2)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Run(s)
		var o *Omitted
		if !errors.As(err, &o) || o.Reason == "" {
			t.Errorf("%s: got %v, want Omitted with a reason", js, err)
		}
	}
}
