package poker

import (
	"testing"

	"github.com/lir-lab/lir/engine/cards"
)

// Known counts of five-card hands by category (every poker probability
// table, e.g. Wikipedia "Poker probability"); the pair row is split at tens:
// 5 of the 13 pair ranks are T-A, so 1,098,240 × 5/13 = 422,400 pay.
var want5 = map[Category]int{
	RoyalFlush: 4, StraightFlush: 36, FourOfAKind: 624, FullHouse: 3744, Flush: 5108,
	Straight: 10200, ThreeOfAKind: 54912, TwoPair: 123552, PairTensOrBetter: 422400,
	PairBelowTens: 675840, HighCard: 1302540,
}

// Three-card counts (Wizard of Odds, "Three Card Poker"): 22,100 hands,
// with A-K-Q suited split out of the 48 straight flushes.
var want3 = map[Category3]int{
	MiniRoyal3: 4, StraightFlush3: 44, ThreeOfAKind3: 52, Straight3: 720, Flush3: 1096,
	Pair3: 3744, HighCard3: 16440,
}

// TestClassifyExhaustive checks the fast classifier against the slow one on
// all 2,598,960 hands, in two card orders, and the category counts against
// the published table.
func TestClassifyExhaustive(t *testing.T) {
	counts := map[Category]int{}
	fails := 0
	cards.ForEach5(func(_ int, h [5]cards.Card) {
		want := ClassifySlow(h)
		got := Classify(h[0], h[1], h[2], h[3], h[4])
		rev := Classify(h[4], h[2], h[0], h[3], h[1])
		if (got != want || rev != want) && fails < 10 {
			fails++
			t.Errorf("%s: Classify = %v / %v, ClassifySlow = %v", cards.FormatHand(h[:]), got, rev, want)
		}
		counts[want]++
	})
	for c, n := range want5 {
		if counts[c] != n {
			t.Errorf("%v: %d hands, want %d", c, counts[c], n)
		}
	}
}

func TestClassify3Exhaustive(t *testing.T) {
	counts := map[Category3]int{}
	cards.ForEach3(func(_ int, h [3]cards.Card) {
		want := Classify3Slow(h)
		for _, p := range [][3]int{{0, 1, 2}, {2, 0, 1}, {1, 2, 0}} {
			if got := Classify3(h[p[0]], h[p[1]], h[p[2]]); got != want {
				t.Fatalf("%s: Classify3 = %v, Classify3Slow = %v", cards.FormatHand(h[:]), got, want)
			}
		}
		counts[want]++
	})
	for c, n := range want3 {
		if counts[c] != n {
			t.Errorf("%v: %d hands, want %d", c, counts[c], n)
		}
	}
}

func TestSpotChecks(t *testing.T) {
	for hand, want := range map[string]Category{
		"Ah Kh Qh Jh Th": RoyalFlush, "5d 4d 3d 2d Ad": StraightFlush, "Ac 2d 3h 4s 5c": Straight,
		"Tc Td 2h 3s 4c": PairTensOrBetter, "9c 9d Ah Ks Qc": PairBelowTens, "Kc Ad 2h 3s 4c": HighCard,
		"Qc Kd Ah 2s 3c": HighCard, "7c 7d 7h 7s 2c": FourOfAKind,
	} {
		h, _ := cards.ParseHand(hand)
		if got := Classify(h[0], h[1], h[2], h[3], h[4]); got != want {
			t.Errorf("%s = %v, want %v", hand, got, want)
		}
	}
	for hand, want := range map[string]Category3{
		"Ah Kh Qh": MiniRoyal3, "Ah 2h 3h": StraightFlush3, "Ac 2d 3h": Straight3, "Kc Ad 2h": HighCard3,
	} {
		h, _ := cards.ParseHand(hand)
		if got := Classify3(h[0], h[1], h[2]); got != want {
			t.Errorf("%s = %v, want %v", hand, got, want)
		}
	}
}

var sink Category

func BenchmarkClassify(b *testing.B) {
	hs := make([][5]cards.Card, 4096)
	for i := range hs {
		x := uint64(i)*0x9E3779B97F4A7C15 + 1
		var used uint64
		for j := 0; j < 5; {
			x ^= x >> 29
			x *= 0xBF58476D1CE4E5B9
			c := cards.Card(x % 52)
			if used&(1<<c) == 0 {
				used |= 1 << c
				hs[i][j] = c
				j++
			}
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h := &hs[i&4095]
		sink = Classify(h[0], h[1], h[2], h[3], h[4])
	}
}
