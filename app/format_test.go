package app

import (
	"testing"
	"time"
)

func TestETA(t *testing.T) {
	if got := eta(61500 * time.Millisecond); got != "1 min 02 s" {
		t.Errorf("eta = %q", got)
	}
}

// Money is written with its sign and cents, as a player reads it.
func TestCash(t *testing.T) {
	for x, want := range map[float64]string{0: "$0.00", 10263630: "$10,263,630.00", -1234.5: "−$1,234.50", -0.25: "−$0.25", 999.999: "$1,000.00"} {
		if got := cash(x); got != want {
			t.Errorf("cash(%v) = %q, want %q", x, got, want)
		}
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", -1234567: "-1,234,567"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}
