package exact

import (
	"math/big"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
)

// Bonus3Counts returns how many of the 22,100 three-card hands fall in each
// Three Card Bonus category, by enumeration.
func Bonus3Counts() [poker.NumCategories3]int64 {
	var n [poker.NumCategories3]int64
	cards.ForEach3(func(_ int, h [3]cards.Card) { n[poker.Classify3(h[0], h[1], h[2])]++ })
	return n
}

// BonusAnalysis is the exact value of one unit on the Three Card Bonus.
type BonusAnalysis struct {
	Paytable paytable.Bonus
	Counts   [poker.NumCategories3]int64 // hands per category, of NumHands3
	// Jackpot is the mini royal's "N to 1" used for a progressive table
	// (in units of the bonus bet); ignored otherwise.
	Jackpot *big.Rat
}

// AnalyzeBonus enumerates the three-card hands for paytable p. For a
// progressive table, jackpot (in units of the bonus bet, may be nil for a
// fixed table) is what a mini royal pays.
func AnalyzeBonus(p *paytable.Bonus, jackpot *big.Rat) *BonusAnalysis {
	a := &BonusAnalysis{Paytable: *p, Counts: Bonus3Counts()}
	if p.Progressive {
		a.Jackpot = new(big.Rat)
		if jackpot != nil {
			a.Jackpot.Set(jackpot)
		}
	}
	return a
}

// Net returns the net result per unit for category c.
func (a *BonusAnalysis) Net(c poker.Category3) *big.Rat {
	if c == poker.MiniRoyal3 && a.Paytable.Progressive {
		return new(big.Rat).Set(a.Jackpot)
	}
	return big.NewRat(a.Paytable.Net(c), 1)
}

// Probability returns the exact probability of category c.
func (a *BonusAnalysis) Probability(c poker.Category3) *big.Rat {
	return big.NewRat(a.Counts[c], cards.NumHands3)
}

// EV returns the exact expected net result per unit of bonus bet; the
// house edge is its negative. A positive EV means the table favours the
// player.
func (a *BonusAnalysis) EV() *big.Rat {
	ev := new(big.Rat)
	for c := range poker.NumCategories3 {
		ev.Add(ev, new(big.Rat).Mul(a.Net(poker.Category3(c)), big.NewRat(a.Counts[c], 1)))
	}
	return ev.Quo(ev, big.NewRat(cards.NumHands3, 1))
}

// FixedEV splits a progressive table's EV as EV(J) = Fixed + Slope × J for
// a mini royal paying J to 1 (for a fixed table Slope is zero and Fixed the
// EV).
func (a *BonusAnalysis) FixedEV() (fixed, slope *big.Rat) {
	var s int64
	for c := range poker.NumCategories3 {
		if poker.Category3(c) == poker.MiniRoyal3 && a.Paytable.Progressive {
			continue
		}
		s += a.Counts[c] * a.Paytable.Net(poker.Category3(c))
	}
	fixed = big.NewRat(s, cards.NumHands3)
	slope = new(big.Rat)
	if a.Paytable.Progressive {
		slope = big.NewRat(a.Counts[poker.MiniRoyal3], cards.NumHands3)
	}
	return fixed, slope
}

// BreakEvenJackpot returns the mini royal payout (N to 1, in units of the
// bonus bet) at which a progressive table's EV is exactly zero; above it
// the bet favours the player. It returns nil for a fixed table.
func (a *BonusAnalysis) BreakEvenJackpot() *big.Rat {
	if !a.Paytable.Progressive {
		return nil
	}
	fixed, slope := a.FixedEV()
	j := new(big.Rat).Neg(fixed)
	return j.Quo(j, slope)
}
