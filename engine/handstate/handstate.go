// Package handstate evaluates a Let It Ride hand by walking its cards
// through tables of states, with no sorting, indexing or branching: four
// dependent table loads give the five-card category, and the states passed
// on the way give the three-card (bonus) category and the ride decisions.
//
// A state stands for every set of k cards (k = 1…4) with the same rank
// counts and, when all k cards share a suit, that suit. That is all the
// final category depends on (a flush needs five cards of one suit), so
// states merge hands freely: 52 one-card states (the cards themselves),
// 403 of two cards, 1,599 of three and 4,680 of four (from 22,100 and
// 270,725 card sets). Adding a card to a state is a table lookup,
// next[state<<6 | card]; the walk never asks whether a card is already in
// the set (distinct cards are the caller's promise), so every order of the
// same cards reaches the same state.
//
// In WebAssembly Go turns every taken branch into a jump through a dispatch
// table, which makes branchy classifiers slow; this walk has none.
package handstate

import (
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/strategy"
)

// Numbers of states after two, three and four cards (one card: the card).
const (
	NumStates2 = 403
	NumStates3 = 1599
	NumStates4 = 4680
)

// Tables of the walk. next2[a<<6|b] is the state of cards a and b;
// next3[s2<<6|c] and next4[s3<<6|d] add a card; five[s4<<6|e] is the
// category after the fifth; bonus3[s3] the three-card category;
// completions[s4] counts the 48 fifth cards by category.
// Entries for a card already in the set are zero and never read.
var (
	next2       [cards.NumCards << 6]uint16
	next3       [NumStates2 << 6]uint16
	next4       [NumStates3 << 6]uint16
	five        [NumStates4 << 6]poker.Category
	bonus3      [NumStates3]poker.Category3
	completions [NumStates4][poker.NumCategories]uint8
)

// State3 is the state of three cards, State4 of four.
type (
	State3 uint16
	State4 uint16
)

// Walk4 returns the states of seat cards a, b, c and of those three with
// community card d.
func Walk4(a, b, c, d cards.Card) (State3, State4) {
	s2 := uint64(next2[uint64(a)<<6|uint64(b)])
	s3 := uint64(next3[s2<<6|uint64(c)])
	return State3(s3), State4(next4[s3<<6|uint64(d)])
}

// Category returns the five-card category of the four cards of s and e.
func Category(s State4, e cards.Card) poker.Category {
	return five[uint64(s)<<6|uint64(e)]
}

// Completions returns how many of the 48 cards not among the four of s
// make each five-card category with them. Every hand of a state has the
// same counts: a fifth card's category depends only on its rank and on
// whether it has the suit all four share, and the cards left of each rank
// are 4 − (its count), one of them of the shared suit when the four share a
// suit and lack the rank.
func Completions(s State4) *[poker.NumCategories]uint8 { return &completions[s] }

// Next4 returns the state of the three cards of s and a fourth card d.
func Next4(s State3, d cards.Card) State4 { return State4(next4[uint64(s)<<6|uint64(d)]) }

// Category3 returns the three-card category of the cards of s.
func Category3(s State3) poker.Category3 { return bonus3[s] }

// Classify returns the five-card category of five distinct cards in any
// order, as poker.Classify does.
func Classify(a, b, c, d, e cards.Card) poker.Category {
	_, s4 := Walk4(a, b, c, d)
	return Category(s4, e)
}

// key identifies a state: the rank counts in 4-bit nibbles (rank r at bits
// 4r…4r+3) and, at bits 56…58, the suit every card shares, or mixed.
type key uint64

const (
	suitShift = 56
	mixed     = 4 // suit code: the cards are not all of one suit
	countMask = 1<<suitShift - 1
)

func (k key) suit() uint64    { return uint64(k) >> suitShift }
func (k key) counts() uint64  { return uint64(k) & countMask }
func (k key) count(r int) int { return int(k.counts() >> (4 * r) & 0xF) }

// add returns the key of k's cards and c.
func (k key) add(c cards.Card) key {
	s := uint64(c.Suit())
	if k.suit() != s {
		s = mixed
	}
	return key(k.counts()+1<<(4*uint64(c.Rank()))) | key(s<<suitShift)
}

func cardKey(c cards.Card) key {
	return key(uint64(1)<<(4*uint64(c.Rank()))) | key(uint64(c.Suit())<<suitShift)
}

// hand returns distinct cards with k's rank counts (k holds at most five),
// of one suit when k's cards share one, otherwise not all of one suit.
func (k key) hand() (h [5]cards.Card) {
	n := 0
	for r := 0; r < 13; r++ {
		for i := 0; i < k.count(r); i++ {
			h[n] = cards.New(cards.Rank(r), cards.Suit(i))
			n++
		}
	}
	if s := k.suit(); s != mixed {
		for i := range h[:n] {
			h[i] = cards.New(h[i].Rank(), cards.Suit(s))
		}
	} else if k.counts()&0xEEEEEEEEEEEEE == 0 && n > 1 {
		// No count above 1, so every card got suit 0: move one.
		h[0] = cards.New(h[0].Rank(), cards.Suit(1))
	}
	return h
}

// level numbers the states of one size in order of discovery.
type level struct {
	ids  map[key]uint16
	keys []key
}

func (l *level) id(k key) uint16 {
	if id, ok := l.ids[k]; ok {
		return id
	}
	id := uint16(len(l.keys))
	l.ids[k] = id
	l.keys = append(l.keys, k)
	return id
}

// canAdd reports whether some set of k's cards lacks c: fewer than four of
// c's rank, and not a card of the suit all k's cards share in a rank they
// hold (that card would be one of them).
func (k key) canAdd(c cards.Card) bool {
	n := k.count(int(c.Rank()))
	return n < 4 && !(n > 0 && k.suit() == uint64(c.Suit()))
}

// sameSuit is 1 when c has the suit all of k's cards share, else 0.
func (k key) sameSuit(c cards.Card) int {
	if k.suit() == uint64(c.Suit()) {
		return 1
	}
	return 0
}

// grow fills next[s<<6|c] with the state of from's state s plus card c.
func grow(from []key, next []uint16) []key {
	to := level{ids: make(map[key]uint16, NumStates4)}
	for s, k := range from {
		// The new state depends on the card's rank and on whether it has
		// the suit all of k's cards share: look each pair up once.
		var known [13][2]bool
		var id [13][2]uint16
		for c := cards.Card(0); c < cards.NumCards; c++ {
			if !k.canAdd(c) {
				continue
			}
			r, f := c.Rank(), k.sameSuit(c)
			if !known[r][f] {
				id[r][f], known[r][f] = to.id(k.add(c)), true
			}
			next[s<<6|int(c)] = id[r][f]
		}
	}
	return to.keys
}

func init() { build() }

// build fills the tables (idempotent).
func build() {
	one := make([]key, cards.NumCards)
	for c := range one {
		one[c] = cardKey(cards.Card(c))
	}
	two := grow(one, next2[:])
	three := grow(two, next3[:])
	four := grow(three, next4[:])
	if len(two) != NumStates2 || len(three) != NumStates3 || len(four) != NumStates4 {
		panic("handstate: state counts changed")
	}
	for s, k := range three {
		h := k.hand()
		bonus3[s] = poker.Classify3(h[0], h[1], h[2])
	}
	for s, k := range four {
		// The category depends on the fifth card's rank and on whether
		// it has the suit all four share: classify once per pair, adding
		// to a hand of the state a card of that rank and suit class that
		// the hand lacks.
		h := k.hand()
		var known [13][2]bool
		var cat [13][2]poker.Category
		for c := cards.Card(0); c < cards.NumCards; c++ {
			if !k.canAdd(c) {
				continue
			}
			r, f := c.Rank(), k.sameSuit(c)
			if !known[r][f] {
				h[4] = fifth(h, k, r, f)
				cat[r][f], known[r][f] = poker.Classify(h[0], h[1], h[2], h[3], h[4]), true
			}
			five[s<<6|int(c)] = cat[r][f]
		}
		row := &completions[s]
		for r := range 13 {
			left := 4 - k.count(r) // cards of rank r not among the four
			if k.suit() != mixed && k.count(r) == 0 {
				row[cat[r][1]]++ // the one of the shared suit
				left--
			}
			if left > 0 {
				row[cat[r][0]] += uint8(left)
			}
		}
	}
}

// fifth returns a card of rank r not among the four of h (a hand of k):
// of the suit k's cards share when f is 1, of another suit when f is 0.
func fifth(h [5]cards.Card, k key, r cards.Rank, f int) cards.Card {
	if f == 1 {
		return cards.New(r, cards.Suit(k.suit()))
	}
	for s := cards.Suit(0); ; s++ {
		c := cards.New(r, s)
		if uint64(s) != k.suit() && c != h[0] && c != h[1] && c != h[2] && c != h[3] {
			return c
		}
	}
}

// Walk3 returns the state of cards a, b, c.
func Walk3(a, b, c cards.Card) State3 {
	return State3(next3[uint64(next2[uint64(a)<<6|uint64(b)])<<6|uint64(c)])
}

// Decisions are a strategy table's ride decisions by state: 0 pulls a bet
// back, 1 lets it ride.
type Decisions struct {
	ride1 [NumStates3]uint8
	ride2 [NumStates4]uint8
}

// NewDecisions returns t's decisions by state, or false when t plays two
// hands of one state differently. The built-in strategies depend only on
// what a state keeps; a custom rule on suit counts (say, three of four
// cards suited) may not, and then the caller looks decisions up by hand.
func NewDecisions(t *strategy.Table) (*Decisions, bool) {
	d := &Decisions{}
	var seen3 [NumStates3]bool
	var seen4 [NumStates4]bool
	ok := true
	cards.ForEach3(func(i int, h [3]cards.Card) {
		s, v := Walk3(h[0], h[1], h[2]), uint8(t.Bet1(i))
		if seen3[s] && d.ride1[s] != v {
			ok = false
		}
		seen3[s], d.ride1[s] = true, v
	})
	cards.ForEach4(func(i int, h [4]cards.Card) {
		_, s := Walk4(h[0], h[1], h[2], h[3])
		v := uint8(t.Bet2(i))
		if seen4[s] && d.ride2[s] != v {
			ok = false
		}
		seen4[s], d.ride2[s] = true, v
	})
	if !ok {
		return nil, false
	}
	return d, true
}

// Rides returns the decisions on bets 1 and 2 for the hand whose first
// three and four cards reached s3 and s4.
func (d *Decisions) Rides(s3 State3, s4 State4) (ride1, ride2 int) {
	return int(d.ride1[s3]), int(d.ride2[s4])
}
