package results

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json")

// TestGoldenDocument pins a seeded run that exercises most of the engine
// (three seats, dealer discard, the cryptographic shuffle, a progressive
// bonus, limits) as a whole results document. The same test runs under
// WebAssembly (make test-wasm) against the same file, which proves native
// and browser builds produce byte-identical results.
func TestGoldenDocument(t *testing.T) {
	c := config.Default()
	c.Simulation.NumSessions = 150
	c.Table.NumSeats = 3
	c.Dealer.DiscardEnabled = true
	c.Deck.ShuffleAlgorithm = "cryptographic"
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	c.Paytables.Bonus.Type = "paytable_c"
	c.Paytables.Bonus.Progressive.StartingJackpot = 500000
	c.Bankroll.StopConditions.MaxHands = new(int64)
	*c.Bankroll.StopConditions.MaxHands = 120
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	// Two ranges merged, as workers would.
	agg := r.Run(77, 60, 150, nil)
	agg.Merge(r.Run(77, 0, 60, nil))
	doc := Build(c, 77, agg)
	e, err := ExactFor(c)
	if err != nil {
		t.Fatal(err)
	}
	doc.Compare(agg, e)
	got, err := doc.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("testdata/golden.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Error("results differ from testdata/golden.json")
	}
}
