package exact

import (
	"math/big"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/handstate"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/strategy"
)

// RideSums holds, for one paytable, the exact value of letting each bet
// ride on each holding, as integer sums of the net pay over the holding's
// equally likely completions:
//
//   - Bet1[i], for three-card hand i, sums over the 49 × 48 ordered pairs of
//     community cards (each unordered pair counted twice);
//   - Bet2[j], for four-card hand j, sums over the 48 fifth cards.
//
// Every bet is a separate wager settled on the final hand, so the value of
// a bet riding does not depend on the other decisions, and the EV of a
// strategy is the EV of bet 3 plus the riding bets' values:
//
//	EV × Deals = Bet3 + Σ_i r1(i)·Bet1[i] + 4·Σ_j r2(j)·Bet2[j]
//
// (each four-card hand with a given fifth card arises from 4 of the Deals
// ordered deals, one for each of its cards that can be the first community
// card, hence the factor 4).
type RideSums struct {
	Bet1 []int64 // by cards.Index3; EV of riding = Bet1[i] / (49·48)
	Bet2 []int64 // by cards.Index4; EV of riding = Bet2[j] / 48
	Bet3 int64   // Σ over all Deals of the net pay of the always-playing bet
}

// Bet2Weight is the number of the Deals ordered deals that pass through
// each (four-card hand, fifth card) pair: Deals = NumHands4 × 48 × 4.
const Bet2Weight = Deals / (cards.NumHands4 * 48)

// NewRideSums computes the ride values of paytable p from the completion
// counts c: one pass over the four-card hands, one over the three-card hands.
func NewRideSums(p *paytable.Main, c *Completions4) *RideSums {
	s := &RideSums{Bet1: make([]int64, cards.NumHands3), Bet2: make([]int64, cards.NumHands4)}
	var net [poker.NumCategories]int64
	for cat := range net {
		net[cat] = p.Net(poker.Category(cat))
	}
	// The value of a four-card hand is its state's (Completions4).
	var byState [handstate.NumStates4]int64
	for st := range byState {
		for cat, n := range handstate.Completions(handstate.State4(st)) {
			byState[st] += int64(n) * net[cat]
		}
	}
	var total int64
	for j := range s.Bet2 {
		v := byState[c.State(j)]
		s.Bet2[j] = v
		total += v
	}
	s.Bet3 = total * Bet2Weight
	cards.ForEach3(func(i int, h [3]cards.Card) {
		var v int64
		for d := cards.Card(0); d < cards.NumCards; d++ {
			if d != h[0] && d != h[1] && d != h[2] {
				v += s.Bet2[cards.Index4(h[0], h[1], h[2], d)]
			}
		}
		s.Bet1[i] = v
	})
	return s
}

// rides applies a tie rule to an exact ride value.
func rides(v int64, ties strategy.Ties) bool { return v > 0 || (v == 0 && ties == strategy.TiesRide) }

// Optimal returns the strategy that rides exactly the bets whose ride value
// is positive (zero: by ties).
func (s *RideSums) Optimal(ties strategy.Ties) *strategy.Table {
	t := &strategy.Table{Name: "optimal"}
	for i, v := range s.Bet1 {
		t.SetBet1(i, rides(v, ties))
	}
	for j, v := range s.Bet2 {
		t.SetBet2(j, rides(v, ties))
	}
	return t
}

// NetUnits returns EV × Deals of strategy t, from the ride values alone.
func (s *RideSums) NetUnits(t *strategy.Table) int64 {
	v := s.Bet3
	for i, x := range s.Bet1 {
		if t.RideBet1(i) {
			v += x
		}
	}
	for j, x := range s.Bet2 {
		if t.RideBet2(j) {
			v += Bet2Weight * x
		}
	}
	return v
}

// EV returns the exact EV per hand, in base-bet units, of strategy t.
func (s *RideSums) EV(t *strategy.Table) *big.Rat { return big.NewRat(s.NetUnits(t), Deals) }

// Optimal returns the EV-maximising strategy for paytable p. Each bet is a
// separate wager settled on the final hand, so the decisions are
// independent: bet 2 rides on a four-card hand when the sum of the net pay
// over its 48 fifth cards is positive, and bet 1 on a three-card hand when
// the sum over its 49 × 48 ordered completions is positive. A sum of exactly
// zero is resolved by ties.
func Optimal(p *paytable.Main, ties strategy.Ties, c *Completions4) *strategy.Table {
	return NewRideSums(p, c).Optimal(ties)
}
