package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed.,
// §8.1.1: presidential approval of 1600 people at two surveys, 794
// approve/approve, 150 approve/disapprove, 86 disapprove/approve, 570
// disapprove/disapprove: z = 4.17, so z² = 17.36 and p < 0.001.
func TestMcNemarAgresti(t *testing.T) {
	r := McNemar(150, 86)
	if math.Abs(r.Stat-4096.0/236) > 1e-12 || math.Abs(math.Sqrt(r.Stat)-4.17) > 0.005 {
		t.Fatalf("statistic %v, want 4096/236 (z = 4.17)", r.Stat)
	}
	// P(χ²₁ ≥ 17.356) = 2·P(Z ≥ 4.166) = 3.10e-5.
	if math.Abs(r.PValue-3.1e-5)/3.1e-5 > 0.01 {
		t.Fatalf("p = %v, want ≈ 3.10e-5", r.PValue)
	}
	if r := McNemar(0, 0); r.Stat != 0 || r.PValue != 1 {
		t.Fatalf("no discordant pairs: %+v", r)
	}
}

// Cochran's Q from the sums equals the textbook form over raw 0/1 data,
// Q = k(k−1)Σ(C_j − N/k)² / Σ T_i(k − T_i), and is McNemar's statistic when
// k = 2.
func TestCochranQ(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		k := 2 + rnd.IntN(6)
		blocks := 5 + rnd.IntN(200)
		cols := make([]uint64, k)
		var sumT2 uint64
		var disc [2]uint64
		var den float64
		for range blocks {
			var ti uint64
			row := make([]bool, k)
			for j := range k {
				if rnd.Float64() < 0.3+0.1*float64(j%3) {
					row[j] = true
					cols[j]++
					ti++
				}
			}
			sumT2 += ti * ti
			den += float64(ti) * float64(uint64(k)-ti)
			if k == 2 && row[0] != row[1] {
				if row[0] {
					disc[0]++
				} else {
					disc[1]++
				}
			}
		}
		var n float64
		for _, c := range cols {
			n += float64(c)
		}
		var num float64
		for _, c := range cols {
			d := float64(c) - n/float64(k)
			num += d * d
		}
		got := CochranQ(cols, sumT2)
		if den == 0 {
			if got.DF != 0 {
				t.Fatalf("trial %d: no mixed blocks, got %+v", trial, got)
			}
			continue
		}
		want := float64(k*(k-1)) * num / den
		if math.Abs(got.Stat-want) > 1e-9*math.Max(1, want) || got.DF != k-1 {
			t.Fatalf("trial %d: Q = %v (df %d), want %v (df %d)", trial, got.Stat, got.DF, want, k-1)
		}
		if k == 2 {
			if m := McNemar(disc[0], disc[1]); math.Abs(m.Stat-got.Stat) > 1e-9*math.Max(1, m.Stat) {
				t.Fatalf("trial %d: k = 2: Q = %v, McNemar %v", trial, got.Stat, m.Stat)
			}
		}
	}
}
