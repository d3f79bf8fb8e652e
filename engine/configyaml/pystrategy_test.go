package configyaml

import (
	"slices"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/rules"
	"github.com/lir-lab/lir/engine/strategy"
)

// pyFields is what the Python tool's analysis (core/hand_analysis.py,
// analyze_three_cards and analyze_four_cards) says of three or four cards,
// for the fields its rules may read here; transcribed from its code.
type pyFields struct {
	highCards, suitedCards                            int
	hasPair, hasHighPair, hasTrips, hasPayingHand     bool
	flushDraw, straightDraw, openDraw, insideDraw     bool
	straightFlushDraw, royalDraw, fourOfAKindAtBetTwo bool
}

func pyAnalyze(h []cards.Card) pyFields {
	var f pyFields
	values := make([]int, len(h)) // 2–14
	counts := map[int]int{}
	suits := map[cards.Suit]int{}
	for i, c := range h {
		values[i] = int(c.Rank()) + 2
		counts[values[i]]++
		suits[c.Suit()]++
		if values[i] >= 10 {
			f.highCards++
		}
	}
	maxCount := 0
	for _, n := range counts {
		maxCount = max(maxCount, n)
	}
	for _, n := range suits {
		f.suitedCards = max(f.suitedCards, n)
	}
	connected, open, inside := pyStraightPotential(values)
	f.hasTrips = maxCount == 3
	twoPair := len(h) == 4 && len(counts) == 2 && maxCount == 2
	f.hasPair = maxCount == 2 && !twoPair
	if f.hasPair {
		for v, n := range counts {
			if n == 2 {
				f.hasHighPair = v >= 10
			}
		}
	}
	f.hasPayingHand = f.hasTrips || f.hasHighPair || twoPair
	f.fourOfAKindAtBetTwo = maxCount == 4
	if len(h) == 3 {
		f.flushDraw, f.straightDraw = f.suitedCards == 3, connected >= 3
	} else {
		f.flushDraw, f.straightDraw, f.openDraw, f.insideDraw = f.suitedCards >= 4, connected >= 4, open, inside
	}
	if f.flushDraw { // every card is of the one suit
		sorted := slices.Sorted(slices.Values(values))
		span := sorted[len(sorted)-1] - sorted[0]
		if span > 4 && sorted[len(sorted)-1] == 14 && sorted[0] <= 5 {
			low := aceLow(sorted)
			span = low[len(low)-1] - low[0]
		}
		f.straightFlushDraw = span <= 4
		royal := 0
		for _, v := range values {
			if v >= 10 {
				royal++
			}
		}
		f.royalDraw = royal >= 3 && slices.Contains(values, 14)
	}
	return f
}

// pyStraightPotential is its _analyze_straight_potential: the most distinct
// ranks in a five-rank window (ace high, or low with a card of 5 or less),
// and for four cards in one window whether they are consecutive with room
// at both ends (open) or not (inside).
func pyStraightPotential(values []int) (connected int, open, inside bool) {
	unique := slices.Compact(slices.Sorted(slices.Values(values)))
	sets := [][]int{unique}
	if slices.Contains(unique, 14) && slices.ContainsFunc(unique, func(v int) bool { return v != 14 && v <= 5 }) {
		sets = append(sets, aceLow(unique))
	}
	best, bestGaps := 1, 4
	for _, set := range sets {
		if len(set) < 3 {
			continue
		}
		for lo := 1; lo <= 10; lo++ {
			var in []int
			for _, v := range set {
				if v >= lo && v <= lo+4 {
					in = append(in, v)
				}
			}
			n := len(in)
			if n < 3 || !(n > best || (n == best && 5-n < bestGaps)) {
				continue
			}
			best, bestGaps = n, 5-n
			if n == 4 && len(values) >= 4 {
				if in[3]-in[0] == 3 {
					goLow, goHigh := in[0] > 1, in[3] < 14
					if in[0] == 1 && in[3] == 4 {
						goLow, goHigh = false, true
					}
					open = goLow && goHigh
					inside = !open
				} else {
					open, inside = false, true
				}
			}
		}
	}
	return best, open, inside
}

// aceLow returns the values with the ace (14) as 1, sorted.
func aceLow(values []int) []int {
	low := make([]int, len(values))
	for i, v := range values {
		low[i] = v
		if v == 14 {
			low[i] = 1
		}
	}
	slices.Sort(low)
	return low
}

// Each field of its analysis that its rules may read here, translated as
// a rule condition is (pyReader.condition), equals its definition on every
// three- and four-card hand; the one exception is its bug: four of a kind
// at bet 2 is no paying hand there, and pays here.
func TestPythonRuleFieldsMeanWhatTheyMeantThere(t *testing.T) {
	fields := []struct {
		name string
		its  func(pyFields) float64
	}{
		{"high_cards", func(f pyFields) float64 { return float64(f.highCards) }},
		{"suited_cards", func(f pyFields) float64 { return float64(f.suitedCards) }},
		{"has_pair", func(f pyFields) float64 { return b2f(f.hasPair) }},
		{"has_high_pair", func(f pyFields) float64 { return b2f(f.hasHighPair) }},
		{"has_trips", func(f pyFields) float64 { return b2f(f.hasTrips) }},
		{"has_paying_hand", func(f pyFields) float64 { return b2f(f.hasPayingHand || f.fourOfAKindAtBetTwo) }},
		{"is_flush_draw", func(f pyFields) float64 { return b2f(f.flushDraw) }},
		{"is_straight_draw", func(f pyFields) float64 { return b2f(f.straightDraw) }},
		{"is_open_straight_draw", func(f pyFields) float64 { return b2f(f.openDraw) }},
		{"is_inside_straight_draw", func(f pyFields) float64 { return b2f(f.insideDraw) }},
		{"is_straight_flush_draw", func(f pyFields) float64 { return b2f(f.straightFlushDraw) }},
		{"is_royal_draw", func(f pyFields) float64 { return b2f(f.royalDraw) }},
	}
	exprs := make([]*rules.Expr, len(fields))
	for i, fl := range fields {
		r := &pyReader{}
		src := r.condition(fl.name, "c").(string)
		if len(r.es) > 0 {
			t.Fatalf("%s: %v", fl.name, r.es)
		}
		e, err := rules.Compile(src, rules.Float, rules.StrategyContext)
		if err != nil {
			e, err = rules.Compile(src, rules.Bool, rules.StrategyContext)
		}
		if err != nil {
			t.Fatalf("%s → %s: %v", fl.name, src, err)
		}
		exprs[i] = e
	}
	wrong := make([]int, len(fields))
	example := make([]string, len(fields))
	hands := 0
	check := func(h []cards.Card) {
		hands++
		its := pyAnalyze(h)
		ours := strategy.FeaturesOf(h)
		var env rules.Env
		ours.Fill(&env)
		for i, fl := range fields {
			if exprs[i].Eval(&env) != fl.its(its) {
				if wrong[i] == 0 {
					example[i] = cards.FormatHand(h)
				}
				wrong[i]++
			}
		}
	}
	for a := cards.Card(0); a < cards.NumCards; a++ {
		for b := a + 1; b < cards.NumCards; b++ {
			for c := b + 1; c < cards.NumCards; c++ {
				check([]cards.Card{a, b, c})
				for d := c + 1; d < cards.NumCards; d++ {
					check([]cards.Card{a, b, c, d})
				}
			}
		}
	}
	if hands != 22100+270725 {
		t.Fatalf("%d hands, want every three- and four-card hand", hands)
	}
	for i, fl := range fields {
		if wrong[i] > 0 {
			t.Errorf("%s: differs from its definition on %d hands, e.g. %s", fl.name, wrong[i], example[i])
		}
	}
}

func b2f(x bool) float64 {
	if x {
		return 1
	}
	return 0
}

// A rule reading a field of its analysis that has no equal here is
// refused at the rule, naming the field.
func TestPythonRuleFieldsWithoutAnEqualAreRefused(t *testing.T) {
	for name := range pyRefusedVars {
		file := "simulation: {workers: \"auto\"}\nstrategy:\n  type: custom\n  custom:\n    bet1_rules:\n      - {condition: \"has_paying_hand\", action: ride}\n" +
			"      - {condition: \"is_flush_draw and " + name + " >= 1\", action: ride}\n      - {condition: \"default\", action: pull}\n"
		_, err := Decode("f.yaml", []byte(file))
		es, ok := err.(config.Errors)
		if !ok || len(es) != 1 || es[0].Path != "strategy.custom.bet1_rules[1].condition" || !strings.Contains(es[0].Allowed, "reads "+name+":") {
			t.Errorf("%s: %v; want one error at the rule, naming it", name, err)
		}
	}
}
