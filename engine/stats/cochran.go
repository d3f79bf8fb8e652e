package stats

import (
	"fmt"
	"math"
)

// CochranQ tests whether k related binary responses have the same success
// rate (Cochran 1950): here, whether the k seats of a table win their
// sessions equally often, each table session a block whose seats share the
// community cards. From the column totals C_j (wins of seat j), their sum N
// and Σ T_i² over blocks (T_i the wins in block i),
//
//	Q = (k−1)·(k·Σ C_j² − N²) / (k·N − Σ T_i²),  DF = k − 1,
//
// and p = P(χ²_DF ≥ Q) (chiSquaredSurvival). Blocks where every or no seat won carry no
// information and add nothing to numerator or denominator, so they need not
// be counted. For k = 2 it is (b − c)²/(b + c), McNemar's statistic
// without continuity correction. It returns DF = 0 and a NaN p-value when k < 2 or the
// denominator is 0 (no block with mixed results), and panics if sumT2 is
// impossible for the totals.
func CochranQ(colTotals []uint64, sumT2 uint64) Result {
	k := len(colTotals)
	var n, sumC2 float64
	for _, c := range colTotals {
		n += float64(c)
		sumC2 += float64(c) * float64(c)
	}
	if float64(sumT2) < n || float64(sumT2) > float64(k)*n {
		panic(fmt.Sprintf("stats: CochranQ: Σ T² = %d impossible for %d successes in %d columns", sumT2, uint64(n), k))
	}
	den := float64(k)*n - float64(sumT2)
	if k < 2 || den == 0 {
		return Result{DF: 0, PValue: math.NaN()}
	}
	q := float64(k-1) * (float64(k)*sumC2 - n*n) / den
	return newResult(q, k-1, 0)
}

// McNemarExactBelow is the number of discordant pairs b + c below which
// McNemar uses the exact binomial test rather than the chi-square
// approximation (the usual rule: the approximation needs b + c ≥ 25).
const McNemarExactBelow = 25

// McNemar tests paired binary outcomes (config A and B on the same
// sessions): b pairs where only A succeeded, c where only B did. Under the
// null hypothesis each discordant pair is A's with probability ½, so b is
// Binomial(b + c, ½). With b + c < McNemarExactBelow it is the exact
// two-sided binomial test, p = min(1, 2·P(X ≤ min(b, c))), DF = 0 and a NaN
// statistic (R's binom.test(b, b + c)); otherwise the chi-square test with
// continuity correction, (|b − c| − 1)²/(b + c) on 1 DF (R's
// mcnemar.test(x), whose default is correct = TRUE). With b + c = 0 the
// configs never disagree: p = 1.
func McNemar(b, c uint64) Result {
	n := b + c
	if n < McNemarExactBelow {
		return Result{Stat: math.NaN(), PValue: binomialHalfTwoSided(min(b, c), n)}
	}
	d := math.Abs(float64(b)-float64(c)) - 1
	if d < 0 {
		d = 0
	}
	return newResult(d*d/float64(n), 1, 0)
}

// binomialHalfTwoSided is the two-sided p-value of k successes in n trials
// with success probability ½, k ≤ n/2: 2·Σ_{i≤k} C(n, i)/2ⁿ, at most 1. The
// binomial coefficients are summed exactly, so n is at most 50.
func binomialHalfTwoSided(k, n uint64) float64 {
	if n > 50 {
		panic(fmt.Sprintf("stats: binomialHalfTwoSided: n = %d > 50", n))
	}
	if 2*k >= n {
		return 1
	}
	var sum, coef uint64 = 0, 1 // coef = C(n, i)
	for i := uint64(0); i <= k; i++ {
		sum += coef
		coef = coef * (n - i) / (i + 1)
	}
	return math.Ldexp(float64(sum), 1-int(n))
}
