package exact

import (
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/strategy"
)

// Play is what decides a study's hands in the session chain: a fixed
// strategy table's hand model (Chain), or play that follows the session —
// goal-optimal play, solved for each study's own rules over hand types
// (Goal), custom rules that read session variables, run in each state over
// feature classes (Rules), or a Policy given as it is.
type Play struct {
	Chain  *SessionChain
	Goal   *HandTypes
	Rules  *FeatureClasses
	Policy Policy
}

// ObjectiveOf returns the objective a config's goal_optimal section names.
func ObjectiveOf(c *config.Config) Objective {
	o, _ := ParseObjective(c.Strategy.GoalOptimal.Objective)
	return o // GoalAhead when unset
}

// GoalFor solves goal-optimal play for config c, whose hands have types
// ty; progress is as GoalStudy's.
func GoalFor(c *config.Config, ty *HandTypes, progress func(done, total int64)) (*GoalPolicy, error) {
	k, err := rulebook.FromConfig(c)
	if err != nil {
		return nil, err
	}
	return SolveGoal(GoalStudy{Book: k, Types: ty, Objective: ObjectiveOf(c), Ties: strategy.Ties(c.Strategy.Ties), Progress: progress})
}

// Session computes config c's exact session under this play. progress, if
// not nil, is called as the chain (and, for goal-optimal play, first the
// induction) advances, with the steps done and their total.
func (pl *Play) Session(c *config.Config, progress func(done, total int64)) (*SessionResult, error) {
	return pl.session(c, progress, 0)
}

// session is Session with the chain bounded to maxSteps (0: MaxSteps).
func (pl *Play) session(c *config.Config, progress func(done, total int64), maxSteps int64) (*SessionResult, error) {
	s, err := StudyFromConfig(c)
	if err != nil {
		return nil, err
	}
	s.MaxSteps = maxSteps
	chain := pl.Chain
	switch {
	case pl.Goal != nil:
		var solve, run func(done, total int64)
		if progress != nil {
			// The induction's two passes, then the chain: three parts.
			solve = func(done, total int64) { progress(2*done, 3*total) }
			run = func(done, total int64) { progress(2*total+done, 3*total) }
		}
		pol, err := GoalFor(c, pl.Goal, solve)
		if err != nil {
			return nil, err
		}
		s.Policy, chain, progress = pol, &SessionChain{}, run
	case pl.Rules != nil:
		pol, err := NewRulesPolicy(c, s.Book, pl.Rules)
		if err != nil {
			return nil, err
		}
		s.Policy, chain = pol, &SessionChain{}
	case pl.Policy != nil:
		s.Policy, chain = pl.Policy, &SessionChain{}
	}
	s.Progress = progress
	return chain.Run(s)
}
