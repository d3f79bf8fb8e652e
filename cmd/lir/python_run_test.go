package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Files written in the Python tool's format run with what they say: spot
// checks of the results document of a short run of each.
func TestPythonFormatFilesRunAsTheySay(t *testing.T) {
	type doc struct {
		Seed           string           `json:"seed"`
		Sessions       int64            `json:"sessions"`
		PlayerSessions int64            `json:"player_sessions"`
		Hands          int64            `json:"hands"`
		BonusHands     int64            `json:"bonus_hands"`
		StopReasons    map[string]int64 `json:"stop_reasons"`
		RideRate1      float64          `json:"ride_rate_bet1"`
		RideRate2      float64          `json:"ride_rate_bet2"`
		HandsPer       struct {
			Max int64 `json:"max"`
		} `json:"hands_per_session"`
	}
	// The files write its output files into their output.directory,
	// relative to the working folder: run them in a temporary one.
	testdata, err := filepath.Abs(filepath.Join("..", "..", "engine", "configyaml", "testdata", "python"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	runFile := func(name string, edits ...string) doc {
		t.Helper()
		path := filepath.Join(testdata, name)
		if len(edits) > 0 { // a copy with strings replaced (old, new pairs)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.NewReplacer(edits...).Replace(string(b))
			path = filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		code, out, errs := lir(t, "run", "--config", path, "--sessions", "300", "--json", "--no-exact")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		var d doc
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	// Its hands file has no seat column, so two seats cannot log hands
	// (refused, see the pyformat tests): run the file without that log.
	m := runFile("martingale_everything.yaml", "detailed_logging: true", "detailed_logging: false")
	if m.Seed != "7" || m.PlayerSessions != 2*m.Sessions || m.BonusHands != m.Hands || m.HandsPer.Max > 100 ||
		m.StopReasons["insufficient_funds"] != 0 || m.StopReasons["win_limit"] == 0 || m.StopReasons["loss_limit"] == 0 {
		t.Errorf("martingale_everything: %+v (want seed 7, two seats, a bonus every hand, at most 100 hands, win and loss limits)", m)
	}
	if r := runFile("fibonacci_ride.yaml"); r.RideRate1 != 1 || r.RideRate2 != 1 {
		t.Errorf("always_ride: ride rates %v, %v", r.RideRate1, r.RideRate2)
	}
	if p := runFile("dalembert_pull.yaml"); p.RideRate1 != 0 || p.RideRate2 != 0 {
		t.Errorf("always_pull: ride rates %v, %v", p.RideRate1, p.RideRate2)
	}
	// Its defaults: no win or loss limit; 200 hands.
	if f := runFile("flat_defaults.yaml"); f.StopReasons["win_limit"] != 0 || f.StopReasons["loss_limit"] != 0 || f.HandsPer.Max != 200 || f.BonusHands != 0 {
		t.Errorf("its defaults: %+v", f)
	}
	if a := runFile("reverse_aggressive.yaml"); a.StopReasons["loss_limit"] != 0 || a.StopReasons["win_limit"] == 0 || a.BonusHands == 0 {
		t.Errorf("reverse_aggressive: %+v (a win limit only, a bonus bet)", a)
	}
}
