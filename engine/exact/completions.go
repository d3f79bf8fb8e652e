package exact

import (
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/poker"
)

// Completions4 holds, for every four-card hand (by cards.Index4), how many
// of its 48 possible fifth cards make each five-card category. It does not
// depend on the paytable, so one table (about 3 MB, built in ~0.2 s) serves
// every optimal-strategy and distribution computation.
type Completions4 struct {
	counts [cards.NumHands4][poker.NumCategories]uint8
}

// NewCompletions4 enumerates all 270,725 × 48 four-plus-one card deals.
func NewCompletions4() *Completions4 {
	c := &Completions4{}
	cards.ForEach4(func(i int, h [4]cards.Card) {
		used := uint64(1)<<h[0] | 1<<h[1] | 1<<h[2] | 1<<h[3]
		row := &c.counts[i]
		for f := cards.Card(0); f < cards.NumCards; f++ {
			if used&(1<<f) == 0 {
				row[poker.Classify(h[0], h[1], h[2], h[3], f)]++
			}
		}
	})
	return c
}

// Counts returns the category counts over the 48 completions of the
// four-card hand with index i.
func (c *Completions4) Counts(i int) *[poker.NumCategories]uint8 { return &c.counts[i] }
