package stats

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed.,
// §8.1.1: presidential approval of 1600 people at two surveys, 794
// approve/approve, 150 approve/disapprove, 86 disapprove/approve, 570
// disapprove/disapprove: z = 4.17 without continuity correction. With it,
// by hand: (|150 − 86| − 1)²/236 = 3969/236, and on 1 DF
// p = P(χ²₁ ≥ x) = P(|Z| ≥ √x) = erfc(√(x/2)).
func TestMcNemarAgresti(t *testing.T) {
	if z := 64 / math.Sqrt(236); math.Abs(z-4.17) > 0.005 {
		t.Fatalf("Agresti's uncorrected z: %v, want 4.17", z)
	}
	r := McNemar(150, 86)
	if math.Abs(r.Stat-3969.0/236) > 1e-12 || r.DF != 1 {
		t.Fatalf("statistic %v (DF %d), want 3969/236 on 1 DF", r.Stat, r.DF)
	}
	if want := math.Erfc(math.Sqrt(3969.0 / 236 / 2)); math.Abs(r.PValue-want) > 1e-12*want {
		t.Fatalf("p = %v, want erfc(√(x/2)) = %v", r.PValue, want)
	}
	if r := McNemar(86, 150); r.Stat != McNemar(150, 86).Stat {
		t.Fatal("McNemar is not symmetric in b and c")
	}
	// |b − c| ≤ 1 with many pairs: the corrected statistic is 0, p = 1.
	if r := McNemar(20, 21); r.Stat != 0 || r.PValue != 1 {
		t.Fatalf("b = 20, c = 21: %+v", r)
	}
}

// Below McNemarExactBelow discordant pairs the test is the exact binomial
// one. Checked by hand (b = 1, c = 9: 2·(1 + 10)/2¹⁰ = 22/1024; b = 0,
// c = 5: 2/2⁵; b = 2, c = 10: 2·(1 + 12 + 66)/2¹²) and, for every b + c
// below the threshold, against the definition of the two-sided test: the
// total probability, under Binomial(b + c, ½), of the outcomes no more
// likely than b, summed as exact fractions.
func TestMcNemarExact(t *testing.T) {
	for _, c := range []struct {
		b, c uint64
		p    float64
	}{{1, 9, 22.0 / 1024}, {9, 1, 22.0 / 1024}, {0, 5, 2.0 / 32}, {2, 10, 158.0 / 4096}, {3, 3, 1}, {0, 0, 1}, {0, 1, 1}} {
		r := McNemar(c.b, c.c)
		if r.PValue != c.p || r.DF != 0 || !math.IsNaN(r.Stat) {
			t.Errorf("McNemar(%d, %d) = %+v, want exact p %v (DF 0, no statistic)", c.b, c.c, r, c.p)
		}
	}
	for n := uint64(0); n < McNemarExactBelow; n++ {
		prob := make([]*big.Rat, n+1) // P(X = i) = C(n, i)/2ⁿ
		for i := range prob {
			prob[i] = new(big.Rat).SetFrac(new(big.Int).Binomial(int64(n), int64(i)), new(big.Int).Lsh(big.NewInt(1), uint(n)))
		}
		for b := uint64(0); b <= n; b++ {
			sum := new(big.Rat)
			for _, q := range prob {
				if q.Cmp(prob[b]) <= 0 {
					sum.Add(sum, q)
				}
			}
			want, _ := sum.Float64()
			if got := McNemar(b, n-b); got.PValue != want {
				t.Errorf("McNemar(%d, %d): p = %v, want %v", b, n-b, got.PValue, want)
			}
		}
	}
	// From McNemarExactBelow on, the chi-square test: b = 5, c = 20 gives
	// (15 − 1)²/25 = 7.84 on 1 DF.
	if r := McNemar(5, 20); r.DF != 1 || math.Abs(r.Stat-7.84) > 1e-12 {
		t.Errorf("McNemar(5, 20) = %+v, want the chi-square test, statistic 7.84", r)
	}
}

// Cochran's Q from the sums equals the textbook form over raw 0/1 data,
// Q = k(k−1)Σ(C_j − N/k)² / Σ T_i(k − T_i), and is McNemar's uncorrected
// statistic (b − c)²/(b + c) when k = 2.
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
			d := float64(disc[0]) - float64(disc[1])
			if m := d * d / float64(disc[0]+disc[1]); math.Abs(m-got.Stat) > 1e-9*math.Max(1, m) {
				t.Fatalf("trial %d: k = 2: Q = %v, uncorrected McNemar (b − c)²/(b + c) = %v", trial, got.Stat, m)
			}
		}
	}
}
