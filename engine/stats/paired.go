package stats

import (
	"fmt"
	"math"
	"math/big"
)

// PairedT is the two-sided paired t test on n differences d_i = a_i − b_i
// (per-session profit of config A minus config B, the sessions sharing their
// cards), given their exact sums sumD = Σd and sumD2 = Σd²:
//
//	t = mean(d)/(sd(d)/√n) = sumD·√(n−1)/√(n·sumD2 − sumD²),  df = n − 1,
//
// and p = 2·P(T_df ≥ |t|) from Student's t (studentsTSurvival); t.test(a, b, paired =
// TRUE) in R. t² is an exact rational; only its square root is rounded.
//
// When every difference is equal: all zero (a config against itself) gives
// t = 0, p = 1; a non-zero constant gives t = ±Inf, p = 0. It returns NaNs
// when n < 2 and panics if a sum is nil.
func PairedT(n uint64, sumD, sumD2 *big.Int) (t, df, p float64) {
	if sumD == nil || sumD2 == nil {
		panic("stats: PairedT: nil sum")
	}
	if n < 2 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	df = float64(n - 1)
	a := pairedCentralSum(n, sumD, sumD2)
	switch {
	case a.Sign() == 0 && sumD.Sign() == 0:
		return 0, df, 1
	case a.Sign() == 0:
		return math.Inf(sumD.Sign()), df, 0
	}
	num := new(big.Int).Mul(sumD, sumD)
	num.Mul(num, new(big.Int).SetUint64(n-1))
	t = math.Sqrt(ratFloat(num, a))
	if sumD.Sign() < 0 {
		t = -t
	}
	p = 2 * studentsTSurvival(df, math.Abs(t))
	return t, df, p
}

// CohenDz returns Cohen's d_z = mean(d)/sd(d) for paired differences from
// their exact sums as in PairedT, the standardised mean difference of the
// pairs (Cohen 1988, ch. 2; d_z = t/√n). It returns 0 when every
// difference is 0, ±Inf for a non-zero constant difference, NaN when n < 2,
// and panics if a sum is nil.
func CohenDz(n uint64, sumD, sumD2 *big.Int) float64 {
	if sumD == nil || sumD2 == nil {
		panic("stats: CohenDz: nil sum")
	}
	if n < 2 {
		return math.NaN()
	}
	a := pairedCentralSum(n, sumD, sumD2)
	switch {
	case a.Sign() == 0 && sumD.Sign() == 0:
		return 0
	case a.Sign() == 0:
		return math.Inf(sumD.Sign())
	}
	// d_z² = (sumD/n)² / (a/(n(n−1))) = sumD²·(n−1)/(n·a).
	num := new(big.Int).Mul(sumD, sumD)
	num.Mul(num, new(big.Int).SetUint64(n-1))
	den := new(big.Int).Mul(a, new(big.Int).SetUint64(n))
	d := math.Sqrt(ratFloat(num, den))
	if sumD.Sign() < 0 {
		d = -d
	}
	return d
}

// pairedCentralSum returns n·sumD2 − sumD² = n·Σ(d − mean)², panicking if
// it is negative: no real differences have such sums.
func pairedCentralSum(n uint64, sumD, sumD2 *big.Int) *big.Int {
	a := new(big.Int).Mul(new(big.Int).SetUint64(n), sumD2)
	a.Sub(a, new(big.Int).Mul(sumD, sumD))
	if a.Sign() < 0 {
		panic(fmt.Sprintf("stats: paired sums impossible: n·Σd² < (Σd)² (n = %d, Σd = %v, Σd² = %v)", n, sumD, sumD2))
	}
	return a
}

// VarianceReduction returns 1 − var(A−B)/(var(A) + var(B)), the share of the
// variance of a difference that pairing removes: var(A) + var(B) is what the
// difference of two independent runs would have, var(A−B) what common random
// numbers give. It equals 2·cov(A,B)/(var(A)+var(B)): 0 for uncorrelated runs,
// near 1 when the configs' results move together, negative if they move
// apart. The sample size needed for a given precision shrinks by the factor
// 1 − VarianceReduction. It returns NaN when var(A) + var(B) = 0 and panics
// if a variance is negative or NaN.
func VarianceReduction(varDiff, varA, varB float64) float64 {
	if !(varDiff >= 0 && varA >= 0 && varB >= 0) {
		panic(fmt.Sprintf("stats: VarianceReduction: variances %v, %v, %v, want ≥ 0", varDiff, varA, varB))
	}
	if varA+varB == 0 {
		return math.NaN()
	}
	return 1 - varDiff/(varA+varB)
}
