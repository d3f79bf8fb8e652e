package paytable

import (
	"math/big"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/poker"
)

// The main paytables as published (SPEC §1: BGC LIRX-01, the standard
// table posted at casinos, LIRX-02 and LIRX-03), by category: "N to 1" on
// each bet in action. Written by category rather than in NewMain's
// argument order, so a slip in that order fails here.
var publishedMain = map[string]map[poker.Category]int64{
	"standard": {
		poker.RoyalFlush: 1000, poker.StraightFlush: 200, poker.FourOfAKind: 50, poker.FullHouse: 11,
		poker.Flush: 8, poker.Straight: 5, poker.ThreeOfAKind: 3, poker.TwoPair: 2, poker.PairTensOrBetter: 1,
	},
	"bgc_lirx02": {
		poker.RoyalFlush: 500, poker.StraightFlush: 100, poker.FourOfAKind: 25, poker.FullHouse: 15,
		poker.Flush: 10, poker.Straight: 5, poker.ThreeOfAKind: 3, poker.TwoPair: 2, poker.PairTensOrBetter: 1,
	},
	"bgc_lirx03": {
		poker.RoyalFlush: 100, poker.StraightFlush: 50, poker.FourOfAKind: 30, poker.FullHouse: 15,
		poker.Flush: 9, poker.Straight: 6, poker.ThreeOfAKind: 3, poker.TwoPair: 2, poker.PairTensOrBetter: 1,
	},
}

// The Three Card Bonus tables as published (SPEC §1), by category;
// paytable_c's mini royal pays the progressive jackpot, not a fixed amount.
var publishedBonus = map[string]map[poker.Category3]int64{
	"paytable_a": {poker.MiniRoyal3: 50, poker.StraightFlush3: 40, poker.ThreeOfAKind3: 30, poker.Straight3: 6, poker.Flush3: 3, poker.Pair3: 1},
	"paytable_b": {poker.MiniRoyal3: 100, poker.StraightFlush3: 40, poker.ThreeOfAKind3: 30, poker.Straight3: 5, poker.Flush3: 4, poker.Pair3: 1},
	"paytable_c": {poker.StraightFlush3: 200, poker.ThreeOfAKind3: 30, poker.Straight3: 6, poker.Flush3: 4, poker.Pair3: 1},
}

// Every published main table pays its published amounts, and every
// category it does not list (high card, a pair below tens) loses the bet.
func TestMainTablesArePublished(t *testing.T) {
	for _, name := range []string{"standard", "bgc_lirx02", "bgc_lirx03"} {
		p, err := MainByName(name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != name {
			t.Errorf("MainByName(%q).Name = %q", name, p.Name)
		}
		for _, c := range poker.Categories() {
			want, ok := publishedMain[name][c]
			if !ok {
				want = Lose
			}
			if got := p.Net(c); got != want {
				t.Errorf("%s: %v pays %d, published %d", name, c, got, want)
			}
		}
	}
	if p, _ := MainByName("standard"); p != Standard {
		t.Error("MainByName(standard) is not Standard")
	}
	if _, err := MainByName("lirx01"); err == nil || !strings.Contains(err.Error(), `"lirx01"`) {
		t.Errorf("unknown main table: err = %v, want one naming it", err)
	}
}

// Every published bonus table pays its published amounts, high card loses,
// and only paytable_c is progressive.
func TestBonusTablesArePublished(t *testing.T) {
	for _, name := range []string{"paytable_a", "paytable_b", "paytable_c"} {
		p, err := BonusByName(name)
		if err != nil {
			t.Fatal(err)
		}
		if p.Progressive != (name == "paytable_c") {
			t.Errorf("%s: progressive = %v", name, p.Progressive)
		}
		for c := poker.Category3(0); c < poker.NumCategories3; c++ {
			want, ok := publishedBonus[name][c]
			switch {
			case c == poker.MiniRoyal3 && p.Progressive:
				continue // the jackpot is paid instead
			case !ok:
				want = Lose
			}
			if got := p.Net(c); got != want {
				t.Errorf("%s: %v pays %d, published %d", name, c, got, want)
			}
		}
	}
	if _, err := BonusByName("paytable_d"); err == nil || !strings.Contains(err.Error(), `"paytable_d"`) {
		t.Errorf("unknown bonus table: err = %v, want one naming it", err)
	}
}

// threeCardCounts are the 22,100 three-card hands of a 52-card deck by
// bonus category, by counting: mini royal 4 (A-K-Q of a suit), other
// straight flushes 12·4 − 4 = 44 (A-2-3 counts), trips 13·C(4,3) = 52,
// straights 12·4³ − 48 = 720, flushes 4·C(13,3) − 48 = 1096, pairs
// 13·C(4,2)·48 = 3744, and the rest high card.
var threeCardCounts = map[poker.Category3]int64{
	poker.MiniRoyal3: 4, poker.StraightFlush3: 44, poker.ThreeOfAKind3: 52, poker.Straight3: 720,
	poker.Flush3: 1096, poker.Pair3: 3744, poker.HighCard3: 22100 - 4 - 44 - 52 - 720 - 1096 - 3744,
}

// The house edges of the fixed bonus tables follow from the counts:
// paytable_a returns (200 + 1760 + 1560 + 4320 + 3288 + 3744 − 16440)/22100
// = −1568/22100 (−7.10%) per unit bet, paytable_b −992/22100 (−4.49%).
func TestBonusExpectedValues(t *testing.T) {
	for _, c := range []struct {
		p    Bonus
		want *big.Rat
	}{{PaytableA, big.NewRat(-1568, 22100)}, {PaytableB, big.NewRat(-992, 22100)}} {
		var sum, n int64
		for cat, k := range threeCardCounts {
			sum += k * c.p.Net(cat)
			n += k
		}
		if got := big.NewRat(sum, n); got.Cmp(c.want) != 0 {
			t.Errorf("%s: EV %v per unit, want %v", c.p.Name, got, c.want)
		}
	}
}

// NewMain and NewBonus keep a custom table's name and place each argument
// on its category.
func TestCustomTables(t *testing.T) {
	m := NewMain("custom", 9, 8, 7, 6, 5, 4, 3, 2, 1)
	order := []poker.Category{poker.RoyalFlush, poker.StraightFlush, poker.FourOfAKind, poker.FullHouse,
		poker.Flush, poker.Straight, poker.ThreeOfAKind, poker.TwoPair, poker.PairTensOrBetter}
	for i, c := range order {
		if got := m.Net(c); got != int64(9-i) {
			t.Errorf("NewMain: %v pays %d, want %d", c, got, 9-i)
		}
	}
	if m.Name != "custom" || m.Net(poker.HighCard) != Lose || m.Net(poker.PairBelowTens) != Lose {
		t.Errorf("NewMain: %+v", m)
	}
	b := NewBonus("custom", 6, 5, 4, 3, 2, 1)
	order3 := []poker.Category3{poker.MiniRoyal3, poker.StraightFlush3, poker.ThreeOfAKind3, poker.Straight3, poker.Flush3, poker.Pair3}
	for i, c := range order3 {
		if got := b.Net(c); got != int64(6-i) {
			t.Errorf("NewBonus: %v pays %d, want %d", c, got, 6-i)
		}
	}
	if b.Name != "custom" || b.Progressive || b.Net(poker.HighCard3) != Lose {
		t.Errorf("NewBonus: %+v", b)
	}
}
