package app

import (
	"math"
	"testing"
	"time"
)

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestWilson checks against the interval computed by hand from Wilson's
// formula for 40 successes in 100 trials: [0.3094, 0.4980].
func TestWilson(t *testing.T) {
	lo, hi := wilson(40, 100)
	if math.Abs(lo-0.3094) > 1e-4 || math.Abs(hi-0.4980) > 1e-4 {
		t.Errorf("wilson(40, 100) = [%.4f, %.4f], want [0.3094, 0.4980]", lo, hi)
	}
}

func TestETA(t *testing.T) {
	if got := eta(61500 * time.Millisecond); got != "1 min 02 s" {
		t.Errorf("eta = %q", got)
	}
}

func TestCash(t *testing.T) {
	for x, want := range map[float64]string{0: "0.00", 10263630: "10,263,630.00", -1234.5: "-1,234.50", -0.25: "-0.25", 999.999: "1,000.00"} {
		if got := cash(x); got != want {
			t.Errorf("cash(%v) = %q, want %q", x, got, want)
		}
	}
}
