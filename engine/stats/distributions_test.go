package stats

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// The distributions written on mathext give exactly gonum's distuv numbers
// (what the results documents held before), over a grid of arguments;
// the normal tail agrees to 1e-15 where distuv's 1 − erf keeps its
// precision (below, see TestNormalSurvivalTail).
func TestDistributionsMatchDistuv(t *testing.T) {
	xs := []float64{-40, -8.5, -3, -1.96, -1, -0.25, -1e-9, 0, 1e-9, 0.25, 1, 1.96, 3, 8.5, 40, 1e3}
	for _, x := range xs {
		if got, want := normalSurvival(x), distuv.UnitNormal.Survival(x); x < 3 && math.Abs(got-want) > 1e-15*want {
			t.Errorf("normalSurvival(%v) = %v, distuv %v", x, got, want)
		}
		for _, nu := range []float64{1, 2, 3, 9, 30, 399, 1e5} {
			if got, want := studentsTSurvival(nu, x), (distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}).Survival(x); got != want {
				t.Errorf("studentsTSurvival(%v, %v) = %v, distuv %v", nu, x, got, want)
			}
			if x >= 0 {
				if got, want := chiSquaredSurvival(nu, x), (distuv.ChiSquared{K: nu}).Survival(x); got != want {
					t.Errorf("chiSquaredSurvival(%v, %v) = %v, distuv %v", nu, x, got, want)
				}
			}
		}
	}
	for _, p := range []float64{0, 1e-12, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999, 1} {
		if got, want := NormalQuantile(p), distuv.UnitNormal.Quantile(p); got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Errorf("NormalQuantile(%v) = %v, distuv %v", p, got, want)
		}
		for _, nu := range []float64{1, 2, 9, 30, 399} {
			if got, want := StudentsTQuantile(nu, p), (distuv.StudentsT{Mu: 0, Sigma: 1, Nu: nu}).Quantile(p); got != want {
				t.Errorf("StudentsTQuantile(%v, %v) = %v, distuv %v", nu, p, got, want)
			}
		}
	}
	if q := StudentsTQuantile(399, 0.975); math.Abs(q-1.965927) > 1e-6 {
		t.Errorf("t quantile 0.975 with 399 df = %v, tables give 1.965927", q)
	}
}

// The normal tail keeps its precision far out (two-sided p-values of
// |z| = 15 are about 1e-50, not 0): Q(x) = ½·erfc(x/√2) to 30 digits.
func TestNormalSurvivalTail(t *testing.T) {
	for x, want := range map[float64]float64{
		5:  2.866515718791939e-07,
		10: 7.619853024160527e-24,
		15: 3.670966199312751e-51,
		20: 2.753624118606233e-89,
		37: 5.725571222524577e-300,
	} {
		if got := normalSurvival(x); math.Abs(got-want) > 1e-12*want {
			t.Errorf("normalSurvival(%v) = %v, want %v", x, got, want)
		}
	}
}
