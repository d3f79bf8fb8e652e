package runner

import (
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// Any number of workers gives exactly the aggregate of one sequential run,
// and the counter ends at the totals.
func TestWorkersEqualSequential(t *testing.T) {
	c := config.Default()
	c.Table.NumSeats = 2
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	want := r.Run(3, 10, 710, nil)
	for _, w := range []int{1, 2, 3, 8, 1000} {
		var ctr Counter
		got := Run(r, 3, 10, 710, w, &ctr)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers: aggregate differs from a sequential run", w)
		}
		p := ctr.Load()
		if p.Sessions != 700 || p.Hands != int64(want.Total().Hands) {
			t.Errorf("%d workers: counter %+v, want 700 sessions, %d hands", w, p, want.Total().Hands)
		}
	}
}
