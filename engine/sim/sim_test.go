package sim

import (
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

func mustRunner(t testing.TB, c *config.Config) *Runner {
	t.Helper()
	r, err := NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Splitting sessions into ranges and merging them in any order gives the
// same aggregate as one range (DESIGN contract 1 and 3).
func TestRangesMergeToWhole(t *testing.T) {
	c := config.Default()
	c.Table.NumSeats = 3
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	r := mustRunner(t, c)
	whole := r.Run(7, 0, 300, nil)
	for _, cuts := range [][]int{{0, 150, 300}, {0, 1, 99, 250, 300}} {
		merged := NewAggregate(3)
		for k := len(cuts) - 2; k >= 0; k-- { // merge back to front
			merged.Merge(r.Run(7, cuts[k], cuts[k+1], nil))
		}
		if !reflect.DeepEqual(merged, whole) {
			t.Errorf("cuts %v: merged aggregate differs from the whole run", cuts)
		}
	}
}

var sinkAgg *Aggregate

// BenchmarkDefault measures the default config on one core and reports
// hands/s.
func BenchmarkDefault(b *testing.B) { benchmarkConfig(b, config.Default()) }

// BenchmarkThreeSeatsBonus measures the general loop: three seats, each
// with a $1 Three Card Bonus bet.
func BenchmarkThreeSeatsBonus(b *testing.B) {
	c := config.Default()
	c.Table.NumSeats = 3
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	benchmarkConfig(b, c)
}

// BenchmarkOneSeatBonus measures a lone player with a $5 Three Card Bonus
// bet every hand next to $5 base bets.
func BenchmarkOneSeatBonus(b *testing.B) {
	c := config.Default()
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	c.BonusStrategy.Always.Amount = *money(500)
	benchmarkConfig(b, c)
}

func benchmarkConfig(b *testing.B, c *config.Config) {
	r := mustRunner(b, c)
	b.ResetTimer()
	var hands uint64
	for i := 0; i < b.N; i++ {
		sinkAgg = r.Run(1, i*100, i*100+100, nil)
		hands += sinkAgg.Total().Hands
	}
	if hands == 0 {
		b.Fatal("no hands played")
	}
	b.ReportMetric(float64(hands)/b.Elapsed().Seconds(), "hands/s")
}
