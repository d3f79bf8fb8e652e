package results

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Float is a derived statistic. It marshals with 12 significant digits, or
// null when undefined (NaN, ±Inf).
type Float float64

// MarshalJSON writes the number, or null.
func (f Float) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', 12, 64), nil
}

// Approx is a statistic computed through transcendental functions (p-values,
// normal quantiles). Those may differ in the last bit between the native
// and WebAssembly math libraries, so it is written with 8 significant digits,
// which hides such differences.
type Approx float64

// MarshalJSON writes the number, or null.
func (f Approx) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, x, 'g', 8, 64), nil
}

// Cents is an exact amount of money in cents, written in currency units
// with two decimals ("1234.50"), however large.
type Cents struct{ V *big.Int }

// CentsOf wraps an int64 amount.
func CentsOf(v int64) Cents { return Cents{big.NewInt(v)} }

// MarshalJSON writes the amount as an exact JSON number.
func (c Cents) MarshalJSON() ([]byte, error) {
	v := c.V
	if v == nil {
		v = new(big.Int)
	}
	if v.IsInt64() {
		return appendCents(nil, v.Int64()), nil
	}
	neg := v.Sign() < 0
	a := new(big.Int).Abs(v)
	q, r := new(big.Int).QuoRem(a, big.NewInt(100), new(big.Int))
	s := q.String() + "." + strconv.FormatInt(r.Int64()+100, 10)[1:]
	if neg {
		s = "-" + s
	}
	return []byte(s), nil
}

// CentsList is a series of exact amounts that fit in 64 bits, written as
// Cents are ("1234.50"): 8 bytes an amount in memory instead of a big.Int.
type CentsList []int64

// MarshalJSON writes the amounts as a JSON array of exact numbers.
func (l CentsList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 2+len(l)*10)
	b = append(b, '[')
	for i, v := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCents(b, v)
	}
	return append(b, ']'), nil
}

// appendCents appends v cents in currency units with two decimals.
func appendCents(b []byte, v int64) []byte {
	u := uint64(v)
	if v < 0 {
		b = append(b, '-')
		u = -u
	}
	b = strconv.AppendUint(b, u/100, 10)
	return append(b, '.', byte('0'+u%100/10), byte('0'+u%10))
}

// UnmarshalJSON reads an array of amounts with at most two decimals each,
// exactly; an amount beyond 64-bit cents is an error.
func (l *CentsList) UnmarshalJSON(data []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	if raw == nil {
		*l = nil
		return nil
	}
	out := make(CentsList, len(raw))
	for i, r := range raw {
		var c Cents
		if err := c.UnmarshalJSON(r); err != nil {
			return err
		}
		if !c.V.IsInt64() {
			return fmt.Errorf("results: amount %s is out of range", r)
		}
		out[i] = c.V.Int64()
	}
	*l = out
	return nil
}

// perUnit divides exactly-summed cents by a count and returns currency.
func perUnit(sum *big.Int, n uint64) Float {
	if n == 0 {
		return Float(math.NaN())
	}
	r := new(big.Rat).SetFrac(sum, new(big.Int).SetUint64(n))
	r.Quo(r, big.NewRat(100, 1))
	f, _ := r.Float64()
	return Float(f)
}

// ratString writes num/den in lowest terms, e.g. "-37963/1082900".
func ratString(num, den int64) string {
	return big.NewRat(num, den).RatString()
}

// UnmarshalJSON reads a number, or null as NaN.
func (f *Float) UnmarshalJSON(data []byte) error {
	x, err := parseNullableFloat(data)
	*f = Float(x)
	return err
}

// UnmarshalJSON reads a number, or null as NaN.
func (f *Approx) UnmarshalJSON(data []byte) error {
	x, err := parseNullableFloat(data)
	*f = Approx(x)
	return err
}

func parseNullableFloat(data []byte) (float64, error) {
	if string(data) == "null" {
		return math.NaN(), nil
	}
	return strconv.ParseFloat(string(data), 64)
}

// UnmarshalJSON reads an amount in currency units with at most two
// decimals, exactly.
func (c *Cents) UnmarshalJSON(data []byte) error {
	s := string(data)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 || whole == "" {
		return fmt.Errorf("results: amount %s: want currency units with at most two decimals", data)
	}
	frac += strings.Repeat("0", 2-len(frac))
	v, ok := new(big.Int).SetString(whole+frac, 10)
	if !ok {
		return fmt.Errorf("results: amount %s is not a number", data)
	}
	if neg {
		v.Neg(v)
	}
	c.V = v
	return nil
}
