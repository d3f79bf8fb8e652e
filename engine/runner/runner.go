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
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			acc := sim.NewAggregate(r.Seats())
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= to {
					break
				}
				hi := min(lo+chunk, to)
				var lastHands int64
				part := r.Run(seed, lo, hi, func(done int, hands int64) {
					if counter != nil {
						counter.sessions.Add(1)
						counter.hands.Add(hands - lastHands)
						lastHands = hands
					}
				})
				acc.Merge(part)
			}
			parts[w] = acc
		}(w)
	}
	wg.Wait()
	total := sim.NewAggregate(r.Seats())
	for _, p := range parts {
		total.Merge(p)
	}
	return total
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
