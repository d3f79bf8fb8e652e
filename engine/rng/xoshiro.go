package rng

import "math/bits"

// Xoshiro256 is xoshiro256++ (Blackman and Vigna, 2019): 256 bits of state,
// period 2^256 − 1, and only additions, shifts, rotations and xors — no
// 64×64→128-bit multiply, which WebAssembly lacks and must emulate (that is
// what makes math/rand/v2's PCG about six times slower in the browser).
type Xoshiro256 struct{ s [4]uint64 }

// NewXoshiro256 seeds the state from seed through SplitMix64, as the
// authors recommend, so nearby seeds give unrelated streams.
func NewXoshiro256(seed uint64) *Xoshiro256 {
	x := &Xoshiro256{}
	x.Seed(seed)
	return x
}

// Seed resets the generator to the stream of seed.
func (x *Xoshiro256) Seed(seed uint64) {
	sm := splitMix64(seed)
	for i := range x.s {
		x.s[i] = sm.next()
	}
}

// Uint64 returns the next 64 random bits.
func (x *Xoshiro256) Uint64() uint64 {
	s := &x.s
	r := bits.RotateLeft64(s[0]+s[3], 23) + s[0]
	t := s[1] << 17
	s[2] ^= s[0]
	s[3] ^= s[1]
	s[1] ^= s[2]
	s[0] ^= s[3]
	s[2] ^= t
	s[3] = bits.RotateLeft64(s[3], 45)
	return r
}
