package exact

import (
	"math/big"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
)

// RideEV is the exact expected net result, per unit, of a bet left riding:
// Sum of the paytable's net over every equally likely completion, divided by
// Completions. Pulling is worth exactly zero, so a bet should ride when Sum
// is positive.
type RideEV struct {
	Sum         int64
	Completions int64
}

// Rat returns the EV as an exact fraction.
func (e RideEV) Rat() *big.Rat { return big.NewRat(e.Sum, e.Completions) }

// Float returns the EV as a float64.
func (e RideEV) Float() float64 { return float64(e.Sum) / float64(e.Completions) }

// Ride3 enumerates the unordered pairs of community cards that can complete
// the three-card hand h, skipping cards in dead (a bit per card: cards seen
// elsewhere at the table or discarded), and returns the EV of riding bet 1.
func Ride3(h [3]cards.Card, p *paytable.Main, dead uint64) RideEV {
	used := dead | 1<<h[0] | 1<<h[1] | 1<<h[2]
	var e RideEV
	for d := cards.Card(0); d < cards.NumCards; d++ {
		if used&(1<<d) != 0 {
			continue
		}
		for f := d + 1; f < cards.NumCards; f++ {
			if used&(1<<f) != 0 {
				continue
			}
			e.Sum += p.Net(poker.Classify(h[0], h[1], h[2], d, f))
			e.Completions++
		}
	}
	return e
}

// Ride4 enumerates the fifth cards that can complete the four-card hand h,
// skipping dead cards, and returns the EV of riding bet 2.
func Ride4(h [4]cards.Card, p *paytable.Main, dead uint64) RideEV {
	used := dead | 1<<h[0] | 1<<h[1] | 1<<h[2] | 1<<h[3]
	var e RideEV
	for f := cards.Card(0); f < cards.NumCards; f++ {
		if used&(1<<f) != 0 {
			continue
		}
		e.Sum += p.Net(poker.Classify(h[0], h[1], h[2], h[3], f))
		e.Completions++
	}
	return e
}
