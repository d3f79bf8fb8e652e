package poker

import (
	"math/bits"

	"github.com/lir-lab/lir/engine/cards"
)

// Bit layout used by the fast classifiers: a rank mask has bit r set for
// each rank present; a rank-count word holds the count of rank r in the
// nibble at bits 4r..4r+3 (counts never exceed 4, so nibbles never carry).
const (
	nibbleBit0 = 0x1111111111111 // bit 0 of each of the 13 nibbles
	nibbleBit2 = 0x4444444444444 // bit 2: a count of 4
	// highPairBits is bit 1 (a count of 2 or 3) of the nibbles of T, J, Q, K, A.
	highPairBits  = 0x2222200000000
	wheelMask     = 1<<cards.Ace | 0xF // A-2-3-4-5
	royalMask     = 0x1F << cards.Ten  // T-J-Q-K-A
	miniRoyalMask = 0x7 << cards.Queen // Q-K-A
	wheel3Mask    = 1<<cards.Ace | 0x3 // A-2-3
)

// Classify returns the five-card category of a, b, c, d, e (distinct cards,
// any order). It is branch-light bit arithmetic with no tables and no
// allocation, done in 64-bit words (narrower Go integers cost a mask per
// operation in WebAssembly); TestClassifyExhaustive checks it against
// ClassifySlow.
func Classify(a, b, c, d, e cards.Card) Category {
	ra, rb, rc, rd, re := uint64(a)>>2, uint64(b)>>2, uint64(c)>>2, uint64(d)>>2, uint64(e)>>2
	mask := uint64(1)<<ra | 1<<rb | 1<<rc | 1<<rd | 1<<re
	switch bits.OnesCount64(mask) {
	case 5:
		sa := uint64(a) & 3
		flush := uint64(b)&3 == sa && uint64(c)&3 == sa && uint64(d)&3 == sa && uint64(e)&3 == sa
		straight := mask>>bits.TrailingZeros64(mask) == 0x1F || mask == wheelMask
		switch {
		case straight && flush:
			if mask == royalMask {
				return RoyalFlush
			}
			return StraightFlush
		case flush:
			return Flush
		case straight:
			return Straight
		}
		return HighCard
	case 4:
		counts := uint64(1)<<(4*ra) + 1<<(4*rb) + 1<<(4*rc) + 1<<(4*rd) + 1<<(4*re)
		if counts&highPairBits != 0 {
			return PairTensOrBetter
		}
		return PairBelowTens
	case 3:
		counts := uint64(1)<<(4*ra) + 1<<(4*rb) + 1<<(4*rc) + 1<<(4*rd) + 1<<(4*re)
		if counts&(counts>>1)&nibbleBit0 != 0 {
			return ThreeOfAKind
		}
		return TwoPair
	default: // two ranks
		counts := uint64(1)<<(4*ra) + 1<<(4*rb) + 1<<(4*rc) + 1<<(4*rd) + 1<<(4*re)
		if counts&nibbleBit2 != 0 {
			return FourOfAKind
		}
		return FullHouse
	}
}

// Classify3 returns the three-card category of a, b, c (distinct cards, any
// order); TestClassify3Exhaustive checks it against Classify3Slow.
func Classify3(a, b, c cards.Card) Category3 {
	mask := uint64(1)<<(a>>2) | uint64(1)<<(b>>2) | uint64(1)<<(c>>2)
	switch bits.OnesCount64(mask) {
	case 1:
		return ThreeOfAKind3
	case 2:
		return Pair3
	}
	flush := (a^b)&3 == 0 && (a^c)&3 == 0
	straight := mask>>bits.TrailingZeros64(mask) == 0x7 || mask == wheel3Mask
	switch {
	case straight && flush:
		if mask == miniRoyalMask {
			return MiniRoyal3
		}
		return StraightFlush3
	case straight:
		return Straight3
	case flush:
		return Flush3
	}
	return HighCard3
}
