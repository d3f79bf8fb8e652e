package stats

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// The distributions behind the tests' p-values and intervals, written on
// gonum's special functions (mathext) with the formulas of gonum's distuv,
// so they give the same numbers. distuv itself would link gonum's linear
// algebra (its stat package), about 2.6 MB of WebAssembly in the page.

// normalSurvival is P(Z ≥ x) for a standard normal Z.
func normalSurvival(x float64) float64 { return 0.5 * math.Erfc(x/math.Sqrt2) }

// studentsTSurvival is P(T ≥ x) for Student's t with nu degrees of
// freedom: ½·I_{ν/(x²+ν)}(ν/2, ½) for x > 0, its complement below 0.
func studentsTSurvival(nu, x float64) float64 {
	if x == 0 {
		return 0.5
	}
	t := nu / (x*x + nu)
	if x > 0 {
		return 0.5 * mathext.RegIncBeta(nu/2, 0.5, t)
	}
	return 1 - 0.5*mathext.RegIncBeta(nu/2, 0.5, t)
}

// StudentsTQuantile returns the p-quantile of Student's t with nu degrees
// of freedom, inverting the incomplete beta function of studentsTSurvival.
// It panics if p is outside [0, 1].
func StudentsTQuantile(nu, p float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic("stats: StudentsTQuantile: p outside [0, 1]")
	}
	switch {
	case p == 0.5:
		return 0
	case p > 0.5:
		t := mathext.InvRegIncBeta(nu/2, 0.5, 2*(1-p))
		return math.Sqrt(nu * (1 - t) / t)
	}
	t := mathext.InvRegIncBeta(nu/2, 0.5, 2*p)
	return -math.Sqrt(nu * (1 - t) / t)
}

// chiSquaredSurvival is P(X ≥ x) for a chi-square X with k degrees of
// freedom: the regularised upper incomplete gamma function Q(k/2, x/2).
func chiSquaredSurvival(k, x float64) float64 {
	if x < 0 {
		return 1
	}
	return mathext.GammaIncRegComp(0.5*k, 0.5*x)
}
