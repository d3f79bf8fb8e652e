package sim

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/handstate"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/rng"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/strategy"
)

type seatMode uint8

const (
	sitOut seatMode = iota
	leave
	replace
)

// noLimit marks an absent money limit or hand cap.
const noLimit = rulebook.NoLimit

// plan is a config compiled for the hot loop: the session rules
// (rulebook.Book, the one definition both engines step), the table, and
// the playing strategy as tables.
type plan struct {
	rulebook.Book
	mode        seatMode
	tableRounds int64
	discard     int
	algo        rng.Algorithm

	table   *strategy.Table
	rides   *handstate.Decisions // the table by hand state; nil when it does not fit
	goal    *exact.GoalPolicy    // goal-optimal play: decisions by session state; nil otherwise
	dynamic bool                 // something between hands follows the session (Book.Dynamic)
	flat    bool                 // flat bets, a fixed bonus bet or none, decisions by hand state: Runner.flatHands applies
	flatRun int64                // most hands per call of Runner.flatHands
	// baseBonus is the bonus bet that goes with the base bet, when the
	// bonus is not sized by a strategy; flatBonus is the bonus bet of every
	// hand flatHands plays (0: none).
	baseBonus, flatBonus int64
	// batchHands is how many of a lone player's hands are dealt at a time.
	batchHands int
}

// MainPaytable returns the main paytable a config selects.
func MainPaytable(c *config.Config) paytable.Main { return rulebook.MainPaytable(c) }

// BonusPaytable returns the bonus paytable a config selects.
func BonusPaytable(c *config.Config) paytable.Bonus { return rulebook.BonusPaytable(c) }

// ErrSessionStrategy marks a playing strategy whose decisions read session
// variables, or goal-optimal play: it is no table of the cards, so it has
// no per-hand exact figures (ExactPlay still gives its exact session).
var ErrSessionStrategy = errors.New("the decisions depend on the session, not only on the cards, so no one per-hand distribution applies (the exact session figures still do)")

// StrategyTable compiles the playing strategy a config selects, for the
// exact engine: custom rules that read session variables, and goal-optimal
// play, are refused with ErrSessionStrategy (cardOnly). The optimal
// strategy is solved exactly for the config's paytable (about 20 ms
// native with the completion table and the hand distribution too:
// BenchmarkOptimalDistribution/custom/cold in engine/exact).
func StrategyTable(c *config.Config) (*strategy.Table, error) {
	if err := cardOnly(c); err != nil {
		return nil, err
	}
	return strategyTable(c, exact.NewCompletions4)
}

// cardOnly reports, as an ErrSessionStrategy naming the rule lists, when
// the config's custom rules read session variables, or when its play is
// goal-optimal.
func cardOnly(c *config.Config) error {
	if c.Strategy.Type == "goal_optimal" {
		return fmt.Errorf("goal-optimal play decides for the session's goal: %w", ErrSessionStrategy)
	}
	if c.Strategy.Type != "custom" {
		return nil
	}
	r1, r2, err := rulebook.CustomRules(c)
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
	completions := lazyCompletions()
	t, err := strategyTable(c, completions)
	if err != nil {
		return nil, nil, err
	}
	return t, exact.Distribution(t, completions()), nil
}

// lazyCompletions returns a function that builds the four-card completion
// table (under a millisecond native, docs/PERFORMANCE.md) on its first
// call only.
func lazyCompletions() func() *exact.Completions4 {
	var comp *exact.Completions4
	return func() *exact.Completions4 {
		if comp == nil {
			comp = exact.NewCompletions4()
		}
		return comp
	}
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
		r1, r2, err := rulebook.CustomRules(c)
		if err != nil {
			return nil, err
		}
		return strategy.Custom(r1, r2), nil
	}
	return nil, fmt.Errorf("strategy.type %q has no implementation", c.Strategy.Type)
}

func compile(c *config.Config) (*plan, error) {
	book, err := rulebook.FromConfig(c)
	if err != nil {
		return nil, err
	}
	p := &plan{Book: *book, algo: rng.Algorithm(c.Deck.ShuffleAlgorithm), dynamic: book.Dynamic()}
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
	if c.Strategy.Type == "goal_optimal" {
		// Decisions by session state: no table of the cards.
		if p.goal, err = goalPolicy(c); err != nil {
			return nil, err
		}
		p.dynamic = true
	} else {
		t, err := strategyTable(c, lazyCompletions())
		if err != nil {
			return nil, err
		}
		p.table = t
		p.rides, _ = handstate.NewDecisions(t)
	}
	p.baseBonus = p.Bonus.For(p.Base)
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
	for _, x := range p.Pays {
		if x < -1 {
			return
		}
		most = max(most, x)
	}
	m := 3 * most
	fb := p.baseBonus
	if fb > 0 {
		if p.Bonus.Progressive {
			return
		}
		for _, x := range p.Bonus.Pays {
			if x < -1 {
				return
			}
			m = max(m, x)
		}
	}
	p.flat = !p.dynamic && p.rides != nil && p.Base < 1<<31 && fb < 1<<31 && m < 1<<31
	if p.flat {
		p.flatBonus = fb
		p.flatRun = max(1, min(1<<40, (1<<62)/(m*m)))
	}
}
