package stats

import (
	"fmt"

	"gonum.org/v1/gonum/mathext"
)

// NormalQuantile returns the p-quantile of the standard normal distribution,
// Φ⁻¹(p), from gonum's mathext.NormalQuantile (as distuv.UnitNormal): −Inf at 0, +Inf at 1. It panics if p
// is outside [0, 1] or NaN.
func NormalQuantile(p float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("stats: NormalQuantile: p = %v, want 0 ≤ p ≤ 1", p))
	}
	return mathext.NormalQuantile(p)
}

// ZForConfidence returns the z of a two-sided normal interval with coverage
// conf, Φ⁻¹(1 − (1−conf)/2): 1.959963984540054 for 0.95. It panics unless
// 0 < conf < 1.
func ZForConfidence(conf float64) float64 {
	if !(conf > 0 && conf < 1) {
		panic(fmt.Sprintf("stats: confidence level %v, want 0 < conf < 1", conf))
	}
	return NormalQuantile(1 - (1-conf)/2)
}
