package exact

import (
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/strategy"
)

// Optimal returns the EV-maximising strategy for paytable p. Each bet is a
// separate wager settled on the final hand, so the decisions are
// independent: bet 2 rides on a four-card hand when the sum of the net pay
// over its 48 fifth cards is positive, and bet 1 on a three-card hand when
// the sum over its 49 × 48 ordered completions is positive (each unordered
// pair counted twice, which does not change the sign). A sum of exactly zero
// is resolved by ties.
func Optimal(p *paytable.Main, ties strategy.Ties, c *Completions4) *strategy.Table {
	t := &strategy.Table{Name: "optimal"}
	ride := func(sum int64) bool { return sum > 0 || (sum == 0 && ties == strategy.TiesRide) }
	sum4 := make([]int64, cards.NumHands4)
	cards.ForEach4(func(i int, _ [4]cards.Card) {
		var s int64
		for cat, n := range c.Counts(i) {
			s += int64(n) * p.Net(poker.Category(cat))
		}
		sum4[i] = s
		t.SetBet2(i, ride(s))
	})
	cards.ForEach3(func(i int, h [3]cards.Card) {
		var s int64
		for d := cards.Card(0); d < cards.NumCards; d++ {
			if d != h[0] && d != h[1] && d != h[2] {
				s += sum4[cards.Index4(h[0], h[1], h[2], d)]
			}
		}
		t.SetBet1(i, ride(s))
	})
	return t
}
