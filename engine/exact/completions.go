package exact

import (
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/handstate"
	"github.com/lir-lab/lir/engine/poker"
)

// Completions4 holds, for every four-card hand (by cards.Index4), how many
// of its 48 possible fifth cards make each five-card category. It does not
// depend on the paytable, so one table serves every optimal-strategy and
// distribution computation.
//
// The counts are those of the hand's state (engine/handstate: rank counts
// and shared suit), which has the same counts for every hand in it; the
// table keeps each hand's state (0.5 MB, one pass over the hands) and
// handstate the 4,680 states' counts.
type Completions4 struct {
	state [cards.NumHands4]handstate.State4
}

// NewCompletions4 fills the state of each of the 270,725 four-card hands
// in index order (cards.ForEach4's). A state does not depend on the order
// its cards are walked in, so the three highest cards are walked once for
// all the lowest ones.
func NewCompletions4() *Completions4 {
	c := &Completions4{}
	i := 0
	for d := cards.Card(3); d < cards.NumCards; d++ {
		for cc := cards.Card(2); cc < d; cc++ {
			for b := cards.Card(1); b < cc; b++ {
				s3 := handstate.Walk3(d, cc, b)
				for a := cards.Card(0); a < b; a++ {
					c.state[i] = handstate.Next4(s3, a)
					i++
				}
			}
		}
	}
	return c
}

// Counts returns the category counts over the 48 completions of the
// four-card hand with index i.
func (c *Completions4) Counts(i int) *[poker.NumCategories]uint8 {
	return handstate.Completions(c.state[i])
}

// State returns the hand-state of the four-card hand with index i.
func (c *Completions4) State(i int) handstate.State4 { return c.state[i] }
