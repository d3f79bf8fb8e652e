package stats

import (
	"math"
	"testing"
)

// TestTwoProportionZ checks the z test two ways. By hand: 60/100 against
// 45/100 pools to p̂ = 0.525, so z = 0.15/√(0.525·0.475·0.02) and
// p = erfc(|z|/√2) (standard library, independent of gonum; tolerance 1e-13
// from a handful of float64 operations and gonum's normal tail). And by the
// identity z² = Pearson X² of the 2×2 table, with equal p-values, on tables of
// several shapes (tolerance 1e-12: two float64 routes to one number).
func TestTwoProportionZ(t *testing.T) {
	z, p := TwoProportionZ(60, 100, 45, 100)
	wantZ := 0.15 / math.Sqrt(0.525*0.475*0.02)
	near(t, "z", z, wantZ, 1e-13)
	near(t, "p", p, math.Erfc(wantZ/math.Sqrt2), 1e-13)

	for _, c := range [][4]uint64{
		{60, 100, 45, 100},
		{3, 40, 11, 35},
		{41_234, 100_000, 40_711, 100_000},
		{999, 1000, 1, 7},
	} {
		z, p := TwoProportionZ(c[0], c[1], c[2], c[3])
		r := ChiSquareIndependence([][]uint64{{c[0], c[1] - c[0]}, {c[2], c[3] - c[2]}})
		near(t, "z²", z*z, r.Stat, 1e-12)
		near(t, "p", p, r.PValue, 1e-12)
		if zz, _ := TwoProportionZ(c[2], c[3], c[0], c[1]); zz != -z {
			t.Errorf("swapping samples: z = %v, want %v", zz, -z)
		}
	}
	if z, p := TwoProportionZ(0, 10, 0, 20); z != 0 || p != 1 {
		t.Errorf("no successes at all: z, p = %v, %v, want 0, 1", z, p)
	}
	if z, p := TwoProportionZ(10, 10, 20, 20); z != 0 || p != 1 {
		t.Errorf("all successes: z, p = %v, %v, want 0, 1", z, p)
	}
	if z, p := TwoProportionZ(0, 0, 3, 20); !math.IsNaN(z) || !math.IsNaN(p) {
		t.Errorf("empty sample: z, p = %v, %v, want NaN", z, p)
	}
	if !panics(func() { TwoProportionZ(11, 10, 3, 20) }) {
		t.Error("x1 > n1 did not panic")
	}
}

// TestCohenH checks exact values: φ(p) = 2·asin√p is π/2 at 1/2, π/3 at 1/4
// and π at 1, so h(1/2, 1/4) = π/6 and h(1, 0) = π (Cohen 1988, ch. 6,
// tabulates φ to 2 decimals: 1.57 and 1.05).
func TestCohenH(t *testing.T) {
	near(t, "h(0.5, 0.25)", CohenH(0.5, 0.25), math.Pi/6, 1e-15)
	near(t, "h(1, 0)", CohenH(1, 0), math.Pi, 1e-15)
	near(t, "h(0.25, 0.5)", CohenH(0.25, 0.5), -math.Pi/6, 1e-15)
	if CohenH(0.3, 0.3) != 0 {
		t.Error("h(p, p) != 0")
	}
	if !panics(func() { CohenH(1.1, 0.5) }) || !panics(func() { CohenH(0.5, math.NaN()) }) {
		t.Error("proportion outside [0, 1] did not panic")
	}
}
