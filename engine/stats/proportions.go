package stats

import (
	"fmt"
	"math"
)

// TwoProportionZ compares two binomial proportions, x1 of n1 against x2 of
// n2 (session win rates of two configs), with the pooled two-sided z test:
//
//	z = (p̂1 − p̂2)/√(p̂(1−p̂)(1/n1 + 1/n2)),  p̂ = (x1+x2)/(n1+n2),
//
// and p = 2·P(Z ≥ |z|) from the standard normal. z² is Pearson's X² of
// the 2×2 table, so p equals R's prop.test(c(x1, x2), c(n1, n2), correct =
// FALSE). When every trial in both samples succeeded, or none did, the
// proportions are equal and it returns z = 0, p = 1. It returns NaNs if n1 or
// n2 is 0 and panics if x1 > n1 or x2 > n2.
//
// The samples must be independent; for two configs run on common random
// numbers this test ignores the pairing and is conservative.
func TwoProportionZ(x1, n1, x2, n2 uint64) (z, p float64) {
	if x1 > n1 || x2 > n2 {
		panic(fmt.Sprintf("stats: TwoProportionZ: %d of %d, %d of %d", x1, n1, x2, n2))
	}
	if n1 == 0 || n2 == 0 {
		return math.NaN(), math.NaN()
	}
	a, b := float64(n1), float64(n2)
	pooled := (float64(x1) + float64(x2)) / (a + b)
	v := pooled * (1 - pooled) * (1/a + 1/b)
	if v == 0 {
		return 0, 1
	}
	z = (float64(x1)/a - float64(x2)/b) / math.Sqrt(v)
	return z, 2 * normalSurvival(math.Abs(z))
}

// CohenH returns Cohen's h = 2·asin√p1 − 2·asin√p2, the effect size of a
// difference between two proportions on the variance-stabilising arcsine
// scale (Cohen 1988, Statistical Power Analysis, ch. 6: 0.2 small, 0.5
// medium, 0.8 large). It panics if a
// proportion is outside [0, 1].
func CohenH(p1, p2 float64) float64 {
	if !(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1) {
		panic(fmt.Sprintf("stats: CohenH: proportions %v, %v, want within [0, 1]", p1, p2))
	}
	return 2*math.Asin(math.Sqrt(p1)) - 2*math.Asin(math.Sqrt(p2))
}
