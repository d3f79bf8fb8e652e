package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder with a broken file: the broken file is reported, the others
// run, the exit status is 1; --sessions sets every file's count; a config
// the exact engine does not cover has p_win_exact null and the reason.
func TestStudyFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a_tight.yaml", "metadata: {name: tight}\nsimulation: {num_sessions: 50000}\nbankroll: {stop_conditions: {win_limit: 25, loss_limit: 25}}\n")
	writeFile(t, dir, "b_broken.yaml", "simulation: {num_sessions: -3}\n")
	writeFile(t, dir, "c_progressive.yaml", `metadata: {name: progressive}
bonus_strategy: {enabled: true, type: always, always: {amount: 1}}
paytables: {bonus: {type: paytable_c}}
`)
	writeFile(t, dir, "notes.txt", "not a config")
	report := filepath.Join(t.TempDir(), "study.html")
	var out, errb bytes.Buffer
	code := run([]string{"study", dir, "--sessions", "300", "--seed", "5", "--json", "--report", report}, &out, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "b_broken.yaml") || !strings.Contains(errb.String(), "simulation.num_sessions") {
		t.Fatalf("stderr does not name the broken file and key:\n%s", errb.String())
	}
	var doc struct {
		Rows   []map[string]any `json:"rows"`
		Failed []struct{ File, Error string }
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Rows) != 2 || len(doc.Failed) != 1 || !strings.HasSuffix(doc.Failed[0].File, "b_broken.yaml") {
		t.Fatalf("rows %d, failed %+v", len(doc.Rows), doc.Failed)
	}
	byName := map[string]map[string]any{}
	for _, r := range doc.Rows {
		byName[r["name"].(string)] = r
		if r["sessions"].(float64) != 300 {
			t.Fatalf("%s: sessions %v, want 300 (--sessions)", r["name"], r["sessions"])
		}
		for _, k := range []string{"file", "p_win", "p_win_exact", "mean_profit", "mean_profit_exact", "p_push", "p_loss", "ev_per_hand", "sd_profit", "expected_hands"} {
			if _, ok := r[k]; !ok {
				t.Fatalf("row %s has no %q", r["name"], k)
			}
		}
	}
	if c := byName["progressive"]; c["p_win_exact"] != nil || !strings.Contains(c["exact_omitted"].(string), "jackpot grows") {
		t.Fatalf("progressive row: p_win_exact %v, exact_omitted %v", c["p_win_exact"], c["exact_omitted"])
	}
	if p, ok := byName["tight"]["p_win_exact"].(float64); !ok || p < 0.3 || p > 0.4 {
		t.Fatalf("tight row: p_win_exact %v", byName["tight"]["p_win_exact"])
	}
	html, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="option-ranking"`, "95% interval", "tight", "progressive", "b_broken.yaml"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Fatalf("report lacks %q", want)
		}
	}
}

// The table and the CSV name each config once; a pattern matching nothing
// is a failure.
func TestStudyTableCSVAndGlob(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "x.yaml", "metadata: {name: xname}\nsimulation: {num_sessions: 200}\n")
	out := string(lirOut(t, "study", filepath.Join(dir, "*.yaml")))
	if !strings.Contains(out, "xname") || !strings.Contains(out, "1 configs ranked") {
		t.Fatalf("table:\n%s", out)
	}
	csv := string(lirOut(t, "study", "--csv", filepath.Join(dir, "x.yaml")))
	if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "rank,file,name,") {
		t.Fatalf("csv:\n%s", csv)
	}
	if msg := lirFails(t, "study", filepath.Join(dir, "*.json")); !strings.Contains(msg, "no file matches") {
		t.Fatalf("stderr: %s", msg)
	}
	if msg := lirFails(t, "study"); !strings.Contains(msg, "at least one") {
		t.Fatalf("stderr: %s", msg)
	}
}
