// Package paired runs two or more configs on common random numbers — table
// session i of every config deals from the same seed — and keeps the exact,
// mergeable sums of the paired statistics. It needs only the engine, so it
// runs in a Web Worker; engine/compare turns its sums into the comparison
// document.
package paired

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// Arm is one config's figures over table sessions. A table session's
// profit is the sum of its player sessions' profits (one seat: the
// session's profit); it is won when that is positive.
type Arm struct {
	Agg   *sim.Aggregate // every figure of the config's own results
	N     uint64         // table sessions
	Wins  uint64
	SumP  sim.Int128 // Σ profit, cents
	SumP2 sim.Int128 // Σ profit², cents²
}

// PairSums are the exact paired sums of arms A < B over the same table
// sessions, with d = profit_A − profit_B.
type PairSums struct {
	A, B  int
	N     uint64
	SumD  sim.Int128   // Σ d, cents
	SumD2 sim.Int128   // Σ d², cents²
	SumAB sim.Int128   // Σ profit_A·profit_B, cents² (the correlation)
	Wins  [2][2]uint64 // Wins[wA][wB]: sessions A won iff wA = 1 and B won iff wB = 1
}

// Aggregate is the mergeable result of comparing configs over a range of
// sessions: every field is a count or an exact sum.
type Aggregate struct {
	Arms  []Arm
	Pairs []PairSums // (0,1), (0,2), …, (1,2), …
}

// NewAggregate returns an empty aggregate for arms of the given seat counts.
func NewAggregate(seats []int) *Aggregate {
	a := &Aggregate{}
	for i, s := range seats {
		a.Arms = append(a.Arms, Arm{Agg: sim.NewAggregate(s)})
		for j := i + 1; j < len(seats); j++ {
			a.Pairs = append(a.Pairs, PairSums{A: i, B: j})
		}
	}
	return a
}

// Merge adds another range's aggregate of the same configs.
func (a *Aggregate) Merge(o *Aggregate) {
	for i := range a.Arms {
		x, y := &a.Arms[i], &o.Arms[i]
		x.Agg.Merge(y.Agg)
		x.N += y.N
		x.Wins += y.Wins
		x.SumP.Merge(y.SumP)
		x.SumP2.Merge(y.SumP2)
	}
	for k := range a.Pairs {
		x, y := &a.Pairs[k], &o.Pairs[k]
		x.N += y.N
		x.SumD.Merge(y.SumD)
		x.SumD2.Merge(y.SumD2)
		x.SumAB.Merge(y.SumAB)
		for i := range x.Wins {
			for j := range x.Wins[i] {
				x.Wins[i][j] += y.Wins[i][j]
			}
		}
	}
}

// Comparer runs several configs on common random numbers.
type Comparer struct {
	runners []*sim.Runner
}

// New compiles the configs.
func New(configs []*config.Config) (*Comparer, error) {
	c := &Comparer{}
	for _, cfg := range configs {
		r, err := sim.NewRunner(cfg)
		if err != nil {
			return nil, err
		}
		c.runners = append(c.runners, r)
	}
	return c, nil
}

func (c *Comparer) seats() []int {
	s := make([]int, len(c.runners))
	for i, r := range c.runners {
		s[i] = r.Seats()
	}
	return s
}

// block bounds the per-session profits held at once: memory is
// O(block × configs) whatever the range.
const block = 4096

// profits collects table-session profits of sessions [lo, lo+len).
type profits struct {
	lo uint64
	p  []int64
}

func (p *profits) Hand(*sim.HandRecord) {}
func (p *profits) Session(s *sim.SessionRecord) {
	p.p[s.Session-p.lo] += s.Profit
}

// Run compares table sessions [from, to) of master seed seed.
func (c *Comparer) Run(seed uint64, from, to int) *Aggregate {
	agg := NewAggregate(c.seats())
	cols := make([]profits, len(c.runners))
	for lo := from; lo < to; lo += block {
		hi := min(lo+block, to)
		for k, r := range c.runners {
			cols[k] = profits{lo: uint64(lo), p: make([]int64, hi-lo)}
			agg.Arms[k].Agg.Merge(r.RunObserved(seed, lo, hi, nil, &cols[k]))
		}
		for i := range hi - lo {
			for k := range cols {
				a := &agg.Arms[k]
				x := cols[k].p[i]
				a.N++
				if x > 0 {
					a.Wins++
				}
				a.SumP.Add(x)
				a.SumP2.AddSquare(x)
			}
			for q := range agg.Pairs {
				ps := &agg.Pairs[q]
				x, y := cols[ps.A].p[i], cols[ps.B].p[i]
				ps.N++
				ps.SumD.Add(x - y)
				ps.SumD2.AddSquare(x - y)
				ps.SumAB.AddProduct(x, y)
				ps.Wins[b2i(x > 0)][b2i(y > 0)]++
			}
		}
	}
	return agg
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// RunParallel is Run on workers goroutines (≤ 0: one per CPU); the result
// does not depend on their number. done, if not nil, is advanced by the
// sessions finished.
func (c *Comparer) RunParallel(seed uint64, from, to, workers int, done *atomic.Int64) *Aggregate {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	n := to - from
	chunk := max(1, min(n/(max(workers, 1)*16), 2000))
	var next atomic.Int64
	next.Store(int64(from))
	parts := make([]*Aggregate, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			acc := NewAggregate(c.seats())
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= to {
					break
				}
				hi := min(lo+chunk, to)
				acc.Merge(c.Run(seed, lo, hi))
				if done != nil {
					done.Add(int64(hi - lo))
				}
			}
			parts[w] = acc
		}()
	}
	wg.Wait()
	total := NewAggregate(c.seats())
	for _, p := range parts {
		total.Merge(p)
	}
	return total
}
