package stats

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"
)

// TestWilsonNewcombe checks the score intervals of the worked examples in
// Newcombe (1998), "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17:857–872 (the same
// numbers R's prop.test(x, n, correct = FALSE) gives). They are printed
// to 4 decimals, so the tolerance is half a unit in the 4th: 5e-5.
func TestWilsonNewcombe(t *testing.T) {
	for _, c := range []struct {
		x, n   uint64
		lo, hi float64
	}{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
	} {
		lo, hi := Wilson(c.x, c.n, 0.95)
		near(t, "Wilson lo", lo, c.lo, 5e-5)
		near(t, "Wilson hi", hi, c.hi, 5e-5)
	}
}

// TestWilsonEdges checks the closed forms at the edges: x = 0 gives
// [0, z²/(n+z²)], x = n its mirror image, n = 0 the whole of [0, 1]; and
// the interval is symmetric under x ↔ n−x.
func TestWilsonEdges(t *testing.T) {
	z := ZForConfidence(0.9)
	lo, hi := Wilson(0, 40, 0.9)
	if lo != 0 {
		t.Errorf("Wilson(0, 40) lo = %v, want 0", lo)
	}
	near(t, "Wilson(0, 40) hi", hi, z*z/(40+z*z), 1e-15)
	lo, hi = Wilson(40, 40, 0.9)
	if hi != 1 {
		t.Errorf("Wilson(40, 40) hi = %v, want 1", hi)
	}
	near(t, "Wilson(40, 40) lo", lo, 40/(40+z*z), 1e-15)
	if lo, hi := Wilson(0, 0, 0.95); lo != 0 || hi != 1 {
		t.Errorf("Wilson(0, 0) = [%v, %v], want [0, 1]", lo, hi)
	}
	l1, h1 := Wilson(13, 57, 0.99)
	l2, h2 := Wilson(44, 57, 0.99)
	near(t, "Wilson symmetry lo", l1, 1-h2, 1e-14)
	near(t, "Wilson symmetry hi", h1, 1-l2, 1e-14)
	if !panics(func() { Wilson(5, 4, 0.95) }) || !panics(func() { Wilson(1, 4, 1.5) }) {
		t.Error("Wilson with x > n or conf outside (0, 1) did not panic")
	}
}

// TestWilsonCoverage draws many seeded binomial samples and checks that the
// 95% Wilson interval covers the true p about 95% of the time.
//
// Two checks, two tolerances. First the exact coverage, Σ_k P(X = k) over the
// k whose interval covers p (binomial probabilities from gonum), must be
// within 0.02 of 0.95. Wilson's coverage oscillates around the nominal level
// as p and n vary (Brown, Cai & DasGupta 2001, "Interval estimation for a
// binomial proportion", Statist. Sci. 16:101–133); computing the
// exact coverage on a 0.01 grid of p for n = 50…5000 with np(1−p) ≥ 10, the
// cases below satisfy, we found deviations up to 0.017 (n = 100), falling to
// 0.003 at n = 5000. Below np(1−p) ≈ 10 it swings further (0.970 at n = 50,
// p = 0.1).
// Then the simulated coverage over R = 4000 samples must match the exact
// coverage c within 4 binomial standard errors √(c(1−c)/R) ≈ 0.014 (a correct
// implementation fails with probability < 1e-4 over seeds).
func TestWilsonCoverage(t *testing.T) {
	const reps = 4000
	for _, c := range []struct {
		n uint64
		p float64
	}{
		{50, 0.3},
		{100, 0.85},
		{200, 0.45},
		{1000, 0.3},
	} {
		var exact float64
		for k := uint64(0); k <= c.n; k++ {
			if lo, hi := Wilson(k, c.n, 0.95); lo <= c.p && c.p <= hi {
				exact += distuv.Binomial{N: float64(c.n), P: c.p}.Prob(float64(k))
			}
		}
		if math.Abs(exact-0.95) > 0.02 {
			t.Errorf("n=%d p=%v: exact Wilson coverage %.4f, want 0.95 ± 0.02", c.n, c.p, exact)
		}
		covered := 0
		for rep := range uint64(reps) {
			r := rand.New(rand.NewPCG(rep, c.n))
			var x uint64
			for range c.n {
				if r.Float64() < c.p {
					x++
				}
			}
			if lo, hi := Wilson(x, c.n, 0.95); lo <= c.p && c.p <= hi {
				covered++
			}
		}
		got := float64(covered) / reps
		tol := 4 * math.Sqrt(exact*(1-exact)/reps)
		if math.Abs(got-exact) > tol {
			t.Errorf("n=%d p=%v: simulated coverage %.4f, exact %.4f, want within %.4f", c.n, c.p, got, exact, tol)
		}
		t.Logf("n=%d p=%v: Wilson 95%% coverage exact %.4f, simulated %.4f", c.n, c.p, exact, got)
	}
}
