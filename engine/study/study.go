// Package study runs many configs and sets their figures side by side: one
// row per config with the simulated session figures (and their 95%
// intervals), the exact ones where the exact engine answers the config, the
// check of one against the other, and a ranking by the chance of ending a
// session ahead.
package study

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
)

// z95 is Φ⁻¹(0.975).
const z95 = 1.959963984540054

// Row is one config's figures. Money is in currency units. An *Exact field
// is nil when no exact figure applies; ExactOmitted then says why.
type Row struct {
	Rank     int    `json:"rank"`
	File     string `json:"file"`
	Name     string `json:"name"`
	Seed     string `json:"seed"`
	Sessions uint64 `json:"sessions"` // table sessions simulated
	// PlayerSessions is the sample the rates are over: sessions × seats,
	// or more in replace mode.
	PlayerSessions uint64 `json:"player_sessions"`

	PWin       float64  `json:"p_win"`
	PWinLo     float64  `json:"p_win_ci95_low"` // Wilson
	PWinHi     float64  `json:"p_win_ci95_high"`
	PWinExact  *float64 `json:"p_win_exact"`
	PPush      float64  `json:"p_push"`
	PPushExact *float64 `json:"p_push_exact"`
	PLoss      float64  `json:"p_loss"`
	PLossExact *float64 `json:"p_loss_exact"`

	MeanProfit      float64  `json:"mean_profit"`
	MeanProfitLo    float64  `json:"mean_profit_ci95_low"`
	MeanProfitHi    float64  `json:"mean_profit_ci95_high"`
	MeanProfitExact *float64 `json:"mean_profit_exact"`
	// EVPerHand is the total (main + bonus) result per hand played.
	EVPerHand      float64  `json:"ev_per_hand"`
	EVPerHandExact *float64 `json:"ev_per_hand_exact"` // E[profit] / E[hands]
	SDProfit       float64  `json:"sd_profit"`
	SDProfitExact  *float64 `json:"sd_profit_exact"`
	Hands          float64  `json:"expected_hands"` // mean hands per player session
	HandsExact     *float64 `json:"expected_hands_exact"`

	// Check: the simulated P(win) and mean profit against the exact ones,
	// z = (simulated − exact) / standard error, the standard error from the
	// exact distribution.
	PWinZ       *float64 `json:"p_win_z"`
	MeanProfitZ *float64 `json:"mean_profit_z"`
	// Within4 is true when both |z| ≤ 4; nil without exact figures.
	Within4 *bool `json:"within_4_se"`
	// ExactOmitted says why the exact figures are absent.
	ExactOmitted string `json:"exact_omitted,omitempty"`
	// Truncated bounds the exact figures' truncation error (probability
	// of the far-fetched states the chain dropped).
	Truncated float64 `json:"exact_truncated_probability"`
}

// Best is the P(win) the row is ranked by: the exact figure when there is
// one, else the simulated one.
func (r *Row) Best() float64 {
	if r.PWinExact != nil {
		return *r.PWinExact
	}
	return r.PWin
}

// Options control one config's run.
type Options struct {
	Workers int // ≤ 0: every core
	// Counter, if not nil, counts the sessions simulated.
	Counter *runner.Counter
	// Progress, if not nil, is handed to the exact session solver.
	Progress func(done, total int64)
	// NoExact skips the exact engine (every row then says so).
	NoExact bool
	// Exact caches the exact engine's play between configs (may be nil).
	Exact *Cache
}

// Cache holds the exact engine's play by strategy and paytable, so that
// configs sharing them solve the hand once.
type Cache struct {
	m map[string]*exact.Play
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{m: map[string]*exact.Play{}} }

func (k *Cache) play(c *config.Config) (*exact.Play, error) {
	key := ""
	if k != nil {
		key = sim.ExactPlayKey(c)
		if p := k.m[key]; p != nil {
			return p, nil
		}
	}
	p, _, err := sim.ExactPlay(c)
	if err != nil {
		return nil, err
	}
	if k != nil {
		k.m[key] = p
	}
	return p, nil
}

// Run simulates config c's sessions from seed and solves it exactly where
// the exact engine covers it. file names the row. A run whose statistics
// could not be exact (sim.CheckRun) is an error.
func Run(file string, c *config.Config, seed uint64, o Options) (*Row, error) {
	r, err := sim.NewRunner(c)
	if err != nil {
		return nil, err
	}
	c.Simulation.RandomSeed = &seed
	agg, err := runner.RunObserved(r, seed, 0, int(c.Simulation.NumSessions), o.Workers, o.Counter, nil)
	if err == nil {
		err = sim.CheckRun(c, agg)
	}
	if err != nil {
		return nil, err
	}
	doc := results.Build(c, seed, agg)
	row := FromDocument(file, c, doc)
	if o.NoExact {
		row.ExactOmitted = "the exact engine was not asked (--no-exact)"
		return row, nil
	}
	res, err := solve(c, o)
	var om *exact.Omitted
	switch {
	case errors.As(err, &om), errors.Is(err, sim.ErrSessionStrategy):
		row.ExactOmitted = err.Error()
	case err != nil:
		return nil, err
	default:
		row.SetExact(ExactOf(res))
	}
	return row, nil
}

func solve(c *config.Config, o Options) (*exact.SessionResult, error) {
	p, err := o.Exact.play(c)
	if err != nil {
		return nil, err
	}
	return p.Session(c, o.Progress)
}

// FromDocument is the row of config c's simulated figures, read from its
// results document (results.Build of the merged sessions): the simulated
// columns, with no exact figure yet. file names the row.
func FromDocument(file string, c *config.Config, d *results.Document) *Row {
	n := float64(d.PlayerSessions)
	o := d.SessionOutcomes
	row := &Row{File: file, Name: c.Metadata.Name, Seed: d.Seed, Sessions: d.Sessions, PlayerSessions: d.PlayerSessions,
		PWin: float64(d.SessionWinRate.Value), PWinLo: float64(d.SessionWinRate.CI95Lo), PWinHi: float64(d.SessionWinRate.CI95Hi),
		PPush: float64(o.Get("push")) / n, PLoss: float64(o.Get("loss")) / n,
		MeanProfit: float64(d.SessionProfit.Mean), SDProfit: float64(d.SessionProfit.Std),
		EVPerHand: float64(d.EV.Total.Value), Hands: float64(d.Hands) / n,
	}
	se := row.SDProfit / math.Sqrt(n)
	row.MeanProfitLo, row.MeanProfitHi = row.MeanProfit-z95*se, row.MeanProfit+z95*se
	return row
}

// Exact is a config's exact session as a row takes it: probabilities, the
// expected hands, and money in currency units.
type Exact struct {
	PWin, PPush, PLoss   float64
	MeanProfit, SDProfit float64
	Hands                float64
	// Truncated bounds the figures' truncation error (SessionResult's).
	Truncated float64
}

// ExactOf is the row's part of the exact engine's session result.
func ExactOf(res *exact.SessionResult) Exact {
	return Exact{PWin: res.PWin, PPush: res.PPush, PLoss: res.PLoss,
		MeanProfit: res.ExpectedProfit / 100, SDProfit: res.ProfitSD() / 100,
		Hands: res.ExpectedHands, Truncated: res.Truncated}
}

// SetExact fills in the exact columns and the check: z = (simulated −
// exact) / SE for P(win) and for mean profit, each SE from the exact
// figures (√(p(1−p)/n), sd/√n over the n player sessions).
func (row *Row) SetExact(e Exact) {
	p := func(x float64) *float64 { return &x }
	row.PWinExact, row.PPushExact, row.PLossExact = p(e.PWin), p(e.PPush), p(e.PLoss)
	row.MeanProfitExact, row.SDProfitExact, row.HandsExact = p(e.MeanProfit), p(e.SDProfit), p(e.Hands)
	if e.Hands > 0 {
		row.EVPerHandExact = p(e.MeanProfit / e.Hands)
	}
	row.Truncated = e.Truncated
	n := float64(row.PlayerSessions)
	zw := (row.PWin - e.PWin) / math.Sqrt(e.PWin*(1-e.PWin)/n)
	zm := (row.MeanProfit - e.MeanProfit) / (e.SDProfit / math.Sqrt(n))
	row.PWinZ, row.MeanProfitZ = finite(zw), finite(zm)
	ok := (row.PWinZ == nil || math.Abs(*row.PWinZ) <= 4) && (row.MeanProfitZ == nil || math.Abs(*row.MeanProfitZ) <= 4)
	row.Within4 = &ok
}

// finite returns &x, or nil when x is not a number (a zero standard error:
// the figure cannot vary, and the check is vacuous).
func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// Rank sorts rows by P(win), highest first (the exact figure where there is
// one), ties by mean profit then file, and numbers them from 1.
func Rank(rows []*Row) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Best() != b.Best() {
			return a.Best() > b.Best()
		}
		if a.bestProfit() != b.bestProfit() {
			return a.bestProfit() > b.bestProfit()
		}
		return a.File < b.File
	})
	for i, r := range rows {
		r.Rank = i + 1
	}
}

func (r *Row) bestProfit() float64 {
	if r.MeanProfitExact != nil {
		return *r.MeanProfitExact
	}
	return r.MeanProfit
}

// Failure is a file that did not run, and why.
type Failure struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// Document is the study's JSON document.
type Document struct {
	Rows   []*Row    `json:"rows"`
	Failed []Failure `json:"failed"`
}

// maxProblems is how many of a file's problems LoadError lists.
const maxProblems = 3

// LoadError is why a config file did not load, as a study lists it: its
// problems one after another, the first three and then how many more, with
// hint saying where to see them all.
func LoadError(err error, hint string) string {
	es, ok := err.(config.Errors)
	if !ok {
		return err.Error()
	}
	var lines []string
	for _, e := range es {
		lines = append(lines, e.Error())
	}
	if len(lines) > maxProblems {
		lines = append(lines[:maxProblems], fmt.Sprintf("and %d more problems (%s)", len(lines)-maxProblems, hint))
	}
	return strings.Join(lines, "; ")
}
