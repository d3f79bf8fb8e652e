package sim

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"github.com/lir-lab/lir/engine/betting"
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/rules"
	"github.com/lir-lab/lir/engine/strategy"
)

// dynamic is the part of a plan that follows each seat's session: betting
// systems other than flat, bonus strategies with state, and custom rules
// that read session variables. A nil *dynamic keeps the hot loop on its
// flat fast path.
type dynamic struct {
	sizer      betting.System // nil: flat
	bonus      betting.Bonus  // nil: the fixed bonusPlan
	rules1     *strategy.Rules
	rules2     *strategy.Rules // per-hand rule lists; nil: the table decides
	env        bool            // expressions read session variables
	totalBasis bool            // progressions judge main + bonus
	ceiling    int64           // no bet or bonus above this (betCeiling)
}

func ppm(x float64) int64 { return int64(math.Round(x * 1e6)) }

func orLimit(m *config.Money, limit int64) int64 {
	if m == nil {
		return limit
	}
	return min(int64(*m), limit)
}

// compileDynamic fills p.dyn from the betting system, the bonus strategy
// and custom rules; it leaves it nil when none needs per-seat state.
func compileDynamic(c *config.Config, p *plan) error {
	d := &dynamic{totalBasis: c.Bankroll.BettingSystem.ProgressionBasis == "total"}
	bs := &c.Bankroll.BettingSystem
	base, inc := p.base, p.inc
	capOf := func(m *config.Money) int64 { return orLimit(m, p.maxBet) }
	switch bs.Type {
	case "flat":
	case "proportional":
		x := bs.Proportional
		d.sizer = &betting.Proportional{PPM: ppm(x.BankrollPercentage / 100), RoundTo: deref(x.RoundTo, inc),
			Min: deref(x.MinBet, p.minBet), Max: capOf(x.MaxBet)}
	case "martingale":
		x := bs.Martingale
		var maxProg int64
		if x.MaxProgressions != nil {
			maxProg = *x.MaxProgressions
		}
		d.sizer = &betting.Martingale{Base: base, Inc: inc, Max: capOf(x.MaxBet), MultPPM: ppm(x.LossMultiplier),
			ResetOnWin: x.ResetOnWin, MaxProgressions: maxProg}
	case "reverse_martingale":
		x := bs.ReverseMartingale
		var target int64
		if x.ProfitTargetStreak != nil {
			target = *x.ProfitTargetStreak
		}
		d.sizer = &betting.ReverseMartingale{Base: base, Inc: inc, Max: capOf(x.MaxBet), MultPPM: ppm(x.WinMultiplier),
			ResetOnLoss: x.ResetOnLoss, TargetStreak: target}
	case "paroli":
		x := bs.Paroli
		d.sizer = &betting.Paroli{Base: base, Inc: inc, Max: capOf(x.MaxBet), MultPPM: ppm(x.WinMultiplier), WinsBeforeReset: x.WinsBeforeReset}
	case "dalembert":
		x := bs.Dalembert
		unit := deref(x.Unit, base)
		d.sizer = &betting.Dalembert{Base: base, Unit: unit, Decrease: deref(x.DecreaseUnit, unit),
			Min: deref(x.MinBet, base), Max: capOf(x.MaxBet)}
	case "fibonacci":
		x := bs.Fibonacci
		maxPos := int64(betting.MaxFibonacciPosition)
		if x.MaxPosition != nil {
			maxPos = *x.MaxPosition
		}
		d.sizer = &betting.Fibonacci{Unit: deref(x.Unit, base), Max: capOf(x.MaxBet), WinRegression: x.WinRegression, MaxPosition: maxPos}
	case "custom":
		x := bs.Custom
		e, err := rules.Compile(x.Expression, rules.Float, rules.BetContext)
		if err != nil {
			return fmt.Errorf("bankroll.betting_system.custom.expression: %v", err)
		}
		d.sizer = &betting.Custom{Expr: e, Inc: inc, Min: deref(x.MinBet, p.minBet), Max: capOf(x.MaxBet)}
		d.env = true
	default:
		return fmt.Errorf("bankroll.betting_system.type %q has no implementation", bs.Type)
	}

	bo := &c.BonusStrategy
	if bo.Enabled {
		switch bo.Type {
		case "bankroll_conditional":
			x := bo.BankrollConditional
			b := &betting.BankrollConditional{Amount: int64(x.Amount), MinProfit: math.MinInt64, MaxDrawdown: betting.NoLimit}
			if x.MinSessionProfit != nil {
				b.MinProfit = int64(*x.MinSessionProfit)
			}
			if x.MinBankrollRatio != nil {
				b.MinRatioPPM = ppm(*x.MinBankrollRatio)
			}
			if x.MaxDrawdown != nil {
				b.MaxDrawdown = int64(*x.MaxDrawdown)
			}
			if x.ProfitPercentage != nil {
				b.PctPPM = ppm(*x.ProfitPercentage / 100)
			}
			for _, t := range x.ProfitTiers {
				b.Tiers = append(b.Tiers, betting.Tier{MinProfit: int64(t.MinProfit), Amount: int64(t.Amount)})
			}
			sort.Slice(b.Tiers, func(i, j int) bool { return b.Tiers[i].MinProfit < b.Tiers[j].MinProfit })
			d.bonus = b
		case "streak_based":
			x := bo.StreakBased
			s := &betting.StreakBased{Amount: int64(x.Amount), Trigger: betting.Loss, Length: x.StreakLength,
				MultPPM: ppm(x.Multiplier), Step: deref(x.Step, int64(x.Amount)),
				MaxAmount: int64(math.Floor(float64(x.Amount) * x.MaxMultiplier))}
			if x.Trigger == "win" {
				s.Trigger = betting.Win
			}
			s.Action = map[string]int{"multiply": betting.ActMultiply, "increase": betting.ActIncrease,
				"decrease": betting.ActDecrease, "stop": betting.ActStop, "start": betting.ActStart}[x.Action]
			s.ResetOn = map[string]int{"opposite": betting.ResetOpposite, "win": betting.ResetWin, "loss": betting.ResetLoss}[x.ResetOn]
			d.bonus = s
		case "session_conditional":
			x := bo.SessionConditional
			s := &betting.SessionConditional{EarlyHands: -1, NearWin: -1, NearLoss: -1,
				EarlyAmount: int64(x.EarlySession.Amount), NearWinAmount: int64(x.NearWinLimit.Amount),
				NearLossAmount: int64(x.NearLossLimit.Amount), Default: int64(x.Default),
				WinLimit: p.winLimit, LossLimit: p.lossLimit}
			if x.EarlySession.Hands != nil {
				s.EarlyHands = *x.EarlySession.Hands
			}
			if x.NearWinLimit.Within != nil {
				s.NearWin = int64(*x.NearWinLimit.Within)
			}
			if x.NearLossLimit.Within != nil {
				s.NearLoss = int64(*x.NearLossLimit.Within)
			}
			d.bonus = s
		case "custom":
			x := bo.Custom
			e, err := rules.Compile(x.Expression, rules.Float, rules.BonusContext)
			if err != nil {
				return fmt.Errorf("bonus_strategy.custom.expression: %v", err)
			}
			d.bonus = &betting.CustomBonus{Custom: betting.Custom{Expr: e, Inc: 1, Min: deref(x.MinBet, 1), Max: orLimit(x.MaxBet, betting.NoLimit)}}
			d.env = true
		}
		if d.bonus != nil {
			p.bonus.on = true
		}
	}

	if c.Strategy.Type == "custom" {
		r1, r2, err := CustomRules(c)
		if err != nil {
			return err
		}
		if !r1.CardOnly() {
			d.rules1, d.env = r1, true
		}
		if !r2.CardOnly() {
			d.rules2, d.env = r2, true
		}
	}
	if d.sizer != nil || d.bonus != nil || d.rules1 != nil || d.rules2 != nil {
		d.ceiling = betCeiling(c, p)
		p.dyn = d
	}
	return nil
}

// betCeiling bounds the bets of systems that follow the bankroll
// (proportional, custom, progressions without a maximum) so that no
// bankroll or jackpot can pass config.MoneyCeiling within a session, the
// bound config's validation guarantees for fixed bets: start + hands ×
// ceiling × (3 × top main payout + top bonus payout + 1), with the jackpot's
// growth on top for a progressive table. The ceiling is never below the
// largest fixed bet validation already allows.
func betCeiling(c *config.Config, p *plan) int64 {
	topMain := int64(1)
	for _, x := range p.pays {
		topMain = max(topMain, x)
	}
	topBonus := int64(0)
	for _, x := range p.bonus.pays {
		topBonus = max(topBonus, x)
	}
	hands := max(p.handsCap, 1)
	room := new(big.Int).SetInt64(config.MoneyCeiling/4 - p.start)
	per := new(big.Int).Mul(big.NewInt(hands), big.NewInt(3*topMain+topBonus+1))
	if p.bonus.progressive {
		per.Mul(per, big.NewInt(1+hands*int64(p.seats)))
	}
	x := new(big.Int).Quo(room, per)
	floor := max(p.base, int64(c.Bankroll.BaseBet))
	if p.maxBet != noLimit {
		floor = max(floor, p.maxBet)
	}
	if !x.IsInt64() || x.Int64() < floor {
		return floor
	}
	return x.Int64()
}

// CustomRules compiles a custom strategy's rule lists.
func CustomRules(c *config.Config) (bet1, bet2 *strategy.Rules, err error) {
	cs := &c.Strategy.Custom
	compileList := func(name string, list []config.Rule, def string) (*strategy.Rules, error) {
		out := &strategy.Rules{Default: def == "ride"}
		for i, r := range list {
			e, err := rules.Compile(r.Condition, rules.Bool, rules.StrategyContext)
			if err != nil {
				return nil, fmt.Errorf("strategy.custom.%s[%d].condition: %v", name, i, err)
			}
			out.List = append(out.List, strategy.Rule{When: e, Ride: r.Action == "ride"})
		}
		return out, nil
	}
	if bet1, err = compileList("bet1_rules", cs.Bet1Rules, cs.Bet1Default); err != nil {
		return nil, nil, err
	}
	if bet2, err = compileList("bet2_rules", cs.Bet2Rules, cs.Bet2Default); err != nil {
		return nil, nil, err
	}
	return bet1, bet2, nil
}

// limitBet applies the table to a bet a system asks for: whole chips,
// within table_min…table_max.
func (p *plan) limitBet(bet int64) int64 {
	bet = bet / p.inc * p.inc
	return max(p.minBet, min(bet, p.maxBet))
}

// fillSession writes a seat's session variables into its env.
func (r *Runner) fillSession(st *seat) {
	p := r.p
	e := &st.env
	profit := st.bankroll - p.start
	e[rules.Bankroll] = float64(st.bankroll) / 100
	e[rules.StartingBankroll] = float64(p.start) / 100
	e[rules.SessionProfit] = float64(profit) / 100
	e[rules.PeakProfit] = float64(st.peak) / 100
	e[rules.Drawdown] = float64(st.peak-profit) / 100
	e[rules.HandsPlayed] = float64(st.hands)
	e[rules.Streak] = float64(st.streak)
	e[rules.LastResult] = float64(st.last)
	e[rules.BaseBet] = float64(p.base) / 100
	e[rules.LastBet] = float64(st.lastBet) / 100
	e[rules.Bet] = float64(st.bet) / 100
}

// view fills in what the sizers may know about a seat before its hand.
func (r *Runner) view(st *seat) {
	if r.p.dyn.env {
		r.fillSession(st)
	}
	st.view = betting.View{Bankroll: st.bankroll, Start: r.p.start, Peak: st.peak, Hands: st.hands, Bet: st.bet, Env: &st.env}
}

// settleDynamic moves a seat's progressions after a hand.
func (r *Runner) settleDynamic(st *seat, mainNet, net int64) {
	d := r.p.dyn
	res := betting.ResultOf(mainNet)
	if d.totalBasis {
		res = betting.ResultOf(net)
	}
	switch {
	case res == betting.Push:
		st.streak = 0
	case (res == betting.Win) == (st.streak > 0):
		st.streak += int64(res)
	default:
		st.streak = int64(res)
	}
	st.last = int8(res)
	st.lastBet = st.bet
	if d.sizer != nil {
		d.sizer.Settle(&st.prog, res)
	}
	if d.bonus != nil {
		d.bonus.Settle(&st.bstate, betting.ResultOf(mainNet))
	}
}

// decideDynamic makes a hand's decisions when a rule list reads session
// variables: such a list runs on this hand's cards and the seat's session;
// the other decision still comes from the table.
func (r *Runner) decideDynamic(st *seat, a, b, c, x cards.Card) (r1, r2 int) {
	d := r.p.dyn
	if d.rules1 != nil {
		r.fillSession(st)
		h := [3]cards.Card{a, b, c}
		f := strategy.FeaturesOf(h[:])
		f.Fill(&st.env)
		r1 = b2i(d.rules1.Decide(&st.env))
	} else {
		r1 = b2i(r.p.table.RideBet1(cards.Index3(a, b, c)))
	}
	if d.rules2 != nil {
		r.fillSession(st)
		h := [4]cards.Card{a, b, c, x}
		f := strategy.FeaturesOf(h[:])
		f.Fill(&st.env)
		r2 = b2i(d.rules2.Decide(&st.env))
	} else {
		r2 = b2i(r.p.table.RideBet2(cards.Index4(a, b, c, x)))
	}
	return r1, r2
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
