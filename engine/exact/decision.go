package exact

import (
	"fmt"
	"math/big"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/strategy"
)

// Decision is the exact analysis of one ride-or-pull decision: a three-card
// holding (bet 1) or a four-card holding (bet 2), with optional dead cards
// (seen elsewhere at the table, or discarded) that cannot come.
type Decision struct {
	Cards []cards.Card
	Dead  []cards.Card
	// Categories counts the equally likely completions (unordered pairs of
	// community cards for three cards, fifth cards for four) ending in each
	// final category; Completions is their total.
	Categories  [poker.NumCategories]int64
	Completions int64
	// Ride is the EV per unit of letting this bet ride. Pulling is worth
	// exactly 0 for this bet: the stake comes back.
	Ride *big.Rat
	// HandRide and HandPull are the EV of the whole hand, in base-bet
	// units, when this bet rides or is pulled. For three cards they count
	// bets 1, 2 and 3 with bet 2 then played optimally (seeing the same
	// dead cards); for four cards they count bets 2 and 3 only — bet 1, if
	// it is still up, adds Ride per unit either way.
	HandRide, HandPull *big.Rat
	// Rides is the decision under the tie rule.
	Rides bool
}

// Decide analyses holding h (3 or 4 distinct cards) with dead cards dead
// under paytable p. Errors describe bad input (wrong count, overlaps).
func Decide(h, dead []cards.Card, p *paytable.Main, ties strategy.Ties) (*Decision, error) {
	if len(h) != 3 && len(h) != 4 {
		return nil, fmt.Errorf("holding %q: want 3 cards (bet 1) or 4 cards (bet 2), got %d", cards.FormatHand(h), len(h))
	}
	var used, deadMask uint64
	for _, c := range h {
		if c >= cards.NumCards || used&(1<<c) != 0 {
			return nil, fmt.Errorf("holding %q: card %v repeated or invalid", cards.FormatHand(h), c)
		}
		used |= 1 << c
	}
	for _, c := range dead {
		if c >= cards.NumCards || (used|deadMask)&(1<<c) != 0 {
			return nil, fmt.Errorf("dead cards %q: card %v is in the holding, repeated, or invalid", cards.FormatHand(dead), c)
		}
		deadMask |= 1 << c
	}
	need := 5 - len(h)
	if left := cards.NumCards - len(h) - len(dead); left < need {
		return nil, fmt.Errorf("dead cards %q: only %d cards left, %d needed to complete the hand", cards.FormatHand(dead), left, need)
	}
	d := &Decision{Cards: append([]cards.Card(nil), h...), Dead: append([]cards.Card(nil), dead...)}
	all := used | deadMask
	if len(h) == 4 {
		for f := cards.Card(0); f < cards.NumCards; f++ {
			if all&(1<<f) == 0 {
				d.Categories[poker.Classify(h[0], h[1], h[2], h[3], f)]++
			}
		}
	} else {
		for x := cards.Card(0); x < cards.NumCards; x++ {
			if all&(1<<x) != 0 {
				continue
			}
			for f := x + 1; f < cards.NumCards; f++ {
				if all&(1<<f) == 0 {
					d.Categories[poker.Classify(h[0], h[1], h[2], x, f)]++
				}
			}
		}
	}
	var sum int64
	for c, n := range d.Categories {
		d.Completions += n
		sum += n * p.Net(poker.Category(c))
	}
	d.Ride = big.NewRat(sum, d.Completions)
	d.Rides = rides(sum, ties)
	if len(h) == 4 {
		d.HandPull = new(big.Rat).Set(d.Ride)
		d.HandRide = new(big.Rat).Add(d.Ride, d.Ride)
		return d, nil
	}
	// Bet 2 played optimally: Σ over the first community card x of
	// max(0, Σ over the fifth card of the net), over N(N-1) ordered pairs.
	var bet2 int64
	var n int64
	for x := cards.Card(0); x < cards.NumCards; x++ {
		if all&(1<<x) != 0 {
			continue
		}
		n++
		var s int64
		for f := cards.Card(0); f < cards.NumCards; f++ {
			if all&(1<<f) == 0 && f != x {
				s += p.Net(poker.Classify(h[0], h[1], h[2], x, f))
			}
		}
		bet2 += max(s, 0)
	}
	b2 := big.NewRat(bet2, n*(n-1))
	d.HandPull = new(big.Rat).Add(d.Ride, b2)
	d.HandRide = new(big.Rat).Add(d.HandPull, d.Ride)
	return d, nil
}
