package stats

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// sleepDiffs are the differences group 1 − group 2 of R's sleep data (Cushny
// & Peebles 1905, as analysed by Student 1908), in tenths of an hour so that
// they are integers.
var sleepDiffs = []int64{-12, -24, -13, -13, 0, -10, -18, -8, -46, -14}

func pairedSums(d []int64) (n uint64, s1, s2 *big.Int) {
	m := momentsOf(d)
	return m.N, m.S1, m.S2
}

// TestPairedTSleep checks R's example t.test(extra ~ group, data = sleep,
// paired = TRUE), which prints t = -4.0621, df = 9, p-value = 0.002833 (the
// test is scale-free, so tenths of an hour give the same t). Tolerances are
// half a unit in the last printed digit: 5e-5 for t, 5e-7 for p. By hand,
// Σd = −158 and Σd² = 3858 give t = −158·3/√13616 exactly; that and
// d_z = t/√n are checked to 1e-14.
func TestPairedTSleep(t *testing.T) {
	n, s1, s2 := pairedSums(sleepDiffs)
	if s1.Int64() != -158 || s2.Int64() != 3858 {
		t.Fatalf("sums %v, %v, want -158, 3858", s1, s2)
	}
	tt, df, p := PairedT(n, s1, s2)
	near(t, "t vs R", tt, -4.0621, 5e-5)
	near(t, "t by hand", tt, -158*3/math.Sqrt(13616), 1e-14)
	if df != 9 {
		t.Errorf("df = %v, want 9", df)
	}
	near(t, "p vs R", p, 0.002833, 5e-7)
	near(t, "Cohen's dz", CohenDz(n, s1, s2), tt/math.Sqrt(10), 1e-14)

	// The effect size is mean(d)/sd(d), here from gonum on the raw data.
	fs := make([]float64, len(sleepDiffs))
	for i, d := range sleepDiffs {
		fs[i] = float64(d)
	}
	near(t, "Cohen's dz vs gonum", CohenDz(n, s1, s2), stat.Mean(fs, nil)/stat.StdDev(fs, nil), 1e-13)
}

// TestPairedTClosedForms checks the p-value where Student's t has a closed
// form, independent of gonum: with 1 degree of freedom (Cauchy) the two-sided
// p is 1 − (2/π)·atan|t|, with 2 it is 1 − |t|/√(t² + 2). d = 1, 3 gives
// t = 2; d = 1, 2, 6 gives t = 9/√21. Tolerance 1e-13: gonum's regularised
// incomplete beta is accurate to about 1e-15.
func TestPairedTClosedForms(t *testing.T) {
	n, s1, s2 := pairedSums([]int64{1, 3})
	tt, df, p := PairedT(n, s1, s2)
	near(t, "t (df 1)", tt, 2, 1e-15)
	near(t, "p (df 1)", p, 1-2/math.Pi*math.Atan(2), 1e-13)
	if df != 1 {
		t.Errorf("df = %v, want 1", df)
	}
	n, s1, s2 = pairedSums([]int64{1, 2, 6})
	tt, _, p = PairedT(n, s1, s2)
	near(t, "t (df 2)", tt, 9/math.Sqrt(21), 1e-15)
	near(t, "p (df 2)", p, 1-tt/math.Sqrt(tt*tt+2), 1e-13)
}

// TestPairedTDegenerate checks the documented edge cases: a config against
// itself (every difference 0), a constant shift, too few pairs, and sums no
// data can produce.
func TestPairedTDegenerate(t *testing.T) {
	zero := new(big.Int)
	if tt, df, p := PairedT(1000, zero, zero); tt != 0 || df != 999 || p != 1 {
		t.Errorf("identical configs: t, df, p = %v, %v, %v, want 0, 999, 1", tt, df, p)
	}
	if d := CohenDz(1000, zero, zero); d != 0 {
		t.Errorf("identical configs: dz = %v, want 0", d)
	}
	n, s1, s2 := pairedSums([]int64{-5, -5, -5})
	if tt, _, p := PairedT(n, s1, s2); !math.IsInf(tt, -1) || p != 0 {
		t.Errorf("constant shift: t, p = %v, %v, want -Inf, 0", tt, p)
	}
	if d := CohenDz(n, s1, s2); !math.IsInf(d, -1) {
		t.Errorf("constant shift: dz = %v, want -Inf", d)
	}
	if tt, _, p := PairedT(1, big.NewInt(3), big.NewInt(9)); !math.IsNaN(tt) || !math.IsNaN(p) {
		t.Errorf("one pair: t, p = %v, %v, want NaN", tt, p)
	}
	if !panics(func() { PairedT(2, big.NewInt(10), big.NewInt(1)) }) {
		t.Error("impossible sums did not panic")
	}
	if !panics(func() { PairedT(2, nil, zero) }) || !panics(func() { CohenDz(2, zero, nil) }) {
		t.Error("nil sum did not panic")
	}
}

// TestVarianceReduction checks the definition by hand and the identity
// 1 − var(A−B)/(var A + var B) = 2·cov(A,B)/(var A + var B) on seeded
// correlated integer samples, with variance and covariance from gonum
// (tolerance 1e-12: float64 two-pass sums over 500 values).
func TestVarianceReduction(t *testing.T) {
	near(t, "by hand", VarianceReduction(2, 3, 5), 0.75, 1e-15)
	r := rand.New(rand.NewPCG(3, 4))
	a, b, d := make([]float64, 500), make([]float64, 500), make([]int64, 500)
	var ma, mb Moments
	for i := range a {
		common := int64(r.IntN(1000))
		x, y := common+int64(r.IntN(100)), common+int64(r.IntN(300))
		a[i], b[i], d[i] = float64(x), float64(y), x-y
		ma.Add(x)
		mb.Add(y)
	}
	got := VarianceReduction(momentsOf(d).Variance(), ma.Variance(), mb.Variance())
	want := 2 * stat.Covariance(a, b, nil) / (stat.Variance(a, nil) + stat.Variance(b, nil))
	near(t, "vs covariance", got, want, 1e-12)
	if got < 0.5 {
		t.Errorf("strongly correlated samples: reduction %v, want well above 0.5", got)
	}
	if !math.IsNaN(VarianceReduction(0, 0, 0)) {
		t.Error("zero variances: want NaN")
	}
	if !panics(func() { VarianceReduction(-1, 1, 1) }) {
		t.Error("negative variance did not panic")
	}
}
