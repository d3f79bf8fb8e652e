package wire

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/sim"
)

// ExactReply is what a worker answers to {type:"exact", key, config}: the
// exact hand distribution of the config's strategy (the page derives the
// exact comparison of the results document from it) and the exact session
// outcome (engine/exact's Markov chain). Both
// take from a fraction of a second to seconds, so they run in a worker,
// never on the page's thread. It crosses as JSON: every count fits in 2^53.
type ExactReply struct {
	Key         string                  `json:"key"`
	Dist        *exact.HandDistribution `json:"dist,omitempty"`
	Error       string                  `json:"error,omitempty"` // no exact distribution: the run fails, as lir run does
	Session     *ExactSession           `json:"session,omitempty"`
	SessionNote string                  `json:"session_note,omitempty"` // why there is no exact session
	// Omitted says why the exact engine does not cover the config at all
	// (sim.ErrSessionStrategy): the run goes on without exact figures and
	// its document says why (exact_omitted), as lir run does.
	Omitted string `json:"omitted,omitempty"`
	// WalkAway answers a walk-away request (SolveWalkAway) instead.
	WalkAway *WalkAwayMap `json:"walk_away,omitempty"`
}

// WalkAwayMap is the exact walk-away map of a session, as
// lir exact walkaway computes it: P(win session) and the expected profit
// (currency) for each win limit (rows) × loss limit (columns), in cents.
type WalkAwayMap struct {
	Start          int64       `json:"start"`
	WinLimits      []int64     `json:"win_limits"`
	LossLimits     []int64     `json:"loss_limits"`
	PWin           [][]float64 `json:"p_win"`
	ExpectedProfit [][]float64 `json:"expected_profit"`
}

// ExactSession is the exact outcome of one player session, whatever its
// betting system and bonus strategy: probabilities of each result and stop
// reason, expected hands and profit (currency).
type ExactSession struct {
	// Per says whose session this is on a multi-seat or replace-mode
	// table (exact.Study.Per); empty for a lone player.
	Per            string             `json:"per,omitempty"`
	PWin           float64            `json:"p_win"`
	PPush          float64            `json:"p_push"`
	PLoss          float64            `json:"p_loss"`
	StopReasons    map[string]float64 `json:"stop_reasons"`
	ExpectedHands  float64            `json:"expected_hands"`
	ExpectedProfit float64            `json:"expected_profit"`
	Truncated      float64            `json:"truncated"`
	Unfinished     float64            `json:"unfinished"`
}

// SolveExact computes the reply for c, as lir exact does.
func SolveExact(key string, c *config.Config) *ExactReply {
	r := &ExactReply{Key: key}
	play, d, err := sim.ExactPlay(c)
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
	res, err := play.Session(c, nil)
	if err != nil {
		r.SessionNote = err.Error()
		return r
	}
	s := &ExactSession{PWin: res.PWin, PPush: res.PPush, PLoss: res.PLoss, StopReasons: map[string]float64{},
		ExpectedHands: res.ExpectedHands, ExpectedProfit: res.ExpectedProfit / 100,
		Truncated: res.Truncated, Unfinished: res.Unfinished}
	for k, name := range rulebook.StopNames {
		s.StopReasons[name] = res.Stop[k]
	}
	if st, err := exact.StudyFromConfig(c); err == nil {
		s.Per = st.Per()
	}
	r.Session = s
	return r
}

// SolveWalkAway computes the walk-away map of c over the default limits
// (exact.DefaultWalkAwayLimits), as lir exact walkaway does; a config the
// exact session does not cover gets the reason in SessionNote.
func SolveWalkAway(key string, c *config.Config) *ExactReply {
	r := &ExactReply{Key: key}
	play, _, err := sim.ExactPlay(c)
	if err != nil {
		r.SessionNote = err.Error()
		return r
	}
	start := int64(c.Bankroll.StartingAmount)
	wins, losses := exact.DefaultWalkAwayLimits(start), exact.DefaultWalkAwayLimits(start)
	grid, err := play.WalkAway(c, wins, losses, 1, nil)
	if err != nil {
		r.SessionNote = err.Error()
		return r
	}
	// A map with holes is not drawn: it says how many cells have no
	// exact figures and why.
	omitted, first := 0, (*exact.Omitted)(nil)
	for _, row := range grid {
		for _, cell := range row {
			if cell.Omitted != nil {
				omitted++
				first = cmp.Or(first, cell.Omitted)
			}
		}
	}
	if omitted > 0 {
		r.SessionNote = fmt.Sprintf("%d of %d cells of the walk-away map have no exact figures (%s)", omitted, len(wins)*len(losses), first.Error())
		return r
	}
	m := &WalkAwayMap{Start: start, WinLimits: wins, LossLimits: losses}
	for _, row := range grid {
		pw, ep := make([]float64, len(row)), make([]float64, len(row))
		for b, cell := range row {
			pw[b], ep[b] = cell.Result.PWin, cell.Result.ExpectedProfit/100
		}
		m.PWin, m.ExpectedProfit = append(m.PWin, pw), append(m.ExpectedProfit, ep)
	}
	r.WalkAway = m
	return r
}

// EncodeExact and DecodeExact are the reply's JSON form.
func EncodeExact(r *ExactReply) string {
	b, err := json.Marshal(r)
	if err != nil {
		return fmt.Sprintf(`{"key":%q,"error":%q}`, r.Key, err.Error())
	}
	return string(b)
}

func DecodeExact(s string) (*ExactReply, error) {
	var r ExactReply
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return nil, fmt.Errorf("decoding the exact reply: %w", err)
	}
	return &r, nil
}
