package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// lir run prints the exact session beside the simulated one for a betting
// system (a martingale the rulebook carries), and the simulated win rate
// and mean profit lie within 4 standard errors of the exact figures.
func TestRunShowsExactSession(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.yaml")
	cfg := `bankroll:
  starting_amount: 500
  base_bet: 5
  stop_conditions: {win_limit: 100, loss_limit: 100}
  betting_system: {type: martingale, martingale: {loss_multiplier: 2, max_bet: 80, max_progressions: 4}}
`
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := lir(t, "run", "--config", path, "--seed", "3", "--sessions", "20000")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, row := range []string{"Session win rate (exact)", "Session profit (exact)", "Hands per session (exact)"} {
		if !strings.Contains(out, row) {
			t.Errorf("no %q row in\n%s", row, out)
		}
	}
	zs := regexp.MustCompile(`\(exact\).*z = ([-+0-9.]+)`).FindAllStringSubmatch(out, -1)
	if len(zs) != 2 {
		t.Fatalf("z values %v in\n%s", zs, out)
	}
	for _, m := range zs {
		if z, err := strconv.ParseFloat(m[1], 64); err != nil || z < -4 || z > 4 {
			t.Errorf("z = %s: simulated and exact session figures disagree", m[1])
		}
	}
	// --no-exact asks nothing of the exact engine: no exact row at all.
	code, out, errs = lir(t, "run", "--config", path, "--seed", "3", "--sessions", "2000", "--no-exact")
	if code != 0 || strings.Contains(out, "exact") {
		t.Fatalf("--no-exact: exit %d (%s), summary\n%s", code, errs, out)
	}
}
