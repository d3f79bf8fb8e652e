package sim

import (
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
)

// BenchmarkExactSolve is what an engine worker does for the page's exact
// request of the default study: the strategy's exact hand distribution,
// its tables built, then the exact session.
func BenchmarkExactSolve(b *testing.B) {
	c := config.Default()
	for b.Loop() {
		_, d, err := ExactDistribution(c)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := exact.SolveSession(c, d, nil); err != nil {
			b.Fatal(err)
		}
	}
}
