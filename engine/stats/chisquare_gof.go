package stats

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// DefaultMinExpected is the usual least expected count per cell for the
// chi-square approximation (Cochran 1954): pass it as ChiSquareGOF's
// minExpected.
const DefaultMinExpected = 5

// probSumTolerance is how far the cell probabilities may sum from 1: far
// above the rounding of exact probabilities to float64 (about one ulp per
// cell), far below any real mistake such as a missing cell.
const probSumTolerance = 1e-9

// ChiSquareGOF tests observed cell counts against cell probabilities probs
// (final-hand or bonus-category frequencies against the exact distribution)
// with Pearson's goodness-of-fit statistic, expected count N·probs[i] with N
// the total observed.
//
// Cells whose expected count is below minExpected, or whose probability is 0,
// are pooled into one combined cell (observed and expected summed). If the
// pooled cell's expected count is itself still below minExpected (or 0), the
// remaining cell with the smallest expected count joins it, repeatedly, so a
// single rare category is never left alone. Result.Pooled counts the
// original cells in the pooled cell. DF is the number of cells after pooling
// minus 1; with fewer than two cells left (N too small for the rule) DF is 0
// and PValue NaN. minExpected = 0 pools only zero-probability cells.
//
// The probabilities must be non-negative and sum to 1 within 1e-9; they are
// then rescaled to sum to exactly 1. ChiSquareGOF panics if the lengths
// differ, there are fewer than two cells, a probability is negative or NaN,
// the sum is off, or minExpected is negative or NaN: those are bugs in the
// caller, not in the data.
func ChiSquareGOF(observed []uint64, probs []float64, minExpected float64) Result {
	if len(observed) != len(probs) {
		panic(fmt.Sprintf("stats: ChiSquareGOF: %d observed cells, %d probabilities", len(observed), len(probs)))
	}
	if len(observed) < 2 {
		panic("stats: ChiSquareGOF: fewer than two cells")
	}
	if !(minExpected >= 0) {
		panic(fmt.Sprintf("stats: ChiSquareGOF: minExpected = %v, want ≥ 0", minExpected))
	}
	var psum float64
	for i, p := range probs {
		if !(p >= 0) {
			panic(fmt.Sprintf("stats: ChiSquareGOF: probs[%d] = %v, want ≥ 0", i, p))
		}
		psum += p
	}
	if math.Abs(psum-1) > probSumTolerance {
		panic(fmt.Sprintf("stats: ChiSquareGOF: probabilities sum to %v, want 1", psum))
	}
	var total uint64
	for _, o := range observed {
		total += o
	}
	n := float64(total)

	type cell struct{ obs, exp float64 }
	var kept []cell
	var pool cell
	pooled := 0
	for i, o := range observed {
		c := cell{float64(o), n * probs[i] / psum}
		if probs[i] == 0 || c.exp < minExpected {
			pool.obs += c.obs
			pool.exp += c.exp
			pooled++
			continue
		}
		kept = append(kept, c)
	}
	if pooled > 0 {
		// Grow the pooled cell from the smallest kept cells until it is
		// large enough itself.
		slices.SortStableFunc(kept, func(a, b cell) int { return cmp.Compare(a.exp, b.exp) })
		for (pool.exp < minExpected || pool.exp == 0) && len(kept) > 0 {
			pool.obs += kept[0].obs
			pool.exp += kept[0].exp
			kept = kept[1:]
			pooled++
		}
		kept = append(kept, pool)
	}
	var stat float64
	for _, c := range kept {
		d := c.obs - c.exp
		stat += d * d / c.exp
	}
	return newResult(stat, len(kept)-1, pooled)
}
