package exact

import (
	"math/big"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/strategy"
)

// Deals is the number of equally likely ordered deals of one seat's view:
// 22,100 three-card hands × 49 first community cards × 48 second.
const Deals = cards.NumHands3 * 49 * 48

// HandDistribution is the exact joint distribution of a hand's final
// category and the two ride decisions under a strategy table: Counts[c][r1][r2]
// deals out of Deals end in category c with bet 1 riding iff r1 = 1 and bet 2
// iff r2 = 1. Bet 3 always plays, so 1 + r1 + r2 units are in action.
type HandDistribution struct {
	Counts [poker.NumCategories][2][2]int64
}

// Distribution enumerates every deal for strategy t using the
// completion counts c.
func Distribution(t *strategy.Table, c *Completions4) *HandDistribution {
	d := &HandDistribution{}
	cards.ForEach3(func(i int, h [3]cards.Card) {
		r1 := 0
		if t.RideBet1(i) {
			r1 = 1
		}
		for x := cards.Card(0); x < cards.NumCards; x++ {
			if x == h[0] || x == h[1] || x == h[2] {
				continue
			}
			j := cards.Index4(h[0], h[1], h[2], x)
			r2 := 0
			if t.RideBet2(j) {
				r2 = 1
			}
			for cat, n := range c.Counts(j) {
				d.Counts[cat][r1][r2] += int64(n)
			}
		}
	})
	return d
}

// Total returns the number of deals counted (Deals for a full enumeration).
func (d *HandDistribution) Total() int64 {
	var n int64
	for _, c := range d.Counts {
		n += c[0][0] + c[0][1] + c[1][0] + c[1][1]
	}
	return n
}

// NetUnits returns Σ count × units in action × net pay, so the EV per hand
// in base-bet units is NetUnits / Total.
func (d *HandDistribution) NetUnits(p *paytable.Main) int64 {
	var s int64
	for cat, c := range d.Counts {
		net := p.Net(poker.Category(cat))
		for r1 := 0; r1 < 2; r1++ {
			for r2 := 0; r2 < 2; r2++ {
				s += c[r1][r2] * int64(1+r1+r2) * net
			}
		}
	}
	return s
}

// EV returns the exact expected net result per hand in base-bet units.
func (d *HandDistribution) EV(p *paytable.Main) *big.Rat {
	return big.NewRat(d.NetUnits(p), d.Total())
}

// CategoryCount returns the number of deals ending in category c.
func (d *HandDistribution) CategoryCount(c poker.Category) int64 {
	x := d.Counts[c]
	return x[0][0] + x[0][1] + x[1][0] + x[1][1]
}

// RideCounts returns the number of deals on which bet 1 and bet 2 ride.
func (d *HandDistribution) RideCounts() (bet1, bet2 int64) {
	for _, c := range d.Counts {
		bet1 += c[1][0] + c[1][1]
		bet2 += c[0][1] + c[1][1]
	}
	return bet1, bet2
}

// UnitsInAction returns Σ count × units in action (for the average bet).
func (d *HandDistribution) UnitsInAction() int64 {
	var s int64
	for _, c := range d.Counts {
		s += c[0][0] + 2*(c[0][1]+c[1][0]) + 3*c[1][1]
	}
	return s
}

// Moment2Units returns Σ count × (units in action × net pay)², for the
// variance of a hand's result.
func (d *HandDistribution) Moment2Units(p *paytable.Main) int64 {
	var s int64
	for cat, c := range d.Counts {
		net := p.Net(poker.Category(cat))
		for r1 := 0; r1 < 2; r1++ {
			for r2 := 0; r2 < 2; r2++ {
				x := int64(1+r1+r2) * net
				s += c[r1][r2] * x * x
			}
		}
	}
	return s
}
