package exact

import (
	"fmt"
	"math/big"
	"math/bits"
	"slices"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/strategy"
)

// Hand classes group the 22,100 three-card and 270,725 four-card holdings
// into descriptions a player can read ("three suited, spread 4 (2
// straights), 1 high card"). A class is described by what decides a
// holding's final-hand distribution: pairs and their rank band, whether all
// cards share a suit, how many five-rank straight windows the ranks fit
// (ace high or low), and how many cards are tens or better (the ranks that
// pay when paired). Suit-isomorphic holdings always share a class.
//
// These classes are exact: every holding of a class has the same number of
// completions to each final category (TestClassesExact proves it by
// enumeration), so for any paytable the holdings of a class have the same
// ride EV and the optimal strategy decides them alike. A compared strategy
// may still split a class; the summary counts how many holdings ride.
// "High card" means a ten or better: the ranks that pay when paired.

// Class3 returns the class description of a three-card holding.
func Class3(h [3]cards.Card) string {
	var mask uint16
	var counts [13]int
	for _, c := range h {
		mask |= 1 << c.Rank()
		counts[c.Rank()]++
	}
	switch bits.OnesCount16(mask) {
	case 1:
		return "three of a kind"
	case 2:
		for r := cards.Ten; r <= cards.Ace; r++ {
			if counts[r] == 2 {
				return "pair of tens or better"
			}
		}
		return "pair below tens"
	}
	suited := h[0].Suit() == h[1].Suit() && h[1].Suit() == h[2].Suit()
	return drawClass(3, suited, mask, highCount(mask))
}

// Class4 returns the class description of a four-card holding.
func Class4(h [4]cards.Card) string {
	var mask uint16
	var counts [13]int
	for _, c := range h {
		mask |= 1 << c.Rank()
		counts[c.Rank()]++
	}
	pairs, high := 0, false
	for r, n := range counts {
		switch {
		case n == 4:
			return "four of a kind"
		case n == 3:
			return "three of a kind"
		case n == 2:
			pairs++
			high = high || cards.Rank(r) >= cards.Ten
		}
	}
	switch {
	case pairs == 2:
		return "two pair"
	case pairs == 1 && high:
		return "pair of tens or better"
	case pairs == 1:
		return "pair below tens"
	}
	suited := h[0].Suit() == h[1].Suit() && h[1].Suit() == h[2].Suit() && h[2].Suit() == h[3].Suit()
	return drawClass(4, suited, mask, highCount(mask))
}

func highCount(mask uint16) int { return bits.OnesCount16(mask >> cards.Ten) }

var numberWords = [...]string{"no", "one", "two", "three", "four"}

// drawClass describes n unpaired cards.
func drawClass(n int, suited bool, mask uint16, high int) string {
	s := numberWords[n] + " suited"
	if !suited {
		s = "not suited"
	}
	windows := straightWindows(mask)
	switch {
	case windows == 0:
		s += ", no straight possible"
	case n == 4 && windows == 1:
		s += ", inside or one-ended straight draw"
	case n == 4:
		s += ", open-ended straight draw"
	case windows == 1:
		s += ", 1 possible straight"
	default:
		s += fmt.Sprintf(", %d possible straights", windows)
	}
	if high == 1 {
		return s + ", one high card"
	}
	return s + ", " + numberWords[high] + " high cards"
}

// straightWindows counts the five-rank straights (A-2-3-4-5 up to
// T-J-Q-K-A) that contain every rank of mask.
func straightWindows(mask uint16) (windows int) {
	hi := uint32(mask) << 1                                               // window w covers bits w..w+4, w ≥ 1
	lo := uint32(mask)<<1&^(1<<(cards.Ace+1)) | uint32(mask>>cards.Ace&1) // the ace at bit 0
	if lo&^0x1F == 0 {
		windows++ // the wheel
	}
	for w := 1; w <= 9; w++ {
		if hi&^(0x1F<<w) == 0 {
			windows++
		}
	}
	return windows
}

// ClassSummary is one class of holdings at one decision: how many
// holdings it has, how many ride under the optimal strategy and under a
// compared strategy, the exact average EV of riding across the class, and
// the exact EV per hand given up by the compared strategy on this class.
type ClassSummary struct {
	Class    string
	Hands    int      // holdings (unordered card sets) in the class
	Optimal  int      // holdings on which the optimal strategy rides
	Compared int      // holdings on which the compared strategy rides
	RideEV   *big.Rat // average EV per unit of letting the bet ride, over the class
	MinEV    *big.Rat // smallest ride EV in the class
	MaxEV    *big.Rat // largest ride EV in the class
	Cost     *big.Rat // EV per hand (base-bet units) lost against optimal on this class
	Example  string   // one holding of the class, e.g. "As Ks Qs"
}

// Decision returns "ride", "pull" or "mixed" for the optimal strategy.
func (c *ClassSummary) Decision() string {
	switch c.Optimal {
	case c.Hands:
		return "ride"
	case 0:
		return "pull"
	}
	return "mixed"
}

// Classes summarises both decisions by hand class, comparing strategy t
// (nil: compare optimal with itself) against the optimal strategy under
// ties. Classes are listed by decreasing average ride EV.
func (s *RideSums) Classes(ties strategy.Ties, t *strategy.Table) (bet1, bet2 []ClassSummary) {
	opt := s.Optimal(ties)
	if t == nil {
		t = opt
	}
	type acc struct {
		ClassSummary
		sum, min, max int64
		cost          int64
	}
	collect := func(n int, class func(i int) string, value func(i int) int64, per, weight int64,
		optRide, cmpRide func(i int) bool, format func(i int) string) []ClassSummary {
		byName := map[string]*acc{}
		var order []*acc
		for i := range n {
			name := class(i)
			a := byName[name]
			v := value(i)
			if a == nil {
				a = &acc{ClassSummary: ClassSummary{Class: name, Example: format(i)}, min: v, max: v}
				byName[name] = a
				order = append(order, a)
			}
			a.Hands++
			a.sum += v
			a.min, a.max = min(a.min, v), max(a.max, v)
			o, c := optRide(i), cmpRide(i)
			if o {
				a.Optimal++
			}
			if c {
				a.Compared++
			}
			if o != c {
				a.cost += weight * abs64(v)
			}
		}
		out := make([]ClassSummary, len(order))
		for k, a := range order {
			a.RideEV = big.NewRat(a.sum, int64(a.Hands)*per)
			a.MinEV = big.NewRat(a.min, per)
			a.MaxEV = big.NewRat(a.max, per)
			a.Cost = big.NewRat(a.cost, Deals)
			out[k] = a.ClassSummary
		}
		slices.SortStableFunc(out, func(x, y ClassSummary) int { return y.RideEV.Cmp(x.RideEV) })
		return out
	}
	bet1 = collect(cards.NumHands3, func(i int) string { return Class3(cards.Hand3(i)) },
		func(i int) int64 { return s.Bet1[i] }, 49*48, 1,
		opt.RideBet1, t.RideBet1, func(i int) string { h := cards.Hand3(i); return canonicalString(h[:]) })
	bet2 = collect(cards.NumHands4, func(i int) string { return Class4(cards.Hand4(i)) },
		func(i int) int64 { return s.Bet2[i] }, 48, Bet2Weight,
		opt.RideBet2, t.RideBet2, func(i int) string { h := cards.Hand4(i); return canonicalString(h[:]) })
	return bet1, bet2
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// canonicalString writes a holding with ranks descending and suits renamed
// so that suit-isomorphic holdings print alike: of the 24 renamings, the one
// whose (rank descending, suit s < h < d < c) listing is smallest, e.g.
// "As Ks Qh".
func canonicalString(h []cards.Card) string {
	order := [4]cards.Suit{cards.Spades, cards.Hearts, cards.Diamonds, cards.Clubs}
	var best []int
	var bestCards []cards.Card
	for _, perm := range suitPerms {
		hs := make([]cards.Card, len(h))
		key := make([]int, len(h))
		for k, c := range h {
			hs[k] = cards.New(c.Rank(), order[perm[c.Suit()]])
		}
		slices.SortFunc(hs, func(a, b cards.Card) int {
			if a.Rank() != b.Rank() {
				return int(b.Rank()) - int(a.Rank())
			}
			return suitPos(a.Suit()) - suitPos(b.Suit())
		})
		for k, c := range hs {
			key[k] = (12-int(c.Rank()))*4 + suitPos(c.Suit())
		}
		if best == nil || slices.Compare(key, best) < 0 {
			best, bestCards = key, hs
		}
	}
	return cards.FormatHand(bestCards)
}

// suitPos orders suits s, h, d, c for canonical printing.
func suitPos(s cards.Suit) int { return 3 - int(s) }

// suitPerms lists the 24 permutations of the four suits.
var suitPerms = func() (out [][4]int) {
	for a := range 4 {
		for b := range 4 {
			for c := range 4 {
				for d := range 4 {
					if a != b && a != c && a != d && b != c && b != d && c != d {
						out = append(out, [4]int{a, b, c, d})
					}
				}
			}
		}
	}
	return out
}()
