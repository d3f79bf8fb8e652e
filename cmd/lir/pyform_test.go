package main

import (
	"bufio"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/pyformat"
)

// A study in the Python tool's form (written here from its models.py:
// workers "auto", object formats, visualizations, console), with a
// two-seat table.
const pythonStudy = `
metadata: {name: "Two seats, walk away at +$50 / -$50"}
simulation:
  num_sessions: 400
  hands_per_session: 50
  random_seed: 7
  workers: "auto"
bankroll:
  starting_amount: 200.00
  base_bet: 5.00
  stop_conditions: {win_limit: 50.00, loss_limit: 50.00, max_hands: 50, stop_on_insufficient_funds: true}
  betting_system: {type: "flat"}
strategy: {type: "basic"}
table: {num_seats: 2}
bonus_strategy: {enabled: false, type: "never"}
output:
  directory: "DIR"
  prefix: "two_seats"
  formats:
    csv: {enabled: true, include_hands: false, include_sessions: true, include_aggregate: true, include_seat_aggregate: true}
    json: {enabled: true, pretty: false, include_config: true}
    html: {enabled: false}
  visualizations:
    enabled: true
    charts:
      - {type: "bankroll_trajectory", title: "Paths", sample_sessions: 20}
    format: "png"
    dpi: 150
  console: {progress_bar: false, verbosity: 1, show_summary: false}
`

// lir run on it writes its files, named as it names them, into its
// output.directory: the sessions header is its SESSION_RESULT_FIELDS,
// the JSON carries the file as its config, its chart is a PNG in charts/
// (12 × 6 inches at 150 dpi); show_summary false prints no summary.
func TestRunPythonOutput(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "study.yaml")
	out := filepath.Join(dir, "results", "two")
	os.WriteFile(cfg, []byte(strings.Replace(pythonStudy, "DIR", out, 1)), 0o644)
	if code, stdout, stderr := lir(t, "validate", cfg); code != 0 || !strings.Contains(stdout, ": ok (400 sessions, 2 seat(s)") {
		t.Fatalf("validate: exit %d: %s%s", code, stdout, stderr)
	}
	code, stdout, stderr := lir(t, "run", "--config", cfg, "--no-exact")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var want []string
	for _, n := range []string{pyformat.SessionsName, pyformat.AggregateName, pyformat.SeatAggregateName, pyformat.JSONName} {
		want = append(want, "wrote "+filepath.Join(out, "two_seats"+n))
	}
	chart := filepath.Join(out, pyformat.ChartsDir, "bankroll_trajectory.png")
	want = append(want, "wrote "+chart)
	if got := strings.TrimSpace(stdout); got != strings.Join(want, "\n") {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	f, err := os.Open(filepath.Join(out, "two_seats_sessions.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	header := "\ufefftable_session_id,seat_number,outcome,stop_reason,hands_played,starting_bankroll,final_bankroll,session_profit,total_wagered,total_bonus_wagered,peak_bankroll,max_drawdown,max_drawdown_pct"
	if sc.Text() != header {
		t.Errorf("sessions header %q", sc.Text())
	}
	rows := 0
	for sc.Scan() {
		rows++
	}
	if rows != 800 {
		t.Errorf("%d session rows, want 400 sessions × 2 seats", rows)
	}
	b, err := os.ReadFile(filepath.Join(out, "two_seats_results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Config struct {
			Simulation map[string]any `json:"simulation"`
		} `json:"config"`
	}
	if err := json.Unmarshal(b, &doc); err != nil || doc.Config.Simulation["workers"] != "auto" {
		t.Errorf("JSON config: %v %v", err, doc.Config.Simulation)
	}
	if _, err := os.Stat(filepath.Join(out, "two_seats"+pyformat.HTMLName)); err == nil {
		t.Errorf("a report written without formats.html")
	}
	pf, err := os.Open(chart)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if img, err := png.Decode(pf); err != nil || img.Bounds().Dx() != 1800 || img.Bounds().Dy() != 900 {
		t.Errorf("chart: %v", err)
	}
	// Its sample_sessions is more paths than --trajectories keeps.
	if code, _, stderr := lir(t, "run", "--config", cfg, "--no-exact", "--trajectories", "5"); code == 0 || !strings.Contains(stderr, "sample_sessions") {
		t.Errorf("--trajectories 5: exit %d, %q", code, stderr)
	}
}

// Keys of its output section we cannot honour are refused by name.
func TestRunPythonOutputRefusals(t *testing.T) {
	dir := t.TempDir()
	for key, study := range map[string]string{
		"output.timestamp_format":            strings.Replace(pythonStudy, `  prefix: "two_seats"`, `  prefix: "two_seats"`+"\n"+`  timestamp_format: "%Y"`, 1),
		"output.formats.html.include_charts": strings.Replace(pythonStudy, `html: {enabled: false}`, `html: {enabled: true, include_charts: false}`, 1),
		"output.formats.csv.include_hands":   strings.Replace(pythonStudy, `include_hands: false`, `include_hands: true`, 1),
		"output.console.colour":              strings.Replace(pythonStudy, `show_summary: false}`, `show_summary: false, colour: true}`, 1),
		"visualizations.dpi":                 strings.Replace(pythonStudy, `dpi: 150`, `dpi: 20`, 1),
		// One run plays one strategy; this file places no bonus bet.
		"output.visualizations.charts[0].type: \"strategy_comparison\"": strings.Replace(pythonStudy, `type: "bankroll_trajectory"`, `type: "strategy_comparison"`, 1),
		"output.visualizations.charts[1].type: \"bonus_impact\"":        strings.Replace(pythonStudy, `sample_sessions: 20}`, `sample_sessions: 20}`+"\n"+`      - {type: "bonus_impact", title: "Bonus"}`, 1),
	} {
		cfg := filepath.Join(dir, "s.yaml")
		os.WriteFile(cfg, []byte(strings.Replace(study, "DIR", filepath.Join(dir, "out"), 1)), 0o644)
		code, _, stderr := lir(t, "run", "--config", cfg, "--no-exact")
		if code == 0 || !strings.Contains(stderr, key) {
			t.Errorf("%s: exit %d, %q", key, code, stderr)
		}
	}
}
