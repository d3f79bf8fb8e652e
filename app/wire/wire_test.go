package wire

import (
	"reflect"
	"testing"

	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/compare/paired"
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

// A comparison range's aggregate survives the wire exactly, and merging
// decoded ranges gives the whole.
func TestCompareRoundTrip(t *testing.T) {
	var cs []*config.Config
	for _, s := range []string{"basic", "always_pull", "always_ride"} {
		c := config.Default()
		c.Strategy.Type = s
		cs = append(cs, c)
	}
	cmp, err := paired.New(cs)
	if err != nil {
		t.Fatal(err)
	}
	whole := cmp.Run(9, 0, 200)
	var merged *paired.Aggregate
	for _, r := range [][2]int{{0, 70}, {70, 200}} {
		b, err := EncodeCompare(cmp.Run(9, r[0], r[1]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeCompare(b)
		if err != nil {
			t.Fatal(err)
		}
		if merged == nil {
			merged = got
		} else {
			merged.Merge(got)
		}
	}
	if !reflect.DeepEqual(merged, whole) {
		t.Fatal("comparison aggregate changed on the wire")
	}
	b, _ := EncodeCompare(whole)
	if _, err := DecodeCompare(b[:len(b)-3]); err == nil {
		t.Error("a truncated comparison aggregate was accepted")
	}
}

// ExactKey is canonical: the key of every preset is the config with the
// seed, sessions and workers set aside, in canonical JSON — it decodes to
// a config that encodes to the same bytes, and the config itself is left
// as it was.
func TestExactKeyIsCanonical(t *testing.T) {
	for _, name := range append([]string{""}, configs.Names()...) {
		c := config.Study()
		if name != "" {
			var err error
			if c, err = configs.Load(name); err != nil {
				t.Fatal(err)
			}
		}
		seed := uint64(7)
		c.Simulation.RandomSeed, c.Simulation.NumSessions, c.Simulation.Workers = &seed, 123, 3
		before := string(c.CanonicalJSON())
		k := ExactKey(c)
		d, err := config.DecodeJSON([]byte(k))
		if err != nil {
			t.Fatalf("%s: the key does not decode: %v", name, err)
		}
		if string(d.CanonicalJSON()) != k || d.Simulation.RandomSeed != nil || d.Simulation.Workers != 0 ||
			d.Simulation.NumSessions != config.Default().Simulation.NumSessions {
			t.Errorf("%s: key %s", name, k)
		}
		if string(c.CanonicalJSON()) != before {
			t.Errorf("%s: ExactKey changed the config", name)
		}
	}
}
