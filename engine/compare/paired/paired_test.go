package paired

import (
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

func withStrategy(s string) *config.Config {
	c := config.Default()
	c.Strategy.Type = s
	return c
}

// The result does not depend on the number of workers or on splitting.
func TestCompareDeterministic(t *testing.T) {
	configs := []*config.Config{withStrategy("basic"), withStrategy("always_ride")}
	cmp, _ := New(configs)
	one := cmp.RunParallel(5, 0, 900, 1, nil)
	three := cmp.RunParallel(5, 0, 900, 3, nil)
	split := cmp.Run(5, 500, 900)
	first := cmp.Run(5, 0, 500)
	first.Merge(split)
	if !reflect.DeepEqual(one, three) || !reflect.DeepEqual(one, first) {
		t.Fatal("comparison depends on workers or split")
	}
	// Each arm's own aggregate is the config's plain run.
	plain := cmp.runners[1].Run(5, 0, 900, nil)
	if !reflect.DeepEqual(one.Arms[1].Agg.Seats, plain.Seats) {
		t.Fatal("arm aggregate differs from the config's own run")
	}
}
