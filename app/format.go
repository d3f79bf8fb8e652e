package app

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/lir-lab/lir/engine/report"
)

// Amounts and counts are written as the report writes them (engine/report):
// "$1,234.50", "−$3.00", "1,234,567".
var (
	cash        = report.Money
	groupDigits = report.Digits
)

// cashFine writes a small amount to a hundredth of a cent: "−$0.1753".
func cashFine(x float64) string {
	if x < 0 {
		return fmt.Sprintf("−$%.4f", -x)
	}
	return fmt.Sprintf("$%.4f", x)
}

func formatSeed(seed uint64) string { return strconv.FormatUint(seed, 10) }

// pct writes a probability as a percentage with two decimals.
func pct(p float64) string { return fmt.Sprintf("%.2f%%", 100*p) }

// rate formats a per-second figure: 1234567 → "1.23 M".
func rate(x float64) string {
	switch {
	case x >= 1e9:
		return fmt.Sprintf("%.2f G", x/1e9)
	case x >= 1e6:
		return fmt.Sprintf("%.2f M", x/1e6)
	case x >= 1e3:
		return fmt.Sprintf("%.1f k", x/1e3)
	}
	return fmt.Sprintf("%.0f", x)
}

// eta formats a time left, rounded up to a whole second.
func eta(d time.Duration) string {
	if d < 0 || d > 1000*time.Hour {
		return "unknown"
	}
	s := int64(math.Ceil(d.Seconds()))
	switch {
	case s < 60:
		return fmt.Sprintf("%d s", s)
	case s < 3600:
		return fmt.Sprintf("%d min %02d s", s/60, s%60)
	}
	return fmt.Sprintf("%d h %02d min", s/3600, s%3600/60)
}

// seconds writes how long the user has waited, in whole seconds: "3 s".
func seconds(d time.Duration) string { return fmt.Sprintf("%d s", int64(d.Seconds())) }
