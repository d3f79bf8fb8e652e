package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/stats"
)

// Bets that follow the bankroll (here proportional betting, and a bonus
// bet of 1000 × the bet) on tables paying up to 1,000,000 to 1 can carry
// bankrolls anywhere up to the engine's ceiling, which no bound at load
// foresees: a run either prints statistics that are exact or fails
// naming why, never an impossible figure (an excess kurtosis below −2, a
// missing standard deviation) nor a crash. The truth is the per-session
// CSV: its profits, summed in big integers (stats.Moments), give the
// standard deviation, skewness and kurtosis the document must show.
func TestStatisticsExactOrRefused(t *testing.T) {
	bin := lirBinary(t)
	dir := t.TempDir()
	million := "paytables: {main_game: {type: custom, custom: {royal_flush: 1000000, straight_flush: 1000000, four_of_a_kind: 1000000, full_house: 1000000, flush: 1000000, straight: 1000000, three_of_a_kind: 1000000, two_pair: 1000000, pair_tens_or_better: 1000000}}}\n"
	hundred := strings.ReplaceAll(million, "1000000", "100")
	noLimits := "stop_conditions: {win_limit: null, loss_limit: null}"
	for _, c := range []struct {
		name, yaml string
		refused    bool // the run's bankrolls grow past what the sums hold
	}{
		{"proportional on 1e6:1", "simulation: {num_sessions: 10000, hands_per_session: 200}\nbankroll: {starting_amount: 1000000000, base_bet: 1, " + noLimits + ", betting_system: {type: proportional, proportional: {bankroll_percentage: 33.33}}}\n" + million, true},
		{"bonus 1000 × the bet", "simulation: {num_sessions: 1000, hands_per_session: 200}\nbankroll: {starting_amount: 1000000000, base_bet: 1, " + noLimits + ", betting_system: {type: proportional, proportional: {bankroll_percentage: 0.1}}}\nbonus_strategy: {enabled: true, type: static, static: {ratio: 1000}}\npaytables: {bonus: {type: custom, custom: {mini_royal: 1000000, straight_flush: 1000000, three_of_a_kind: 1000000, straight: 1000000, flush: 1000000, pair: 1000000}}}\n", true},
		{"proportional on 100:1", "simulation: {num_sessions: 2000, hands_per_session: 5}\nbankroll: {starting_amount: 1000, base_bet: 1, " + noLimits + ", betting_system: {type: proportional, proportional: {bankroll_percentage: 20}}}\n" + hundred, false},
	} {
		cfg := writeFile(t, dir, "c.yaml", c.yaml)
		sessions := filepath.Join(dir, "s.csv")
		os.Remove(sessions)
		cmd := exec.Command(bin, "run", "--config", cfg, "--seed", "1", "--no-exact", "--json", "--per-session-csv", sessions)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		if err != nil {
			if exit.ExitCode() != 1 || stdout.Len() > 0 || !strings.Contains(stderr.String(), "exact") {
				t.Errorf("%s: exit %d, %d bytes of stdout, stderr %.400q", c.name, exit.ExitCode(), stdout.Len(), stderr.String())
			}
			if _, err := os.Stat(sessions); err == nil {
				t.Errorf("%s: a failed run wrote its per-session CSV", c.name)
			}
			if !c.refused {
				t.Errorf("%s: refused, though its bankrolls stay small enough", c.name)
			}
			// lir compare plays the same sessions: refused as well.
			code, out, errs := lir(t, "compare", cfg, cfg, "--seed", "1", "--json")
			if code != 1 || out != "" || !strings.Contains(errs, "exact") {
				t.Errorf("%s: lir compare: exit %d, %d bytes of stdout, stderr %.300q", c.name, code, len(out), errs)
			}
			continue
		}
		if c.refused {
			t.Errorf("%s: exit 0 (want the run refused)", c.name)
		}
		var doc struct {
			SessionProfit map[string]*float64 `json:"session_profit"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		m := profitMoments(t, sessions)
		for _, f := range []struct {
			name string
			want float64
		}{
			{"std", m.Std() / 100},
			{"skewness", m.Skewness()},
			{"excess_kurtosis", m.ExcessKurtosis()},
		} {
			if got := doc.SessionProfit[f.name]; got == nil {
				t.Errorf("%s: session_profit.%s is null, the sessions' exact figure is %v", c.name, f.name, f.want)
			} else if math.Abs(*got-f.want) > 1e-9*math.Abs(f.want) {
				t.Errorf("%s: session_profit.%s = %v, the sessions' exact figure is %v", c.name, f.name, *got, f.want)
			}
		}
	}
}

// profitMoments reads the profit column (currency units, two decimals) of
// a per-session CSV into exact power sums of cents.
func profitMoments(t *testing.T, path string) *stats.Moments {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == "profit" {
			col = i
		}
	}
	var m stats.Moments
	for _, r := range rows[1:] {
		x, ok := new(big.Rat).SetString(r[col])
		if !ok {
			t.Fatalf("profit %q", r[col])
		}
		cents := new(big.Rat).Mul(x, big.NewRat(100, 1))
		if !cents.IsInt() || !cents.Num().IsInt64() {
			t.Fatalf("profit %q is not a whole number of cents", r[col])
		}
		m.Add(cents.Num().Int64())
	}
	if m.N == 0 {
		t.Fatal("no sessions in the CSV")
	}
	return &m
}
