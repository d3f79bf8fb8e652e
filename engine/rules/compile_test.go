package rules

import (
	"math"
	"strings"
	"testing"
)

func TestCompileErrors(t *testing.T) {
	cases := []struct {
		src  string
		want Type
		ctx  Context
		err  string
	}{
		{"high_cards >=", Bool, StrategyContext, "column 14: unexpected end of expression"},
		{"hgh_cards > 1", Bool, StrategyContext, `column 1: unknown variable "hgh_cards" (did you mean high_cards?)`},
		{"high_cards", Bool, StrategyContext, "a condition must be true or false"},
		{"has_pair", Float, BetContext, "has_pair cannot be used here: the bet is placed before any card is seen"},
		{"bet * 2", Float, BetContext, "bet cannot be used here: a bet-sizing expression computes this hand's bet"},
		{"has_pair ? 1 : 0", Float, BonusContext, "the bonus is placed before any card is seen"},
		{"bankroll % 2 == 0", Bool, StrategyContext, "% wants whole numbers"},
		{"1 < 2 < 3", Bool, StrategyContext, "chained comparisons"},
		{"has_pair + 1 > 0", Bool, StrategyContext, "+ wants numbers"},
		{"high_cards in [1]", Bool, StrategyContext, "unexpected character '['"},
		{"hands_played % 0 == 0", Bool, StrategyContext, "division by zero"},
		{"bankroll / 0 > 1", Bool, StrategyContext, "division by zero"},
		{"high_cards in 1", Bool, StrategyContext, `operator "in" is not supported`},
		{"sqrt(2) > 1", Bool, StrategyContext, `unknown function "sqrt"`},
		{"'a' == 'a'", Bool, StrategyContext, "unexpected character"},
		{strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100) + " > 0", Bool, StrategyContext, "nested more than"},
		{strings.Repeat("1+", 400) + "1 > 0", Bool, StrategyContext, "more than 300 parts"},
		{strings.Repeat("x", 2000), Bool, StrategyContext, "at most 1000 characters"},
	}
	for _, c := range cases {
		_, err := Compile(c.src, c.want, c.ctx)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%.40q: error %v, want %q", c.src, err, c.err)
		}
	}
}

func TestEval(t *testing.T) {
	var env Env
	env[Bankroll] = 250
	env[Streak] = -3
	env[HasPair] = 1
	env[HighCards] = 2
	cases := []struct {
		src  string
		want float64
	}{
		{"bankroll * 0.02", 5},
		{"streak < -2 ? 10 : 5", 10},
		{"-2 ** 2", -4},
		{"2 ** 3 ** 2", 512},
		{"7 / 2", 3.5},
		{"7 % 3", 1},
		{"-7 % 3", -1},
		{"min(3, bankroll, 1.5)", 1.5},
		{"max(abs(streak), 2)", 3},
		{"floor(2.7) + ceil(2.1) + round(2.5)", 8},
		{"has_pair && high_cards >= 2 ? 1 : 0", 1},
		{"not has_pair or high_cards == 2 ? 1 : 0", 1},
		{"1_000 + 1e3", 2000},
		{"hands_played % last_result == 0 ? 1 : 0", 0}, // x % 0 is NaN, which compares false
		{"bankroll / last_result > 1 ? 1 : 0", 0},      // and so is x / 0, either way
		{"bankroll / last_result < 1 ? 1 : 0", 0},
	}
	for _, c := range cases {
		e, err := Compile(c.src, Float, StrategyContext)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got := e.Eval(&env); got != c.want && !(math.IsNaN(got) && math.IsNaN(c.want)) {
			t.Errorf("%s = %v, want %v", c.src, got, c.want)
		}
	}
}

func TestEvalDoesNotAllocate(t *testing.T) {
	e, err := Compile("session_profit < 0 and strength >= 5 or max(high_cards, gaps) > 2", Bool, StrategyContext)
	if err != nil {
		t.Fatal(err)
	}
	var env Env
	if n := testing.AllocsPerRun(100, func() { e.True(&env) }); n != 0 {
		t.Fatalf("%v allocations per evaluation", n)
	}
}
