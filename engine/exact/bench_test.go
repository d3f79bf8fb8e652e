package exact

import (
	"runtime"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/strategy"
)

var sinkInt int64

// Optimal strategy plus the full per-hand distribution for a custom
// paytable. cold builds the paytable-independent completion table too
// (what a first request pays); warm reuses it.
func BenchmarkOptimalDistribution(b *testing.B) {
	p := customTable
	run := func(b *testing.B, c *Completions4) {
		s := NewRideSums(&p, c)
		t := s.Optimal(strategy.TiesPull)
		d := Distribution(t, c)
		if d.Total() != Deals || len(d.NetDistribution(&p)) == 0 {
			b.Fatal("incomplete enumeration")
		}
		sinkInt += d.NetUnits(&p)
	}
	b.Run("custom/cold", func(b *testing.B) {
		for b.Loop() {
			run(b, NewCompletions4())
		}
	})
	b.Run("custom/warm", func(b *testing.B) {
		c := completions()
		for b.Loop() {
			run(b, c)
		}
	})
}

// The default study's session (200 hands, +$250 / −$200 on a $500
// bankroll, $5 bets) with a $1 bonus bet, and betting-system studies of
// the Python tool's walk-away size ($500, $5 base, ±$100, 200 hands).
func BenchmarkSessionChain(b *testing.B) {
	c, _ := standardChain()
	for _, bc := range []struct{ name, js string }{
		{"200hands", `{"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`},
		{"200hands/no-win-limit", `{"bankroll": {"stop_conditions": {"win_limit": null}},
			"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`},
		{"martingale", `{"bankroll": {"starting_amount": 500, "base_bet": 5, "stop_conditions": {"win_limit": 100, "loss_limit": 100},
			"betting_system": {"type": "martingale", "martingale": {"loss_multiplier": 2, "max_bet": 80, "max_progressions": 4}}}}`},
		{"martingale/uncapped", `{"bankroll": {"betting_system": {"type": "martingale"}}}`},
		{"fibonacci", `{"bankroll": {"starting_amount": 500, "base_bet": 5, "stop_conditions": {"win_limit": 100, "loss_limit": 100},
			"betting_system": {"type": "fibonacci", "fibonacci": {"unit": 5, "max_position": 8}}}}`},
	} {
		s := study(b, bc.js)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				res, err := c.Run(s)
				if err != nil || res.ExpectedHands < 1 {
					b.Fatal(err)
				}
			}
		})
	}
}

// A 20 × 20 walk-away grid: win limits and loss limits from 5% to 100% of
// the bankroll, 200 hands each.
func BenchmarkWalkAway(b *testing.B) {
	c, _ := standardChain()
	cfg, err := config.DecodeJSON([]byte(`{"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 1}}}`))
	if err != nil {
		b.Fatal(err)
	}
	var wins, losses []int64
	for k := int64(1); k <= 20; k++ {
		wins = append(wins, 2500*k)
		losses = append(losses, 2500*k)
	}
	b.Run("20x20", func(b *testing.B) {
		for b.Loop() {
			g, err := (&Play{Chain: c}).WalkAway(cfg, wins, losses, runtime.GOMAXPROCS(0), nil)
			if err != nil || len(g) != 20 {
				b.Fatal(err)
			}
		}
	})
}

// Goal-optimal play on the default study: the induction alone (hand types
// built), and with the hand types built first (what a run pays: no other
// table is needed).
func BenchmarkGoalOptimal(b *testing.B) {
	k := defaultBook(b)
	ty := standardTypes()
	b.Run("default/solve", func(b *testing.B) {
		for b.Loop() {
			pol, err := SolveGoal(GoalStudy{Book: k, Types: ty})
			if err != nil || pol.PGoal < 0.3 {
				b.Fatal(err)
			}
		}
	})
	b.Run("default/types+solve", func(b *testing.B) {
		for b.Loop() {
			pol, err := SolveGoal(GoalStudy{Book: k, Types: NewHandTypes(&paytable.Standard)})
			if err != nil || pol.PGoal < 0.3 {
				b.Fatal(err)
			}
		}
	})
}
