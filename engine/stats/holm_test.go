package stats

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHolmHand checks adjusted values worked by hand from Holm's definition
// (they are what R's p.adjust(p, "holm") returns). For 0.01, 0.04, 0.03,
// 0.005: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 give 0.02, 0.03,
// 0.06, 0.04, and the running maximum lifts the last to 0.06. Products are
// exact to a few ulps, hence 1e-15.
func TestHolmHand(t *testing.T) {
	for _, c := range []struct{ p, want []float64 }{
		{[]float64{0.01, 0.04, 0.03, 0.005}, []float64{0.03, 0.06, 0.06, 0.02}},
		{[]float64{0.01, 0.02, 0.03, 0.04, 0.05}, []float64{0.05, 0.08, 0.09, 0.09, 0.09}},
		{[]float64{0.4, 0.6}, []float64{0.8, 0.8}},
		{[]float64{0.6, 0.7, 0.9}, []float64{1, 1, 1}},
		{[]float64{0.02, 0.02}, []float64{0.04, 0.04}},
		{[]float64{0.3}, []float64{0.3}},
		{nil, []float64{}},
	} {
		got := Holm(c.p)
		if len(got) != len(c.want) {
			t.Fatalf("Holm(%v) = %v, want %v", c.p, got, c.want)
		}
		for i := range got {
			near(t, "Holm", got[i], c.want[i], 1e-15)
		}
	}
	if !panics(func() { Holm([]float64{0.1, 1.2}) }) || !panics(func() { Holm([]float64{-0.1}) }) {
		t.Error("p-value outside [0, 1] did not panic")
	}
}

// TestHolmProperties checks, on seeded random p-values, the properties the
// procedure promises: each adjusted value is at least its raw value and at
// most 1, the order of the raw values is kept, and the result equals the
// definition computed the slow way (a maximum over all smaller p-values).
func TestHolmProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 200 {
		p := make([]float64, 1+r.IntN(12))
		for i := range p {
			p[i] = r.Float64() * r.Float64() // more small values
		}
		in := slices.Clone(p)
		adj := Holm(p)
		if !slices.Equal(in, p) {
			t.Fatal("Holm modified its argument")
		}
		m := len(p)
		for i := range p {
			if adj[i] < p[i] || adj[i] > 1 {
				t.Errorf("adj %v for p %v: outside [p, 1]", adj[i], p[i])
			}
			slow := 0.0
			for j := range p {
				if p[j] <= p[i] {
					rank := 0 // 0-based rank of p[j]: how many are smaller, ties before j
					for k := range p {
						if p[k] < p[j] || (p[k] == p[j] && k < j) {
							rank++
						}
					}
					slow = max(slow, min(1, float64(m-rank)*p[j]))
				}
			}
			if adj[i] != slow {
				t.Errorf("Holm(%v)[%d] = %v, want %v", p, i, adj[i], slow)
			}
			for j := range p {
				if p[i] < p[j] && adj[i] > adj[j] {
					t.Errorf("order not kept: p %v < %v but adj %v > %v", p[i], p[j], adj[i], adj[j])
				}
			}
		}
	}
}
