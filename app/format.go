package app

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

func formatSeed(seed uint64) string { return strconv.FormatUint(seed, 10) }

// groupDigits writes n with thousands separators: 1234567 → "1,234,567".
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// cash formats an amount of money with thousands separators and cents:
// -1234.5 → "-1,234.50".
func cash(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return fmt.Sprint(x)
	}
	c := int64(math.Round(x * 100))
	s := groupDigits(c / 100)
	if c < 0 && c/100 == 0 {
		s = "-0"
	}
	return fmt.Sprintf("%s.%02d", s, abs64(c%100))
}

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

// wilson is the Wilson score 95% interval for k successes in n trials.
func wilson(k, n float64) (lo, hi float64) {
	if n <= 0 {
		return 0, 0
	}
	const z = 1.959963984540054 // two-sided 95% normal quantile
	p := k / n
	den := 1 + z*z/n
	c := (p + z*z/(2*n)) / den
	h := z * math.Sqrt(p*(1-p)/n+z*z/(4*n*n)) / den
	return c - h, c + h
}
