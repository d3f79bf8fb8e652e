package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// lir runs the CLI in-process and returns its exit code, stdout and stderr.
func lir(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// withoutTiming returns the results document with its timing key removed,
// re-encoded canonically.
func withoutTiming(t *testing.T, doc string) string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		t.Fatalf("results are not JSON: %v\n%s", err, doc)
	}
	if _, ok := m["timing"]; !ok {
		t.Fatal("results document has no timing key")
	}
	delete(m, "timing")
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// Same config and seed on 1, 2 and 3 workers: identical documents outside
// timing (DESIGN contract 1).
func TestWorkersDoNotChangeResults(t *testing.T) {
	for _, cfg := range []string{"", "testdata/multiseat.yaml"} {
		var want string
		for _, w := range []string{"1", "2", "3"} {
			args := []string{"run", "--seed", "12345", "--sessions", "1500", "--workers", w, "--json"}
			if cfg != "" {
				args = append(args, "--config", cfg)
			}
			code, out, errs := lir(t, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, errs)
			}
			got := withoutTiming(t, out)
			if want == "" {
				want = got
			} else if got != want {
				t.Errorf("config %q: --workers %s differs from --workers 1", cfg, w)
			}
		}
	}
}

// TestGolden pins small seeded runs; refresh with go test -update after an
// intended change of results, and say why in the commit.
func TestGolden(t *testing.T) {
	for name, args := range map[string][]string{
		"default":   {"run", "--seed", "1", "--sessions", "200", "--json"},
		"multiseat": {"run", "--config", "testdata/multiseat.yaml", "--json"},
	} {
		code, out, errs := lir(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		got := withoutTiming(t, out)
		path := filepath.Join("testdata", "golden_"+name+".json")
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s: results differ from %s", name, path)
		}
	}
}

// Bad input exits non-zero with one line per problem naming the field
// path, the value given and what is allowed.
func TestValidateReportsEveryProblem(t *testing.T) {
	code, _, errs := lir(t, "validate", "testdata/bad.yaml")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"simulation.num_sessions: 1000000000000 is not allowed; out of range; allowed: 1 to 1000000000",
		`simulation.hands_per_session: "many" is not allowed; want a whole number`,
		"simulation.speed: unknown key; allowed here: num_sessions,",
		"table.num_seats: 0 is not allowed; out of range; allowed: 1 to 7",
		`table.seat_mode: "standing" is not allowed; allowed: sit_out, leave, replace`,
		"bankroll.stop_conditions.win_limit: -5 is not allowed; out of range; allowed: 0.01 to",
		"bankroll.stop_conditions.hands_per_hour: +Inf is not allowed; want a finite number",
		`strategy.ties: "sometimes" is not allowed; allowed: pull, ride`,
		"bankroll.starting_amount: 10 is not allowed; must cover one hand: at least 3 × bankroll.base_bet = 15",
	} {
		if !strings.Contains(errs, "testdata/bad.yaml: "+want) {
			t.Errorf("missing line %q in:\n%s", want, errs)
		}
	}
	if n := strings.Count(errs, "\n"); n != 9 {
		t.Errorf("%d lines, want one per problem (9):\n%s", n, errs)
	}

	code, _, errs = lir(t, "validate", "testdata/inconsistent.json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"bankroll.starting_amount: 10 is not allowed; must cover one hand: at least 3 × bankroll.base_bet = 15",
		"bankroll.base_bet: 5 is not allowed; must be at most bankroll.table_max = 2",
		"table.table_rounds: null is not allowed; required when table.seat_mode is replace",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("missing %q in:\n%s", want, errs)
		}
	}
	if code, out, _ := lir(t, "validate", "testdata/multiseat.yaml"); code != 0 || !strings.Contains(out, "ok") {
		t.Errorf("a good config: exit %d, %q", code, out)
	}
	if code, _, _ := lir(t, "run", "--config", "testdata/bad.yaml"); code != 1 {
		t.Errorf("run with a bad config: exit %d, want 1", code)
	}
	// A flag's value out of range is a wrong command line (status 2).
	for _, args := range [][]string{{"--sessions", "0"}, {"--workers", "-3"}, {"--workers", "100000"}} {
		if code, _, errs := lir(t, append([]string{"run"}, args...)...); code != 2 || !strings.Contains(errs, args[0]+": "+args[1]+" is not allowed") {
			t.Errorf("run %v: exit %d, %q", args, code, errs)
		}
	}
	if code, _, errs := lir(t, "run", "--seed", "-3"); code != 2 || !strings.Contains(errs, "--seed") {
		t.Errorf("run --seed -3: exit %d, %q", code, errs)
	}
	if code, _, errs := lir(t, "validate", "testdata/missing.yaml"); code != 1 || !strings.Contains(errs, "missing.yaml") {
		t.Errorf("missing file: exit %d, %q", code, errs)
	}
}

// With no seed anywhere, one is drawn, reported, and replays the run.
func TestDrawnSeedReplays(t *testing.T) {
	_, out, _ := lir(t, "run", "--sessions", "50", "--json")
	var doc struct {
		Seed string `json:"seed"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Seed == "" {
		t.Fatalf("no seed reported: %v", err)
	}
	_, again, _ := lir(t, "run", "--sessions", "50", "--json", "--seed", doc.Seed)
	if withoutTiming(t, out) != withoutTiming(t, again) {
		t.Error("re-running with the reported seed gives different results")
	}
}

func TestSummaryAndUsage(t *testing.T) {
	code, out, _ := lir(t, "run", "--seed", "3", "--sessions", "100")
	if code != 0 || !strings.Contains(out, "Session win rate") || !strings.Contains(out, "House edge (exact)") {
		t.Errorf("summary: exit %d\n%s", code, out)
	}
	if code, _, errs := lir(t, "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errs)
	}
}
