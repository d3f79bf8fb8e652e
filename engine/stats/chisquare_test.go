package stats

import (
	"math"
	"math/big"
	"testing"
)

// chiSquareSurvival1 and chiSquareSurvival3 are the closed forms of the
// chi-square upper tail for 1 and 3 degrees of freedom (Abramowitz & Stegun
// §26.4): Q(x|1) = erfc(√(x/2)), Q(x|3) = Q(x|1) + √(2x/π)·e^(−x/2).
// For even degrees, Q(x|2) = e^(−x/2) and Q(x|4) = e^(−x/2)(1 + x/2). They
// use only the standard library, independent of gonum's incomplete gamma,
// whose relative accuracy (about 1e-14) sets the 1e-12 tolerance below.
func chiSquareSurvival1(x float64) float64 { return math.Erfc(math.Sqrt(x / 2)) }
func chiSquareSurvival3(x float64) float64 {
	return chiSquareSurvival1(x) + math.Sqrt(2*x/math.Pi)*math.Exp(-x/2)
}
func chiSquareSurvival2(x float64) float64 { return math.Exp(-x / 2) }
func chiSquareSurvival4(x float64) float64 { return math.Exp(-x/2) * (1 + x/2) }

// pearson returns Σ(o−e)²/e exactly, the reference statistic for hand
// examples.
func pearson(obs []int64, exp []*big.Rat) float64 {
	sum := new(big.Rat)
	for i, o := range obs {
		d := new(big.Rat).Sub(new(big.Rat).SetInt64(o), exp[i])
		sum.Add(sum, d.Quo(d.Mul(d, d), exp[i]))
	}
	f, _ := sum.Float64()
	return f
}

// TestChiSquareGOFMendel checks Mendel's dihybrid cross, 315/108/101/32 round
// yellow, round green, wrinkled yellow, wrinkled green against 9:3:3:1, the
// classic goodness-of-fit example (R: chisq.test(c(315, 108, 101, 32),
// p = c(9, 3, 3, 1)/16) prints X-squared = 0.47002, df = 3, p-value = 0.9254).
// The statistic is compared with the exact rational one (tolerance: float64
// summation of four terms, 1e-14), the p-value with the closed form for 3
// degrees of freedom (1e-12) and with the printed R value (half a unit in
// its 4th digit, 5e-5).
func TestChiSquareGOFMendel(t *testing.T) {
	obs := []uint64{315, 108, 101, 32}
	probs := []float64{9.0 / 16, 3.0 / 16, 3.0 / 16, 1.0 / 16}
	r := ChiSquareGOF(obs, probs, DefaultMinExpected)
	exp := []*big.Rat{big.NewRat(556*9, 16), big.NewRat(556*3, 16), big.NewRat(556*3, 16), big.NewRat(556, 16)}
	want := pearson([]int64{315, 108, 101, 32}, exp)
	near(t, "Stat", r.Stat, want, 1e-14)
	near(t, "Stat vs R", r.Stat, 0.47002, 5e-6)
	if r.DF != 3 || r.Pooled != 0 {
		t.Errorf("DF = %d, Pooled = %d, want 3, 0", r.DF, r.Pooled)
	}
	near(t, "PValue", r.PValue, chiSquareSurvival3(r.Stat), 1e-12)
	near(t, "PValue vs R", r.PValue, 0.9254, 5e-5)
}

// TestChiSquareGOFPooling works the pooling rule by hand. With N = 200 and
// probabilities 0.5, 0.3, 0.15, 0.04, 0.009, 0.001 the expected counts are
// 100, 60, 30, 8, 1.8, 0.2; the last two are below 5 and pool to 2.0, still
// below 5, so the smallest remaining cell (8) joins: cells (97|100), (62|60),
// (33|30), (8|10), X² = 9/100 + 4/60 + 9/30 + 4/10, DF = 3, Pooled = 3.
func TestChiSquareGOFPooling(t *testing.T) {
	obs := []uint64{97, 62, 33, 5, 2, 1}
	probs := []float64{0.5, 0.3, 0.15, 0.04, 0.009, 0.001}
	r := ChiSquareGOF(obs, probs, DefaultMinExpected)
	want := 9.0/100 + 4.0/60 + 9.0/30 + 4.0/10
	near(t, "pooled Stat", r.Stat, want, 1e-14)
	if r.DF != 3 || r.Pooled != 3 {
		t.Errorf("pooled DF = %d, Pooled = %d, want 3, 3", r.DF, r.Pooled)
	}
	near(t, "pooled PValue", r.PValue, chiSquareSurvival3(want), 1e-12)

	// minExpected 0: no pooling, six cells.
	r = ChiSquareGOF(obs, probs, 0)
	want = 9.0/100 + 4.0/60 + 9.0/30 + 9.0/8 + 0.04/1.8 + 0.64/0.2
	near(t, "unpooled Stat", r.Stat, want, 1e-12)
	if r.DF != 5 || r.Pooled != 0 {
		t.Errorf("unpooled DF = %d, Pooled = %d, want 5, 0", r.DF, r.Pooled)
	}

	// A zero-probability cell is pooled even with minExpected 0: its expected
	// count 0 joins the first of the two cells expecting 10.
	r = ChiSquareGOF([]uint64{10, 8, 2}, []float64{0.5, 0.5, 0}, 0)
	if r.DF != 1 || r.Pooled != 2 {
		t.Errorf("zero-probability DF = %d, Pooled = %d, want 1, 2", r.DF, r.Pooled)
	}
	near(t, "zero-probability Stat", r.Stat, 0.8, 1e-15)
	near(t, "zero-probability PValue", r.PValue, chiSquareSurvival1(0.8), 1e-12)

	// Too few observations for any test.
	r = ChiSquareGOF([]uint64{1, 1, 1}, []float64{1.0 / 3, 1.0 / 3, 1.0 / 3}, DefaultMinExpected)
	if r.DF != 0 || !math.IsNaN(r.PValue) || r.Pooled != 3 {
		t.Errorf("tiny sample: %+v, want DF 0, NaN p-value, Pooled 3", r)
	}
}

// TestChiSquarePValueTable checks p-values at the 5% and 1% critical values
// printed in chi-square tables (NIST/SEMATECH e-Handbook of Statistical
// Methods, §1.3.6.7.4). The table's 3 decimals move p by at most
// 0.0005·density < 3e-5 here, so the tolerance is 1e-4.
func TestChiSquarePValueTable(t *testing.T) {
	for _, c := range []struct {
		df   int
		x, p float64
	}{
		{1, 3.841, 0.05}, {2, 5.991, 0.05}, {4, 9.488, 0.05}, {10, 18.307, 0.05},
		{1, 6.635, 0.01}, {5, 15.086, 0.01}, {20, 37.566, 0.01},
	} {
		near(t, "table p-value", newResult(c.x, c.df, 0).PValue, c.p, 1e-4)
	}
}

func TestChiSquareGOFPanics(t *testing.T) {
	for _, f := range []func(){
		func() { ChiSquareGOF([]uint64{1, 2}, []float64{1}, 5) },
		func() { ChiSquareGOF([]uint64{1}, []float64{1}, 5) },
		func() { ChiSquareGOF([]uint64{1, 2}, []float64{0.5, 0.4}, 5) },
		func() { ChiSquareGOF([]uint64{1, 2}, []float64{1.5, -0.5}, 5) },
		func() { ChiSquareGOF([]uint64{1, 2}, []float64{math.NaN(), 1}, 5) },
		func() { ChiSquareGOF([]uint64{1, 2}, []float64{0.5, 0.5}, -1) },
	} {
		if !panics(f) {
			t.Error("bad ChiSquareGOF arguments did not panic")
		}
	}
}

// TestChiSquareIndependenceAgresti checks the example in R's ?chisq.test
// (Agresti 2007, An Introduction to Categorical Data Analysis, 2nd ed., p. 39:
// gender × party identification, 762/327/468 and 484/239/477), for which R
// prints X-squared = 30.07, df = 2, p-value = 2.954e-07. The statistic is
// compared with the exact rational one (1e-13: float64 sums of six terms),
// the p-value with Q(x|2) = e^(−x/2) (1e-12) and with R's printed digits
// (half a unit in the last: 5e-3 and 5e-11).
func TestChiSquareIndependenceAgresti(t *testing.T) {
	table := [][]uint64{{762, 327, 468}, {484, 239, 477}}
	r := ChiSquareIndependence(table)
	rows, cols, n := []int64{1557, 1200}, []int64{1246, 566, 945}, int64(2757)
	var obs []int64
	var exp []*big.Rat
	for i, row := range table {
		for j, v := range row {
			obs = append(obs, int64(v))
			exp = append(exp, big.NewRat(rows[i]*cols[j], n))
		}
	}
	want := pearson(obs, exp)
	near(t, "Stat", r.Stat, want, 1e-13)
	near(t, "Stat vs R", r.Stat, 30.07, 5e-3)
	if r.DF != 2 || r.Pooled != 0 {
		t.Errorf("DF = %d, Pooled = %d, want 2, 0", r.DF, r.Pooled)
	}
	near(t, "PValue", r.PValue, chiSquareSurvival2(r.Stat), 1e-12)
	if math.Abs(r.PValue-2.954e-07) > 5e-11 {
		t.Errorf("PValue = %v, want R's 2.954e-07", r.PValue)
	}

	// Three seats × win/loss/push: DF 4, p-value from the closed form.
	seats := ChiSquareIndependence([][]uint64{{120, 160, 20}, {130, 150, 25}, {100, 170, 15}})
	if seats.DF != 4 {
		t.Errorf("3×3 DF = %d, want 4", seats.DF)
	}
	near(t, "3×3 PValue", seats.PValue, chiSquareSurvival4(seats.Stat), 1e-12)

	// Empty rows and columns are dropped, changing nothing.
	padded := [][]uint64{{762, 0, 327, 468}, {0, 0, 0, 0}, {484, 0, 239, 477}}
	if got := ChiSquareIndependence(padded); got != r {
		t.Errorf("with empty row and column: %+v, want %+v", got, r)
	}
	// One non-empty row: no test.
	if got := ChiSquareIndependence([][]uint64{{5, 7, 9}, {0, 0, 0}}); got.DF != 0 || !math.IsNaN(got.PValue) {
		t.Errorf("single row: %+v, want DF 0 and NaN p-value", got)
	}
	// Perfect independence.
	if got := ChiSquareIndependence([][]uint64{{10, 20, 30}, {20, 40, 60}}); got.Stat != 0 || got.PValue != 1 {
		t.Errorf("proportional rows: %+v, want X² = 0, p = 1", got)
	}
	if !panics(func() { ChiSquareIndependence(nil) }) || !panics(func() { ChiSquareIndependence([][]uint64{{1, 2}, {3}}) }) {
		t.Error("empty or ragged table did not panic")
	}
}
