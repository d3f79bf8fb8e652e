package configs

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/sharelink"
	"github.com/lir-lab/lir/engine/sim"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.json")

// seatSummary is the part of a seat's aggregate pinned by the goldens.
type seatSummary struct {
	PlayerSessions, Hands   uint64
	Outcomes                [sim.NumOutcomes]uint64
	StopReasons             [sim.NumStopReasons]uint64
	ProfitSum               string
	ProfitMin, ProfitMax    int64
	MainWagered, MainWon    string
	BonusWagered, BonusWon  string
	BonusHands, JackpotsWon uint64
	RideBet1, RideBet2      uint64
	BaseBetSum              string
}

// Each preset, run with a fixed seed, gives the recorded results (the
// golden files are refreshed only with -update).
func TestPresetGoldens(t *testing.T) {
	for _, name := range Names() {
		c, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r, err := sim.NewRunner(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		agg := r.Run(2026, 0, 300, nil)
		var out []seatSummary
		for _, s := range agg.Seats {
			x := seatSummary{PlayerSessions: s.PlayerSessions, Hands: s.Hands, Outcomes: s.Outcomes, StopReasons: s.StopReasons,
				ProfitSum: s.Profit.S1.Big().String(), ProfitMin: s.Profit.Min, ProfitMax: s.Profit.Max,
				MainWagered: s.MainWagered.Big().String(), MainWon: s.MainWon.Big().String(),
				BonusWagered: s.BonusWagered.Big().String(), BonusWon: s.BonusWon.Big().String(),
				BonusHands: s.BonusHands, JackpotsWon: s.JackpotsWon, BaseBetSum: s.BaseBetUnits.Big().String()}
			for _, d := range s.Deals {
				x.RideBet1 += d[2] + d[3]
				x.RideBet2 += d[1] + d[3]
			}
			out = append(out, x)
		}
		got, _ := json.MarshalIndent(out, "", "  ")
		got = append(got, '\n')
		path := filepath.Join("testdata", "golden", name+".json")
		if *update {
			os.MkdirAll(filepath.Dir(path), 0o755)
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update creates it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: results differ from %s", name, path)
		}
	}
}

// Every preset goes YAML → config → share link → config → YAML unchanged.
func TestPresetsRoundTripThroughLinks(t *testing.T) {
	for _, name := range Names() {
		c, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		y1, err := configyaml.Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		link, err := sharelink.Encode("https://example.org/", c)
		if err != nil {
			t.Fatal(err)
		}
		d, err := sharelink.Decode(link)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(c, d) {
			t.Errorf("%s: the link changed the config", name)
		}
		y2, err := configyaml.Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(y1, y2) {
			t.Errorf("%s: YAML changed through the link:\n%s\n---\n%s", name, y1, y2)
		}
		// And the YAML written decodes back to the same config.
		e, err := configyaml.Decode(name+".yaml", y2)
		if err != nil || !reflect.DeepEqual(c, e) {
			t.Errorf("%s: written YAML does not decode to the same config: %v", name, err)
		}
		if len(link) > 600 {
			t.Errorf("%s: link is %d bytes", name, len(link))
		}
	}
}
