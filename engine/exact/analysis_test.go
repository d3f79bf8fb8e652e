package exact

import (
	"math/big"
	"testing"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/strategy"
)

var published = []paytable.Main{paytable.Standard, paytable.BGCLIRX02, paytable.BGCLIRX03}

// A custom table unlike the published ones (used by the benchmarks too):
// a richer flush and a two-pair push-to-win make different hands ride.
var customTable = paytable.NewMain("custom", 250, 80, 40, 9, 7, 4, 3, 2, 1)

func strategiesFor(p *paytable.Main) []*strategy.Table {
	return []*strategy.Table{
		Optimal(p, strategy.TiesPull, completions()), Optimal(p, strategy.TiesRide, completions()),
		strategy.Basic(strategy.TiesPull), strategy.AlwaysRide(), strategy.AlwaysPull(),
	}
}

// Truth: the direct enumeration of Ride3/Ride4 (every completion classified
// afresh). The ride values built from the completion table agree with it
// on a spread of holdings.
func TestRideSumsMatchDirectEnumeration(t *testing.T) {
	p := &customTable
	s := NewRideSums(p, completions())
	cards.ForEach3(func(i int, h [3]cards.Card) {
		if i%53 != 0 {
			return
		}
		if e := Ride3(h, p, 0); 2*e.Sum != s.Bet1[i] {
			t.Fatalf("%s: Ride3 sum %d ×2 ≠ table %d", cards.FormatHand(h[:]), e.Sum, s.Bet1[i])
		}
	})
	cards.ForEach4(func(i int, h [4]cards.Card) {
		if i%997 != 0 {
			return
		}
		if e := Ride4(h, p, 0); e.Sum != s.Bet2[i] {
			t.Fatalf("%s: Ride4 sum %d ≠ table %d", cards.FormatHand(h[:]), e.Sum, s.Bet2[i])
		}
	})
}

// Truth: two independent computations of a strategy's EV — the full deal
// enumeration (Distribution) and the sum of per-holding ride values
// (RideSums) — agree exactly, for several tables and strategies; and the
// net distribution is a probability distribution with that mean.
func TestDistributionAgreesWithRideSums(t *testing.T) {
	for _, p := range append(published, customTable) {
		s := NewRideSums(&p, completions())
		for _, st := range strategiesFor(&p) {
			d := Distribution(st, completions())
			if d.Total() != Deals {
				t.Fatalf("%s/%s: %d deals", p.Name, st.Name, d.Total())
			}
			if a, b := d.NetUnits(&p), s.NetUnits(st); a != b {
				t.Errorf("%s/%s: distribution net %d ≠ ride sums %d", p.Name, st.Name, a, b)
			}
			var n, u int64
			for _, nc := range d.NetDistribution(&p) {
				n += nc.Count
				u += nc.Count * nc.Units
			}
			if n != Deals || u != d.NetUnits(&p) {
				t.Errorf("%s/%s: net distribution total %d, mean×Deals %d", p.Name, st.Name, n, u)
			}
			var j int64
			for _, jc := range d.Joint(&p) {
				j += jc.Count
			}
			if j != Deals {
				t.Errorf("%s/%s: joint distribution total %d", p.Name, st.Name, j)
			}
		}
	}
}

// Truth: hand-countable baselines. Always pulling leaves one unit on the
// final five cards, so the EV is the paytable's average over all
// 2,598,960 five-card hands, and P(ride) is 0; always riding triples it.
func TestBaselines(t *testing.T) {
	p := &paytable.Standard
	// Published five-card frequencies (any poker probability table):
	// royal 4, SF 36, quads 624, full house 3744, flush 5108,
	// straight 10200, trips 54912, two pair 123552; pairs of tens or
	// better 5 ranks × 84480 = 422400.
	sum := int64(4*1000 + 36*200 + 624*50 + 3744*11 + 5108*8 + 10200*5 + 54912*3 + 123552*2 + 422400)
	lose := int64(cards.NumHands5 - 4 - 36 - 624 - 3744 - 5108 - 10200 - 54912 - 123552 - 422400)
	want := big.NewRat(sum-lose, cards.NumHands5)
	pull := Distribution(strategy.AlwaysPull(), completions())
	if ev := pull.EV(p); ev.Cmp(want) != 0 {
		t.Errorf("always pull EV %s, want %s", ev.RatString(), want.RatString())
	}
	ride := Distribution(strategy.AlwaysRide(), completions())
	if ev := ride.EV(p); ev.Cmp(new(big.Rat).Mul(want, big.NewRat(3, 1))) != 0 {
		t.Errorf("always ride EV %s, want 3 × %s", ev.RatString(), want.RatString())
	}
	if r1, r2 := pull.RideProbs(); r1.Sign() != 0 || r2.Sign() != 0 {
		t.Error("always pull rides")
	}
	if a := ride.AvgUnits(); a.Cmp(big.NewRat(3, 1)) != 0 {
		t.Errorf("always ride average units %s", a.RatString())
	}
}

// Truth: the published analysis of optimal play on the standard table
// (Wizard of Odds, "Let it Ride Appendix 1", wizardofodds.com/games/
// let-it-ride/appendix/1/): bet 1 is left riding with probability
// 0.07276018 and returns 0.10912580 units per hand. The test pins this
// project's exact fractions and checks the published roundings. The
// element of risk, 3.5057% ÷ 1.2237 average units = 2.865%, is logged.
func TestStandardFigures(t *testing.T) {
	p := &paytable.Standard
	d := Distribution(strategy.Basic(strategy.TiesPull), completions())
	r1, r2 := d.RideProbs()
	if want := big.NewRat(1608, 22100); r1.Cmp(want) != 0 || r1.FloatString(8) != "0.07276018" {
		t.Errorf("P(ride bet 1) = %s = %s, want %s (published 0.07276018)", r1.RatString(), r1.FloatString(8), want.RatString())
	}
	s := NewRideSums(p, completions())
	var bet1 int64
	for _, v := range s.Bet1 {
		bet1 += max(v, 0)
	}
	if r := big.NewRat(bet1, Deals); r.FloatString(8) != "0.10912580" {
		t.Errorf("bet 1 return %s = %s, published 0.10912580", r.RatString(), r.FloatString(8))
	}
	avg, _ := d.AvgUnits().Float64()
	eor, _ := d.ElementOfRisk(p).Float64()
	f2, _ := r2.Float64()
	t.Logf("avg units %.6f, element of risk %.6f, P(ride 2) %.6f", avg, eor, f2)
}

// Truth: exhaustive enumeration. Every holding of a class has the same
// completion counts per final category, so classes are exact for any
// paytable.
func TestClassesExact(t *testing.T) {
	c := completions()
	type vec [poker.NumCategories]int64
	seen3 := map[string]vec{}
	cards.ForEach3(func(i int, h [3]cards.Card) {
		var v vec
		for d := cards.Card(0); d < cards.NumCards; d++ {
			if d != h[0] && d != h[1] && d != h[2] {
				for cat, n := range c.Counts(cards.Index4(h[0], h[1], h[2], d)) {
					v[cat] += int64(n)
				}
			}
		}
		name := Class3(h)
		if w, ok := seen3[name]; ok && w != v {
			t.Fatalf("class %q: %s has completions %v, another holding %v", name, cards.FormatHand(h[:]), v, w)
		}
		seen3[name] = v
	})
	seen4 := map[string]vec{}
	cards.ForEach4(func(i int, h [4]cards.Card) {
		var v vec
		for cat, n := range c.Counts(i) {
			v[cat] = int64(n)
		}
		name := Class4(h)
		if w, ok := seen4[name]; ok && w != v {
			t.Fatalf("class %q: %s has completions %v, another holding %v", name, cards.FormatHand(h[:]), v, w)
		}
		seen4[name] = v
	})
	t.Logf("%d three-card classes, %d four-card classes", len(seen3), len(seen4))
}

// Truth: the EV identity. The costs per class of a strategy add up to the
// exact EV gap to optimal; on the standard table basic costs nothing; and
// the class summary states the basic chart (three to a royal rides, low
// pairs pull).
func TestClassCosts(t *testing.T) {
	for _, p := range append(published, customTable) {
		s := NewRideSums(&p, completions())
		opt := s.EV(s.Optimal(strategy.TiesPull))
		for _, st := range strategiesFor(&p) {
			b1, b2 := s.Classes(strategy.TiesPull, st)
			total := new(big.Rat)
			for _, c := range append(b1, b2...) {
				total.Add(total, c.Cost)
				if c.Decision() == "mixed" {
					t.Errorf("%s: class %q is mixed under optimal play", p.Name, c.Class)
				}
			}
			if gap := new(big.Rat).Sub(opt, s.EV(st)); gap.Cmp(total) != 0 {
				t.Errorf("%s/%s: class costs sum to %s, EV gap %s", p.Name, st.Name, total.RatString(), gap.RatString())
			}
		}
	}
	s := NewRideSums(&paytable.Standard, completions())
	b1, b2 := s.Classes(strategy.TiesPull, nil)
	want := map[string]string{
		"three suited, 1 possible straight, three high cards": "ride",
		"pair below tens": "pull",
		"three suited, 1 possible straight, one high card":  "pull", // A-2-4 suited
		"three suited, 3 possible straights, no high cards": "ride", // 3-4-5 suited
		"three suited, 2 possible straights, no high cards": "pull", // 2-3-4 suited
	}
	for _, c := range b1 {
		if w, ok := want[c.Class]; ok && c.Decision() != w {
			t.Errorf("bet 1 %q: %s, want %s", c.Class, c.Decision(), w)
		}
	}
	for _, c := range b2 {
		if c.Class == "four suited, no straight possible, no high cards" && c.Decision() != "ride" {
			t.Errorf("bet 2 four to a flush: %s", c.Decision())
		}
	}
}

// Truth: direct enumeration by hand of small cases, and the optimal tables.
func TestDecide(t *testing.T) {
	p := &paytable.Standard
	parse := func(s string) []cards.Card {
		h, err := cards.ParseHand(s)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	// Four to a flush, no straight, no high card: 9 flush outs × 8 win,
	// 39 lose: EV = (72 − 39)/48 = 33/48.
	d, err := Decide(parse("2h 5h 7h 9h"), nil, p, strategy.TiesPull)
	if err != nil || d.Ride.Cmp(big.NewRat(33, 48)) != 0 || !d.Rides {
		t.Fatalf("2h5h7h9h: %v %v", d, err)
	}
	// With four hearts dead only 5 flush outs remain: (40 − 39)/44.
	d, _ = Decide(parse("2h 5h 7h 9h"), parse("Kh Qh Jh Th"), p, strategy.TiesPull)
	if d.Ride.Cmp(big.NewRat(5*8-39, 44)) != 0 {
		t.Fatalf("with dead hearts: %s", d.Ride.RatString())
	}
	// Three cards: agrees with Ride3 and, without dead cards, the hand EV
	// when ride ≥ 0 matches the table-based optimal play.
	s := NewRideSums(p, completions())
	for _, hs := range []string{"Ah Kh Qh", "2c 3c 4c", "Ts Td 4h", "2c 7d 9h"} {
		h := parse(hs)
		d, err := Decide(h, nil, p, strategy.TiesPull)
		if err != nil {
			t.Fatal(err)
		}
		i := cards.Index3(h[0], h[1], h[2])
		if d.Ride.Cmp(big.NewRat(s.Bet1[i], 49*48)) != 0 || d.Rides != (s.Bet1[i] > 0) {
			t.Errorf("%s: ride EV %s, table %d/2352", hs, d.Ride.RatString(), s.Bet1[i])
		}
	}
	for _, bad := range [][2]string{{"Ah Kh", ""}, {"Ah Kh Qh", "Ah"}, {"Ah Kh Qh Jh Th", ""}} {
		if _, err := Decide(parse(bad[0]), parse(bad[1]), p, strategy.TiesPull); err == nil {
			t.Errorf("Decide(%q, dead %q) accepted", bad[0], bad[1])
		}
	}
}

// Truth: the three-card hand counts every poker reference gives (22,100
// hands: 4 mini royals, 44 other straight flushes, 52 trips, 720
// straights, 1,096 flushes, 3,744 pairs, 16,440 high cards) and published
// house edges: paytable_a (50/40/30/6/3/1) 7.10% (table-games writers quote
// "7.1 percent"); with flushes at 4 to 1 the same table is 2.14%; the Three
// Card Poker Pair Plus table 40/30/6/4/1 is 2.32%.
func TestBonus(t *testing.T) {
	want := [poker.NumCategories3]int64{16440, 3744, 1096, 720, 52, 44, 4}
	if got := Bonus3Counts(); got != want {
		t.Fatalf("bonus counts %v, want %v", got, want)
	}
	edge := func(p paytable.Bonus) float64 {
		f, _ := AnalyzeBonus(&p, nil).EV().Float64()
		return -f
	}
	cases := []struct {
		p    paytable.Bonus
		want *big.Rat
		pub  float64
	}{
		{paytable.PaytableA, big.NewRat(-1568, 22100), 0.0710},
		{paytable.NewBonus("flush4", 50, 40, 30, 6, 4, 1), big.NewRat(-472, 22100), 0.0214},
		{paytable.NewBonus("pairplus", 40, 40, 30, 6, 4, 1), big.NewRat(-512, 22100), 0.0232},
		{paytable.PaytableB, big.NewRat(-992, 22100), 0.0449},
	}
	for _, c := range cases {
		ev := AnalyzeBonus(&c.p, nil).EV()
		if ev.Cmp(c.want) != 0 {
			t.Errorf("%s: EV %s, want %s", c.p.Name, ev.RatString(), c.want.RatString())
		}
		if e := edge(c.p); e < c.pub-0.00005 || e > c.pub+0.00005 {
			t.Errorf("%s: house edge %.5f, published %.4f", c.p.Name, e, c.pub)
		}
	}
	// Progressive paytable_c: EV(J) = (6368 + 4J)/22100, so the table
	// favours the player at any jackpot ≥ 0; break-even at J = -1592.
	c := AnalyzeBonus(&paytable.PaytableC, big.NewRat(1000, 1))
	if ev := c.EV(); ev.Cmp(big.NewRat(6368+4000, 22100)) != 0 {
		t.Errorf("paytable_c at 1000:1: %s", ev.RatString())
	}
	if j := c.BreakEvenJackpot(); j.Cmp(big.NewRat(-1592, 1)) != 0 {
		t.Errorf("paytable_c break-even jackpot %s", j.RatString())
	}
}
