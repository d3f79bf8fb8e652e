package exact

import (
	"math/rand/v2"
	"testing"

	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
)

// Studies whose sessions meet every rule between hands: each betting system
// and bonus strategy, bankrolls small enough that the cover reduces bets
// and bonus bets, money limits, hand caps, and rules that read the streak,
// the last bet, the peak and the hands played.
var stepStudies = []string{
	`{"bankroll": {"starting_amount": 40, "base_bet": 5, "stop_conditions": {"win_limit": null, "loss_limit": null}},
	  "bonus_strategy": {"enabled": true, "type": "static", "static": {"ratio": 0.4}}}`,
	`{"bankroll": {"starting_amount": 60, "base_bet": 5, "stop_conditions": {"win_limit": 30, "loss_limit": null, "stop_on_insufficient_funds": false}},
	  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 2}}}`,
	`{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 100, "loss_limit": 150},
	  "betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_progressions": 5}}},
	  "bonus_strategy": {"enabled": true, "type": "streak_based", "streak_based": {"amount": 1, "trigger": "loss", "streak_length": 2, "action": "multiply", "multiplier": 2, "max_multiplier": 4}}}`,
	`{"bankroll": {"starting_amount": 150, "base_bet": 5, "stop_conditions": {"win_limit": 200, "loss_limit": null},
	  "betting_system": {"type": "martingale", "progression_basis": "total", "martingale": {"loss_multiplier": 3, "max_progressions": 3, "at_max_progressions": "hold"}}},
	  "bonus_strategy": {"enabled": true, "type": "static", "static": {"amount": 1}}}`,
	`{"bankroll": {"starting_amount": 150, "base_bet": 5, "stop_conditions": {"win_limit": 150, "loss_limit": 120},
	  "betting_system": {"type": "reverse_martingale", "reverse_martingale": {"win_multiplier": 2, "profit_target_streak": 3}}},
	  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`,
	`{"bankroll": {"starting_amount": 100, "base_bet": 5, "stop_conditions": {"win_limit": 100, "loss_limit": 80},
	  "betting_system": {"type": "paroli", "paroli": {"win_multiplier": 2, "wins_before_reset": 3}}},
	  "bonus_strategy": {"enabled": true, "type": "streak_based", "streak_based": {"amount": 1, "streak_length": 1,
	    "python": {"trigger": "bonus_win", "reset_on": "bonus_loss", "action": "multiply", "value": 3, "max_multiplier": 9}}}}`,
	`{"bankroll": {"starting_amount": 120, "base_bet": 5, "stop_conditions": {"win_limit": 60, "loss_limit": 100},
	  "betting_system": {"type": "dalembert", "dalembert": {"unit": 5}}},
	  "bonus_strategy": {"enabled": true, "type": "bankroll_conditional", "bankroll_conditional": {"amount": 2, "max_drawdown": 20}}}`,
	`{"bankroll": {"starting_amount": 150, "base_bet": 5, "stop_conditions": {"win_limit": 100, "loss_limit": 100}},
	  "bonus_strategy": {"enabled": true, "type": "bankroll_conditional", "bankroll_conditional": {"amount": 1,
	    "profit_tiers": [{"min_profit": -20, "amount": 1}, {"min_profit": 10, "amount": 3}, {"min_profit": 40, "amount": 5}]}}}`,
	`{"simulation": {"hands_per_session": 60}, "bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 80, "loss_limit": 150},
	  "betting_system": {"type": "fibonacci", "fibonacci": {"unit": 5, "max_position": 8}}},
	  "bonus_strategy": {"enabled": true, "type": "session_conditional", "session_conditional": {"early_session": {"hands": 10, "amount": 3},
	    "near_win_limit": {"within": 30, "amount": 5}, "near_loss_limit": {"within": 40, "amount": 0}, "default": 1}}}`,
	`{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 100, "loss_limit": 150},
	  "betting_system": {"type": "proportional", "proportional": {"bankroll_percentage": 4}}},
	  "bonus_strategy": {"enabled": true, "type": "custom", "custom": {"expression": "bet >= 8 ? 2 : 1"}}}`,
	`{"bankroll": {"starting_amount": 200, "base_bet": 5, "stop_conditions": {"win_limit": 100, "loss_limit": 150, "max_duration_minutes": 45, "hands_per_hour": 60},
	  "betting_system": {"type": "custom", "custom": {"expression": "streak <= -2 ? last_bet * 2 : base_bet"}}},
	  "bonus_strategy": {"enabled": true, "type": "custom", "custom": {"expression": "peak_profit - session_profit > 15 ? 0 : 1"}}}`,
}

// Truth: the rulebook stepped as engine/sim steps it — Prepare before each
// hand, Settle after with the hand's main and bonus nets. The chain steps
// the same rulebook its own way: it plans each session state's hand (every
// state that covers the sizing of an unlimited bankroll takes that sizing,
// when no sizer reads the bankroll), finds the session state after a hand
// from its result class, moves the bankroll by lattice steps and stops
// hands that reach a limit at once. For random sequences of hand results
// drawn from the exact joint distribution, both give the same bets and
// bonus bets, the same session state and bankroll after every hand, and the
// same stop, for every betting system and bonus strategy.
func TestChainStepsTheRulebook(t *testing.T) {
	c, _ := standardChain()
	rng := rand.New(rand.NewPCG(1, 2))
	for n, js := range stepStudies {
		s := study(t, js)
		k := s.Book
		ch := c.newChain(s, 1) // the one-cent lattice holds every bankroll
		stops := map[rulebook.Stop]int{}
		hands, shortcut := 0, 0
		for seq := 0; seq < 300; seq++ {
			lit := k.NewState()
			var scLit, scCh rulebook.Scratch
			m := ch.intern(lit)
			i := int(k.Start)
			for layer := int64(0); ; layer++ {
				bet, bonus, reason, stopped := k.Prepare(&lit, &scLit)
				hs, hsStopped := k.CheckHands(layer)
				pl := ch.planMode(m, i, i, layer, hs, hsStopped, &scCh)
				var st rulebook.State
				var z sizing
				cReason, cStopped := pl.allStop, pl.allStopped
				if !cStopped {
					z, cReason, cStopped = ch.sizeAt(&pl, i, 1, &st, &scCh)
				}
				if stopped != cStopped || stopped && reason != cReason {
					t.Fatalf("study %d, hand %d: the rulebook stops %v (%v), the chain %v (%v)", n, layer+1, stopped, reason, cStopped, cReason)
				}
				if stopped {
					stops[reason]++
					break
				}
				if (sizing{bet: bet, bonus: bonus}) != z {
					t.Fatalf("study %d, hand %d: the rulebook bets %d + %d, the chain %d + %d", n, layer+1, bet, bonus, z.bet, z.bonus)
				}
				if i >= pl.coverIdx {
					shortcut++
				}
				// A result drawn from the joint distribution.
				r := rng.Float64()
				b, j := 0, 0
			draw:
				for b = range c.units {
					for j = range c.units[b] {
						if r -= c.probs[b][j]; r < 0 {
							break draw
						}
					}
				}
				main := c.units[b][j] * bet
				var bon int64
				if bonus > 0 {
					bon = k.Bonus.Net(poker.Category3(b), bonus, k.Bonus.StartMicro)
				}
				k.Settle(&lit, main, bon)
				hands++
				h, ok := ch.handFor(z)
				if !ok {
					t.Fatal("the one-cent lattice is too coarse")
				}
				x := i + int(c.units[b][j]*h.betG+h.bonusNet[b]/ch.g)
				if int64(x)*ch.g != lit.Bankroll {
					t.Fatalf("study %d, hand %d: bankroll %d, the chain's %d", n, layer+1, lit.Bankroll, int64(x)*ch.g)
				}
				if x >= ch.winIdx || x <= ch.lossIdx {
					want := rulebook.StopLossLimit
					if x >= ch.winIdx {
						want = rulebook.StopWinLimit
					}
					got, stopped := k.Check(&lit)
					if !stopped || got != want {
						t.Fatalf("study %d, hand %d: the chain stops at a limit (%v), the rulebook %v (%v)", n, layer+1, want, stopped, got)
					}
					stops[want]++
					break
				}
				m = ch.target(m, &st, rulebook.ResultClass(main, bon), main, bon, x)
				got := ch.modes[m]
				want := k.Mode(lit)
				if got != want {
					t.Fatalf("study %d, hand %d: session state %+v, the chain's %+v", n, layer+1, want, got)
				}
				i = x
			}
		}
		t.Logf("study %d: %d hands, %d sized by the cover shortcut, stops %v", n, hands, shortcut, stops)
	}
}
