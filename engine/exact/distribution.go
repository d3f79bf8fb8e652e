package exact

import (
	"math/big"
	"slices"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/handstate"
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
//
// ByBonus splits the same counts by the Three Card Bonus category of the
// seat's first three cards: the bonus and the main game are settled on the
// same cards, so their results are dependent and a session needs this joint
// distribution, not the product of the two marginals.
type HandDistribution struct {
	Counts  [poker.NumCategories][2][2]int64
	ByBonus [poker.NumCategories3][poker.NumCategories][2][2]int64
}

// Distribution enumerates every deal for strategy t using the
// completion counts c. It counts each (bonus category, ride decisions,
// four-card state) over the 22,100 × 49 deals of four cards, then adds
// those states' fifth-card counts: one table read per deal of four cards
// rather than one per category.
func Distribution(t *strategy.Table, c *Completions4) *HandDistribution {
	type byState [2][handstate.NumStates4]int32 // by r2, then state
	n := new([poker.NumCategories3][2]byState)
	cards.ForEach3(func(i int, h [3]cards.Card) {
		row := &n[handstate.Category3(handstate.Walk3(h[0], h[1], h[2]))][t.Bet1(i)]
		x, y, z := int(h[0]), int(h[1]), int(h[2]) // sorted by ForEach3
		for e := cards.Card(0); e < cards.NumCards; e++ {
			if e == h[0] || e == h[1] || e == h[2] {
				continue
			}
			j := cards.Index4Insert(x, y, z, e)
			row[t.Bet2(j)][c.State(j)]++
		}
	})
	d := &HandDistribution{}
	for b := range n {
		for r1 := range 2 {
			for r2 := range 2 {
				for s, k := range &n[b][r1][r2] {
					if k == 0 {
						continue
					}
					for cat, m := range handstate.Completions(handstate.State4(s)) {
						d.ByBonus[b][cat][r1][r2] += int64(k) * int64(m)
					}
				}
			}
		}
	}
	for _, b := range &d.ByBonus {
		for cat := range b {
			for r1 := range 2 {
				for r2 := range 2 {
					d.Counts[cat][r1][r2] += b[cat][r1][r2]
				}
			}
		}
	}
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

// RideTotals returns, for n[r1][r2] hands of one category paying net per
// unit with bet 1 riding (r1 = 1) or not and bet 2 likewise: Σ units in
// action (1 + r1 + r2), Σ units × net, and Σ (units × net)².
func RideTotals(n [2][2]int64, net int64) (units, netUnits, squares int64) {
	one, two, three := n[0][0], n[0][1]+n[1][0], n[1][1]
	units = one + 2*two + 3*three
	return units, units * net, (one + 4*two + 9*three) * net * net
}

// NetUnits returns Σ count × units in action × net pay, so the EV per hand
// in base-bet units is NetUnits / Total.
func (d *HandDistribution) NetUnits(p *paytable.Main) int64 {
	var s int64
	for cat, c := range d.Counts {
		_, x, _ := RideTotals(c, p.Net(poker.Category(cat)))
		s += x
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
		x, _, _ := RideTotals(c, 0)
		s += x
	}
	return s
}

// Moment2Units returns Σ count × (units in action × net pay)², for the
// variance of a hand's result.
func (d *HandDistribution) Moment2Units(p *paytable.Main) int64 {
	var s int64
	for cat, c := range d.Counts {
		_, _, x := RideTotals(c, p.Net(poker.Category(cat)))
		s += x
	}
	return s
}

// AvgUnits returns the exact average number of base bets in action per
// hand (between 1 and 3).
func (d *HandDistribution) AvgUnits() *big.Rat {
	return big.NewRat(d.UnitsInAction(), d.Total())
}

// ElementOfRisk returns the expected loss per unit actually in action:
// -EV ÷ average units in action. It is negative when the player has the
// edge.
func (d *HandDistribution) ElementOfRisk(p *paytable.Main) *big.Rat {
	return big.NewRat(-d.NetUnits(p), d.UnitsInAction())
}

// RideProbs returns the exact probabilities that bet 1 and bet 2 ride.
func (d *HandDistribution) RideProbs() (bet1, bet2 *big.Rat) {
	n1, n2 := d.RideCounts()
	return big.NewRat(n1, d.Total()), big.NewRat(n2, d.Total())
}

// NetCount is one point of a hand's net-result distribution: Count of the
// Deals deals end with a net result of Units base bets.
type NetCount struct {
	Units int64
	Count int64
}

// NetDistribution returns the distribution of the net result of a hand in
// base-bet units (units in action × net pay), sorted by Units, omitting
// results that cannot happen.
func (d *HandDistribution) NetDistribution(p *paytable.Main) []NetCount {
	return netDistribution(&d.Counts, p)
}

func netDistribution(counts *[poker.NumCategories][2][2]int64, p *paytable.Main) []NetCount {
	var out []NetCount
	for cat, c := range counts {
		net := p.Net(poker.Category(cat))
		for r1 := range 2 {
			for r2 := range 2 {
				n := c[r1][r2]
				if n == 0 {
					continue
				}
				u := int64(1+r1+r2) * net
				k, found := slices.BinarySearchFunc(out, u, func(x NetCount, u int64) int { return cmpInt64(x.Units, u) })
				if found {
					out[k].Count += n
				} else {
					out = slices.Insert(out, k, NetCount{u, n})
				}
			}
		}
	}
	return out
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// BetsInAction names the four ways a hand's bets can stand at the
// showdown: bet 3 always, bets 1 and 2 each riding or pulled.
var BetsInAction = [2][2]string{{"bet3", "bet2_bet3"}, {"bet1_bet3", "all_three"}}
