package sim

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/handstate"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rng"
	"github.com/lir-lab/lir/engine/strategy"
)

type seatMode uint8

const (
	sitOut seatMode = iota
	leave
	replace
)

// noLimit marks an absent money limit or hand cap.
const noLimit = math.MaxInt64

// plan is a config compiled for the hot loop: money in cents, options
// resolved to numbers, the playing strategy to tables.
type plan struct {
	seats       int
	mode        seatMode
	tableRounds int64
	discard     int
	algo        rng.Algorithm

	start, base     int64
	minBet, maxBet  int64
	inc             int64
	winLimit        int64 // noLimit when absent
	lossLimit       int64 // noLimit when absent
	handsCap        int64 // min(hands_per_session, max_hands)
	durationCap     int64 // hands allowed by max_duration_minutes; noLimit when absent
	stopInsufficent bool

	table   *strategy.Table
	rides   *handstate.Decisions // the table by hand state; nil when it does not fit
	pays    [poker.NumCategories]int64
	bonus   bonusPlan
	dyn     *dynamic // nil: flat bets, fixed bonus, table decisions
	flat    bool     // flat bets, a fixed bonus bet or none, decisions by hand state: Runner.flatHands applies
	flatRun int64    // most hands per call of Runner.flatHands
	// baseBonus is the bonus bet that goes with the base bet, when the
	// bonus is not sized by a strategy; flatBonus is the bonus bet of every
	// hand flatHands plays (0: none).
	baseBonus, flatBonus int64
	// batchHands is how many of a lone player's hands are dealt at a time.
	batchHands int
}

// bonusPlan is the Three Card Bonus bet and paytable.
type bonusPlan struct {
	on          bool
	amount      int64 // fixed bet, cents; 0 when sized by ratio
	ratioPPM    int64 // bet = per-circle bet × ratioPPM / 10^6
	min, max    int64
	inc         int64
	pays        [poker.NumCategories3]int64
	progressive bool
	startMicro  int64 // jackpot at session start, millionths of a cent
	resetMicro  int64
	ratePPM     int64 // contribution per cent bet, millionths of a cent
}

func deref(m *config.Money, def int64) int64 {
	if m == nil {
		return def
	}
	return int64(*m)
}

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

// ErrSessionStrategy marks a playing strategy whose decisions read session
// variables: it is no table of the cards, so the exact engine does not
// cover it (the simulator plays it hand by hand).
var ErrSessionStrategy = errors.New("the decisions depend on the session, not only on the cards, so no exact figures apply")

// StrategyTable compiles the playing strategy a config selects, for the
// exact engine: custom rules that read session variables are refused with
// ErrSessionStrategy. The optimal strategy is solved exactly for the
// config's paytable (about 0.3 s native).
func StrategyTable(c *config.Config) (*strategy.Table, error) {
	if err := cardOnly(c); err != nil {
		return nil, err
	}
	return strategyTable(c, exact.NewCompletions4)
}

// cardOnly reports, as an ErrSessionStrategy naming the rule lists, when
// the config's custom rules read session variables.
func cardOnly(c *config.Config) error {
	if c.Strategy.Type != "custom" {
		return nil
	}
	r1, r2, err := CustomRules(c)
	if err != nil {
		return err
	}
	var lists []string
	if !r1.CardOnly() {
		lists = append(lists, "strategy.custom.bet1_rules")
	}
	if !r2.CardOnly() {
		lists = append(lists, "strategy.custom.bet2_rules")
	}
	if len(lists) == 0 {
		return nil
	}
	return fmt.Errorf("%s read session variables: %w", strings.Join(lists, " and "), ErrSessionStrategy)
}

// ExactDistribution returns the config's strategy table and the exact
// distribution of a hand played with it, enumerating the four-card
// completions once for both. It refuses what StrategyTable refuses.
func ExactDistribution(c *config.Config) (*strategy.Table, *exact.HandDistribution, error) {
	if err := cardOnly(c); err != nil {
		return nil, nil, err
	}
	var comp *exact.Completions4
	completions := func() *exact.Completions4 {
		if comp == nil {
			comp = exact.NewCompletions4()
		}
		return comp
	}
	t, err := strategyTable(c, completions)
	if err != nil {
		return nil, nil, err
	}
	return t, exact.Distribution(t, completions()), nil
}

func strategyTable(c *config.Config, completions func() *exact.Completions4) (*strategy.Table, error) {
	ties := strategy.Ties(c.Strategy.Ties)
	switch c.Strategy.Type {
	case "basic":
		return strategy.Basic(ties), nil
	case "optimal":
		p := MainPaytable(c)
		return exact.Optimal(&p, ties, completions()), nil
	case "always_ride":
		return strategy.AlwaysRide(), nil
	case "always_pull":
		return strategy.AlwaysPull(), nil
	case "conservative":
		x := c.Strategy.Conservative
		return strategy.Conservative(x.MadeHandsOnly, int(x.MinStrengthBet1), int(x.MinStrengthBet2)), nil
	case "aggressive":
		x := c.Strategy.Aggressive
		return strategy.Aggressive(ties, x.RideOnDraws, x.IncludeGutshots, x.IncludeBackdoorFlush), nil
	case "custom":
		// Rule lists that read only the cards become the table; the
		// simulator runs the others per hand (compileDynamic).
		r1, r2, err := CustomRules(c)
		if err != nil {
			return nil, err
		}
		return strategy.Custom(r1, r2), nil
	}
	return nil, fmt.Errorf("strategy.type %q has no implementation", c.Strategy.Type)
}

func compile(c *config.Config) (*plan, error) {
	b := &c.Bankroll
	sc := &b.StopConditions
	p := &plan{
		seats:           int(c.Table.NumSeats),
		algo:            rng.Algorithm(c.Deck.ShuffleAlgorithm),
		start:           int64(b.StartingAmount),
		base:            int64(b.BaseBet),
		minBet:          deref(b.TableMin, int64(b.BaseBet)),
		maxBet:          deref(b.TableMax, noLimit),
		inc:             deref(b.ChipIncrement, 1),
		winLimit:        deref(sc.WinLimit, noLimit),
		lossLimit:       deref(sc.LossLimit, noLimit),
		handsCap:        c.Simulation.HandsPerSession,
		durationCap:     noLimit,
		stopInsufficent: sc.StopOnInsufficientFunds,
	}
	switch c.Table.SeatMode {
	case "leave":
		p.mode = leave
	case "replace":
		p.mode = replace
		p.tableRounds = *c.Table.TableRounds
	}
	if c.Dealer.DiscardEnabled {
		p.discard = int(c.Dealer.DiscardCards)
	}
	if sc.MaxHands != nil && *sc.MaxHands < p.handsCap {
		p.handsCap = *sc.MaxHands
	}
	if sc.MaxDurationMinutes != nil {
		p.durationCap = int64(*sc.MaxDurationMinutes * sc.HandsPerHour / 60)
	}
	t, err := strategyTable(c, exact.NewCompletions4)
	if err != nil {
		return nil, err
	}
	p.table = t
	p.rides, _ = handstate.NewDecisions(t)
	p.pays = MainPaytable(c).Pays

	bs := &c.BonusStrategy
	if bs.Enabled && bs.Type != "never" {
		bp := &p.bonus
		bp.on = true
		switch bs.Type {
		case "always":
			bp.amount = int64(bs.Always.Amount)
		case "static":
			if bs.Static.Amount != nil {
				bp.amount = int64(*bs.Static.Amount)
			} else {
				bp.ratioPPM = int64(math.Round(*bs.Static.Ratio * 1e6))
			}
		}
		bp.min = deref(bs.Limits.MinBet, 1)
		bp.max = deref(bs.Limits.MaxBet, noLimit)
		bp.inc = deref(bs.Limits.Increment, 1)
		bt := BonusPaytable(c)
		bp.pays = bt.Pays
		if bt.Progressive {
			pr := c.Paytables.Bonus.Progressive
			bp.progressive = true
			bp.startMicro = int64(pr.StartingJackpot) * 1e6
			bp.resetMicro = int64(pr.ResetAmount) * 1e6
			bp.ratePPM = int64(math.Round(pr.ContributionRate * 1e6))
		}
	}
	if err := compileDynamic(c, p); err != nil {
		return nil, err
	}
	p.baseBonus = p.bonus.bonusBet(p.base)
	p.compileFlat()
	p.batchHands = rng.MaxBatch / (3 + p.discard + 2)
	return p, nil
}

// compileFlat decides whether Runner.flatHands may play: flat bets and a
// fixed, non-progressive bonus bet (or none) below 2^31 cents (so products
// of two fit in an int64), decisions by hand state, and no pay below −1.
// flatRun bounds its hands so that the sums it keeps in units of the bets,
// Σ(u·pay)², Σ bonus pay² and Σ u·pay·bonus pay, each term at most m² for
// m the larger of 3·(largest main pay) and the largest bonus pay, stay
// below 2^62.
func (p *plan) compileFlat() {
	most := int64(1)
	for _, x := range p.pays {
		if x < -1 {
			return
		}
		most = max(most, x)
	}
	m := 3 * most
	fb := p.baseBonus
	if fb > 0 {
		if p.bonus.progressive {
			return
		}
		for _, x := range p.bonus.pays {
			if x < -1 {
				return
			}
			m = max(m, x)
		}
	}
	p.flat = p.dyn == nil && p.rides != nil && p.base < 1<<31 && fb < 1<<31 && m < 1<<31
	if p.flat {
		p.flatBonus = fb
		p.flatRun = max(1, min(1<<40, (1<<62)/(m*m)))
	}
}

// bonusBet returns the bonus bet wanted with per-circle bet bet, after the
// limits: rounded down to the increment, none below the minimum, capped at
// the maximum.
func (bp *bonusPlan) bonusBet(bet int64) int64 {
	if !bp.on {
		return 0
	}
	x := bp.amount
	if bp.ratioPPM != 0 {
		x = bet * bp.ratioPPM / 1e6
	}
	return bp.limit(x)
}

func (bp *bonusPlan) limit(x int64) int64 {
	if x > bp.max {
		x = bp.max
	}
	x = x / bp.inc * bp.inc
	if x < bp.min {
		return 0
	}
	return x
}
