package stats

import "math"

// Result is the outcome of a Pearson chi-square test.
type Result struct {
	Stat   float64 // Pearson's X² = Σ (observed − expected)²/expected
	DF     int     // degrees of freedom; 0 when no test was possible
	PValue float64 // P(χ²_DF ≥ Stat) (chiSquaredSurvival); NaN when DF = 0
	Pooled int     // number of original cells merged into the pooled cell (ChiSquareGOF); 0 if none
}

// newResult fills in the p-value of a statistic with df degrees of freedom.
func newResult(stat float64, df, pooled int) Result {
	if df < 1 {
		return Result{Stat: 0, DF: 0, PValue: math.NaN(), Pooled: pooled}
	}
	return Result{
		Stat:   stat,
		DF:     df,
		PValue: chiSquaredSurvival(float64(df), stat),
		Pooled: pooled,
	}
}
