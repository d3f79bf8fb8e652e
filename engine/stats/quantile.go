package stats

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"slices"
)

// Bin is one value of an exact integer histogram and how many times it
// occurred (session profit in cents, hands per session, drawdown, …).
type Bin struct {
	Value int64
	Count uint64
}

// SortedBins returns the histogram counts as bins in increasing order of
// value, leaving out zero counts.
func SortedBins(counts map[int64]uint64) []Bin {
	bins := make([]Bin, 0, len(counts))
	for v, c := range counts {
		if c != 0 {
			bins = append(bins, Bin{Value: v, Count: c})
		}
	}
	slices.SortFunc(bins, func(a, b Bin) int { return cmp.Compare(a.Value, b.Value) })
	return bins
}

// Quantile returns the p-quantile of the sample the histogram describes,
// by linear interpolation between order statistics: Hyndman & Fan (1996)
// definition 7, the default of R's quantile() and NumPy's percentile. With the
// N observations sorted as x[0] ≤ … ≤ x[N−1] and h = (N−1)·p,
//
//	Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]),
//
// so Q(0) is the minimum, Q(1) the maximum and Q(0.5) the usual median. We
// use it so that figures checked against a per-session export in R or NumPy
// agree by default. h and the interpolation are exact rationals (p is a
// binary fraction), rounded once to float64.
//
// bins must be sorted by strictly increasing Value; zero counts are allowed.
// Quantile returns NaN for an empty histogram and panics if p is outside
// [0, 1] or NaN or the bins are out of order.
func Quantile(bins []Bin, p float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("stats: Quantile: p = %v, want 0 ≤ p ≤ 1", p))
	}
	var n uint64
	for i, b := range bins {
		if i > 0 && b.Value <= bins[i-1].Value {
			panic(fmt.Sprintf("stats: Quantile: bins[%d].Value = %d after %d, want increasing", i, b.Value, bins[i-1].Value))
		}
		n += b.Count
	}
	if n == 0 {
		return math.NaN()
	}
	h := new(big.Rat).SetFloat64(p)
	h.Mul(h, new(big.Rat).SetUint64(n-1))
	k := new(big.Int).Quo(h.Num(), h.Denom()) // ⌊h⌋, h ≥ 0
	frac := new(big.Rat).Sub(h, new(big.Rat).SetInt(k))
	lo := orderStatistic(bins, k.Uint64())
	q := new(big.Rat).SetInt64(lo)
	if frac.Sign() != 0 {
		hi := orderStatistic(bins, k.Uint64()+1)
		d := new(big.Rat).SetInt(new(big.Int).Sub(big.NewInt(hi), big.NewInt(lo)))
		q.Add(q, d.Mul(d, frac))
	}
	f, _ := q.Float64()
	return f
}

// orderStatistic returns x[k] (0-based) of the sample; k < N.
func orderStatistic(bins []Bin, k uint64) int64 {
	var below uint64
	for _, b := range bins {
		below += b.Count
		if k < below {
			return b.Value
		}
	}
	panic("stats: order statistic beyond the sample")
}
