package stats

import (
	"math"
	"testing"
)

// TestNormalQuantile checks Φ⁻¹ at the familiar two-sided critical values
// (to 16 digits, as tabulated in e.g. NIST/SEMATECH e-Handbook §1.3.6.7.1 to
// fewer digits, and as R's qnorm prints with digits = 17), and round-trips
// against Φ(x) = erfc(−x/√2)/2 from the standard library, which is
// independent of gonum. gonum's rational approximation (in the form of
// Wichura's AS 241) is good to about 1e-16 relative, so 1e-14 is loose; the
// round trip also carries erfc's own error, hence 1e-12 there.
func TestNormalQuantile(t *testing.T) {
	for _, c := range []struct{ p, want float64 }{
		{0.5, 0},
		{0.975, 1.959963984540054},
		{0.025, -1.959963984540054},
		{0.995, 2.5758293035489004},
		{0.95, 1.6448536269514722},
	} {
		near(t, "NormalQuantile", NormalQuantile(c.p), c.want, 1e-14)
	}
	for _, p := range []float64{1e-12, 1e-6, 0.001, 0.1, 0.3, 0.7, 0.9, 0.999, 1 - 1e-6} {
		x := NormalQuantile(p)
		near(t, "Φ(Φ⁻¹(p))", math.Erfc(-x/math.Sqrt2)/2, p, 1e-12)
	}
	if !math.IsInf(NormalQuantile(0), -1) || !math.IsInf(NormalQuantile(1), 1) {
		t.Error("NormalQuantile at 0 and 1: want −Inf and +Inf")
	}
	near(t, "ZForConfidence(0.95)", ZForConfidence(0.95), 1.959963984540054, 1e-14)
	near(t, "ZForConfidence(0.99)", ZForConfidence(0.99), 2.5758293035489004, 1e-14)
	for _, f := range []func(){
		func() { NormalQuantile(-0.1) },
		func() { NormalQuantile(math.NaN()) },
		func() { ZForConfidence(1) },
		func() { ZForConfidence(0) },
	} {
		if !panics(f) {
			t.Error("out-of-range probability did not panic")
		}
	}
}
