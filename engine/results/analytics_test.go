package results

import (
	"math"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

type sessions struct{ s []sim.SessionRecord }

func (r *sessions) Hand(*sim.HandRecord)         {}
func (r *sessions) Session(s *sim.SessionRecord) { r.s = append(r.s, *s) }

func approxEq(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// Risk of ruin and the per-session bonus decomposition agree with the same
// figures computed directly from every session's record (the per-session
// export), and each smaller bankroll's risk agrees with actually running
// that bankroll.
func TestRuinAndBonusAgainstSessions(t *testing.T) {
	c := config.Default()
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	r, _ := sim.NewRunner(c)
	var rec sessions
	agg := r.RunObserved(8, 0, 3000, nil, &rec)
	d := Build(c, 8, agg)
	n := float64(len(rec.s))
	for _, pt := range d.RiskOfRuin.LossCurve {
		loss := pt.Amount.V.Int64()
		k := 0
		for _, s := range rec.s {
			if s.Trough <= -loss {
				k++
			}
		}
		if float64(pt.Probability.Value) != float64(k)/n {
			t.Errorf("loss %d%%: %v, direct %v", pt.Percent, pt.Probability.Value, float64(k)/n)
		}
	}
	// Bankroll B: run it and count sessions whose bankroll fell below the stake.
	stake := d.RiskOfRuin.HandStake.V.Int64()
	for _, pt := range d.RiskOfRuin.ByBankroll[:8] {
		b := pt.Bankroll.V.Int64()
		cb := c.Clone()
		cb.Bankroll.StartingAmount = config.Money(b)
		rb, _ := sim.NewRunner(cb)
		var rr sessions
		rb.RunObserved(8, 0, 3000, nil, &rr)
		k := 0
		for _, s := range rr.s {
			if b+s.Trough < stake {
				k++
			}
		}
		if float64(pt.Probability.Value) != float64(k)/n {
			t.Errorf("bankroll %d: P(ruin) %v from one run, %v running that bankroll", b, pt.Probability.Value, float64(k)/n)
		}
	}
	// Per-session variance of the bonus part and of the main part.
	var sb, sbb, sm, smm, smb float64
	for _, s := range rec.s {
		b, m := float64(s.Bonus)/100, float64(s.Profit-s.Bonus)/100
		sb, sbb, sm, smm, smb = sb+b, sbb+b*b, sm+m, smm+m*m, smb+m*b
	}
	vb := (sbb - sb*sb/n) / (n - 1)
	vm := (smm - sm*sm/n) / (n - 1)
	cv := (smb - sm*sb/n) / (n - 1)
	ps := d.BonusImpact.PerSession
	if !approxEq(float64(ps.BonusVariance), vb) || !approxEq(float64(ps.MainVariance), vm) || math.Abs(float64(ps.Covariance)-cv) > 1e-6*math.Abs(vm) {
		t.Errorf("per-session variances %v %v %v, direct %v %v %v", ps.MainVariance, ps.BonusVariance, ps.Covariance, vm, vb, cv)
	}
	if s := float64(ps.MainShare + ps.BonusShare + ps.CovarianceShare); !approxEq(s, 1) {
		t.Errorf("variance shares add to %v", s)
	}
	if tv := float64(ps.TotalVariance); !approxEq(tv, float64(d.SessionProfit.Std)*float64(d.SessionProfit.Std)) {
		t.Errorf("total variance %v, session profit std² %v", tv, float64(d.SessionProfit.Std)*float64(d.SessionProfit.Std))
	}
}
