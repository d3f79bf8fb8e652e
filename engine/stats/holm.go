package stats

import (
	"cmp"
	"fmt"
	"slices"
)

// Holm returns Holm's step-down adjusted p-values (Holm 1979, "A simple
// sequentially rejective multiple test procedure"; R's p.adjust(p, "holm")),
// in the order given. With the m p-values sorted ascending, p(1) ≤ … ≤ p(m),
//
//	adj(i) = min(1, max_{j ≤ i} (m − j + 1)·p(j)),
//
// so the adjusted values are monotone in the raw ones and at most 1.
// Rejecting where adj ≤ α controls the family-wise error rate at α under any
// dependence between the tests. It panics if a p-value is outside [0, 1] or
// NaN.
func Holm(pvalues []float64) []float64 {
	m := len(pvalues)
	order := make([]int, m)
	for i, p := range pvalues {
		if !(p >= 0 && p <= 1) {
			panic(fmt.Sprintf("stats: Holm: p-value[%d] = %v, want within [0, 1]", i, p))
		}
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(pvalues[a], pvalues[b]) })
	adj := make([]float64, m)
	running := 0.0
	for rank, i := range order {
		running = max(running, min(1, float64(m-rank)*pvalues[i]))
		adj[i] = running
	}
	return adj
}
