package config

import (
	"fmt"

	"github.com/lir-lab/lir/engine/rules"
)

// Expression is a rule expression a config holds, with where it sits and
// what it must compile to.
type Expression struct {
	Path string // field path, as in Errors
	Src  string
	Want rules.Type
	Ctx  rules.Context
}

// Expressions lists the config's non-empty rule expressions: the custom
// betting expression, the custom bonus expression, then the bet 1 and bet 2
// rule conditions in order.
func (c *Config) Expressions() []Expression {
	var out []Expression
	add := func(path, src string, want rules.Type, ctx rules.Context) {
		if src != "" {
			out = append(out, Expression{Path: path, Src: src, Want: want, Ctx: ctx})
		}
	}
	add("bankroll.betting_system.custom.expression", c.Bankroll.BettingSystem.Custom.Expression, rules.Float, rules.BetContext)
	add("bonus_strategy.custom.expression", c.BonusStrategy.Custom.Expression, rules.Float, rules.BonusContext)
	for i, r := range c.Strategy.Custom.Bet1Rules {
		add(fmt.Sprintf("strategy.custom.bet1_rules[%d].condition", i), r.Condition, rules.Bool, rules.StrategyContext)
	}
	for i, r := range c.Strategy.Custom.Bet2Rules {
		add(fmt.Sprintf("strategy.custom.bet2_rules[%d].condition", i), r.Condition, rules.Bool, rules.StrategyContext)
	}
	return out
}
