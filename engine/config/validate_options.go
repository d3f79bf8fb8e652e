package config

import (
	"fmt"

	"github.com/lir-lab/lir/engine/rules"
)

// validateOptions checks the betting system, the bonus strategy and the
// playing strategy's parameters, including every expression.
func (c *Config) validateOptions() Errors {
	var es Errors
	b := &c.Bankroll
	bs := &b.BettingSystem
	atLeastBase := func(path string, m *Money) {
		if m != nil && *m < b.BaseBet {
			es.add(path, m.String(), "must be at least bankroll.base_bet = "+b.BaseBet.String())
		}
	}
	minMax := func(path string, lo, hi *Money) {
		if lo != nil && hi != nil && *lo > *hi {
			es.add(path+".min_bet", lo.String(), "must be at most "+path+".max_bet = "+hi.String())
		}
	}
	atLeastBase("bankroll.betting_system.martingale.max_bet", bs.Martingale.MaxBet)
	atLeastBase("bankroll.betting_system.reverse_martingale.max_bet", bs.ReverseMartingale.MaxBet)
	atLeastBase("bankroll.betting_system.paroli.max_bet", bs.Paroli.MaxBet)
	minMax("bankroll.betting_system.proportional", bs.Proportional.MinBet, bs.Proportional.MaxBet)
	minMax("bankroll.betting_system.dalembert", bs.Dalembert.MinBet, bs.Dalembert.MaxBet)
	minMax("bankroll.betting_system.custom", bs.Custom.MinBet, bs.Custom.MaxBet)
	if d := bs.Dalembert; d.MinBet != nil && d.MinBet.Dollars() > b.BaseBet.Dollars() {
		es.add("bankroll.betting_system.dalembert.min_bet", d.MinBet.String(), "must be at most bankroll.base_bet = "+b.BaseBet.String()+" (the first bet)")
	}
	if d := bs.Dalembert; d.MaxBet != nil {
		atLeastBase("bankroll.betting_system.dalembert.max_bet", d.MaxBet)
	}
	expr(&es, "bankroll.betting_system.custom.expression", bs.Custom.Expression, bs.Type == "custom", rules.Float, rules.BetContext)
	es = append(es, c.validateTableMinimum()...)

	st := &c.Strategy
	for _, d := range []struct {
		name  string
		rules []Rule
	}{{"bet1_rules", st.Custom.Bet1Rules}, {"bet2_rules", st.Custom.Bet2Rules}} {
		for i, r := range d.rules {
			path := fmt.Sprintf("strategy.custom.%s[%d]", d.name, i)
			if r.Action == "" {
				es.add(path+".action", "", "required: ride or pull")
			}
			expr(&es, path+".condition", r.Condition, true, rules.Bool, rules.StrategyContext)
		}
	}

	if st.Type == "goal_optimal" {
		es = append(es, c.validateGoal()...)
	}

	bo := &c.BonusStrategy
	sb := &bo.StreakBased
	if sb.ResetOn == sb.Trigger {
		es.add("bonus_strategy.streak_based.reset_on", sb.ResetOn,
			"must differ from trigger: a reset on the trigger result would fire on every streak step, and the starting state could never be left")
	}
	tiers := bo.BankrollConditional.ProfitTiers
	for i := 1; i < len(tiers); i++ {
		if tiers[i].MinProfit <= tiers[i-1].MinProfit {
			es.add(fmt.Sprintf("bonus_strategy.bankroll_conditional.profit_tiers[%d].min_profit", i), tiers[i].MinProfit.String(),
				"tiers must be listed in increasing min_profit; the previous one is "+tiers[i-1].MinProfit.String())
		}
	}
	if bc := bo.BankrollConditional; bc.ProfitPercentage != nil && len(bc.ProfitTiers) > 0 {
		es.add("bonus_strategy.bankroll_conditional.profit_percentage", fmt.Sprint(*bc.ProfitPercentage), "set profit_percentage or profit_tiers, not both")
	}
	sc := &bo.SessionConditional
	if sc.NearWinLimit.Within != nil && b.StopConditions.WinLimit == nil {
		es.add("bonus_strategy.session_conditional.near_win_limit.within", sc.NearWinLimit.Within.String(), "needs bankroll.stop_conditions.win_limit set: there is no win limit to be near")
	}
	if sc.NearLossLimit.Within != nil && b.StopConditions.LossLimit == nil {
		es.add("bonus_strategy.session_conditional.near_loss_limit.within", sc.NearLossLimit.Within.String(), "needs bankroll.stop_conditions.loss_limit set: there is no loss limit to be near")
	}
	minMax("bonus_strategy.custom", bo.Custom.MinBet, bo.Custom.MaxBet)
	expr(&es, "bonus_strategy.custom.expression", bo.Custom.Expression, bo.Enabled && bo.Type == "custom", rules.Float, rules.BonusContext)
	return es
}

// validateTableMinimum refuses amounts of the chosen betting system that
// the table minimum would override: every bet is kept at or above table_min
// (the base bet when table_min is null), so a min_bet, a Fibonacci unit or a
// max_bet below it would be accepted and silently ignored.
func (c *Config) validateTableMinimum() Errors {
	var es Errors
	b := &c.Bankroll
	bs := &b.BettingSystem
	floor, where, advice := b.BaseBet, "bankroll.table_min, null: the base bet", "set table_min to allow smaller bets"
	if b.TableMin != nil {
		floor, where, advice = *b.TableMin, "bankroll.table_min", "lower table_min to allow smaller bets"
	}
	check := func(path string, m *Money) {
		if m != nil && *m < floor {
			es.add("bankroll.betting_system."+bs.Type+"."+path, m.String(),
				fmt.Sprintf("below the table minimum %s (%s); %s", floor.String(), where, advice))
		}
	}
	switch bs.Type {
	case "proportional":
		check("min_bet", bs.Proportional.MinBet)
		check("max_bet", bs.Proportional.MaxBet)
	case "dalembert":
		check("min_bet", bs.Dalembert.MinBet)
	case "fibonacci":
		check("unit", bs.Fibonacci.Unit)
		check("max_bet", bs.Fibonacci.MaxBet)
	case "custom":
		check("min_bet", bs.Custom.MinBet)
		check("max_bet", bs.Custom.MaxBet)
	}
	return es
}

// expr compiles an expression to report its errors; an empty one is an
// error only when required.
func expr(es *Errors, path, src string, required bool, want rules.Type, ctx rules.Context) {
	if src == "" {
		if required {
			es.add(path, `""`, "required: an expression (see docs/CONFIG.md, Expressions)")
		}
		return
	}
	if _, err := rules.Compile(src, want, ctx); err != nil {
		es.add(path, describe(src), err.Error())
	}
}

// validateGoal refuses what goal-optimal play cannot honour: its plan is
// solved over one player's session states before the run, so nothing
// outside them may decide the session.
func (c *Config) validateGoal() Errors {
	var es Errors
	if c.Strategy.GoalOptimal.Objective == "win_limit" && c.Bankroll.StopConditions.WinLimit == nil {
		es.add("strategy.goal_optimal.objective", "win_limit", "needs bankroll.stop_conditions.win_limit set: there is no win limit to reach")
	}
	if c.Table.SeatMode == "replace" {
		es.add("table.seat_mode", "replace", "sit_out or leave with strategy.type goal_optimal: a replaced player's session ends when the table closes, which no player's own state foresees")
	}
	pr := &c.Paytables.Bonus.Progressive
	if c.BonusStrategy.Placed() && c.Paytables.Bonus.Type == "paytable_c" && (pr.ContributionRate != 0 || pr.ResetAmount != pr.StartingJackpot) {
		es.add("paytables.bonus.progressive.contribution_rate", fmt.Sprint(pr.ContributionRate),
			"0, with reset_amount = starting_jackpot, for strategy.type goal_optimal: a jackpot that moves makes its size part of every state, without bound")
	}
	return es
}
