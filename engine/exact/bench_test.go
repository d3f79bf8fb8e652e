package exact

import (
	"runtime"
	"testing"

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
// bankroll, $5 bets) with a $1 bonus bet.
func BenchmarkSessionChain(b *testing.B) {
	c, _ := standardChain()
	r := SessionRules{Start: 50000, BaseBet: 500, BonusBet: 100, BonusIncrement: 1, BonusMin: 1,
		WinLimit: 25000, LossLimit: 20000, MaxHands: 200}
	b.Run("200hands", func(b *testing.B) {
		for b.Loop() {
			res, err := c.Run(r)
			if err != nil || res.ExpectedHands < 1 {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Seconds())/float64(b.N), "s/session-chain")
	})
	b.Run("200hands/no-win-limit", func(b *testing.B) {
		r := r
		r.WinLimit = 0
		for b.Loop() {
			if _, err := c.Run(r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// A 20 × 20 walk-away grid: win limits and loss limits from 5% to 100% of
// the bankroll, 200 hands each.
func BenchmarkWalkAway(b *testing.B) {
	c, _ := standardChain()
	base := SessionRules{Start: 50000, BaseBet: 500, BonusBet: 100, BonusIncrement: 1, BonusMin: 1, MaxHands: 200}
	var wins, losses []int64
	for k := int64(1); k <= 20; k++ {
		wins = append(wins, 2500*k)
		losses = append(losses, 2500*k)
	}
	b.Run("20x20", func(b *testing.B) {
		for b.Loop() {
			g, err := c.WalkAway(base, wins, losses, runtime.GOMAXPROCS(0))
			if err != nil || len(g) != 20 {
				b.Fatal(err)
			}
		}
	})
}

var _ = paytable.Standard
