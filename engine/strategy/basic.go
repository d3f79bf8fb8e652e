package strategy

import (
	"math/bits"
	"sync"

	"github.com/lir-lab/lir/engine/cards"
)

// Basic is the published basic strategy for the standard paytable
// (1000/200/50/11/8/5/3/2/1), which is the EV-optimal play for that table.
// Each decision is independent: a bet left up wins or loses on the final
// hand alone, so it rides exactly when the expected payout of the final hand
// given the cards seen is positive (zero: see ties).
//
// Bet 1 (three cards) rides with:
//   - a paying hand: a pair of tens or better, or three of a kind;
//   - three to a royal flush;
//   - three suited consecutive cards, 3-4-5 or higher (not A-2-3, 2-3-4);
//   - three to a straight flush spanning four ranks with a high card (T-A);
//   - three to a straight flush spanning five ranks with two high cards;
//     an ace played low (A-2-4, A-3-5) is not a high card here: those draws
//     are one-ended and lose 1/14 of a unit.
//
// Bet 2 (four cards) rides with:
//   - a paying hand: a pair of tens or better, two pair, trips, quads;
//   - four to a flush;
//   - four to an outside straight (8 outs) with at least one high card.
//
// On the standard table two four-card classes are worth exactly zero:
// four to an outside straight with no high card (8 × 5 = 40 won, 40 lost of
// 48) and four to an inside straight with four high cards such as T-J-Q-A
// (4 × 5 + 12 × 1 = 32 won, 32 lost). ties decides them. No three-card hand
// is exactly zero. TestBasicIsOptimal proves every table entry by exact
// enumeration.
//
// The two tables are built once per program (each takes 270,725 decisions,
// tens of milliseconds in a Web Worker); every call returns its own copy.
func Basic(ties Ties) *Table {
	b := &basicTables[0]
	if ties == TiesRide {
		b = &basicTables[1]
	}
	b.once.Do(func() {
		b.t = *Build("basic", basicBet1, func(h [4]cards.Card) bool { return basicBet2(h, ties == TiesRide) })
	})
	t := b.t
	return &t
}

// basicTables are the basic strategy under ties pull and ride.
var basicTables [2]struct {
	once sync.Once
	t    Table
}

// isHigh reports whether a rank pays when paired (ten or better).
func isHigh(r cards.Rank) bool { return r >= cards.Ten }

func basicBet1(h [3]cards.Card) bool {
	r0, r1, r2 := h[0].Rank(), h[1].Rank(), h[2].Rank()
	if r0 == r1 || r1 == r2 || r0 == r2 {
		// Any pair or trips: pays if trips or the pair is tens or better.
		pair := r1 // in sorted order the middle card belongs to the pair
		return r0 == r2 || isHigh(pair)
	}
	if h[0].Suit() != h[1].Suit() || h[1].Suit() != h[2].Suit() {
		return false
	}
	mask := uint16(1)<<r0 | uint16(1)<<r1 | uint16(1)<<r2
	high := 0
	for _, r := range []cards.Rank{r0, r1, r2} {
		if isHigh(r) {
			high++
		}
	}
	if high == 3 {
		return true // three to a royal flush
	}
	span, aceLow := straightSpan(mask)
	if aceLow {
		high-- // an ace played low (A-2-4, A-3-5, …) is not a high card for the draw
	}
	switch span {
	case 3:
		return mask != 0x7 && mask != 1<<cards.Ace|0x3 // not 2-3-4, not A-2-3
	case 4:
		return high >= 1
	case 5:
		return high >= 2
	}
	return false
}

func basicBet2(h [4]cards.Card, tiesRide bool) bool {
	var mask uint16
	var counts [13]int
	for _, c := range h {
		mask |= 1 << c.Rank()
		counts[c.Rank()]++
	}
	high := 0
	for r := cards.Ten; r <= cards.Ace; r++ {
		if counts[r] >= 2 {
			return true // pair of tens or better (or better still)
		}
		if counts[r] == 1 {
			high++
		}
	}
	pairs := 0
	for _, n := range counts {
		switch {
		case n >= 3:
			return true // trips or quads
		case n == 2:
			pairs++
		}
	}
	if pairs == 2 {
		return true // two pair
	}
	if pairs == 1 {
		return false // a low pair
	}
	if h[0].Suit() == h[1].Suit() && h[1].Suit() == h[2].Suit() && h[2].Suit() == h[3].Suit() {
		return true // four to a flush
	}
	outs := straightOuts(mask)
	switch {
	case outs == 2 && high >= 1:
		return true // four to an outside straight with a high card
	case outs == 2 && high == 0:
		return tiesRide // exactly zero EV
	case outs == 1 && high == 4:
		return tiesRide // exactly zero EV: T-J-Q-A, T-J-K-A, T-Q-K-A, J-Q-K-A
	}
	return false
}

// straightSpan returns the smallest number of consecutive ranks (ace high
// or low) that contain every rank of mask, for masks that fit in five (0
// otherwise), and whether that span plays the ace low.
func straightSpan(mask uint16) (span int, aceLow bool) {
	for i, m := range []uint16{mask, lowAce(mask)} {
		if m == 0 {
			continue
		}
		lo, hi := bits.TrailingZeros16(m), 15-bits.LeadingZeros16(m)
		if s := hi - lo + 1; s <= 5 && (span == 0 || s < span) {
			span, aceLow = s, i == 1
		}
	}
	return span, aceLow
}

// lowAce moves an ace to below the two: bit 0 becomes the ace and every
// other rank shifts up one (so a wheel is five consecutive bits).
func lowAce(mask uint16) uint16 {
	if mask&(1<<cards.Ace) == 0 {
		return 0
	}
	return (mask&^(1<<cards.Ace))<<1 | 1
}

// straightOuts returns how many ranks would complete a straight with the
// four distinct ranks of mask: 2 for an open-ended draw, 1 for an inside or
// one-ended draw, 0 otherwise.
func straightOuts(mask uint16) int {
	outs := 0
	for r := cards.Two; r <= cards.Ace; r++ {
		if mask&(1<<r) != 0 {
			continue
		}
		m := mask | 1<<r
		if isStraight5(m) {
			outs++
		}
	}
	return outs
}

func isStraight5(m uint16) bool {
	return bits.OnesCount16(m) == 5 && (m>>bits.TrailingZeros16(m) == 0x1F || m == 1<<cards.Ace|0xF)
}
