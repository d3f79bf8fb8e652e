package strategy

import (
	"math/bits"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/rules"
)

// Features is what a rule can know about the three or four cards a seat
// sees at a decision. The definitions are those of rules.Vars.
type Features struct {
	N                    int // cards: 3 or 4
	HighCards            int
	SuitedCards          int
	SuitedHighCards      int
	ConnectedCards       int
	Gaps                 int
	HasPair              bool
	HasHighPair          bool
	HasTwoPair           bool
	HasTrips             bool
	HasQuads             bool
	HasPayingHand        bool
	IsFlushDraw          bool
	IsStraightDraw       bool
	IsOpenStraightDraw   bool
	IsInsideStraightDraw bool
	IsStraightFlushDraw  bool
	IsRoyalDraw          bool
	PairRank             int // 2–14, 0 without a pair
	HighRank             int // 2–14
	Strength             int // 1–10, see Strength3 and Strength4
}

// FeaturesOf describes three or four distinct cards.
func FeaturesOf(h []cards.Card) Features {
	var f Features
	f.N = len(h)
	var counts [13]int
	var suits, suitHigh [4]int
	var mask uint16
	for _, c := range h {
		r, s := c.Rank(), c.Suit()
		counts[r]++
		mask |= 1 << r
		suits[s]++
		if r >= cards.Ten {
			f.HighCards++
			suitHigh[s]++
		}
		if int(r)+2 > f.HighRank {
			f.HighRank = int(r) + 2
		}
	}
	for s := range suits {
		f.SuitedCards = max(f.SuitedCards, suits[s])
		f.SuitedHighCards = max(f.SuitedHighCards, suitHigh[s])
	}
	pairs := 0
	for r, n := range counts {
		if n >= 2 {
			pairs++
			f.PairRank = r + 2
			if r >= int(cards.Ten) {
				f.HasHighPair = true
			}
		}
		f.HasTrips = f.HasTrips || n >= 3
		f.HasQuads = f.HasQuads || n == 4
	}
	f.HasPair = pairs >= 1
	f.HasTwoPair = pairs >= 2
	f.HasPayingHand = f.HasHighPair || f.HasTwoPair || f.HasTrips

	// Ranks on a 14-bit line: bit 0 is the ace played low, bit r+1 rank r.
	line := uint32(mask) << 1
	if mask&(1<<cards.Ace) != 0 {
		line |= 1
	}
	for m := line; m != 0; m &= m << 1 {
		f.ConnectedCards++
	}
	distinct := bits.OnesCount16(mask)
	span, _ := straightSpanAny(mask)
	f.Gaps = span - distinct
	f.IsFlushDraw = f.SuitedCards == f.N
	f.IsStraightDraw = distinct == f.N && span <= 5
	if f.IsStraightDraw {
		if f.N == 3 {
			f.IsOpenStraightDraw = span == 3
		} else {
			f.IsOpenStraightDraw = straightOuts(mask) == 2
		}
		f.IsInsideStraightDraw = !f.IsOpenStraightDraw
	}
	f.IsStraightFlushDraw = f.IsFlushDraw && f.IsStraightDraw
	f.IsRoyalDraw = f.IsFlushDraw && distinct == f.N && f.HighCards == f.N
	if f.N == 3 {
		f.Strength = strength3(&f, mask)
	} else {
		f.Strength = strength4(&f, mask)
	}
	return f
}

// straightSpanAny is the narrowest run of consecutive ranks holding every
// rank of mask, the ace played high or low, whatever its length.
func straightSpanAny(mask uint16) (span int, aceLow bool) {
	lo, hi := bits.TrailingZeros16(mask), 15-bits.LeadingZeros16(mask)
	span = hi - lo + 1
	if m := lowAce(mask); m != 0 {
		lo, hi = bits.TrailingZeros16(m), 15-bits.LeadingZeros16(m)
		if s := hi - lo + 1; s < span {
			return s, true
		}
	}
	return span, false
}

// Strength3 is the 1–10 hand-strength scale of three cards (bet 1). Levels
// are ordered by the exact EV of riding on the standard paytable (average
// per level in brackets; TestStrengthOrder checks the order), and the basic
// strategy rides exactly the hands of strength 6 and above:
//
//	10  three of a kind                                          [+5.41]
//	 9  a pair of tens or better                                 [+1.44]
//	 8  three to a royal flush                                   [+1.12]
//	 7  three suited consecutive ranks from 3-4-5 up              [+0.30]
//	 6  three to a straight flush with one gap and a high card
//	    (T–A), or two gaps and two high cards (an ace played low
//	    is not high)                                             [+0.19]
//	 5  a pair below tens                                        [−0.06]
//	 4  any other three to a straight flush, or three to a flush
//	    with two high cards                                      [−0.12]
//	 3  three to a straight with three high cards, or three to a
//	    flush with one high card                                 [−0.22]
//	 2  three to a straight with two high cards, two or more
//	    high cards, or three to a flush without a high card      [−0.44]
//	 1  anything else                                            [−0.68]
func Strength3(h [3]cards.Card) int { return FeaturesOf(h[:]).Strength }

func strength3(f *Features, mask uint16) int {
	switch {
	case f.HasTrips:
		return 10
	case f.HasHighPair:
		return 9
	case f.IsRoyalDraw:
		return 8
	case f.IsStraightFlushDraw && basicBet1Suited(mask):
		if f.Gaps == 0 {
			return 7
		}
		return 6
	case f.HasPair:
		return 5
	case f.IsStraightFlushDraw, f.IsFlushDraw && f.HighCards >= 2:
		return 4
	case f.IsStraightDraw && f.HighCards == 3, f.IsFlushDraw && f.HighCards == 1:
		return 3
	case f.IsStraightDraw && f.HighCards == 2, f.HighCards >= 2, f.IsFlushDraw:
		return 2
	}
	return 1
}

// basicBet1Suited reports whether basic strategy rides three suited cards
// of distinct ranks mask.
func basicBet1Suited(mask uint16) bool {
	var h [3]cards.Card
	i := 0
	for r := cards.Two; r <= cards.Ace; r++ {
		if mask&(1<<r) != 0 {
			h[i] = cards.New(r, cards.Spades)
			i++
		}
	}
	return basicBet1(h)
}

// Strength4 is the 1–10 hand-strength scale of four cards (bet 2), ordered
// the same way. The basic strategy rides exactly the hands of strength 6
// and above (with ties: ride, also the zero-EV levels 5 and 4):
//
//	10  four to a straight flush, two pair, trips or quads       [+3.81]
//	 9  a pair of tens or better                                 [+1.21]
//	 8  four to a flush                                          [+0.88]
//	 7  four to an outside straight with two or more high cards  [+0.38]
//	 6  four to an outside straight with one high card           [+0.125]
//	 5  four to an outside straight without a high card           [0]
//	 4  four to an inside straight with four high cards           [0]
//	 3  four to an inside straight with two or three high cards  [−0.19]
//	 2  a pair below tens, or an inside straight draw with fewer
//	    high cards                                               [−0.46]
//	 1  anything else                                            [−0.81]
func Strength4(h [4]cards.Card) int { return FeaturesOf(h[:]).Strength }

func strength4(f *Features, mask uint16) int {
	switch {
	case f.IsStraightFlushDraw, f.HasTwoPair, f.HasTrips:
		return 10
	case f.HasHighPair:
		return 9
	case f.IsFlushDraw:
		return 8
	case f.IsOpenStraightDraw && f.HighCards >= 2:
		return 7
	case f.IsOpenStraightDraw && f.HighCards == 1:
		return 6
	case f.IsOpenStraightDraw:
		return 5
	case f.IsInsideStraightDraw && f.HighCards == 4:
		return 4
	case f.IsInsideStraightDraw && f.HighCards >= 2:
		return 3
	case f.HasPair, f.IsInsideStraightDraw:
		return 2
	}
	return 1
}

// Fill writes the card variables of f into env.
func (f *Features) Fill(env *rules.Env) {
	b := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	env[rules.HighCards] = float64(f.HighCards)
	env[rules.SuitedCards] = float64(f.SuitedCards)
	env[rules.SuitedHighCards] = float64(f.SuitedHighCards)
	env[rules.ConnectedCards] = float64(f.ConnectedCards)
	env[rules.Gaps] = float64(f.Gaps)
	env[rules.HasPair] = b(f.HasPair)
	env[rules.HasHighPair] = b(f.HasHighPair)
	env[rules.HasTwoPair] = b(f.HasTwoPair)
	env[rules.HasTrips] = b(f.HasTrips)
	env[rules.HasQuads] = b(f.HasQuads)
	env[rules.HasPayingHand] = b(f.HasPayingHand)
	env[rules.IsFlushDraw] = b(f.IsFlushDraw)
	env[rules.IsStraightDraw] = b(f.IsStraightDraw)
	env[rules.IsOpenStraightDraw] = b(f.IsOpenStraightDraw)
	env[rules.IsInsideStraightDraw] = b(f.IsInsideStraightDraw)
	env[rules.IsStraightFlushDraw] = b(f.IsStraightFlushDraw)
	env[rules.IsRoyalDraw] = b(f.IsRoyalDraw)
	env[rules.PairRank] = float64(f.PairRank)
	env[rules.HighRank] = float64(f.HighRank)
	env[rules.Strength] = float64(f.Strength)
	env[rules.NumCards] = float64(f.N)
}
