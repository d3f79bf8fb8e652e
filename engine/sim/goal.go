package sim

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
)

// ExactPlay returns what decides config c's hands in the exact session
// chain, the one entry the CLI, the page, reports and studies use: the
// hand model of its strategy table (with that table's hand distribution,
// for the per-hand figures), or play that follows the session (d nil):
// goal-optimal play over the paytable's hand types, or custom rules that
// read session variables over the hands' feature classes.
func ExactPlay(c *config.Config) (*exact.Play, *exact.HandDistribution, error) {
	return exactPlay(c, lazyCompletions())
}

// ExactPlayKey is what ExactPlay(c) depends on, as a string: its strategy
// section and its main paytable, nothing else of the config. Configs of
// one key share their exact play (caches of it are keyed by this).
func ExactPlayKey(c *config.Config) string {
	b, err := json.Marshal(struct {
		Strategy config.Strategy
		Main     config.MainPaytable
	}{c.Strategy, c.Paytables.MainGame})
	if err != nil {
		panic("sim: marshal: " + err.Error()) // every field type marshals
	}
	return string(b)
}

func exactPlay(c *config.Config, completions func() *exact.Completions4) (*exact.Play, *exact.HandDistribution, error) {
	if c.Strategy.Type == "goal_optimal" {
		p := MainPaytable(c)
		return &exact.Play{Goal: exact.NewHandTypes(&p)}, nil, nil
	}
	if err := cardOnly(c); err != nil {
		// Custom rules that read session variables: run in each state.
		return &exact.Play{Rules: exact.NewFeatureClasses(completions())}, nil, nil
	}
	t, err := strategyTable(c, completions)
	if err != nil {
		return nil, nil, err
	}
	d := exact.Distribution(t, completions())
	p := MainPaytable(c)
	return &exact.Play{Chain: exact.NewSessionChain(d, &p)}, d, nil
}

// goalPolicy solves goal-optimal play for the simulator, which cannot
// play it unsolved: a study past the solver's bounds is refused, naming
// the strategy and the count.
func goalPolicy(c *config.Config) (*exact.GoalPolicy, error) {
	p := MainPaytable(c)
	pol, err := exact.GoalFor(c, exact.NewHandTypes(&p), nil)
	var om *exact.Omitted
	if errors.As(err, &om) {
		return nil, fmt.Errorf("strategy.type goal_optimal cannot be solved for this study: %s (%d states)", strings.TrimPrefix(om.Reason, "goal-optimal play: "), om.Count)
	}
	return pol, err
}

// PerHandOmitted says why config c has no per-hand exact figures when its
// play follows the session (goal-optimal play): the reason the results
// document gives in exact_omitted.
func PerHandOmitted(c *config.Config) string { return cardOnly(c).Error() }

// GoalReport solves goal-optimal play for config c's session, for
// objective o, and compares it with c's own play — or, when c already
// plays goal-optimally, with EV-optimal play (basic strategy on the
// standard table). progress, if not nil, is told the steps done of the
// whole solve: the compared play's session chain, the induction's two
// passes and goal-optimal play's chain, a quarter each.
//
// plays, if not nil, gives the exact play of the compared config (a
// worker's kept ones); nil: ExactPlay.
func GoalReport(c *config.Config, o exact.Objective, plays func(*config.Config) (*exact.Play, error), progress func(done, total int64)) (*exact.GoalReport, error) {
	gc := c.Clone()
	gc.Strategy.Type = "goal_optimal"
	gc.Strategy.GoalOptimal.Objective = o.String()
	gc, err := config.DecodeJSON(gc.CanonicalJSON()) // goal-optimal play's own checks
	if err != nil {
		return nil, err
	}
	cc, compared := c, c.Strategy.Type
	if c.Strategy.Type == "goal_optimal" {
		cc = c.Clone()
		cc.Strategy.Type, compared = "optimal", "EV-optimal play"
	}
	if plays == nil {
		plays = func(c *config.Config) (*exact.Play, error) {
			p, _, err := ExactPlay(c)
			return p, err
		}
	}
	var chainCmp, solve, chainGoal func(done, total int64)
	if progress != nil {
		// Each part in its own steps: a chain's total is its hands H, the
		// induction's 2H; the whole is 4H.
		chainCmp = func(done, total int64) { progress(done, 4*total) }
		solve = func(done, total int64) { progress(total/2+done, 2*total) }
		chainGoal = func(done, total int64) { progress(3*total+done, 4*total) }
	}
	cmpPlay, err := plays(cc)
	if err != nil {
		return nil, err
	}
	cmpRes, err := cmpPlay.Session(cc, chainCmp)
	if err != nil {
		return nil, err
	}
	p := MainPaytable(gc)
	pol, err := exact.GoalFor(gc, exact.NewHandTypes(&p), solve)
	if err != nil {
		return nil, err
	}
	s, err := exact.StudyFromConfig(gc)
	if err != nil {
		return nil, err
	}
	s.Progress = chainGoal
	return pol.Report(s, compared, cmpRes)
}
