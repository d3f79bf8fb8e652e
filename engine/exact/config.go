package exact

import (
	"fmt"

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

// Per says whose session a study's exact figures describe, for a
// multi-seat or replace-mode table ("" for a lone player): each seat's
// marginal, which is every seat's, or on a replace-mode table that of a
// player seated there.
func (s Study) Per() string { return per(s.Book.Seats, s.TableRounds) }

// PerOf is Study.Per of config c's study, read from its table section.
func PerOf(c *config.Config) string {
	var rounds int64
	if c.Table.SeatMode == "replace" {
		rounds = *c.Table.TableRounds
	}
	return per(int(c.Table.NumSeats), rounds)
}

func per(seats int, tableRounds int64) string {
	switch {
	case tableRounds > 0:
		return fmt.Sprintf("per player seated: each seat of the %d hosts players in turn until the table closes, every seat alike", seats)
	case seats > 1:
		return fmt.Sprintf("per seat: each of the %d seats plays this session, every seat alike", seats)
	}
	return ""
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
