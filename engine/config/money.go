package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in integer cents. Configs write it in currency units
// with at most two decimals (5, 5.5, 5.25).
type Money int64

// Dollars returns the amount in currency units.
func (m Money) Dollars() float64 { return float64(m) / 100 }

// String formats the amount in currency units with the fewest decimals
// that are exact: "5", "5.5", "-0.25".
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign, v = "-", -v
	}
	whole, cents := v/100, v%100
	switch {
	case cents == 0:
		return fmt.Sprintf("%s%d", sign, whole)
	case cents%10 == 0:
		return fmt.Sprintf("%s%d.%d", sign, whole, cents/10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, whole, cents)
}

// MarshalJSON writes the amount as a JSON number in currency units.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(m.String()), nil }

// ParseMoney reads a decimal amount with at most two decimals and at most
// 13 integer digits, exactly (no floating point).
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "+")
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" && !hasDot || len(frac) > 2 || len(whole) > 13 || hasDot && frac == "" {
		return 0, fmt.Errorf("want an amount with at most two decimals")
	}
	if whole == "" {
		whole = "0"
	}
	w, err := strconv.ParseUint(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("want an amount with at most two decimals")
	}
	var c uint64
	if frac != "" {
		c, err = strconv.ParseUint(frac, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("want an amount with at most two decimals")
		}
		if len(frac) == 1 {
			c *= 10
		}
	}
	v := int64(w*100 + c)
	if neg {
		v = -v
	}
	return Money(v), nil
}
