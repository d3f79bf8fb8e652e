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
// be counted. For k = 2 it is McNemar's statistic without continuity
// correction. It returns DF = 0 and a NaN p-value when k < 2 or the
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

// McNemar tests paired binary outcomes (config A and B on the same
// sessions): b pairs where only A succeeded, c where only B did. The
// statistic is (b − c)²/(b + c) on 1 DF, without continuity correction
// (R's mcnemar.test(x, correct = FALSE)); equal to Cochran's Q with k = 2.
// With b + c = 0 the configs never disagree: statistic 0, p = 1.
func McNemar(b, c uint64) Result {
	if b+c == 0 {
		return Result{Stat: 0, DF: 1, PValue: 1}
	}
	d := float64(b) - float64(c)
	return newResult(d*d/float64(b+c), 1, 0)
}
