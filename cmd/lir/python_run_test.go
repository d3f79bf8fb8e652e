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
		AverageBet     float64          `json:"average_bet"`
		HandsPer       struct {
			Max int64 `json:"max"`
		} `json:"hands_per_session"`
		Config struct {
			Bankroll struct {
				BettingSystem struct {
					Type         string `json:"type"`
					Proportional struct {
						Percentage float64 `json:"bankroll_percentage"`
					} `json:"proportional"`
				} `json:"betting_system"`
			} `json:"bankroll"`
			Strategy struct {
				Type   string `json:"type"`
				Custom struct {
					Bet1 []struct{ Condition string } `json:"bet1_rules"`
				} `json:"custom"`
			} `json:"strategy"`
			Bonus struct {
				Type   string `json:"type"`
				Custom struct {
					Expression string `json:"expression"`
				} `json:"custom"`
				Streak struct {
					Python struct {
						Trigger string `json:"trigger"`
					} `json:"python"`
				} `json:"streak_based"`
			} `json:"bonus_strategy"`
			Paytables struct {
				Bonus struct {
					Type   string `json:"type"`
					Custom struct {
						MiniRoyal int64 `json:"mini_royal"`
					} `json:"custom"`
				} `json:"bonus"`
			} `json:"paytables"`
		} `json:"config"`
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
	// Nor can one run draw its strategy_comparison chart (refused, see
	// the pyformat tests): run it without that chart.
	m := runFile("martingale_everything.yaml", "detailed_logging: true", "detailed_logging: false",
		`      - type: "strategy_comparison"`+"\n"+`        title: "Strategies"`+"\n", "")
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
	if a := runFile("reverse_aggressive.yaml"); a.StopReasons["loss_limit"] != 0 || a.StopReasons["win_limit"] == 0 || a.BonusHands == 0 ||
		a.Config.Strategy.Type != "custom" || len(a.Config.Strategy.Custom.Bet1) != 4 {
		t.Errorf("reverse_aggressive: %+v (a win limit only, a bonus bet, its aggressive rules)", a)
	}
	// base_bet × 2 = $10 a hand, less only when the bankroll cannot cover it.
	if c := runFile("custom_bet.yaml"); c.Config.Bankroll.BettingSystem.Type != "custom" || c.AverageBet > 10 || c.AverageBet < 9 {
		t.Errorf("custom_bet: average bet %v, want about $10", c.AverageBet)
	}
	// 2% of a $1,000 bankroll, rounded to $5, within $5–$50.
	if p := runFile("proportional.yaml"); p.Config.Bankroll.BettingSystem.Proportional.Percentage != 2 || p.AverageBet < 5 || p.AverageBet > 50 {
		t.Errorf("proportional: %v%%, average bet %v", p.Config.Bankroll.BettingSystem.Proportional.Percentage, p.AverageBet)
	}
	// Its rules (the royal draw rewritten to its meaning), $4 bonus every
	// hand the bankroll covers, on its custom table.
	if r := runFile("paroli_custom_rules.yaml"); r.BonusHands < r.Hands*99/100 || r.Config.Paytables.Bonus.Custom.MiniRoyal != 60 ||
		len(r.Config.Strategy.Custom.Bet1) != 3 || r.Config.Strategy.Custom.Bet1[1].Condition != "(is_flush_draw && high_cards >= 3 && high_rank == 14)" || r.RideRate1 > 0.1 {
		t.Errorf("paroli_custom_rules: %+v", r)
	}
	// A bonus every hand the bankroll covers, doubled after four bonus losses (its rule).
	if s := runFile("streak_based.yaml"); s.BonusHands < s.Hands*99/100 || s.Config.Bonus.Streak.Python.Trigger != "bonus_loss" {
		t.Errorf("streak_based: %+v", s)
	}
	// No bonus until the session is $10 ahead (min_session_profit 10), then sometimes.
	if b := runFile("bankroll_conditional.yaml"); b.Config.Bonus.Type != "custom" || b.Config.Bonus.Custom.Expression == "" || b.BonusHands == 0 || b.BonusHands >= b.Hands {
		t.Errorf("bankroll_conditional: %d bonus hands of %d, bonus %+v", b.BonusHands, b.Hands, b.Config.Bonus)
	}
}
