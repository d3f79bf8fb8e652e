package poker

import (
	"sort"

	"github.com/lir-lab/lir/engine/cards"
)

// ClassifySlow is the reference five-card classifier: it counts ranks and
// suits the way a person would. It is the oracle for Classify.
func ClassifySlow(h [5]cards.Card) Category {
	counts := map[cards.Rank]int{}
	suits := map[cards.Suit]int{}
	for _, c := range h {
		counts[c.Rank()]++
		suits[c.Suit()]++
	}
	flush := len(suits) == 1
	var ranks []int
	var shape []int
	for r, n := range counts {
		ranks = append(ranks, int(r))
		shape = append(shape, n)
	}
	sort.Ints(ranks)
	sort.Sort(sort.Reverse(sort.IntSlice(shape)))
	straight := false
	if len(ranks) == 5 {
		straight = ranks[4]-ranks[0] == 4 ||
			(ranks[4] == int(cards.Ace) && ranks[0] == int(cards.Two) && ranks[3] == int(cards.Five))
	}
	switch {
	case straight && flush && ranks[0] == int(cards.Ten):
		return RoyalFlush
	case straight && flush:
		return StraightFlush
	case shape[0] == 4:
		return FourOfAKind
	case shape[0] == 3 && shape[1] == 2:
		return FullHouse
	case flush:
		return Flush
	case straight:
		return Straight
	case shape[0] == 3:
		return ThreeOfAKind
	case shape[0] == 2 && shape[1] == 2:
		return TwoPair
	case shape[0] == 2:
		for r, n := range counts {
			if n == 2 && r >= cards.Ten {
				return PairTensOrBetter
			}
		}
		return PairBelowTens
	}
	return HighCard
}

// Classify3Slow is the reference three-card classifier, the oracle for
// Classify3.
func Classify3Slow(h [3]cards.Card) Category3 {
	r := []int{int(h[0].Rank()), int(h[1].Rank()), int(h[2].Rank())}
	sort.Ints(r)
	flush := h[0].Suit() == h[1].Suit() && h[1].Suit() == h[2].Suit()
	distinct := r[0] != r[1] && r[1] != r[2]
	straight := distinct && (r[2]-r[0] == 2 ||
		(r[0] == int(cards.Two) && r[1] == int(cards.Three) && r[2] == int(cards.Ace)))
	switch {
	case flush && straight && r[0] == int(cards.Queen):
		return MiniRoyal3
	case flush && straight:
		return StraightFlush3
	case r[0] == r[2]:
		return ThreeOfAKind3
	case straight:
		return Straight3
	case flush:
		return Flush3
	case !distinct:
		return Pair3
	}
	return HighCard3
}
