package handstate

import (
	"testing"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rules"
	"github.com/lir-lab/lir/engine/strategy"
)

// TestClassifyExhaustive walks all 2,598,960 five-card hands in three card
// orders and compares the category with poker.Classify.
func TestClassifyExhaustive(t *testing.T) {
	fails := 0
	cards.ForEach5(func(_ int, h [5]cards.Card) {
		want := poker.Classify(h[0], h[1], h[2], h[3], h[4])
		got := Classify(h[0], h[1], h[2], h[3], h[4])
		rev := Classify(h[4], h[3], h[2], h[1], h[0])
		mix := Classify(h[2], h[4], h[0], h[3], h[1])
		if (got != want || rev != want || mix != want) && fails < 10 {
			fails++
			t.Errorf("%s: walk = %v / %v / %v, Classify = %v", cards.FormatHand(h[:]), got, rev, mix, want)
		}
	})
}

// TestCategory3Exhaustive checks the three-card category of all 22,100
// hands in every order.
func TestCategory3Exhaustive(t *testing.T) {
	cards.ForEach3(func(_ int, h [3]cards.Card) {
		want := poker.Classify3(h[0], h[1], h[2])
		for _, p := range [][3]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
			if got := Category3(Walk3(h[p[0]], h[p[1]], h[p[2]])); got != want {
				t.Fatalf("%s: walk = %v, Classify3 = %v", cards.FormatHand(h[:]), got, want)
			}
		}
	})
}

// TestStatesPartitionHands checks that Walk3 and Walk4 agree, that every
// state is reached by some hand, and that the states are exactly the
// classes of rank counts plus shared suit.
func TestStatesPartitionHands(t *testing.T) {
	class := func(h []cards.Card) key {
		k := cardKey(h[0])
		for _, c := range h[1:] {
			k = k.add(c)
		}
		return k
	}
	var of3 [NumStates3]key
	var seen3 [NumStates3]bool
	classes3 := map[key]bool{}
	cards.ForEach3(func(_ int, h [3]cards.Card) {
		s, k := Walk3(h[0], h[1], h[2]), class(h[:])
		if seen3[s] && of3[s] != k {
			t.Fatalf("%s: state %d holds two classes", cards.FormatHand(h[:]), s)
		}
		seen3[s], of3[s] = true, k
		classes3[k] = true
	})
	var of4 [NumStates4]key
	var seen4 [NumStates4]bool
	classes4 := map[key]bool{}
	cards.ForEach4(func(_ int, h [4]cards.Card) {
		s3, s := Walk4(h[0], h[1], h[2], h[3])
		if s3 != Walk3(h[0], h[1], h[2]) {
			t.Fatal("Walk4 and Walk3 disagree")
		}
		k := class(h[:])
		if seen4[s] && of4[s] != k {
			t.Fatalf("%s: state %d holds two classes", cards.FormatHand(h[:]), s)
		}
		seen4[s], of4[s] = true, k
		classes4[k] = true
	})
	if len(classes3) != NumStates3 || len(classes4) != NumStates4 {
		t.Fatalf("%d and %d classes, want %d and %d", len(classes3), len(classes4), NumStates3, NumStates4)
	}
}

// TestDecisionsMatchTables compares Rides with the tables' own lookups on
// every three- and four-card hand, for the built-in strategies, and checks
// that a table reading suit counts the states do not keep is refused.
func TestDecisionsMatchTables(t *testing.T) {
	tables := []*strategy.Table{
		strategy.Basic(strategy.TiesPull), strategy.Basic(strategy.TiesRide),
		strategy.AlwaysRide(), strategy.AlwaysPull(),
		strategy.Conservative(true, 9, 9), strategy.Conservative(false, 5, 7),
		strategy.Aggressive(strategy.TiesPull, true, true, true),
	}
	for _, tab := range tables {
		d, ok := NewDecisions(tab)
		if !ok {
			t.Errorf("%s: not a function of the states", tab.Name)
			continue
		}
		cards.ForEach4(func(i int, h [4]cards.Card) {
			s3, s4 := Walk4(h[3], h[1], h[0], h[2])
			_, r2 := d.Rides(s3, s4)
			if r2 != tab.Bet2(i) {
				t.Fatalf("%s: %s: bet 2 %d, table %d", tab.Name, cards.FormatHand(h[:]), r2, tab.Bet2(i))
			}
		})
		cards.ForEach3(func(i int, h [3]cards.Card) {
			r1, _ := d.Rides(Walk3(h[2], h[0], h[1]), 0)
			if r1 != tab.Bet1(i) {
				t.Fatalf("%s: %s: bet 1 %d, table %d", tab.Name, cards.FormatHand(h[:]), r1, tab.Bet1(i))
			}
		})
	}
	three, err := rules.Compile("suited_cards >= 3", rules.Bool, rules.StrategyContext)
	if err != nil {
		t.Fatal(err)
	}
	r := &strategy.Rules{List: []strategy.Rule{{When: three, Ride: true}}}
	if _, ok := NewDecisions(strategy.Custom(r, r)); ok {
		t.Error("a rule on three suited cards of four accepted")
	}
}

func BenchmarkClassify(b *testing.B) {
	hands := randomHands(1 << 12)
	b.ResetTimer()
	var sink poker.Category
	for i := 0; i < b.N; i++ {
		h := &hands[i&(len(hands)-1)]
		sink += Classify(h[0], h[1], h[2], h[3], h[4])
	}
	sinkCat = sink
}

var sinkCat poker.Category

func randomHands(n int) [][5]cards.Card {
	out := make([][5]cards.Card, n)
	x := uint64(88172645463325252)
	for i := range out {
		var used uint64
		for j := 0; j < 5; {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			c := cards.Card(x % cards.NumCards)
			if used&(1<<c) == 0 {
				used |= 1 << c
				out[i][j] = c
				j++
			}
		}
	}
	return out
}

// BenchmarkBuild measures the tables' construction, paid once at start-up
// by every program that links the package (each Web Worker included).
func BenchmarkBuild(b *testing.B) {
	for i := 0; i < b.N; i++ {
		build()
	}
}

// BenchmarkNewDecisions measures compiling a strategy table by state,
// paid once per run by each worker.
func BenchmarkNewDecisions(b *testing.B) {
	t := strategy.Basic(strategy.TiesPull)
	for i := 0; i < b.N; i++ {
		if _, ok := NewDecisions(t); !ok {
			b.Fatal("basic strategy not by state")
		}
	}
}

// Every state's representative hand has distinct cards with the state's
// rank counts and suit class.
func TestRepresentativeHands(t *testing.T) {
	cards.ForEach4(func(_ int, h4 [4]cards.Card) {
		for n := 1; n <= 4; n++ {
			k := cardKey(h4[0])
			for _, c := range h4[1:n] {
				k = k.add(c)
			}
			h := k.hand()
			var seen uint64
			r := cardKey(h[0])
			for i, c := range h[:n] {
				if seen&(1<<c) != 0 {
					t.Fatalf("%s: representative %s repeats a card", cards.FormatHand(h4[:n]), cards.FormatHand(h[:n]))
				}
				seen |= 1 << c
				if i > 0 {
					r = r.add(c)
				}
			}
			if r != k {
				t.Fatalf("%s: representative %s is of another state", cards.FormatHand(h4[:n]), cards.FormatHand(h[:n]))
			}
		}
	})
}

// TestCompletionsExhaustive checks the fifth-card counts of every state
// against all 270,725 four-card hands, each completed by its 48 fifth cards
// and classified by poker.Classify.
func TestCompletionsExhaustive(t *testing.T) {
	cards.ForEach4(func(_ int, h [4]cards.Card) {
		var want [poker.NumCategories]uint8
		used := uint64(1)<<h[0] | 1<<h[1] | 1<<h[2] | 1<<h[3]
		for f := cards.Card(0); f < cards.NumCards; f++ {
			if used&(1<<f) == 0 {
				want[poker.Classify(h[0], h[1], h[2], h[3], f)]++
			}
		}
		s4 := Next4(Walk3(h[3], h[1], h[0]), h[2])
		if _, w := Walk4(h[0], h[1], h[2], h[3]); w != s4 {
			t.Fatalf("%s: Next4 and Walk4 disagree", cards.FormatHand(h[:]))
		}
		if *Completions(s4) != want {
			t.Fatalf("%s: completions %v, enumeration %v", cards.FormatHand(h[:]), *Completions(s4), want)
		}
	})
}
