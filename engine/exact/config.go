package exact

import (
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/rulebook"
)

// StudyFromConfig maps a validated run config onto the session chain: its
// rulebook (the simulator's own, rulebook.FromConfig) and, on a
// replace-mode table, the rounds the table plays. Each seat of a table
// plays the session below: dealing more seats, or burning cards, changes
// which cards a seat gets but not their distribution, so every seat's
// exact figures are the same marginal.
func StudyFromConfig(c *config.Config) (Study, error) {
	k, err := rulebook.FromConfig(c)
	if err != nil {
		return Study{}, err
	}
	s := Study{Book: k}
	if c.Table.SeatMode == "replace" {
		s.TableRounds = *c.Table.TableRounds
	}
	return s, nil
}

// SolveSession computes the exact session of config c whose per-hand
// distribution (under c's strategy table) is d. progress is as
// Study.Progress.
func SolveSession(c *config.Config, d *HandDistribution, progress func(done, total int64)) (*SessionResult, error) {
	p := rulebook.MainPaytable(c)
	return (&Play{Chain: NewSessionChain(d, &p)}).Session(c, progress)
}

// WalkAwayGrid computes the walk-away grid of config c (see Play.WalkAway)
// over per-hand distribution d.
func WalkAwayGrid(c *config.Config, d *HandDistribution, wins, losses []int64, workers int, progress func(done, total int)) ([][]WalkAwayCell, error) {
	p := rulebook.MainPaytable(c)
	return (&Play{Chain: NewSessionChain(d, &p)}).WalkAway(c, wins, losses, workers, progress)
}
