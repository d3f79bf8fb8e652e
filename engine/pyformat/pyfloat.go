package pyformat

import (
	"math"
	"strconv"
	"strings"
)

// appendFloat appends x as Python's repr(float) spells it, which is what
// its csv and json modules write: the shortest digits that read back as x,
// always with a decimal point or an exponent ("500.0", "0.355",
// "1e-05", "1e+16"), positional from 1e-4 up to 1e16.
func appendFloat(b []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		return append(b, "NaN"...)
	case math.IsInf(x, 1):
		return append(b, "Infinity"...)
	case math.IsInf(x, -1):
		return append(b, "-Infinity"...)
	}
	ax := math.Abs(x)
	if ax != 0 && (ax < 1e-4 || ax >= 1e16) {
		s := strconv.FormatFloat(x, 'e', -1, 64) // "1e-05", "1.5e+16": Python's spelling
		return append(b, s...)
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	b = append(b, s...)
	if !strings.ContainsRune(s, '.') {
		b = append(b, ".0"...)
	}
	return b
}

// appendDollars appends an amount in cents as a Python float of dollars.
func appendDollars(b []byte, cents int64) []byte {
	return appendFloat(b, float64(cents)/100)
}

// appendBool appends a bool as Python's str() spells it.
func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "True"...)
	}
	return append(b, "False"...)
}

// pyGrouped spells x as Python's format(x, ",.Nf") does: decimals digits
// after the point, the integer part in groups of three ("-1,234.50").
func pyGrouped(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if decimals > 0 {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
