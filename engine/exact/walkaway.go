package exact

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/lir-lab/lir/engine/config"
)

// WalkAwayCell is one cell of a walk-away grid.
type WalkAwayCell struct {
	WinLimit, LossLimit int64
	Result              *SessionResult
}

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
// solve them in parallel; the result does not depend on workers. progress,
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
	var mu sync.Mutex
	for range max(1, min(workers, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				a, b := k/len(lossLimits), k%len(lossLimits)
				w, l := winLimits[a], lossLimits[b]
				cell := *cfg
				sc := &cell.Bankroll.StopConditions
				wm, lm := config.Money(w), config.Money(l)
				sc.WinLimit, sc.LossLimit = &wm, &lm
				res, err := pl.Session(&cell, nil)
				if err != nil {
					errs[k] = fmt.Errorf("win limit %d, loss limit %d: %w", w, l, err)
				}
				grid[a][b] = WalkAwayCell{w, l, res}
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
