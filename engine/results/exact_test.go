package results

import (
	"math"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
)

// flatConfig is flat $1 betting with max hands as the only stop: every
// hand is an independent draw from the exact per-hand distribution.
func flatConfig(sessions, hands int64) *config.Config {
	c := config.Default()
	c.Simulation.NumSessions = sessions
	c.Simulation.HandsPerSession = hands
	c.Bankroll.StartingAmount = 1000000 * 100
	c.Bankroll.BaseBet = 100
	c.Bankroll.StopConditions.WinLimit = nil
	c.Bankroll.StopConditions.LossLimit = nil
	return c
}

// TestMonteCarloAgreesWithExact runs 20 million seeded hands of basic
// strategy and checks them against this project's exact enumeration: EV per
// unit and the bet-1 / bet-2 ride rates within 4 standard errors (a correct
// simulator fails one of the three with probability below 2 × 10⁻⁴), and the
// final-hand frequencies by a chi-square test at the 0.1% level.
func TestMonteCarloAgreesWithExact(t *testing.T) {
	if testing.Short() {
		t.Skip("20 million hands")
	}
	c := flatConfig(100000, 200)
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	agg := runner.Run(r, 20261126, 0, int(c.Simulation.NumSessions), 0, nil)
	doc := Build(c, 20261126, agg)
	e, err := ExactFor(c)
	if err != nil {
		t.Fatal(err)
	}
	doc.Compare(agg, e)
	if doc.Hands != 20000000 {
		t.Fatalf("played %d hands, want 20,000,000", doc.Hands)
	}
	x := doc.Exact
	for name, ch := range map[string]Check{"EV per unit": x.EVPerUnitBet, "ride bet 1": x.RideBet1, "ride bet 2": x.RideBet2} {
		t.Logf("%s: observed %.6f, exact %.6f (%s), se %.6f, z %+.2f", name, ch.Observed, ch.Exact, ch.ExactFrac, ch.StdErr, ch.Z)
		if math.Abs(float64(ch.Z)) > 4 {
			t.Errorf("%s: z = %.2f, beyond 4 standard errors", name, ch.Z)
		}
	}
	t.Logf("final hands: chi-square %.2f on %d df, p = %.4f", x.HandsTest.Stat, x.HandsTest.DF, x.HandsTest.PValue)
	if x.HandsTest.PValue < 0.001 {
		t.Errorf("final-hand frequencies fail the chi-square test: p = %v", x.HandsTest.PValue)
	}
	if x.HouseEdgeFrac != "37963/1082900" {
		t.Errorf("house edge = %s, want 37963/1082900", x.HouseEdgeFrac)
	}
}
