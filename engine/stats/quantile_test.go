package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestQuantileR checks R's quantile(1:10, p) (type 7, R's default): 1.9, 3.25,
// 5.5, 7.75, 9.55 at p = 0.1, 0.25, 0.5, 0.75, 0.95, by h = 9p:
// x[⌊h⌋] + frac·1. The results are exact rationals rounded once, so the
// tolerance is an ulp or two.
func TestQuantileR(t *testing.T) {
	var bins []Bin
	for v := int64(1); v <= 10; v++ {
		bins = append(bins, Bin{v, 1})
	}
	for _, c := range []struct{ p, want float64 }{
		{0, 1}, {0.1, 1.9}, {0.25, 3.25}, {0.5, 5.5}, {0.75, 7.75}, {0.95, 9.55}, {1, 10},
	} {
		near(t, "Quantile", Quantile(bins, c.p), c.want, 1e-15)
	}
}

// TestQuantileHistogram checks that a histogram gives what the expanded
// sample gives under the definition computed directly on the sorted
// slice (in float64; tolerance 1e-9 of the value range covers the rounding
// of (N−1)·p there), and that zero-count bins change nothing.
func TestQuantileHistogram(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for range 100 {
		counts := map[int64]uint64{}
		var xs []float64
		for range 1 + r.IntN(40) {
			v := int64(r.IntN(20001)) - 10000
			c := uint64(r.IntN(5))
			counts[v] += c
			for range c {
				xs = append(xs, float64(v))
			}
		}
		bins := SortedBins(counts)
		slices.Sort(xs)
		for _, p := range []float64{0, 0.05, 0.25, 0.5, 0.75, 0.95, 1, r.Float64()} {
			got := Quantile(bins, p)
			if len(xs) == 0 {
				if !math.IsNaN(got) {
					t.Errorf("empty histogram: Quantile = %v, want NaN", got)
				}
				continue
			}
			h := float64(len(xs)-1) * p
			k := int(math.Floor(h))
			want := xs[k]
			if k+1 < len(xs) {
				want += (h - float64(k)) * (xs[k+1] - xs[k])
			}
			near(t, "Quantile vs sorted sample", got, want, 1e-9*20000)
		}
	}
	withZeros := []Bin{{-4, 0}, {1, 2}, {5, 0}, {9, 1}, {12, 0}}
	if got := Quantile(withZeros, 1); got != 9 {
		t.Errorf("max with zero bins = %v, want 9", got)
	}
	if got := Quantile(withZeros, 0); got != 1 {
		t.Errorf("min with zero bins = %v, want 1", got)
	}
}

// TestQuantileLarge checks exactness at sizes where float64 ranks would
// round: N = 10¹²+1 observations split between 0 and 10 has its median at
// rank 5·10¹¹ (0-based), the first 10.
func TestQuantileLarge(t *testing.T) {
	bins := []Bin{{0, 500_000_000_000}, {10, 500_000_000_001}}
	if got := Quantile(bins, 0.5); got != 10 {
		t.Errorf("median = %v, want 10", got)
	}
	bins = []Bin{{math.MinInt64, 1}, {math.MaxInt64, 1}}
	near(t, "extreme range midpoint", Quantile(bins, 0.5), -0.5, 0)
}

func TestQuantilePanics(t *testing.T) {
	ok := []Bin{{1, 1}, {2, 1}}
	for _, f := range []func(){
		func() { Quantile(ok, -0.01) },
		func() { Quantile(ok, 1.01) },
		func() { Quantile(ok, math.NaN()) },
		func() { Quantile([]Bin{{2, 1}, {1, 1}}, 0.5) },
		func() { Quantile([]Bin{{2, 1}, {2, 1}}, 0.5) },
	} {
		if !panics(f) {
			t.Error("bad Quantile arguments did not panic")
		}
	}
}

func TestSortedBins(t *testing.T) {
	got := SortedBins(map[int64]uint64{5: 2, -3: 1, 0: 0, 100: 7})
	want := []Bin{{-3, 1}, {5, 2}, {100, 7}}
	if !slices.Equal(got, want) {
		t.Errorf("SortedBins = %v, want %v", got, want)
	}
}
