package worker

import (
	"fmt"
	"strings"
	"time"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/compare/paired"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// Worker does requests one at a time, posting replies with Post. It keeps
// the runner of the last config (and the comparer of the last comparison),
// so a worker given many ranges of one run builds its tables once.
type Worker struct {
	// Post sends a reply to the page.
	Post func(wire.Reply)
	// Memory, if set, is the size of the worker's WebAssembly memory,
	// reported with each result.
	Memory func() int64
	// SolvingEvery is the least time between the progress messages of an
	// exact or walk-away solve (0: DefaultSolvingEvery; below 0: at every
	// step). A solve that ends sooner posts none.
	SolvingEvery time.Duration

	lastConfig  string
	runner      *sim.Runner
	lastConfigs string
	comparer    *paired.Comparer
	dists       Dists
}

// Warm builds and keeps the exact play of config c (Dists), as an exact
// request for c would, before any is asked: the hand model and its
// distribution are most of an answer's time, and every study with c's
// strategy and main paytable reuses them.
func (w *Worker) Warm(c *config.Config) {
	defer func() { recover() }() // a request for c will say what went wrong
	w.dists.play(c)
}

// Do does one request to its end. An engine panic is posted as an error
// (and forgets the cached runner), never lost.
func (w *Worker) Do(r wire.Request) {
	switch r.Kind {
	case wire.KindExact:
		w.Post(wire.Reply{Kind: wire.KindExact, Exact: w.dists.SolveExactJSON(r.Key, r.Config, w.solving(r))})
	case wire.KindWalkAway:
		w.Post(wire.Reply{Kind: wire.KindWalkAway, WalkAway: w.dists.SolveWalkAwayJSON(r.Key, r.Config, w.solving(r))})
	case wire.KindRun:
		w.guard(r, w.run)
	case wire.KindCompare:
		w.guard(r, w.compare)
	default:
		w.fail(fmt.Sprintf("unknown message type %q", r.Kind))
	}
}

func (w *Worker) guard(r wire.Request, job func(wire.Request)) {
	defer func() {
		if v := recover(); v != nil {
			w.lastConfig, w.runner, w.lastConfigs, w.comparer = "", nil, "", nil
			w.fail(fmt.Sprintf("engine panic: %v", v))
		}
	}()
	job(r)
}

func (w *Worker) fail(msg string) { w.Post(wire.Reply{Kind: wire.KindError, Message: msg}) }

// DefaultSolvingEvery is the time between a solve's progress messages:
// often enough for a counter that moves, rarely enough to cost nothing.
const DefaultSolvingEvery = 150 * time.Millisecond

// solving is the progress of request r's solve as solving messages, at
// most one every SolvingEvery, the first once the solve has taken that
// long.
func (w *Worker) solving(r wire.Request) Progress {
	every := w.SolvingEvery
	if every == 0 {
		every = DefaultSolvingEvery
	}
	last := time.Now()
	return func(done, total int64) {
		if total <= 0 {
			return
		}
		if every > 0 {
			now := time.Now()
			if now.Sub(last) < every {
				return
			}
			last = now
		}
		w.Post(wire.Reply{Kind: wire.KindSolving, Solving: &wire.Solving{Of: r.Kind, Key: r.Key, Done: done, Total: total}})
	}
}

// clockHands is how many hands a worker plays between looks at the clock
// (about a millisecond's work): in WebAssembly reading the clock calls out
// into JavaScript.
const clockHands = 1 << 14

func (w *Worker) run(r wire.Request) {
	if w.runner == nil || r.Config != w.lastConfig {
		cfg, err := config.DecodeJSON([]byte(r.Config))
		if err != nil {
			w.fail("config: " + err.Error())
			return
		}
		rn, err := sim.NewRunner(cfg)
		if err != nil {
			w.fail("engine: " + err.Error())
			return
		}
		w.lastConfig, w.runner = r.Config, rn
	}
	every := time.Duration(r.ReportEvery) * time.Millisecond
	start := time.Now()
	last := start
	var played, looked int64
	agg := w.runner.Run(r.Seed, r.From, r.To, func(done int, hands int64) {
		played = hands
		if hands-looked < clockHands {
			return
		}
		looked = hands
		if now := time.Now(); now.Sub(last) >= every {
			last = now
			w.Post(wire.Reply{Kind: wire.KindProgress, From: r.From, Done: done, Hands: hands})
		}
	})
	b, err := wire.Encode(agg)
	if err != nil {
		w.fail("encoding aggregate: " + err.Error())
		return
	}
	w.result(r, played, start, b)
}

// compareChunk is how many table sessions the worker compares between
// looks at the clock; ranges merge exactly, so the chunking does not change
// the result.
const compareChunk = 64

// compare plays sessions [From, To) of every config on common random
// numbers and posts the paired aggregate (wire.EncodeCompare).
func (w *Worker) compare(r wire.Request) {
	key := strings.Join(r.Configs, "\x00")
	if w.comparer == nil || key != w.lastConfigs {
		var cfgs []*config.Config
		for i, s := range r.Configs {
			cfg, err := config.DecodeJSON([]byte(s))
			if err != nil {
				w.fail(fmt.Sprintf("config %d: %v", i+1, err))
				return
			}
			cfgs = append(cfgs, cfg)
		}
		c, err := paired.New(cfgs)
		if err != nil {
			w.fail("engine: " + err.Error())
			return
		}
		w.lastConfigs, w.comparer = key, c
	}
	every := time.Duration(r.ReportEvery) * time.Millisecond
	start := time.Now()
	last := start
	var agg *paired.Aggregate
	var played int64
	for lo := r.From; lo < r.To || agg == nil; lo += compareChunk {
		part := w.comparer.Run(r.Seed, lo, min(lo+compareChunk, r.To))
		if agg == nil {
			agg = part
		} else {
			agg.Merge(part)
		}
		played = 0
		for _, a := range agg.Arms {
			for k := range a.Agg.Seats {
				played += int64(a.Agg.Seats[k].Hands)
			}
		}
		if now := time.Now(); now.Sub(last) >= every && lo+compareChunk < r.To {
			last = now
			w.Post(wire.Reply{Kind: wire.KindProgress, From: r.From, Done: lo + compareChunk - r.From, Hands: played})
		}
	}
	b, err := wire.EncodeCompare(agg)
	if err != nil {
		w.fail("encoding aggregate: " + err.Error())
		return
	}
	w.result(r, played, start, b)
}

func (w *Worker) result(r wire.Request, played int64, start time.Time, b []byte) {
	rep := wire.Reply{Kind: wire.KindResult, From: r.From, To: r.To, Hands: played, Aggregate: b,
		Millis: float64(time.Since(start).Microseconds()) / 1000}
	if w.Memory != nil {
		rep.WasmMemory = w.Memory()
	}
	w.Post(rep)
}
