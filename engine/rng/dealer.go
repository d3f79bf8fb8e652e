package rng

import (
	"math/bits"
	"math/rand/v2"

	"github.com/lir-lab/lir/engine/cards"
)

// Algorithm names a card source.
type Algorithm string

// Card sources (config deck.shuffle_algorithm).
const (
	FisherYates   Algorithm = "fisher_yates"  // xoshiro256++: fast everywhere, WASM included
	Cryptographic Algorithm = "cryptographic" // ChaCha8 from math/rand/v2: cryptographically strong, still seeded
)

// Source is a stream of random 64-bit words (math/rand/v2's Source).
type Source interface{ Uint64() uint64 }

// NewSource returns the card source of algorithm a seeded with seed.
func NewSource(a Algorithm, seed uint64) Source {
	if a == Cryptographic {
		return rand.NewChaCha8(chachaKey(seed))
	}
	return NewXoshiro256(seed)
}

// chachaKey expands a 64-bit seed into a ChaCha8 key through SplitMix64.
func chachaKey(seed uint64) (key [32]byte) {
	sm := splitMix64(seed)
	for i := 0; i < 32; i += 8 {
		w := sm.next()
		for j := 0; j < 8; j++ {
			key[i+j] = byte(w >> (8 * j))
		}
	}
	return key
}

// Dealer draws cards without replacement by a partial Fisher–Yates shuffle:
// drawing k cards swaps a uniformly chosen card of positions i…51 into
// position i for i < k. Whatever order the deck was left in by the last
// round, the k cards drawn are a uniformly random k-sequence, exactly as the
// top k cards of a full shuffle; the other 52 − k are never looked at, so
// they are never shuffled.
//
// Each index costs 16 random bits (Lemire's multiply-shift with rejection,
// so it is exactly uniform; a draw is rejected with probability below
// 52/65536), four per 64-bit word. The generator is called directly, not
// through an interface, so a five-card deal costs about two generator steps.
type Dealer struct {
	deck   [64]cards.Card // the first 52 are the deck; 64 lets indexes be masked instead of bounds-checked
	cur    uint64         // unused random bits
	left   int            // 16-bit chunks left in cur
	kind   sourceKind
	xo     Xoshiro256
	chacha rand.ChaCha8
	src    Source
}

type sourceKind uint8

const (
	kindXoshiro sourceKind = iota
	kindChaCha
	kindOther
)

// NewDealer returns a dealer drawing from src with a fresh, ordered deck.
func NewDealer(src Source) *Dealer {
	d := &Dealer{}
	d.Reset(src)
	return d
}

// Seed orders the deck and draws from now on from the source of algorithm
// a seeded with seed, reusing the dealer's own generator state: one Dealer
// serves every session of a worker and nothing is allocated per session.
// It draws the same cards as NewDealer(NewSource(a, seed)).
func (d *Dealer) Seed(a Algorithm, seed uint64) {
	d.order()
	if a == Cryptographic {
		d.chacha.Seed(chachaKey(seed))
		d.kind = kindChaCha
		return
	}
	d.xo.Seed(seed)
	d.kind = kindXoshiro
}

// Reset orders the deck and draws from src from now on.
func (d *Dealer) Reset(src Source) {
	d.order()
	switch s := src.(type) {
	case *Xoshiro256:
		d.xo, d.kind = *s, kindXoshiro
	case *rand.ChaCha8:
		d.chacha, d.kind = *s, kindChaCha
	default:
		d.src, d.kind = src, kindOther
	}
}

func (d *Dealer) order() {
	for i := 0; i < cards.NumCards; i++ {
		d.deck[i] = cards.Card(i)
	}
	d.left = 0
}

// word returns the next 64 random bits of the dealer's source.
func (d *Dealer) word() uint64 {
	switch d.kind {
	case kindXoshiro:
		return d.xo.Uint64()
	case kindChaCha:
		return d.chacha.Uint64()
	}
	return d.src.Uint64()
}

// Deal fills out with the next len(out) cards of a freshly shuffled deck.
//
// Each index is uniform in [0, 52−i) by Lemire's method on 16 bits: the
// high half of x·n for a random 16-bit x, rejecting the low-half values
// below 2^16 mod n that would make some results one draw more likely. The
// unused bits of the current word stay in locals across the loop, and for
// xoshiro256++ so does the generator's state: no call per card, which
// matters most in WebAssembly.
func (d *Dealer) Deal(out []cards.Card) {
	if d.kind != kindXoshiro {
		d.dealFrom(out)
		return
	}
	cur, left := d.cur, d.left
	s0, s1, s2, s3 := d.xo.s[0], d.xo.s[1], d.xo.s[2], d.xo.s[3]
	for i := range out {
		n := uint64(cards.NumCards - i)
		for {
			if left == 0 {
				// xoshiro256++, as Xoshiro256.Uint64.
				cur = bits.RotateLeft64(s0+s3, 23) + s0
				t := s1 << 17
				s2 ^= s0
				s3 ^= s1
				s1 ^= s2
				s0 ^= s3
				s2 ^= t
				s3 = bits.RotateLeft64(s3, 45)
				left = 4
			}
			m := (cur & 0xFFFF) * n // < 2^22: 64-bit arithmetic, no masks in WebAssembly
			cur >>= 16
			left--
			if lo := m & 0xFFFF; lo < n && lo < (0x10000-n)%n {
				continue // rejected: draw again
			}
			j := (i + int(m>>16)) & 63
			k := i & 63
			d.deck[k], d.deck[j] = d.deck[j], d.deck[k]
			out[i] = d.deck[k]
			break
		}
	}
	d.xo.s = [4]uint64{s0, s1, s2, s3}
	d.cur, d.left = cur, left
}

// dealFrom is Deal for sources other than xoshiro256++.
func (d *Dealer) dealFrom(out []cards.Card) {
	cur, left := d.cur, d.left
	for i := range out {
		n := uint64(cards.NumCards - i)
		for {
			if left == 0 {
				cur, left = d.word(), 4
			}
			m := (cur & 0xFFFF) * n // < 2^22: 64-bit arithmetic, no masks in WebAssembly
			cur >>= 16
			left--
			if lo := m & 0xFFFF; lo < n && lo < (0x10000-n)%n {
				continue // rejected: draw again
			}
			j := i + int(m>>16)
			d.deck[i], d.deck[j] = d.deck[j], d.deck[i]
			out[i] = d.deck[i]
			break
		}
	}
	d.cur, d.left = cur, left
}
