package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Two runs writing one --per-hand-csv at once do not interleave: the file
// is, whole, what one of them writes alone.
func TestConcurrentRunsDoNotInterleave(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "hands.csv")
	var alone [2][]byte
	for i, seed := range []string{"1", "2"} {
		p := filepath.Join(dir, "alone"+seed+".csv")
		lirOut(t, "run", "--seed", seed, "--sessions", "3000", "--no-exact", "--workers", "1", "--per-hand-csv", p, "--json")
		alone[i], _ = os.ReadFile(p)
	}
	for range 3 {
		var wg sync.WaitGroup
		for _, seed := range []string{"1", "2"} {
			wg.Go(func() {
				var out, errb bytes.Buffer
				if code := run([]string{"run", "--seed", seed, "--sessions", "3000", "--no-exact", "--workers", "1", "--per-hand-csv", shared, "--json"}, &out, &errb); code != 0 {
					t.Errorf("seed %s: exit %d: %s", seed, code, errb.String())
				}
			})
		}
		wg.Wait()
		got, _ := os.ReadFile(shared)
		if !bytes.Equal(got, alone[0]) && !bytes.Equal(got, alone[1]) {
			t.Fatalf("the shared file (%d bytes) is neither run's export (%d, %d bytes)", len(got), len(alone[0]), len(alone[1]))
		}
	}
}

// Output paths are checked before the simulation starts (nothing is on
// stdout, where the results would come): two outputs naming one file, an
// output over the input config, a missing folder, a file where
// output.directory should be a folder.
func TestOutputsCheckedBeforeTheRun(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "study.yaml", "simulation: {num_sessions: 100}\n")
	file := writeFile(t, dir, "file", "")
	formats := writeFile(t, dir, "formats.yaml", "output: {directory: "+file+", formats: {json: true}}\n")
	x := filepath.Join(dir, "x")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--report", x, "--per-session-csv", x}, "both name"},
		{[]string{"--per-hand-csv", x, "--per-session-csv", x}, "both name"},
		{[]string{"--config", cfg, "--report", cfg}, "input"},
		{[]string{"--config", cfg, "--per-hand-csv", filepath.Join(dir, ".", "study.yaml")}, "input"},
		{[]string{"--report", filepath.Join(dir, "missing", "r.html")}, "does not exist"},
		{[]string{"--per-hand-csv", filepath.Join(dir, "missing", "h.csv")}, "does not exist"},
		{[]string{"--config", formats}, "not a folder"},
		{[]string{"--report", "~/r.html"}, "~"},
	} {
		code, out, errs := lir(t, append([]string{"run", "--seed", "1", "--json"}, c.args...)...)
		if code == 0 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %d bytes on stdout, stderr %q (want %q)", c.args, code, len(out), errs, c.want)
		}
	}
	if b, _ := os.ReadFile(cfg); string(b) != "simulation: {num_sessions: 100}\n" {
		t.Errorf("the input config was overwritten")
	}
	if _, err := os.Stat(x); err == nil {
		t.Errorf("%s was written", x)
	}
	part := writeFile(t, dir, "part.json", string(lirOut(t, "run", "--seed", "1", "--sessions", "10", "--shard", "0/1", "--json")))
	if e := lirFails(t, "merge", part, "--report", part); !strings.Contains(e, "input") {
		t.Errorf("merge --report over its input: %q", e)
	}
	// lir study checks its report before running any config: over one of
	// its configs (named, or found in a folder), in a missing folder.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{cfg, "--report", cfg}, "input"},
		{[]string{dir, "--report", formats}, "input"},
		{[]string{cfg, "--report", filepath.Join(dir, "missing", "r.html")}, "does not exist"},
		{[]string{cfg, "--report", "~/r.html"}, "~"},
	} {
		code, out, errs := lir(t, append([]string{"study", "--seed", "1", "--json"}, c.args...)...)
		if code == 0 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("study %v: exit %d, %d bytes on stdout, stderr %q (want %q)", c.args, code, len(out), errs, c.want)
		}
	}
	if b, _ := os.ReadFile(formats); !strings.HasPrefix(string(b), "output:") {
		t.Errorf("lir study overwrote its input %s", formats)
	}
}

// Output settings that cannot name a file are refused when the config is
// read (lir validate says so): an empty folder, a folder starting with ~
// (which only a shell expands), a NUL in the prefix.
func TestOutputSettingsValidated(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ yaml, want string }{
		{`output: {directory: ""}`, "output.directory"},
		{`output: {directory: "~/results"}`, "output.directory"},
		{`output: {prefix: "a\0b"}`, "output.prefix"},
	} {
		p := writeFile(t, dir, "c.yaml", c.yaml+"\n")
		if e := lirFails(t, "validate", p); !strings.Contains(e, c.want) {
			t.Errorf("%s: %q", c.yaml, e)
		}
	}
}

// A share link carries no output section: lir url encode says it leaves
// it out, and the decoded config writes where the recipient's defaults say.
func TestShareLinkCarriesNoOutput(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", "table: {num_seats: 2}\noutput: {directory: /srv/elsewhere, prefix: theirs_, formats: {json: true}}\n")
	code, link, errs := lir(t, "url", "encode", cfg)
	if code != 0 || !strings.Contains(errs, "output section is left out") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	yaml := string(lirOut(t, "url", "decode", strings.TrimSpace(link)))
	if strings.Contains(yaml, "elsewhere") || strings.Contains(yaml, "theirs_") {
		t.Errorf("the decoded config keeps the output settings:\n%s", yaml)
	}
}
