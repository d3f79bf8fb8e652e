package wire

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
)

// ExactKey identifies a config for the exact engine, and is the config the
// exact worker solves: the config's canonical JSON less what does not
// change an exact answer (the seed, the number of sessions, the worker
// count).
func ExactKey(c *config.Config) string {
	k := *c // a shallow copy will do: only Simulation, a value, changes
	k.Simulation.RandomSeed = nil
	k.Simulation.NumSessions = config.Default().Simulation.NumSessions
	k.Simulation.Workers = 0
	return string(k.CanonicalJSON())
}

// ExactReply answers an exact request: the exact hand distribution of the
// config's strategy (the page derives the house edge and the exact
// comparison of the results document from it) and the exact session
// outcome from engine/exact's Markov chain. Both take from a fraction of a
// second to seconds, so they run in a worker, never on the page's thread.
// It crosses as JSON: every count fits in 2^53.
//
// A new exact figure for the page is a field here, filled in by
// app/worker's SolveExact and shown by a section of the answer panel.
type ExactReply struct {
	Key     string                  `json:"key"`
	Dist    *exact.HandDistribution `json:"dist,omitempty"`
	Error   string                  `json:"error,omitempty"` // no exact distribution: the run fails, as lir run does
	Session *ExactSession           `json:"session,omitempty"`
	// SessionNote says why there is no exact session.
	SessionNote string `json:"session_note,omitempty"`
	// Omitted says why the exact engine does not cover the config at all
	// (sim.ErrSessionStrategy): the run goes on without exact figures and
	// its document says why (exact_omitted), as lir run does.
	Omitted string `json:"omitted,omitempty"`
	// Goal is the goal-optimal report of a study that plays goal-optimally
	// (lir exact goal's): its gain and its departures from EV-optimal play.
	Goal *exact.GoalDoc `json:"goal,omitempty"`
}

// ExactSession is the exact outcome of one player session: probabilities
// of each result and stop reason (by results-document name), expected
// hands, expected profit and its standard deviation (currency).
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
	// SDProfit is the standard deviation of the session profit (currency).
	SDProfit   float64 `json:"sd_profit"`
	Truncated  float64 `json:"truncated"`
	Unfinished float64 `json:"unfinished"`
}

// WalkAwayReply answers a walk-away request: the map, or why there is none
// (Note: the exact session does not cover the config; Error: the worker
// failed).
type WalkAwayReply struct {
	Key   string       `json:"key"`
	Map   *WalkAwayMap `json:"map,omitempty"`
	Note  string       `json:"note,omitempty"`
	Error string       `json:"error,omitempty"`
}

// WalkAwayMap is the exact walk-away map of a session, as lir exact
// walkaway computes it: P(win session) and the expected profit (currency)
// for each win limit (rows) × loss limit (columns), limits in cents. The
// study's own limits are among them: Own is their cell, {-1, -1} when the
// study has no win or no loss limit.
type WalkAwayMap struct {
	Start          int64       `json:"start"`
	WinLimits      []int64     `json:"win_limits"`
	LossLimits     []int64     `json:"loss_limits"`
	PWin           [][]float64 `json:"p_win"`
	ExpectedProfit [][]float64 `json:"expected_profit"`
	Own            [2]int      `json:"own"`
	// Missing marks the cells the exact engine leaves out (past its state
	// bound; their figures are 0); Note says how many and why. Absent when
	// every cell has its figures.
	Missing [][]bool `json:"missing,omitempty"`
	Note    string   `json:"note,omitempty"`
}

// Has reports whether cell (row, col) has exact figures.
func (m *WalkAwayMap) Has(row, col int) bool { return m.Missing == nil || !m.Missing[row][col] }

// Best is the cell with the highest P(win session) among those with
// figures (the first in row order on a tie); -1, -1 when none has.
func (m *WalkAwayMap) Best() (row, col int) {
	row, col = -1, -1
	for i, r := range m.PWin {
		for j, p := range r {
			if m.Has(i, j) && (row < 0 || p > m.PWin[row][col]) {
				row, col = i, j
			}
		}
	}
	return row, col
}

// PWinOrNaN returns the P(win session) grid with NaN where a cell has no
// figures, as the chart builder takes it.
func (m *WalkAwayMap) PWinOrNaN() [][]float64 {
	out := make([][]float64, len(m.PWin))
	for i, r := range m.PWin {
		out[i] = append([]float64(nil), r...)
		for j := range r {
			if !m.Has(i, j) {
				out[i][j] = math.NaN()
			}
		}
	}
	return out
}

func encodeJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Only a NaN or an infinity gets here: the engine's bug.
		return fmt.Sprintf(`{"error":%q}`, err.Error())
	}
	return string(b)
}

func decodeJSON(s string, v any) error { return json.Unmarshal([]byte(s), v) }
