package app

import (
	"fmt"
	"time"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/compare/paired"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// SessionRange is the half-open range [From, To) of session indexes.
type SessionRange struct{ From, To int }

// SplitSessions cuts [0, n) into at most parts contiguous ranges of sizes
// differing by at most one, in order.
func SplitSessions(n, parts int) []SessionRange {
	if n <= 0 {
		return nil
	}
	parts = max(1, min(parts, n))
	out := make([]SessionRange, 0, parts)
	for i, from := 0, 0; i < parts; i++ {
		size := n / parts
		if i < n%parts {
			size++
		}
		out = append(out, SessionRange{from, from + size})
		from += size
	}
	return out
}

// chunksPerWorker is how many ranges each worker gets on average. Ranges are
// handed out as workers finish, so a slow worker (or a range of long
// sessions) does not hold the run up, and the progress stays smooth.
const chunksPerWorker = 4

// WorkerEvent is a reply of worker Worker of a pool.
type WorkerEvent struct {
	Worker int
	wire.Reply
}

// WorkerProgress is what the page shows for one worker.
type WorkerProgress struct {
	Sessions int   // sessions finished (finished ranges plus the current one)
	Hands    int64 // hands played
	Busy     bool
	current  SessionRange
	curDone  int
	curHands int64
	doneSess int
	doneHand int64
}

// Run is one simulation in flight: the config, the seed, the ranges still to
// hand out and the merged aggregate of the finished ones. Its methods are
// called on the UI goroutine only.
type Run struct {
	Config   *config.Config
	JSON     string
	Seed     uint64
	Sessions int
	Started  time.Time
	Workers  []WorkerProgress
	Merged   *sim.Aggregate // nil until the first range is merged
	// WasmMemory is the largest WebAssembly memory a worker reported.
	WasmMemory int64
	// Ended is when the last range was merged (zero before).
	Ended time.Time

	// Compare, when set, makes the run a comparison of these configs on
	// common random numbers; MergedCompare is then its merged aggregate.
	Compare       *Comparison
	MergedCompare *paired.Aggregate

	pending []SessionRange
	open    int // ranges handed out and not yet merged
}

// NewRun plans a run of cfg with seed on workers workers.
func NewRun(cfg *config.Config, seed uint64, sessions, workers int, now time.Time) *Run {
	return &Run{
		Config:   cfg,
		JSON:     string(cfg.CanonicalJSON()),
		Seed:     seed,
		Sessions: sessions,
		Started:  now,
		Workers:  make([]WorkerProgress, workers),
		pending:  SplitSessions(sessions, workers*chunksPerWorker),
	}
}

// Comparison is what a comparison run compares: configs (each with the
// run's seed and session count set, as lir compare sets them) and their
// labels.
type Comparison struct {
	Configs []*config.Config
	Names   []string
	JSON    []string // canonical JSON of each config
}

// NewCompareRun plans a comparison of configs named names: sessions table
// sessions of each, session i of every config on the same seed.
func NewCompareRun(configs []*config.Config, names []string, seed uint64, sessions, workers int, now time.Time) *Run {
	c := &Comparison{Configs: configs, Names: names}
	for _, cfg := range configs {
		c.JSON = append(c.JSON, string(cfg.CanonicalJSON()))
	}
	return &Run{
		Config:   configs[0],
		Seed:     seed,
		Sessions: sessions,
		Started:  now,
		Workers:  make([]WorkerProgress, workers),
		pending:  SplitSessions(sessions, workers*chunksPerWorker),
		Compare:  c,
	}
}

// Next returns the next request for idle worker w, if any range is left.
func (r *Run) Next(w int) (wire.Request, bool) {
	if len(r.pending) == 0 || w >= len(r.Workers) || r.Workers[w].Busy {
		return wire.Request{}, false
	}
	rg := r.pending[0]
	r.pending = r.pending[1:]
	r.open++
	p := &r.Workers[w]
	p.Busy, p.current, p.curDone, p.curHands = true, rg, 0, 0
	m := wire.Request{Kind: wire.KindRun, Config: r.JSON, Seed: r.Seed, From: rg.From, To: rg.To, ReportEvery: wire.DefaultReportEvery}
	if r.Compare != nil {
		m.Kind, m.Config, m.Configs = wire.KindCompare, "", r.Compare.JSON
	}
	return m, true
}

// Handle applies a progress or result event. It returns done when every
// session is merged, and an error when the run must fail.
func (r *Run) Handle(ev WorkerEvent) (done bool, err error) {
	if ev.Worker < 0 || ev.Worker >= len(r.Workers) {
		return false, nil
	}
	p := &r.Workers[ev.Worker]
	switch ev.Kind {
	case wire.KindError:
		return false, fmt.Errorf("worker %d: %s", ev.Worker+1, ev.Message)
	case wire.KindProgress:
		if p.Busy && ev.From == p.current.From {
			p.curDone, p.curHands = ev.Done, ev.Hands
		}
	case wire.KindResult:
		if !p.Busy || ev.From != p.current.From || ev.To != p.current.To {
			return false, fmt.Errorf("worker %d: result for sessions [%d, %d) it was not given", ev.Worker+1, ev.From, ev.To)
		}
		var err error
		if r.Compare != nil {
			err = r.mergeCompare(ev.Aggregate)
		} else {
			err = r.mergeBytes(ev.Aggregate)
		}
		if err != nil {
			return false, fmt.Errorf("worker %d: %v", ev.Worker+1, err)
		}
		r.WasmMemory = max(r.WasmMemory, ev.WasmMemory)
		p.doneSess += p.current.To - p.current.From
		p.doneHand += ev.Hands
		p.Busy, p.curDone, p.curHands = false, 0, 0
		r.open--
	}
	p.Sessions, p.Hands = p.doneSess+p.curDone, p.doneHand+p.curHands
	return r.open == 0 && len(r.pending) == 0, nil
}

func (r *Run) mergeBytes(b []byte) error {
	a, err := wire.Decode(b)
	if err != nil {
		return err
	}
	return r.merge(a)
}

// mergeCompare adds a comparison range's aggregate (wire.EncodeCompare).
func (r *Run) mergeCompare(b []byte) (err error) {
	a, err := wire.DecodeCompare(b)
	if err != nil {
		return err
	}
	if len(a.Arms) != len(r.Compare.Configs) {
		return fmt.Errorf("a partial comparison of %d configs, want %d", len(a.Arms), len(r.Compare.Configs))
	}
	if r.MergedCompare == nil {
		r.MergedCompare = a
		return nil
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("merging a partial comparison: %v", v)
		}
	}()
	r.MergedCompare.Merge(a)
	return nil
}

func (r *Run) merge(a *sim.Aggregate) (err error) {
	if r.Merged == nil {
		r.Merged = a
		return nil
	}
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("merging a partial result: %v", v)
		}
	}()
	r.Merged.Merge(a)
	return nil
}

// Progress sums the workers: sessions and hands done so far.
func (r *Run) Progress() (sessions int, hands int64) { return sumProgress(r.Workers) }

// sumProgress is the sessions and hands done by the workers ws.
func sumProgress(ws []WorkerProgress) (sessions int, hands int64) {
	for _, p := range ws {
		sessions += p.Sessions
		hands += p.Hands
	}
	return sessions, hands
}
