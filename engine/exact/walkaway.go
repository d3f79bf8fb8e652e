package exact

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/lir-lab/lir/engine/config"
)

// WalkAwayCell is one cell of a walk-away grid: its exact session, or
// why it has none.
type WalkAwayCell struct {
	WinLimit, LossLimit int64
	Result              *SessionResult
	Omitted             *Omitted
}

// Bounds on a walk-away grid's chains: each cell takes at most
// WalkAwayCellSteps steps and the grid WalkAwaySteps in all (cells are
// solved in order of loss limit, then win limit, so the cheap ones come
// first); a cell past either is Omitted. Without them a grid whose large
// loss limits let the bankroll cover cut bets to odd cents (a one-cent
// lattice, hundreds of thousands of states a hand) would run for hours.
const (
	WalkAwayCellSteps = 1_000_000_000
	WalkAwaySteps     = 20_000_000_000
)

// walkAwayCellSteps is WalkAwayCellSteps (tests lower it).
var walkAwayCellSteps int64 = WalkAwayCellSteps

// DefaultWalkAwayLimits are the limits a walk-away map tries by default:
// 5%, 10%, …, 100% of the starting bankroll (cents, rounded down).
func DefaultWalkAwayLimits(start int64) []int64 {
	out := make([]int64, 20)
	for k := range out {
		out[k] = start * int64(k+1) / 20
	}
	return out
}

// WalkAway runs the chain for every win limit × loss limit pair, the rest
// of the study as config c says (a rule that reads the limits, such as a
// session-conditional bonus, reads each cell's). Rows follow winLimits,
// columns lossLimits. The cells are independent, so workers (at least 1)
// solve them in parallel; the result does not depend on workers, unless a
// cell is Omitted for the grid's bound on steps (WalkAwaySteps). A cell
// Omitted for a bound leaves the others solved, and omits the cells whose
// win and loss limits are both at least its own (their ranges hold its
// states); any other error fails the grid. progress,
// if not nil, is called (from any worker) after each cell with the cells
// done and the total.
//
// Goal-optimal play is solved again for each cell: its play depends on the
// limits it plays for.
func (pl *Play) WalkAway(cfg *config.Config, winLimits, lossLimits []int64, workers int, progress func(done, total int)) ([][]WalkAwayCell, error) {
	grid := make([][]WalkAwayCell, len(winLimits))
	for a := range grid {
		grid[a] = make([]WalkAwayCell, len(lossLimits))
	}
	n := len(winLimits) * len(lossLimits)
	errs := make([]error, n)
	var wg sync.WaitGroup
	var next, done atomic.Int64
	var left atomic.Int64 // steps left to the grid
	left.Store(WalkAwaySteps)
	var mu sync.Mutex
	var tooBig []WalkAwayCell // cells past a bound of their own
	for range max(1, min(workers, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				a, b := k%len(winLimits), k/len(winLimits) // by loss limit first
				w, l := winLimits[a], lossLimits[b]
				cell := *cfg
				sc := &cell.Bankroll.StopConditions
				wm, lm := config.Money(w), config.Money(l)
				sc.WinLimit, sc.LossLimit = &wm, &lm
				var res *SessionResult
				var om *Omitted
				var err error
				maxSteps := min(walkAwayCellSteps, left.Load())
				mu.Lock()
				for _, x := range tooBig {
					if x.WinLimit <= w && x.LossLimit <= l {
						om = &Omitted{Reason: fmt.Sprintf("its limits are no smaller than those of the cell with win limit %d and loss limit %d (cents), which passed a bound: %s",
							x.WinLimit, x.LossLimit, x.Omitted.Reason)}
					}
				}
				mu.Unlock()
				switch {
				case om != nil:
				case maxSteps <= 0:
					om = &Omitted{Reason: fmt.Sprintf("the walk-away map's other cells took its %d steps", int64(WalkAwaySteps))}
				default:
					res, err = pl.session(&cell, nil, maxSteps)
				}
				switch {
				case errors.As(err, &om):
					left.Add(-om.Count)
					mu.Lock()
					tooBig = append(tooBig, WalkAwayCell{WinLimit: w, LossLimit: l, Omitted: om})
					mu.Unlock()
					err = nil
				case res != nil:
					left.Add(-res.Steps)
				}
				if err != nil {
					errs[k] = fmt.Errorf("win limit %d, loss limit %d: %w", w, l, err)
				}
				grid[a][b] = WalkAwayCell{w, l, res, om}
				if progress != nil {
					d := int(done.Add(1))
					mu.Lock()
					progress(d, n)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return grid, nil
}
