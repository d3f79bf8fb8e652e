package strategy

import "github.com/lir-lab/lir/engine/cards"

// Table is a compiled playing strategy: a set bit rides that bet.
type Table struct {
	Name string
	bet1 [(cards.NumHands3 + 63) / 64]uint64
	bet2 [(cards.NumHands4 + 63) / 64]uint64
}

// Ties names how a decision whose ride and pull EVs are exactly equal is
// resolved.
type Ties string

// Tie rules.
const (
	TiesPull Ties = "pull" // keep the money back when riding gains nothing
	TiesRide Ties = "ride" // let it ride when riding costs nothing
)

// RideBet1 reports whether bet 1 rides on three-card hand index i.
func (t *Table) RideBet1(i int) bool { return t.bet1[i>>6]>>(i&63)&1 != 0 }

// RideBet2 reports whether bet 2 rides on four-card hand index i.
func (t *Table) RideBet2(i int) bool { return t.bet2[i>>6]>>(i&63)&1 != 0 }

// Bet1 is RideBet1 as 0 or 1, without a branch (the hot loop multiplies
// by it).
func (t *Table) Bet1(i int) int { return int(t.bet1[i>>6] >> (i & 63) & 1) }

// Bet2 is RideBet2 as 0 or 1, without a branch.
func (t *Table) Bet2(i int) int { return int(t.bet2[i>>6] >> (i & 63) & 1) }

// SetBet1 sets the bet-1 decision for three-card hand index i.
func (t *Table) SetBet1(i int, ride bool) { set(t.bet1[:], i, ride) }

// SetBet2 sets the bet-2 decision for four-card hand index i.
func (t *Table) SetBet2(i int, ride bool) { set(t.bet2[:], i, ride) }

func set(bits []uint64, i int, v bool) {
	if v {
		bits[i>>6] |= 1 << (i & 63)
	} else {
		bits[i>>6] &^= 1 << (i & 63)
	}
}

// Build compiles per-hand decision functions into a table.
func Build(name string, bet1 func(h [3]cards.Card) bool, bet2 func(h [4]cards.Card) bool) *Table {
	t := &Table{Name: name}
	cards.ForEach3(func(i int, h [3]cards.Card) { t.SetBet1(i, bet1(h)) })
	cards.ForEach4(func(i int, h [4]cards.Card) { t.SetBet2(i, bet2(h)) })
	return t
}

// AlwaysRide lets every bet ride (a baseline).
func AlwaysRide() *Table {
	return Build("always_ride", func([3]cards.Card) bool { return true }, func([4]cards.Card) bool { return true })
}

// AlwaysPull pulls bets 1 and 2 on every hand (a baseline: only bet 3 plays).
func AlwaysPull() *Table {
	return Build("always_pull", func([3]cards.Card) bool { return false }, func([4]cards.Card) bool { return false })
}

// Equal reports whether two tables make the same decision on every hand.
func (t *Table) Equal(u *Table) bool { return t.bet1 == u.bet1 && t.bet2 == u.bet2 }
