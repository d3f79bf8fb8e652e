package wire

import (
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// TestRoundTrip checks an aggregate of a real run (multi-seat, bonus on, so
// the wide integers and histograms are non-trivial) survives the wire
// exactly.
func TestRoundTrip(t *testing.T) {
	c := config.Default()
	c.Table.NumSeats = 3
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	a := r.Run(7, 0, 300, nil)
	b, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Fatal("aggregate changed on the wire")
	}
}
