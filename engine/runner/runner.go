// Package runner runs a whole simulation on several goroutines: it splits
// the sessions into contiguous ranges handed out as workers finish, merges
// the partial aggregates exactly, and reports progress. The result does not
// depend on the number of workers.
package runner

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/lir-lab/lir/engine/sim"
)

// Progress is a snapshot of a running simulation.
type Progress struct {
	Sessions int64 // table sessions finished
	Hands    int64 // hands played in them
}

// Run plays sessions [from, to) of seed on workers goroutines (≤ 0: one per
// CPU). counter, if not nil, is advanced after every session so another
// goroutine can show progress.
func Run(r *sim.Runner, seed uint64, from, to, workers int, counter *Counter) *sim.Aggregate {
	agg, _ := RunObserved(r, seed, from, to, workers, counter, nil)
	return agg
}

// Sink opens an observer for the chunk of sessions [lo, hi) — for exports,
// typically writing to a file of its own, to be joined in order of lo —
// and returns it with a function that closes it once the chunk is done.
type Sink func(lo, hi int) (sim.Observer, func() error, error)

// RunObserved is Run with a Sink (nil for none). The chunks are
// disjoint, cover [from, to) and never split a session. The first error
// from the sink stops the run and is returned.
func RunObserved(r *sim.Runner, seed uint64, from, to, workers int, counter *Counter, sink Sink) (*sim.Aggregate, error) {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	n := to - from
	if workers > n {
		workers = max(n, 1)
	}
	// Chunks small enough to balance load and report progress smoothly,
	// large enough that handing them out costs nothing.
	chunk := max(1, min(n/(workers*32), 2000))
	var next atomic.Int64
	next.Store(int64(from))
	parts := make([]*sim.Aggregate, workers)
	var failed atomic.Bool
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			acc := sim.NewAggregate(r.Seats())
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= to || failed.Load() {
					break
				}
				hi := min(lo+chunk, to)
				var obs sim.Observer
				var done func() error
				if sink != nil {
					var err error
					if obs, done, err = sink(lo, hi); err != nil {
						errs[w] = err
						failed.Store(true)
						break
					}
				}
				var lastHands int64
				part := r.RunObserved(seed, lo, hi, func(done int, hands int64) {
					if counter != nil {
						counter.sessions.Add(1)
						counter.hands.Add(hands - lastHands)
						lastHands = hands
					}
				}, obs)
				if done != nil {
					if err := done(); err != nil {
						errs[w] = err
						failed.Store(true)
						break
					}
				}
				acc.Merge(part)
			}
			parts[w] = acc
		}(w)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	total := sim.NewAggregate(r.Seats())
	for _, p := range parts {
		total.Merge(p)
	}
	return total, nil
}

// Counter counts finished sessions and their hands, safely from any
// goroutine.
type Counter struct {
	sessions, hands atomic.Int64
}

// Load returns the current counts.
func (c *Counter) Load() Progress {
	return Progress{Sessions: c.sessions.Load(), Hands: c.hands.Load()}
}
