package rulebook

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"github.com/lir-lab/lir/engine/betting"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rules"
	"github.com/lir-lab/lir/engine/strategy"
)

// NoLimit marks an absent money limit or hand cap.
const NoLimit = math.MaxInt64

// Book is a config's session rules compiled to integers: the one mapping
// from config to what a seat does between hands.
type Book struct {
	Start, Base    int64 // starting bankroll, base per-circle bet
	MinBet, MaxBet int64 // table limits on the per-circle bet (MaxBet NoLimit when absent)
	Inc            int64 // chip increment
	// Money limits, NoLimit when absent: the session stops before a hand
	// once profit ≥ WinLimit or loss ≥ LossLimit.
	WinLimit, LossLimit int64
	HandsCap            int64 // min(hands_per_session, max_hands)
	DurationCap         int64 // hands allowed by max_duration_minutes; NoLimit when absent
	// StopOnInsufficient: a bankroll short of three base bets plays reduced
	// bets down to MinBet (true) or down to one chip (false).
	StopOnInsufficient bool
	Seats              int

	Pays  [poker.NumCategories]int64 // main paytable, net per unit bet
	Bonus Bonus

	Sizer      betting.System // nil: flat betting
	Strategy   betting.Bonus  // nil: the fixed bonus bet of Bonus
	TotalBasis bool           // progressions judge main + bonus, not main alone
	// Rules1 and Rules2 are custom rule lists that read session variables
	// (nil: the strategy table decides): decisions that follow the session.
	Rules1, Rules2 *strategy.Rules
	// Ceiling bounds every bet and bonus bet that follows the session
	// (see ceiling); NoLimit for flat play.
	Ceiling int64
	// Reads is the set of session variables some expression reads; Env is
	// true when it is not empty, and then Prepare fills Scratch.Env.
	Reads rules.Set
	Env   bool

	peakRead bool // some rule reads the running peak (drawdown)
}

// Bonus is the Three Card Bonus bet's fixed sizing, limits and paytable.
type Bonus struct {
	On          bool
	Amount      int64 // fixed bet, cents; 0 when sized by ratio
	RatioPPM    int64 // bet = per-circle bet × RatioPPM / 10^6
	Min, Max    int64 // limits (Max NoLimit when absent)
	Inc         int64
	Pays        [poker.NumCategories3]int64
	Progressive bool
	StartMicro  int64 // jackpot at session start, millionths of a cent
	ResetMicro  int64
	RatePPM     int64 // contribution per cent bet, millionths of a cent
	// Jackpot is the net a mini royal wins (cents) on a progressive table
	// whose jackpot never moves (no contribution, reset = start); 0 otherwise.
	Jackpot int64
}

// For returns the fixed bonus bet placed with per-circle bet bet, after
// the limits: rounded down to the increment, none below the minimum,
// capped at the maximum. It is the one answer to "is a bonus bet placed?"
// for play that does not follow the session.
func (b *Bonus) For(bet int64) int64 {
	if !b.On {
		return 0
	}
	x := b.Amount
	if b.RatioPPM != 0 {
		x = bet * b.RatioPPM / 1e6
	}
	return b.Limit(x)
}

// Limit applies the bonus limits to amount x.
func (b *Bonus) Limit(x int64) int64 {
	if x > b.Max {
		x = b.Max
	}
	x = x / b.Inc * b.Inc
	if x < b.Min {
		return 0
	}
	return x
}

// Net returns a bonus bet of amount's net result on three-card category k
// with the jackpot at jackpotMicro (millionths of a cent).
func (b *Bonus) Net(k poker.Category3, amount, jackpotMicro int64) int64 {
	if b.Progressive && k == poker.MiniRoyal3 {
		return jackpotMicro / 1e6
	}
	return amount * b.Pays[k]
}

// FixedJackpot reports whether the progressive jackpot (if any) never
// moves, so a session's results do not depend on the table's history.
func (b *Bonus) FixedJackpot() bool {
	return !b.Progressive || (b.RatePPM == 0 && b.ResetMicro == b.StartMicro)
}

// Placed reports whether the study places bonus bets at all
// (config.BonusStrategy.Placed, the one definition).
func Placed(c *config.Config) bool { return c.BonusStrategy.Placed() }

func deref(m *config.Money, def int64) int64 {
	if m == nil {
		return def
	}
	return int64(*m)
}

func orLimit(m *config.Money, limit int64) int64 {
	if m == nil {
		return limit
	}
	return min(int64(*m), limit)
}

func ppm(x float64) int64 { return int64(math.Round(x * 1e6)) }

// MainPaytable returns the main paytable a config selects.
func MainPaytable(c *config.Config) paytable.Main {
	pt := c.Paytables.MainGame
	if pt.Type == "custom" {
		x := pt.Custom
		return paytable.NewMain("custom", x.RoyalFlush, x.StraightFlush, x.FourOfAKind, x.FullHouse, x.Flush,
			x.Straight, x.ThreeOfAKind, x.TwoPair, x.PairTensOrBetter)
	}
	p, err := paytable.MainByName(pt.Type)
	if err != nil {
		panic(err) // the schema only admits known names
	}
	return p
}

// BonusPaytable returns the bonus paytable a config selects.
func BonusPaytable(c *config.Config) paytable.Bonus {
	pt := c.Paytables.Bonus
	if pt.Type == "custom" {
		x := pt.Custom
		return paytable.NewBonus("custom", x.MiniRoyal, x.StraightFlush, x.ThreeOfAKind, x.Straight, x.Flush, x.Pair)
	}
	p, err := paytable.BonusByName(pt.Type)
	if err != nil {
		panic(err)
	}
	return p
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

// FromConfig compiles a validated config's session rules.
func FromConfig(c *config.Config) (*Book, error) {
	b := &c.Bankroll
	sc := &b.StopConditions
	k := &Book{
		Start:              int64(b.StartingAmount),
		Base:               int64(b.BaseBet),
		MinBet:             deref(b.TableMin, int64(b.BaseBet)),
		MaxBet:             deref(b.TableMax, NoLimit),
		Inc:                deref(b.ChipIncrement, 1),
		WinLimit:           deref(sc.WinLimit, NoLimit),
		LossLimit:          deref(sc.LossLimit, NoLimit),
		HandsCap:           c.Simulation.HandsPerSession,
		DurationCap:        NoLimit,
		StopOnInsufficient: sc.StopOnInsufficientFunds,
		Seats:              int(c.Table.NumSeats),
		Ceiling:            NoLimit,
	}
	if sc.MaxHands != nil && *sc.MaxHands < k.HandsCap {
		k.HandsCap = *sc.MaxHands
	}
	if sc.MaxDurationMinutes != nil {
		k.DurationCap = int64(*sc.MaxDurationMinutes * sc.HandsPerHour / 60)
	}
	k.Pays = MainPaytable(c).Pays
	if Placed(c) {
		bs := &c.BonusStrategy
		bp := &k.Bonus
		bp.On = true
		switch bs.Type {
		case "always":
			bp.Amount = int64(bs.Always.Amount)
		case "static":
			if bs.Static.Amount != nil {
				bp.Amount = int64(*bs.Static.Amount)
			} else {
				bp.RatioPPM = ppm(*bs.Static.Ratio)
			}
		}
		bp.Min = deref(bs.Limits.MinBet, 1)
		bp.Max = deref(bs.Limits.MaxBet, NoLimit)
		bp.Inc = deref(bs.Limits.Increment, 1)
		bt := BonusPaytable(c)
		bp.Pays = bt.Pays
		if bt.Progressive {
			pr := c.Paytables.Bonus.Progressive
			bp.Progressive = true
			bp.StartMicro = int64(pr.StartingJackpot) * 1e6
			bp.ResetMicro = int64(pr.ResetAmount) * 1e6
			bp.RatePPM = ppm(pr.ContributionRate)
			if bp.FixedJackpot() {
				bp.Jackpot = int64(pr.StartingJackpot)
			}
		}
	}
	if err := k.compileDynamic(c); err != nil {
		return nil, err
	}
	return k, nil
}

// Dynamic reports whether anything between hands follows the session: a
// betting system other than flat, a bonus strategy with state or reading
// the session, or decisions that read session variables.
func (k *Book) Dynamic() bool {
	return k.Sizer != nil || k.Strategy != nil || k.Rules1 != nil || k.Rules2 != nil
}

// compileDynamic fills the parts of k that follow each seat's session.
func (k *Book) compileDynamic(c *config.Config) error {
	k.TotalBasis = c.Bankroll.BettingSystem.ProgressionBasis == "total"
	bs := &c.Bankroll.BettingSystem
	base, inc := k.Base, k.Inc
	capOf := func(m *config.Money) int64 { return orLimit(m, k.MaxBet) }
	switch bs.Type {
	case "flat":
	case "proportional":
		x := bs.Proportional
		k.Sizer = &betting.Proportional{PPM: ppm(x.BankrollPercentage / 100), RoundTo: deref(x.RoundTo, inc),
			Min: deref(x.MinBet, k.MinBet), Max: capOf(x.MaxBet)}
	case "martingale":
		x := bs.Martingale
		var maxProg int64
		if x.MaxProgressions != nil {
			maxProg = *x.MaxProgressions
		}
		k.Sizer = &betting.Martingale{Base: base, Inc: inc, Max: capOf(x.MaxBet), MultPPM: ppm(x.LossMultiplier),
			ResetOnWin: x.ResetOnWin, MaxProgressions: maxProg, Hold: x.AtMaxProgressions == "hold"}
	case "reverse_martingale":
		x := bs.ReverseMartingale
		var target int64
		if x.ProfitTargetStreak != nil {
			target = *x.ProfitTargetStreak
		}
		k.Sizer = &betting.ReverseMartingale{Base: base, Inc: inc, Max: capOf(x.MaxBet), MultPPM: ppm(x.WinMultiplier),
			ResetOnLoss: x.ResetOnLoss, TargetStreak: target}
	case "paroli":
		x := bs.Paroli
		k.Sizer = &betting.Paroli{Base: base, Inc: inc, Max: capOf(x.MaxBet), MultPPM: ppm(x.WinMultiplier), WinsBeforeReset: x.WinsBeforeReset}
	case "dalembert":
		x := bs.Dalembert
		unit := deref(x.Unit, base)
		k.Sizer = &betting.Dalembert{Base: base, Unit: unit, Decrease: deref(x.DecreaseUnit, unit),
			Min: deref(x.MinBet, base), Max: capOf(x.MaxBet)}
	case "fibonacci":
		x := bs.Fibonacci
		maxPos := int64(betting.MaxFibonacciPosition)
		if x.MaxPosition != nil {
			maxPos = *x.MaxPosition
		}
		k.Sizer = &betting.Fibonacci{Unit: deref(x.Unit, base), Max: capOf(x.MaxBet), WinRegression: x.WinRegression, MaxPosition: maxPos}
	case "custom":
		x := bs.Custom
		e, err := rules.Compile(x.Expression, rules.Float, rules.BetContext)
		if err != nil {
			return fmt.Errorf("bankroll.betting_system.custom.expression: %v", err)
		}
		k.Sizer = &betting.Custom{Expr: e, Inc: inc, Min: deref(x.MinBet, k.MinBet), Max: capOf(x.MaxBet)}
		k.Reads |= e.Uses()
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
				k.peakRead = true
			}
			if x.ProfitPercentage != nil {
				b.PctPPM = ppm(*x.ProfitPercentage / 100)
			}
			for _, t := range x.ProfitTiers {
				b.Tiers = append(b.Tiers, betting.Tier{MinProfit: int64(t.MinProfit), Amount: int64(t.Amount)})
			}
			sort.Slice(b.Tiers, func(i, j int) bool { return b.Tiers[i].MinProfit < b.Tiers[j].MinProfit })
			k.Strategy = b
		case "streak_based":
			x := bo.StreakBased
			if py := x.Python; py != nil {
				ev := map[string]int{"main_win": betting.PyMainWin, "main_loss": betting.PyMainLoss, "bonus_win": betting.PyBonusWin,
					"bonus_loss": betting.PyBonusLoss, "any_win": betting.PyAnyWin, "any_loss": betting.PyAnyLoss, "never": betting.PyNever}
				s := &betting.PyStreak{Amount: int64(x.Amount), Length: x.StreakLength, Trigger: ev[py.Trigger], ResetOn: ev[py.ResetOn],
					Action: map[string]int{"multiply": betting.ActMultiply, "increase": betting.ActIncrease,
						"decrease": betting.ActDecrease, "stop": betting.ActStop, "start": betting.ActStart}[py.Action]}
				s.Value = py.Value
				if py.Action == "increase" || py.Action == "decrease" {
					s.Value = py.Value * 100 // dollars to cents
				}
				if py.MaxMultiplier != nil {
					s.MaxMult = *py.MaxMultiplier
				}
				ceiling := int64(betting.NoLimit)
				if m := bo.Limits.MaxBet; m != nil {
					ceiling = int64(*m)
				}
				s.CountCap = betting.PyStreakCountCap(s, ceiling)
				k.Strategy = s
				break
			}
			s := &betting.StreakBased{Amount: int64(x.Amount), Trigger: betting.Loss, Length: x.StreakLength,
				MultPPM: ppm(x.Multiplier), Step: deref(x.Step, int64(x.Amount)),
				MaxAmount: int64(math.Floor(float64(x.Amount) * x.MaxMultiplier))}
			if x.Trigger == "win" {
				s.Trigger = betting.Win
			}
			s.Action = map[string]int{"multiply": betting.ActMultiply, "increase": betting.ActIncrease,
				"decrease": betting.ActDecrease, "stop": betting.ActStop, "start": betting.ActStart}[x.Action]
			s.ResetOn = map[string]int{"opposite": betting.ResetOpposite, "win": betting.ResetWin, "loss": betting.ResetLoss}[x.ResetOn]
			k.Strategy = s
		case "session_conditional":
			x := bo.SessionConditional
			s := &betting.SessionConditional{EarlyHands: -1, NearWin: -1, NearLoss: -1,
				EarlyAmount: int64(x.EarlySession.Amount), NearWinAmount: int64(x.NearWinLimit.Amount),
				NearLossAmount: int64(x.NearLossLimit.Amount), Default: int64(x.Default),
				WinLimit: k.WinLimit, LossLimit: k.LossLimit}
			if x.EarlySession.Hands != nil {
				s.EarlyHands = *x.EarlySession.Hands
			}
			if x.NearWinLimit.Within != nil {
				s.NearWin = int64(*x.NearWinLimit.Within)
			}
			if x.NearLossLimit.Within != nil {
				s.NearLoss = int64(*x.NearLossLimit.Within)
			}
			k.Strategy = s
		case "custom":
			x := bo.Custom
			e, err := rules.Compile(x.Expression, rules.Float, rules.BonusContext)
			if err != nil {
				return fmt.Errorf("bonus_strategy.custom.expression: %v", err)
			}
			k.Strategy = &betting.CustomBonus{Custom: betting.Custom{Expr: e, Inc: 1, Min: deref(x.MinBet, 1), Max: orLimit(x.MaxBet, betting.NoLimit)}}
			k.Reads |= e.Uses()
		}
	}

	if c.Strategy.Type == "custom" {
		r1, r2, err := CustomRules(c)
		if err != nil {
			return err
		}
		if !r1.CardOnly() {
			k.Rules1 = r1
			k.Reads |= r1.Uses()
		}
		if !r2.CardOnly() {
			k.Rules2 = r2
			k.Reads |= r2.Uses()
		}
	}
	k.Reads &= rules.SessionVars
	k.Env = k.Reads != 0
	k.peakRead = k.peakRead || k.Reads.Has(rules.PeakProfit) || k.Reads.Has(rules.Drawdown)
	if k.Dynamic() {
		k.Ceiling = k.ceiling(c)
	}
	return nil
}

// ceiling bounds the bets of systems that follow the bankroll
// (proportional, custom, progressions without a maximum) so that no
// bankroll or jackpot can pass config.MoneyCeiling within a session, the
// bound config's validation guarantees for fixed bets. With every
// per-circle bet at most the ceiling x, a bonus bet b is at most r·x + A
// (r the bonus ratio rounded up, at least 1 as a bonus strategy's bets are
// capped at x too; A the fixed bonus amount). A hand then wins at most
// 3·x·(top main payout) + b·(top bonus payout), plus on a progressive table
// a jackpot of at most its start (or reset) amount J plus what every seat's
// bonus bets added in the session's rounds R (the contribution rate is at
// most 1): J + R·seats·b. Over the session's hands the bankroll stays
// below start + hands × that (one more x per hand, for the stakes), and x
// is the largest that keeps it within the room. The ceiling is never
// below the largest fixed bet validation already allows.
func (k *Book) ceiling(c *config.Config) int64 {
	topMain := int64(1)
	for _, x := range k.Pays {
		topMain = max(topMain, x)
	}
	topBonus := int64(0)
	for _, x := range k.Bonus.Pays {
		topBonus = max(topBonus, x)
	}
	hands := max(k.HandsCap, 1)
	// perBonus is what one unit of bonus bet can bring in a hand.
	perBonus := big.NewInt(topBonus)
	jackpot := big.NewInt(0)
	if k.Bonus.Progressive {
		rounds := hands
		if r := c.Table.TableRounds; r != nil {
			rounds = max(rounds, *r)
		}
		perBonus.Add(perBonus, big.NewInt(rounds*int64(k.Seats)))
		jackpot.SetInt64(max(k.Bonus.StartMicro, k.Bonus.ResetMicro) / 1e6)
	}
	ratio := big.NewInt(max(1, (k.Bonus.RatioPPM+999_999)/1_000_000))
	// A hand brings at most x·perBet + fixed.
	perBet := new(big.Int).Add(big.NewInt(3*topMain+1), ratio.Mul(ratio, perBonus))
	fixed := new(big.Int).Add(new(big.Int).Mul(big.NewInt(k.Bonus.Amount), perBonus), jackpot)
	room := new(big.Int).SetInt64(config.MoneyCeiling/4 - k.Start)
	room.Sub(room, fixed.Mul(fixed, big.NewInt(hands)))
	x := new(big.Int).Quo(room, perBet.Mul(perBet, big.NewInt(hands)))
	floor := max(k.Base, int64(c.Bankroll.BaseBet))
	if k.MaxBet != NoLimit {
		floor = max(floor, k.MaxBet)
	}
	if !x.IsInt64() || x.Int64() < floor {
		return floor
	}
	return x.Int64()
}

// limitBet applies the table to a bet a system asks for: whole chips,
// within table_min…table_max.
func (k *Book) limitBet(bet int64) int64 {
	bet = bet / k.Inc * k.Inc
	return max(k.MinBet, min(bet, k.MaxBet))
}
