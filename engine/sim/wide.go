package sim

import (
	"math/big"
	"math/bits"
)

// Int128 is a signed 128-bit two's-complement accumulator for sums of
// money that could overflow int64 over a long run (10^9 hands × large
// bets). Addition is exact, so merges are associative and order-free.
type Int128 struct{ Hi, Lo uint64 }

// Add adds a signed 64-bit value: its two's-complement extension to 128
// bits is (x>>63, uint64(x)). Written without bits.Add64 so that it inlines
// and stays cheap in WebAssembly, which has no carry flag.
func (a *Int128) Add(x int64) {
	lo := a.Lo + uint64(x)
	if lo < a.Lo {
		a.Hi++
	}
	a.Hi += uint64(x >> 63)
	a.Lo = lo
}

// AddUint adds an unsigned 64-bit value.
func (a *Int128) AddUint(u uint64) {
	lo := a.Lo + u
	if lo < a.Lo {
		a.Hi++
	}
	a.Lo = lo
}

// AddSquare adds x². Values below 2^31 in magnitude (all realistic hand
// results, in cents) take an inlined path with one 64-bit multiply; larger
// ones the full 128-bit product.
func (a *Int128) AddSquare(x int64) {
	if uint64(x+1<<31) < 1<<32 {
		lo := a.Lo + uint64(x*x)
		if lo < a.Lo {
			a.Hi++
		}
		a.Lo = lo
		return
	}
	a.addSquareWide(x)
}

func (a *Int128) addSquareWide(x int64) {
	u := uint64(x)
	if x < 0 {
		u = uint64(-x)
	}
	hi, lo := bits.Mul64(u, u)
	var c uint64
	a.Lo, c = bits.Add64(a.Lo, lo, 0)
	a.Hi += hi + c
}

// AddProduct adds x·y exactly.
func (a *Int128) AddProduct(x, y int64) {
	neg := (x < 0) != (y < 0)
	ux, uy := uint64(x), uint64(y)
	if x < 0 {
		ux = uint64(-x)
	}
	if y < 0 {
		uy = uint64(-y)
	}
	hi, lo := bits.Mul64(ux, uy)
	if neg {
		lo, hi = ^lo, ^hi
		var c uint64
		lo, c = bits.Add64(lo, 1, 0)
		hi += c
	}
	var c uint64
	a.Lo, c = bits.Add64(a.Lo, lo, 0)
	a.Hi += hi + c
}

// Merge adds another accumulator.
func (a *Int128) Merge(b Int128) {
	var c uint64
	a.Lo, c = bits.Add64(a.Lo, b.Lo, 0)
	a.Hi += b.Hi + c
}

// Big returns the value as a big.Int.
func (a Int128) Big() *big.Int {
	return wordsToBig([]uint64{a.Lo, a.Hi})
}

// Int256 is a signed 256-bit accumulator for sums of third and fourth
// powers of session profits.
type Int256 struct{ W [4]uint64 }

func (a *Int256) addWords(w [4]uint64) {
	var c uint64
	for i := range a.W {
		a.W[i], c = bits.Add64(a.W[i], w[i], c)
	}
}

// Merge adds another accumulator.
func (a *Int256) Merge(b Int256) { a.addWords(b.W) }

// AddPowers adds x³ to a3 and x⁴ to a4 exactly (|x| < 2^63).
func AddPowers(a3, a4 *Int256, x int64) {
	neg := x < 0
	u := uint64(x)
	if neg {
		u = uint64(-x)
	}
	h2, l2 := bits.Mul64(u, u) // x² = h2:l2
	// x³ = x² · u, a 192-bit product.
	h3a, l3 := bits.Mul64(l2, u)
	h3b, m3 := bits.Mul64(h2, u)
	m3, c := bits.Add64(m3, h3a, 0)
	h3 := h3b + c
	cube := [4]uint64{l3, m3, h3, 0}
	if neg {
		cube = negate(cube)
	}
	a3.addWords(cube)
	// x⁴ = (x²)², a 256-bit product of two 128-bit numbers.
	a4.addWords(square128(h2, l2))
}

func square128(h, l uint64) [4]uint64 {
	// (h·2^64 + l)² = h²·2^128 + 2hl·2^64 + l²
	hh1, hh0 := bits.Mul64(h, h)
	hl1, hl0 := bits.Mul64(h, l)
	ll1, ll0 := bits.Mul64(l, l)
	var r [4]uint64
	r[0] = ll0
	var c uint64
	// add 2·hl at word 1
	r[1], c = bits.Add64(ll1, hl0, 0)
	r[2], c = bits.Add64(hh0, hl1, c)
	r[3] = hh1 + c
	r[1], c = bits.Add64(r[1], hl0, 0)
	r[2], c = bits.Add64(r[2], hl1, c)
	r[3] += c
	return r
}

func negate(w [4]uint64) [4]uint64 {
	var c uint64 = 1
	for i := range w {
		w[i], c = bits.Add64(^w[i], 0, c)
	}
	return w
}

// Big returns the value as a big.Int.
func (a Int256) Big() *big.Int { return wordsToBig(a.W[:]) }

// wordsToBig reads little-endian two's-complement words.
func wordsToBig(w []uint64) *big.Int {
	neg := w[len(w)-1]>>63 != 0
	v := make([]uint64, len(w))
	copy(v, w)
	if neg {
		var c uint64 = 1
		for i := range v {
			v[i], c = bits.Add64(^v[i], 0, c)
		}
	}
	b := new(big.Int)
	for i := len(v) - 1; i >= 0; i-- {
		b.Lsh(b, 64)
		b.Or(b, new(big.Int).SetUint64(v[i]))
	}
	if neg {
		b.Neg(b)
	}
	return b
}
