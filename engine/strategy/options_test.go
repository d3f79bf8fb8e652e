package strategy

import (
	"testing"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/rules"
)

func hand3(t *testing.T, s string) [3]cards.Card {
	h, err := cards.ParseHand(s)
	if err != nil {
		t.Fatal(err)
	}
	return [3]cards.Card{h[0], h[1], h[2]}
}

func hand4(t *testing.T, s string) [4]cards.Card {
	h, err := cards.ParseHand(s)
	if err != nil {
		t.Fatal(err)
	}
	return [4]cards.Card{h[0], h[1], h[2], h[3]}
}

// The strength scale is anchored to basic strategy: over every hand, basic
// rides bet 1 exactly at strength ≥ 6 and bet 2 at strength ≥ 6 (ties
// pull) or ≥ 4 (ties ride).
func TestStrengthMatchesBasic(t *testing.T) {
	pull, ride := Basic(TiesPull), Basic(TiesRide)
	cards.ForEach3(func(i int, h [3]cards.Card) {
		if s := Strength3(h); pull.RideBet1(i) != (s >= 6) {
			t.Fatalf("%v: strength %d, basic rides %v", h, s, pull.RideBet1(i))
		}
	})
	cards.ForEach4(func(i int, h [4]cards.Card) {
		s := Strength4(h)
		if pull.RideBet2(i) != (s >= 6) || ride.RideBet2(i) != (s >= 4) {
			t.Fatalf("%v: strength %d, basic rides %v / %v", h, s, pull.RideBet2(i), ride.RideBet2(i))
		}
	})
}

// Card variables on hands worked out by hand.
func TestFeatures(t *testing.T) {
	f := feat(t, "Ah 2h 3h 5h")
	if !f.IsStraightFlushDraw || f.IsOpenStraightDraw || !f.IsInsideStraightDraw || f.Gaps != 1 || f.ConnectedCards != 3 ||
		f.HighCards != 1 || f.SuitedCards != 4 || f.HighRank != 14 || f.Strength != 10 {
		t.Errorf("A2 3 5 suited: %+v", f)
	}
	f = feat(t, "Kc Kd 4s 4h")
	if !f.HasTwoPair || !f.HasHighPair || f.PairRank != 13 || !f.HasPayingHand || f.IsStraightDraw {
		t.Errorf("KK44: %+v", f)
	}
	f = feat(t, "5c 6d 7h")
	if !f.IsOpenStraightDraw || f.Gaps != 0 || f.ConnectedCards != 3 || f.HasPair || f.Strength != 1 {
		t.Errorf("567: %+v", f)
	}
	f = feat(t, "Qs Ks As")
	if !f.IsRoyalDraw || f.SuitedHighCards != 3 || f.Strength != 8 {
		t.Errorf("QKA suited: %+v", f)
	}
	f = feat(t, "2c 7d Kh")
	if f.Gaps != 9 || f.IsStraightDraw || f.ConnectedCards != 1 {
		t.Errorf("27K: %+v", f)
	}
}

// Every conservative and aggressive parameter changes decisions as
// documented.
func TestConservativeAndAggressive(t *testing.T) {
	royal3 := cards.Index3(hand3(t, "Qh Kh Ah")[0], hand3(t, "Qh Kh Ah")[1], hand3(t, "Qh Kh Ah")[2])
	hp := hand4(t, "Jc Jd 4s 7h")
	highPair4 := cards.Index4(hp[0], hp[1], hp[2], hp[3])
	if c := Conservative(true, 8, 9); c.RideBet1(royal3) {
		t.Error("made_hands_only rides a royal draw")
	}
	if c := Conservative(false, 8, 9); !c.RideBet1(royal3) {
		t.Error("min_strength_bet1 8 without made_hands_only does not ride a royal draw")
	}
	if c := Conservative(true, 9, 9); !c.RideBet2(highPair4) {
		t.Error("min_strength_bet2 9 does not ride a high pair")
	}
	if c := Conservative(true, 9, 10); c.RideBet2(highPair4) {
		t.Error("min_strength_bet2 10 rides a high pair")
	}
	idx3 := func(s string) int { h := hand3(t, s); return cards.Index3(h[0], h[1], h[2]) }
	idx4 := func(s string) int { h := hand4(t, s); return cards.Index4(h[0], h[1], h[2], h[3]) }
	sf := idx3("2h 3h 4h")      // three to a straight flush basic pulls
	gut := idx4("5c 6d 8h 9s")  // inside straight
	open := idx4("5c 6d 7h 8s") // outside straight, no high card
	backdoor := idx3("2h 7h 9h")
	cases := []struct {
		name string
		t    *Table
		i    int
		bet1 bool
		want bool
	}{
		{"basic pulls 2-3-4 suited", Basic(TiesPull), sf, true, false},
		{"ride_on_draws rides it", Aggressive(TiesPull, true, false, false), sf, true, true},
		{"ride_on_draws off", Aggressive(TiesPull, false, false, false), sf, true, false},
		{"ride_on_draws rides 5-6-7-8", Aggressive(TiesPull, true, false, false), open, false, true},
		{"ride_on_draws off: 5-6-7-8 is a tie, pulled", Aggressive(TiesPull, false, false, false), open, false, false},
		{"include_gutshots", Aggressive(TiesPull, false, true, false), gut, false, true},
		{"no gutshots", Aggressive(TiesPull, true, false, false), gut, false, false},
		{"include_backdoor_flush", Aggressive(TiesPull, false, false, true), backdoor, true, true},
		{"no backdoor flush", Aggressive(TiesPull, true, true, false), backdoor, true, false},
	}
	for _, c := range cases {
		got := c.t.RideBet2(c.i)
		if c.bet1 {
			got = c.t.RideBet1(c.i)
		}
		if got != c.want {
			t.Errorf("%s: ride %v, want %v", c.name, got, c.want)
		}
	}
}

// Card-only rules compile to tables: "strength >= 6" is basic strategy.
func TestCustomRulesCompileToTables(t *testing.T) {
	cond, err := rules.Compile("strength >= 6", rules.Bool, rules.StrategyContext)
	if err != nil {
		t.Fatal(err)
	}
	r := &Rules{List: []Rule{{When: cond, Ride: true}}}
	if !r.CardOnly() {
		t.Fatal("card-only rule seen as reading the session")
	}
	if got := Custom(r, r); !got.Equal(Basic(TiesPull)) {
		t.Fatal("strength >= 6 differs from basic strategy")
	}
	// First match wins; the default decides the rest.
	pull, _ := rules.Compile("has_pair && !has_high_pair", rules.Bool, rules.StrategyContext)
	any, _ := rules.Compile("has_pair", rules.Bool, rules.StrategyContext)
	r2 := &Rules{List: []Rule{{When: pull, Ride: false}, {When: any, Ride: true}}, Default: false}
	tab := Custom(r2, r2)
	if tab.RideBet1(idx(t, "4c 4d 9h")) || !tab.RideBet1(idx(t, "Tc Td 9h")) || tab.RideBet1(idx(t, "2c 5d 9h")) {
		t.Fatal("rule order or default not honoured")
	}
	r2.Default = true
	if !Custom(r2, r2).RideBet1(idx(t, "2c 5d 9h")) {
		t.Fatal("default ride not honoured")
	}
}

func idx(t *testing.T, s string) int {
	h := hand3(t, s)
	return cards.Index3(h[0], h[1], h[2])
}

func feat(t *testing.T, s string) Features {
	h, err := cards.ParseHand(s)
	if err != nil {
		t.Fatal(err)
	}
	return FeaturesOf(h)
}
