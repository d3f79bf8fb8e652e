package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

// lirOut runs the CLI in-process and returns stdout, failing on a non-zero exit.
func lirOut(t *testing.T, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("lir %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	return out.Bytes()
}

// lirFails runs the CLI expecting failure and returns stderr.
func lirFails(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code == 0 {
		t.Fatalf("lir %s: succeeded, want an error", strings.Join(args, " "))
	}
	return errb.String()
}

// stripTiming returns the document with its timing block removed,
// re-encoded as it was (the block is last, so nothing else moves).
func stripTiming(t *testing.T, doc []byte) []byte {
	t.Helper()
	i := bytes.Index(doc, []byte(",\n  \"timing\": {"))
	if i < 0 {
		t.Fatalf("no timing block in\n%.300s", doc)
	}
	return append(doc[:i:i], []byte("\n}\n")...)
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const threeSeats = `
table: {num_seats: 3, seat_mode: sit_out}
bonus_strategy: {enabled: true, type: always, always: {amount: 1}}
simulation: {num_sessions: 3000, trajectories: 4}
`

// Shards 0/3, 1/3 and 2/3 merged give the unsharded document byte for
// byte outside timing.
func TestShardsMergeToWholeRun(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", threeSeats)
	whole := lirOut(t, "run", "--config", cfg, "--seed", "42", "--json", "--workers", "2")
	var files []string
	for _, s := range []string{"2/3", "0/3", "1/3"} {
		part := lirOut(t, "run", "--config", cfg, "--seed", "42", "--json", "--workers", "1", "--shard", s)
		files = append(files, writeFile(t, dir, "part"+s[:1]+".json", string(part)))
	}
	merged := lirOut(t, append(append([]string{"merge"}, files...), "--json")...) // flags after the files, as the docs write it
	a, b := stripTiming(t, whole), stripTiming(t, merged)
	if !bytes.Equal(a, b) {
		t.Fatalf("merged document differs from the whole run (%d vs %d bytes)", len(a), len(b))
	}
	var doc map[string]any
	if err := json.Unmarshal(merged, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["partial"] != nil || doc["exact"] == nil || doc["seat_independence"] == nil || doc["trajectories"] == nil {
		t.Fatalf("merged document lacks a section or keeps partial")
	}

	// Refusals.
	if e := lirFails(t, "merge", "--json", files[0], files[1]); !strings.Contains(e, "missing shard") {
		t.Errorf("missing shard: %s", e)
	}
	if e := lirFails(t, "merge", "--json", files[0], files[1], files[1], files[2]); !strings.Contains(e, "twice") {
		t.Errorf("overlap: %s", e)
	}
	other := writeFile(t, dir, "other.json", string(lirOut(t, "run", "--config", cfg, "--seed", "43", "--json", "--shard", "1/3")))
	if e := lirFails(t, "merge", "--json", files[0], files[1], other); !strings.Contains(e, "seed") {
		t.Errorf("different seed: %s", e)
	}
	four := writeFile(t, dir, "four.json", string(lirOut(t, "run", "--config", cfg, "--seed", "42", "--json", "--shard", "1/4")))
	if e := lirFails(t, "merge", "--json", files[0], files[1], four); !strings.Contains(e, "shards") {
		t.Errorf("different shard count: %s", e)
	}
	cfg2 := writeFile(t, dir, "c2.yaml", threeSeats+"strategy: {type: always_ride}\n")
	diff := writeFile(t, dir, "diff.json", string(lirOut(t, "run", "--config", cfg2, "--seed", "42", "--json", "--shard", "1/3")))
	if e := lirFails(t, "merge", "--json", files[0], files[1], diff); !strings.Contains(e, "config") {
		t.Errorf("different config: %s", e)
	}
	if e := lirFails(t, "merge", "--json", cfg); !strings.Contains(e, "results document") {
		t.Errorf("not a document: %s", e)
	}
}

// The streamed CSV files are the same on 1 and 2 workers and agree with
// the results document.
func TestExportsDeterministic(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", threeSeats+"output: {console: false}\n")
	var sess, hands [2][]byte
	var doc map[string]any
	for k, w := range []string{"1", "2"} {
		s, h := filepath.Join(dir, "s"+w+".csv"), filepath.Join(dir, "h"+w+".csv")
		out := lirOut(t, "run", "--config", cfg, "--seed", "9", "--sessions", "400", "--workers", w, "--no-exact",
			"--per-session-csv", s, "--per-hand-csv", h, "--json")
		json.Unmarshal(out, &doc)
		sess[k], _ = os.ReadFile(s)
		hands[k], _ = os.ReadFile(h)
	}
	if !bytes.Equal(sess[0], sess[1]) || !bytes.Equal(hands[0], hands[1]) {
		t.Fatal("exports differ between 1 and 2 workers")
	}
	rows := func(b []byte) int { return bytes.Count(b, []byte("\n")) - 1 }
	if got, want := rows(sess[0]), int(doc["player_sessions"].(float64)); got != want {
		t.Errorf("%d session rows, %d player sessions", got, want)
	}
	if got, want := rows(hands[0]), int(doc["hands"].(float64)); got != want {
		t.Errorf("%d hand rows, %d hands", got, want)
	}
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		if strings.HasPrefix(e.Name(), ".lir-export-") {
			t.Errorf("temporary directory %s left behind", e.Name())
		}
	}
}

// lir compare --json lists every pair with its p-values, adjusted
// p-values and effect size; basic vs always_pull differ, basic vs itself
// does not.
func TestCompareJSON(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "basic.yaml", "metadata: {name: basic}\n")
	b := writeFile(t, dir, "pull.yaml", "metadata: {name: pull}\nstrategy: {type: always_pull}\n")
	out := lirOut(t, "compare", a, b, a, "--json", "--seed", "3", "--sessions", "1500", "--workers", "2")
	var doc struct {
		Pairs []map[string]any `json:"pairs"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Pairs) != 3 {
		t.Fatalf("%d pairs, want 3", len(doc.Pairs))
	}
	for _, p := range doc.Pairs {
		for _, k := range []string{"a", "b", "p_value_profit", "p_value_win_rate", "win_rate_test", "p_value_profit_adjusted", "p_value_win_rate_adjusted", "effect_size", "variance_reduction"} {
			if _, ok := p[k]; !ok {
				t.Fatalf("pair lacks %q: %v", k, p)
			}
		}
		self := p["a"].(float64) == 0 && p["b"].(float64) == 2 // basic.yaml twice
		if sig := p["significant_profit"].(bool); sig == self {
			t.Errorf("%v vs %v: significant_profit = %v", p["name_a"], p["name_b"], sig)
		}
	}
}

// A file of the Python tool loads unchanged (SPEC §10): a numeric
// metadata.version is kept as written, and output.visualizations writes
// the charts, i.e. the HTML report.
func TestPythonToolFileLoads(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	cfg := writeFile(t, dir, "study.yaml", "metadata: {name: old study, version: 1.10}\n"+
		"simulation: {num_sessions: 50}\n"+
		"output: {directory: "+out+", prefix: p_, formats: {json: false, csv: false, html: false}, visualizations: true, console: false}\n")
	var doc struct {
		Config struct {
			Metadata struct{ Version string } `json:"metadata"`
		} `json:"config"`
	}
	if err := json.Unmarshal(lirOut(t, "run", "--config", cfg, "--seed", "1", "--json"), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Config.Metadata.Version != "1.10" {
		t.Errorf("metadata.version = %q, want \"1.10\"", doc.Config.Metadata.Version)
	}
	html, err := os.ReadFile(filepath.Join(out, "p_report.html"))
	if err != nil {
		t.Fatalf("visualizations: true wrote no report: %v", err)
	}
	if !bytes.Contains(html, []byte("echarts")) {
		t.Error("the report has no charts")
	}
	js := writeFile(t, dir, "study.json", `{"metadata": {"version": 2}, "output": {"visualizations": false}}`)
	if got := string(lirOut(t, "validate", js)); !strings.Contains(got, "ok") {
		t.Errorf("validate %s: %s", js, got)
	}
}

// Undefined figures print as n/a, not NaN: the standard deviation of one
// session, and a z score without a standard error.
func TestSummaryUndefinedFigures(t *testing.T) {
	out := string(lirOut(t, "run", "--seed", "1", "--sessions", "1"))
	if strings.Contains(out, "NaN") || !strings.Contains(out, "sd n/a") {
		t.Errorf("one session:\n%s", out)
	}
	c := config.Study()
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	agg := r.Run(1, 0, 20, nil)
	doc := results.Build(c, 1, agg)
	e, err := results.ExactFor(c)
	if err != nil {
		t.Fatal(err)
	}
	doc.Compare(agg, e)
	doc.Exact.EVPerUnitBet.Z = results.Float(math.NaN())
	var b bytes.Buffer
	printSummary(&b, c, doc)
	if s := b.String(); strings.Contains(s, "NaN") || !strings.Contains(s, "z = n/a") {
		t.Errorf("z NaN:\n%s", s)
	}
}

// lir compare's title says whether the configs saw the same cards.
func TestCompareTitle(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml", "metadata: {name: a}\n")
	b := writeFile(t, dir, "b.yaml", "metadata: {name: b}\nstrategy: {type: always_pull}\n")
	two := writeFile(t, dir, "two.yaml", "metadata: {name: two}\ntable: {num_seats: 2}\n")
	if out := string(lirOut(t, "compare", a, b, "--seed", "1", "--sessions", "200")); !strings.HasPrefix(out, "Comparison on common random numbers") {
		t.Errorf("same cards:\n%s", out)
	}
	out := string(lirOut(t, "compare", a, two, "--seed", "1", "--sessions", "200"))
	if !strings.HasPrefix(out, "Comparison on independent cards") || strings.Contains(out, "common random numbers") {
		t.Errorf("different tables:\n%s", out)
	}
}

// A config file over the size limit is refused with its real size.
func TestOversizedConfigGivesItsSize(t *testing.T) {
	dir := t.TempDir()
	text := "metadata: {description: x}\n" + strings.Repeat("# padding\n", 3<<20/10)
	big := writeFile(t, dir, "big.yaml", text)
	e := lirFails(t, "validate", big)
	if !strings.Contains(e, fmt.Sprintf("a config is at most 1048576 bytes; this one is %d\n", len(text))) {
		t.Errorf("got %q", e)
	}
}

// --trajectories takes 0…1000, or -1 (the default) for the config's value;
// other negatives are refused.
func TestTrajectoriesFlag(t *testing.T) {
	for _, v := range []string{"-2", "-1000", "1001"} {
		if e := lirFails(t, "run", "--sessions", "5", "--trajectories", v); !strings.Contains(e, "--trajectories: "+v+" is not allowed") {
			t.Errorf("--trajectories %s: %q", v, e)
		}
	}
	var doc struct {
		Trajectories []any `json:"trajectories"`
	}
	json.Unmarshal(lirOut(t, "run", "--sessions", "5", "--seed", "1", "--trajectories", "-1", "--json", "--no-exact"), &doc)
	if len(doc.Trajectories) != 5 { // the default study keeps 10 sessions' paths; 5 were run
		t.Errorf("--trajectories -1 kept %d paths, want the config's (5)", len(doc.Trajectories))
	}
}
