package exact

import (
	"slices"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/handstate"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
)

// HandTypes groups holdings by everything a decision can depend on when
// the player looks past EV (goal-optimal play): what the hand can still
// pay, and, for three cards, the bonus they settle.
//
// A four-card holding's type is its payout histogram: how many of its 48
// fifth cards end at each distinct net pay of the main paytable. Riding
// bet 2 is worth Σ_p n_p·V(u·pay_p) over that histogram whatever V is, so
// holdings of one type are interchangeable for any objective. A
// three-card holding's type is its three-card (bonus) category with the
// multiset of the types its 49 fourth cards make. On the standard table
// the 270,725 four-card holdings fall into 33 types and the 22,100
// three-card holdings into 59, with 424 (three-card type, four-card type)
// links in all: a state's best play costs a few thousand operations.
//
// Both groupings are coarser than the handstate walk's states (rank counts
// and a common suit decide every completion), so the types are found
// state by state, and the simulator finds a hand's types from the states
// it walks anyway (Of3State, Of4State).
type HandTypes struct {
	Pays  []int64   // distinct net pays of the main paytable, ascending
	Hist4 [][]Count // by four-card type: (pay index, fifth cards), non-zero counts, Σ = 48
	T3    []Type3   // three-card types
	// Pairs lists the (bonus category, four-card type) pairs a three-card
	// type can lead to; PairOf[k][t4] is a pair's index, −1 when none.
	Pairs  []Pair
	PairOf [poker.NumCategories3][]int32

	Of3      []int32 // three-card type by cards.Index3
	Of4      []int32 // four-card type by cards.Index4
	Of3State [handstate.NumStates3]int32
	Of4State [handstate.NumStates4]int32
}

// Count is a number of cards leading to item I (a pay index, a pair).
type Count struct {
	I int32
	N int64
}

// Type3 is a three-card type: its bonus category, how many of the 22,100
// holdings it has, and its fourth cards by the pair they lead to (Σ N = 49).
type Type3 struct {
	Bonus    poker.Category3
	Holdings int64
	Next     []Count // I: index into HandTypes.Pairs
	Example  int     // a holding of the type, by cards.Index3
}

// Pair is a four-card type reached from a three-card type of bonus
// category Bonus.
type Pair struct {
	Bonus poker.Category3
	T4    int32
}

// NewHandTypes groups the holdings for main paytable p. Holdings of one
// handstate state share every completion, so a state's type comes from
// one of its holdings: the 4,680 four-card states' fifth-card counts
// (handstate.Completions) and 1,599 three-card states × 49 fourth cards
// (TestHandTypesExact checks every holding against its own completions).
func NewHandTypes(p *paytable.Main) *HandTypes {
	ty := &HandTypes{Of3: make([]int32, cards.NumHands3), Of4: make([]int32, cards.NumHands4)}
	var payOf [poker.NumCategories]int32
	for cat := range poker.NumCategories {
		if x := p.Net(poker.Category(cat)); !slices.Contains(ty.Pays, x) {
			ty.Pays = append(ty.Pays, x)
		}
	}
	slices.Sort(ty.Pays)
	for cat := range poker.NumCategories {
		payOf[cat] = int32(slices.Index(ty.Pays, p.Net(poker.Category(cat))))
	}
	for s := range ty.Of3State {
		ty.Of3State[s] = -1
	}
	for s := range ty.Of4State {
		ty.Of4State[s] = -1
	}
	type hist [poker.NumCategories]uint8
	of4 := map[hist]int32{}
	cards.ForEach4(func(j int, h [4]cards.Card) {
		_, s4 := handstate.Walk4(h[0], h[1], h[2], h[3])
		t := &ty.Of4State[s4]
		if *t < 0 {
			var hs hist
			for cat, n := range handstate.Completions(s4) {
				hs[payOf[cat]] += n
			}
			x, ok := of4[hs]
			if !ok {
				x = int32(len(ty.Hist4))
				of4[hs] = x
				var row []Count
				for i, n := range hs {
					if n > 0 {
						row = append(row, Count{int32(i), int64(n)})
					}
				}
				ty.Hist4 = append(ty.Hist4, row)
			}
			*t = x
		}
		ty.Of4[j] = *t
	})
	for k := range ty.PairOf {
		ty.PairOf[k] = make([]int32, len(ty.Hist4))
		for t := range ty.PairOf[k] {
			ty.PairOf[k][t] = -1
		}
	}
	type key3 struct {
		bonus poker.Category3
		next  string // the four-card types' counts, a byte per type
	}
	of3 := map[key3]int32{}
	counts := make([]byte, len(ty.Hist4))
	cards.ForEach3(func(i int, h [3]cards.Card) {
		s3 := handstate.Walk3(h[0], h[1], h[2])
		t := &ty.Of3State[s3]
		if *t < 0 {
			clear(counts)
			for x := cards.Card(0); x < cards.NumCards; x++ {
				if x != h[0] && x != h[1] && x != h[2] {
					_, s4 := handstate.Walk4(h[0], h[1], h[2], x)
					counts[ty.Of4State[s4]]++
				}
			}
			k := handstate.Category3(s3)
			key := key3{k, string(counts)}
			x, ok := of3[key]
			if !ok {
				x = int32(len(ty.T3))
				of3[key] = x
				t3 := Type3{Bonus: k, Example: i}
				for t4, n := range counts {
					if n == 0 {
						continue
					}
					pr := &ty.PairOf[k][t4]
					if *pr < 0 {
						*pr = int32(len(ty.Pairs))
						ty.Pairs = append(ty.Pairs, Pair{k, int32(t4)})
					}
					t3.Next = append(t3.Next, Count{*pr, int64(n)})
				}
				ty.T3 = append(ty.T3, t3)
			}
			*t = x
		}
		ty.T3[*t].Holdings++
		ty.Of3[i] = *t
	})
	return ty
}

// evSums returns Σ over a four-card type's fifth cards of the net pay
// (its bet-2 ride EV × 48), by type, and the same over a three-card
// type's 49 × 48 completions (its bet-1 ride EV × 2352).
func (ty *HandTypes) evSums() (ev4, ev3 []int64) {
	ev4 = make([]int64, len(ty.Hist4))
	for t, row := range ty.Hist4 {
		for _, c := range row {
			ev4[t] += c.N * ty.Pays[c.I]
		}
	}
	ev3 = make([]int64, len(ty.T3))
	for t, t3 := range ty.T3 {
		for _, c := range t3.Next {
			ev3[t] += c.N * ev4[ty.Pairs[c.I].T4]
		}
	}
	return ev4, ev3
}
