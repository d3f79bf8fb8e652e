package worker

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/sim"
)

// SolveExactJSON is SolveExact of a config's canonical JSON; a config that
// does not decode, or an engine panic, is the reply's Error.
func SolveExactJSON(key, cfgJSON string) *wire.ExactReply {
	return (&Dists{}).SolveExactJSON(key, cfgJSON, nil)
}

// Progress is told how far a solve has got (when not nil): steps done and
// their total (exact.Play.Session's; for goal-optimal play sim.GoalReport's
// whole solve; the cells of a walk-away map).
type Progress func(done, total int64)

// Dists keeps the exact play a worker built for each strategy and main
// paytable (sim.ExactPlay reads nothing else of a config): the hand model
// with its hand distribution is most of an exact answer's time (seconds in
// WebAssembly), and an edit of the limits, bankroll or bets does not change
// it, so the answer to such an edit is the session chain's alone.
type Dists struct {
	keys  []string
	plays []keptPlay
}

type keptPlay struct {
	play *exact.Play
	dist *exact.HandDistribution // nil for play that follows the session
}

// maxDists bounds the plays kept.
const maxDists = 16

// play is sim.ExactPlay, from the kept ones when it can be.
func (ds *Dists) play(c *config.Config) (*exact.Play, *exact.HandDistribution, error) {
	k := sim.ExactPlayKey(c)
	if k != "" {
		if i := slices.Index(ds.keys, k); i >= 0 {
			return ds.plays[i].play, ds.plays[i].dist, nil
		}
	}
	p, d, err := sim.ExactPlay(c)
	if err != nil || k == "" {
		return p, d, err
	}
	if len(ds.keys) == maxDists {
		ds.keys, ds.plays = ds.keys[1:], ds.plays[1:]
	}
	ds.keys, ds.plays = append(ds.keys, k), append(ds.plays, keptPlay{p, d})
	return p, d, nil
}

// SolveExactJSON is SolveExact of a config's canonical JSON; a config that
// does not decode, or an engine panic, is the reply's Error.
func (ds *Dists) SolveExactJSON(key, cfgJSON string, progress Progress) (r *wire.ExactReply) {
	defer func() {
		if v := recover(); v != nil {
			r = &wire.ExactReply{Key: key, Error: fmt.Sprintf("engine panic: %v", v)}
		}
	}()
	c, err := config.DecodeJSON([]byte(cfgJSON))
	if err != nil {
		return &wire.ExactReply{Key: key, Error: "config: " + err.Error()}
	}
	return ds.SolveExact(key, c, progress)
}

// SolveExact computes what the exact engine knows of c, as lir exact does:
// the hand distribution of its strategy and, where the Markov chain covers
// the study, the session outcome.
func SolveExact(key string, c *config.Config) *wire.ExactReply {
	return (&Dists{}).SolveExact(key, c, nil)
}

// SolveExact is the package's SolveExact with the distributions kept and
// the progress of the session chain (for goal-optimal play, of
// sim.GoalReport's whole solve) told to progress.
func (ds *Dists) SolveExact(key string, c *config.Config, progress Progress) *wire.ExactReply {
	r := &wire.ExactReply{Key: key}
	play, d, err := ds.play(c)
	if errors.Is(err, sim.ErrSessionStrategy) {
		r.Omitted = err.Error()
		return r
	}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Dist = d
	if d == nil {
		// Play that follows the session has no one hand distribution.
		r.Omitted = sim.PerHandOmitted(c)
	}
	var res *exact.SessionResult
	if c.Strategy.Type == "goal_optimal" {
		// The report's session is goal-optimal play's own; it also
		// compares it with EV-optimal play.
		plays := func(c *config.Config) (*exact.Play, error) {
			p, _, err := ds.play(c)
			return p, err
		}
		var rep *exact.GoalReport
		if rep, err = sim.GoalReport(c, exact.ObjectiveOf(c), plays, progress); err == nil {
			res, r.Goal = rep.Session, rep.Doc()
		}
	} else {
		res, err = play.Session(c, progress)
	}
	if err != nil {
		r.SessionNote = err.Error()
		return r
	}
	s := &wire.ExactSession{PWin: res.PWin, PPush: res.PPush, PLoss: res.PLoss, StopReasons: map[string]float64{},
		ExpectedHands: res.ExpectedHands, ExpectedProfit: res.ExpectedProfit / 100, SDProfit: res.ProfitSD() / 100,
		Truncated: res.Truncated, Unfinished: res.Unfinished}
	for k, name := range rulebook.StopNames {
		s.StopReasons[name] = res.Stop[k]
	}
	s.Per = exact.PerOf(c)
	r.Session = s
	return r
}

// SolveWalkAwayJSON is SolveWalkAway of a config's canonical JSON.
func SolveWalkAwayJSON(key, cfgJSON string) *wire.WalkAwayReply {
	return (&Dists{}).SolveWalkAwayJSON(key, cfgJSON, nil)
}

// SolveWalkAwayJSON is the package's SolveWalkAwayJSON with the
// distributions kept.
func (ds *Dists) SolveWalkAwayJSON(key, cfgJSON string, progress Progress) (r *wire.WalkAwayReply) {
	defer func() {
		if v := recover(); v != nil {
			r = &wire.WalkAwayReply{Key: key, Error: fmt.Sprintf("engine panic: %v", v)}
		}
	}()
	c, err := config.DecodeJSON([]byte(cfgJSON))
	if err != nil {
		return &wire.WalkAwayReply{Key: key, Error: "config: " + err.Error()}
	}
	return ds.SolveWalkAway(key, c, progress)
}

// SolveWalkAway computes the walk-away map of c as lir exact walkaway does,
// over its default limits (exact.DefaultWalkAwayLimits: 5% to 100% of the
// bankroll) and the study's own win and loss limits; a config the exact
// session does not cover gets the reason in Note.
func SolveWalkAway(key string, c *config.Config) *wire.WalkAwayReply {
	return (&Dists{}).SolveWalkAway(key, c, nil)
}

// SolveWalkAway is the package's SolveWalkAway with the distributions kept
// and the cells done told to progress.
func (ds *Dists) SolveWalkAway(key string, c *config.Config, progress Progress) *wire.WalkAwayReply {
	r := &wire.WalkAwayReply{Key: key}
	play, _, err := ds.play(c)
	if err != nil {
		r.Note = err.Error()
		return r
	}
	start := int64(c.Bankroll.StartingAmount)
	sc := c.Bankroll.StopConditions
	wins, ownWin := withLimit(exact.DefaultWalkAwayLimits(start), sc.WinLimit)
	losses, ownLoss := withLimit(exact.DefaultWalkAwayLimits(start), sc.LossLimit)
	var cells func(done, total int)
	if progress != nil {
		cells = func(done, total int) { progress(int64(done), int64(total)) }
	}
	grid, err := play.WalkAway(c, wins, losses, 1, cells)
	if err != nil {
		r.Note = err.Error()
		return r
	}
	// Cells past the exact engine's bound are holes in the map; the note
	// says how many and why. A map of holes only is no map.
	omitted, first := 0, (*exact.Omitted)(nil)
	for _, row := range grid {
		for _, cell := range row {
			if cell.Omitted != nil {
				omitted++
				first = cmp.Or(first, cell.Omitted)
			}
		}
	}
	note := ""
	if omitted > 0 {
		note = fmt.Sprintf("%d of %d cells of the walk-away map have no exact figures (%s)", omitted, len(wins)*len(losses), first.Error())
	}
	if omitted == len(wins)*len(losses) {
		r.Note = note
		return r
	}
	m := &wire.WalkAwayMap{Start: start, WinLimits: wins, LossLimits: losses, Own: [2]int{-1, -1}, Note: note}
	if ownWin >= 0 && ownLoss >= 0 {
		m.Own = [2]int{ownWin, ownLoss}
	}
	for _, row := range grid {
		pw, ep, miss := make([]float64, len(row)), make([]float64, len(row)), make([]bool, len(row))
		for b, cell := range row {
			if cell.Omitted != nil {
				miss[b] = true
				continue
			}
			pw[b], ep[b] = cell.Result.PWin, cell.Result.ExpectedProfit/100
		}
		m.PWin, m.ExpectedProfit = append(m.PWin, pw), append(m.ExpectedProfit, ep)
		if omitted > 0 {
			m.Missing = append(m.Missing, miss)
		}
	}
	r.Map = m
	return r
}

// withLimit adds the study's limit (cents; nil: none) to the ascending
// limits unless it is there, and returns its index (-1 for none).
func withLimit(limits []int64, own *config.Money) ([]int64, int) {
	if own == nil || *own <= 0 {
		return limits, -1
	}
	v := int64(*own)
	i, found := slices.BinarySearch(limits, v)
	if !found {
		limits = slices.Insert(limits, i, v)
	}
	return limits, i
}
