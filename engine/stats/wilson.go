package stats

import (
	"fmt"
	"math"
)

// Wilson returns the Wilson score interval for a binomial proportion with the
// given successes out of n trials at confidence conf (0.95 for 95%): the set
// of p for which the two-sided score test |p̂ − p|/√(p(1−p)/n) ≤ z does not
// reject, z = ZForConfidence(conf) (Wilson 1927; the interval R's
// prop.test(x, n, correct = FALSE) reports). In counts,
//
//	(x + z²/2)/(n + z²) ± z/(n + z²) · √(x(n−x)/n + z²/4).
//
// Unlike the Wald interval it stays inside [0, 1] and keeps close to nominal
// coverage at small n or extreme p (Brown, Cai & DasGupta 2001). With n = 0 it
// returns [0, 1], the formula's own limit. The bound at an edge is exact: lo
// is 0 when x = 0 and hi is 1 when x = n. It panics if successes > n or conf
// is not in (0, 1).
func Wilson(successes, n uint64, conf float64) (lo, hi float64) {
	if successes > n {
		panic(fmt.Sprintf("stats: Wilson: %d successes in %d trials", successes, n))
	}
	z := ZForConfidence(conf)
	if n == 0 {
		return 0, 1
	}
	x, nf, z2 := float64(successes), float64(n), z*z
	center := (x + z2/2) / (nf + z2)
	half := z / (nf + z2) * math.Sqrt(x*(nf-x)/nf+z2/4)
	lo, hi = max(0, center-half), min(1, center+half)
	if successes == 0 {
		lo = 0
	}
	if successes == n {
		hi = 1
	}
	return lo, hi
}
