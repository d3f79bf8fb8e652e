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
// 52/65536), four per 64-bit word, taken from the low bits up. The dealer
// keeps a buffer of such 16-bit chunks, refilled with the generator's state
// in locals, so dealing reads its random bits from memory and calls
// nothing; DealHands deals several hands in one call.
type Dealer struct {
	deck     [64]cards.Card   // the first 52 are the deck; 64 lets indexes be masked instead of bounds-checked
	chunk    [chunkCap]uint64 // unused 16-bit chunks: chunk[pos:end] (uint64: no masking in WebAssembly)
	pos, end int
	handSize int              // of place
	place    [MaxBatch]uint64 // the k-th card of a batch: its position i in its hand | (52 − i)<<8 | reject[i]<<16
	single   Batch            // Deal's cards
	kind     sourceKind
	xo       Xoshiro256
	chacha   rand.ChaCha8
	src      Source
}

// MaxBatch is the most cards one call deals.
const MaxBatch = 64

// Batch holds the cards of a DealHands call. A fixed-size array, so that
// indexes are masked rather than bounds-checked.
type Batch [MaxBatch]cards.Card

// refillSpare is how many chunks a refill draws beyond the need.
const refillSpare = 24

// chunkCap is the chunk buffer's size: a power of two (indexes are masked)
// with room for a batch's chunks on top of up to a batch's leftovers.
const chunkCap = 2 * MaxBatch

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
	d.deck = ordered // a copy, not a loop: a loop step is a jump in WebAssembly
	d.pos, d.end = 0, 0
}

// ordered is the deck in card order.
var ordered = func() (t [64]cards.Card) {
	for i := range cards.NumCards {
		t[i] = cards.Card(i)
	}
	return t
}()

// reject[i] is 2^16 mod (52 − i): a 16-bit draw for position i is rejected
// when the low half of chunk·(52 − i) falls below it, which leaves every
// index equally likely.
var reject = func() (t [64]uint64) {
	for i := 0; i < cards.NumCards; i++ {
		t[i] = 0x10000 % uint64(cards.NumCards-i)
	}
	return t
}()

// refill moves the unused chunks to the front of the buffer and draws
// words from the generator until at least need chunks are there, and a
// few more words, so that small deals do not refill every time (a
// session's unused words are dropped when the next one reseeds).
func (d *Dealer) refill(need int) {
	n := copy(d.chunk[:], d.chunk[d.pos:d.end])
	d.pos = 0
	need = min(need+refillSpare, chunkCap-3) // need ≤ MaxBatch: the cap only keeps split in bounds
	if d.kind != kindXoshiro {
		for ; n < need; n += 4 {
			d.split(n, d.word())
		}
		d.end = n
		return
	}
	s0, s1, s2, s3 := d.xo.s[0], d.xo.s[1], d.xo.s[2], d.xo.s[3]
	for ; n < need; n += 4 {
		// xoshiro256++, as Xoshiro256.Uint64, with the state in locals.
		w := bits.RotateLeft64(s0+s3, 23) + s0
		t := s1 << 17
		s2 ^= s0
		s3 ^= s1
		s1 ^= s2
		s0 ^= s3
		s2 ^= t
		s3 = bits.RotateLeft64(s3, 45)
		d.split(n, w)
	}
	d.xo.s = [4]uint64{s0, s1, s2, s3}
	d.end = n
}

// split stores the four 16-bit chunks of w at chunk[n:n+4], low bits first.
func (d *Dealer) split(n int, w uint64) {
	c := d.chunk[n : n+4 : n+4]
	c[0], c[1], c[2], c[3] = w&0xFFFF, w>>16&0xFFFF, w>>32&0xFFFF, w>>48
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

// Deal fills out with the next len(out) cards of a freshly shuffled deck
// (at most 52).
func (d *Dealer) Deal(out []cards.Card) {
	if len(out) == 0 {
		return
	}
	d.DealHands(&d.single, 1, len(out))
	copy(out, d.single[:])
}

// DealHands deals hands of n cards into out, one after another (hands·n
// at most MaxBatch): the same cards as that many calls of Deal with n
// cards.
//
// The card at position i of a hand takes deck index i + ⌊chunk·(52−i) /
// 2^16⌋ of the next chunk, unless the low half of that product is below
// reject[i]: then the chunk is dropped and the next one tried. Four cards
// are drawn at a time, across hands, without a branch unless one of the
// four is rejected (about one card in 3,000), which hands the rest of the
// batch to dealRest; the last cards of a batch are drawn one at a time. A step of the loop is one jump in WebAssembly, where
// Go sends every jump through a dispatch table.
func (d *Dealer) DealHands(out *Batch, hands, n int) {
	total := hands * n
	if n < 1 || n > cards.NumCards || hands < 0 || total > MaxBatch {
		panic("rng: bad deal size")
	}
	if n != d.handSize {
		d.handSize = n
		for k := range d.place {
			i := uint64(k % n)
			d.place[k] = i | (cards.NumCards-i)<<8 | reject[i]<<16
		}
	}
	if d.end-d.pos < total {
		d.refill(total)
	}
	pos, k := d.pos, 0
	for ; k+4 <= total; k += 4 {
		p0, p1, p2, p3 := d.place[k&(MaxBatch-1)], d.place[(k+1)&(MaxBatch-1)], d.place[(k+2)&(MaxBatch-1)], d.place[(k+3)&(MaxBatch-1)]
		m0 := d.chunk[pos&(chunkCap-1)] * (p0 >> 8 & 0xFF)
		m1 := d.chunk[(pos+1)&(chunkCap-1)] * (p1 >> 8 & 0xFF)
		m2 := d.chunk[(pos+2)&(chunkCap-1)] * (p2 >> 8 & 0xFF)
		m3 := d.chunk[(pos+3)&(chunkCap-1)] * (p3 >> 8 & 0xFF)
		// A low half below its threshold makes the difference wrap to a
		// number with the top bit set.
		bad := (m0&0xFFFF - p0>>16) | (m1&0xFFFF - p1>>16) | (m2&0xFFFF - p2>>16) | (m3&0xFFFF - p3>>16)
		if bad>>63 != 0 {
			break
		}
		d.take(out, k, p0&0xFF, m0)
		d.take(out, k+1, p1&0xFF, m1)
		d.take(out, k+2, p2&0xFF, m2)
		d.take(out, k+3, p3&0xFF, m3)
		pos += 4
	}
	for ; k < total; k++ { // the last cards, one at a time
		p := d.place[k&(MaxBatch-1)]
		m := d.chunk[pos&(chunkCap-1)] * (p >> 8 & 0xFF)
		if (m&0xFFFF-p>>16)>>63 != 0 {
			break
		}
		d.take(out, k, p&0xFF, m)
		pos++
	}
	d.pos = pos
	if k < total {
		d.dealRest(out, k, total)
	}
}

// take swaps deck index i + m>>16 into position i and deals it as out[k].
func (d *Dealer) take(out *Batch, k int, i, m uint64) {
	j, i := (i+m>>16)&63, i&63
	d.deck[i], d.deck[j] = d.deck[j], d.deck[i]
	out[k&(MaxBatch-1)] = d.deck[i]
}

// dealRest deals out[k:total] one chunk at a time.
func (d *Dealer) dealRest(out *Batch, k, total int) {
	for ; k < total; k++ {
		i := d.place[k&(MaxBatch-1)] & 0xFF
		for {
			if d.pos == d.end {
				d.refill(total - k)
			}
			m := d.chunk[d.pos&(chunkCap-1)] * (cards.NumCards - i)
			d.pos++
			if m&0xFFFF >= reject[i&63] {
				d.take(out, k, i, m)
				break
			}
		}
	}
}
