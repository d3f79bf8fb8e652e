package paytable

import (
	"fmt"

	"github.com/lir-lab/lir/engine/poker"
)

// Lose is the net result, per unit staked, of a bet whose hand does not pay.
const Lose = -1

// Main is a main-game paytable: Pays[c] is the net result per unit on each
// bet in action when the final hand is category c. Categories below a pair
// of tens lose.
type Main struct {
	Name string
	Pays [poker.NumCategories]int64
}

// Net returns the net result per unit staked for category c.
func (p *Main) Net(c poker.Category) int64 { return p.Pays[c] }

// NewMain builds a main paytable from the nine paying categories' "N to 1"
// values, strongest first: royal flush, straight flush, four of a kind, full
// house, flush, straight, three of a kind, two pair, pair of tens or better.
func NewMain(name string, royal, sf, quads, fullHouse, flush, straight, trips, twoPair, tensOrBetter int64) Main {
	p := Main{Name: name}
	p.Pays = [poker.NumCategories]int64{
		poker.HighCard: Lose, poker.PairBelowTens: Lose, poker.PairTensOrBetter: tensOrBetter,
		poker.TwoPair: twoPair, poker.ThreeOfAKind: trips, poker.Straight: straight, poker.Flush: flush,
		poker.FullHouse: fullHouse, poker.FourOfAKind: quads, poker.StraightFlush: sf, poker.RoyalFlush: royal,
	}
	return p
}

// The published main paytables (SPEC §1).
var (
	Standard  = NewMain("standard", 1000, 200, 50, 11, 8, 5, 3, 2, 1)
	BGCLIRX02 = NewMain("bgc_lirx02", 500, 100, 25, 15, 10, 5, 3, 2, 1)
	BGCLIRX03 = NewMain("bgc_lirx03", 100, 50, 30, 15, 9, 6, 3, 2, 1)
)

// MainByName returns a published main paytable.
func MainByName(name string) (Main, error) {
	for _, p := range []Main{Standard, BGCLIRX02, BGCLIRX03} {
		if p.Name == name {
			return p, nil
		}
	}
	return Main{}, fmt.Errorf("unknown main paytable %q", name)
}

// Bonus is a Three Card Bonus paytable: Pays[c] is the net result per unit
// staked for three-card category c (high card loses). When Progressive is
// set, a mini royal pays the current jackpot instead of Pays[MiniRoyal3].
type Bonus struct {
	Name        string
	Pays        [poker.NumCategories3]int64
	Progressive bool
}

// Net returns the net result per unit staked for category c (for a
// progressive table's mini royal, the jackpot is paid instead).
func (p *Bonus) Net(c poker.Category3) int64 { return p.Pays[c] }

// NewBonus builds a bonus paytable from "N to 1" values, strongest first:
// mini royal, straight flush, three of a kind, straight, flush, pair.
func NewBonus(name string, miniRoyal, sf, trips, straight, flush, pair int64) Bonus {
	return Bonus{Name: name, Pays: [poker.NumCategories3]int64{
		poker.HighCard3: Lose, poker.Pair3: pair, poker.Flush3: flush, poker.Straight3: straight,
		poker.ThreeOfAKind3: trips, poker.StraightFlush3: sf, poker.MiniRoyal3: miniRoyal,
	}}
}

// The published bonus paytables (SPEC §1). PaytableC is progressive: its
// mini royal entry is unused (the jackpot is paid).
var (
	PaytableA = NewBonus("paytable_a", 50, 40, 30, 6, 3, 1)
	PaytableB = NewBonus("paytable_b", 100, 40, 30, 5, 4, 1)
	PaytableC = func() Bonus {
		p := NewBonus("paytable_c", 0, 200, 30, 6, 4, 1)
		p.Progressive = true
		return p
	}()
)

// BonusByName returns a published bonus paytable.
func BonusByName(name string) (Bonus, error) {
	for _, p := range []Bonus{PaytableA, PaytableB, PaytableC} {
		if p.Name == name {
			return p, nil
		}
	}
	return Bonus{}, fmt.Errorf("unknown bonus paytable %q", name)
}
