//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Every command whose output cannot be written (stdout on a full disk,
// /dev/full: every write fails with ENOSPC) exits non-zero and says so on
// stderr, so that a batch job never counts truncated output as complete.
func TestFullStdoutFails(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer full.Close()
	bin := lirBinary(t)
	dir := t.TempDir()
	cfg := writeFile(t, dir, "a.yaml", "simulation: {num_sessions: 50, hands_per_session: 20}\n")
	cfgB := writeFile(t, dir, "b.yaml", "simulation: {num_sessions: 50, hands_per_session: 20}\nstrategy: {type: always_ride}\n")
	var parts []string
	for i := range 2 {
		out, err := exec.Command(bin, "run", "--config", cfg, "--seed", "1", "--shard", []string{"0/2", "1/2"}[i], "--json").Output()
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, writeFile(t, dir, []string{"p0.json", "p1.json"}[i], string(out)))
	}
	link, err := exec.Command(bin, "url", "encode", cfg).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"run", "--config", cfg, "--seed", "1"},
		{"run", "--config", cfg, "--seed", "1", "--json"},
		{"run", "--config", cfg, "--seed", "1", "--shard", "0/2", "--json"},
		{"merge", parts[0], parts[1]},
		{"merge", parts[0], parts[1], "--json"},
		{"compare", cfg, cfgB, "--seed", "1", "--sessions", "50"},
		{"compare", cfg, cfgB, "--seed", "1", "--sessions", "50", "--json"},
		{"exact", "--config", cfg},
		{"exact", "--config", cfg, "--json"},
		{"exact", "--config", cfg, "--classes"},
		{"exact", "hand", "Ah Kh Qh"},
		{"exact", "hand", "Ah Kh Qh", "--json"},
		{"exact", "walkaway", "--config", cfg, "--win-limits", "10", "--loss-limits", "10"},
		{"exact", "walkaway", "--config", cfg, "--win-limits", "10", "--loss-limits", "10", "--json"},
		{"validate", cfg},
		{"study", cfg, cfgB, "--seed", "1"},
		{"study", cfg, cfgB, "--seed", "1", "--json"},
		{"study", cfg, cfgB, "--seed", "1", "--csv"},
		{"init", filepath.Join(dir, "new.yaml")},
		{"url", "encode", cfg},
		{"url", "decode", strings.TrimSpace(string(link))},
		{"presets"},
		{"help"},
		{"bench", "--seconds", "0.3", "--max-workers", "1"},
		{"bench", "--seconds", "0.3", "--max-workers", "1", "--json"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Stdout = full
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if err == nil {
			t.Errorf("%v > /dev/full: exit 0", args)
			continue
		}
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("%v: %v", args, err)
		}
		if !strings.Contains(stderr.String(), "no space left on device") {
			t.Errorf("%v > /dev/full: stderr %q does not say why", args, stderr.String())
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".lir-*")); len(left) > 0 {
		t.Errorf("left behind %v", left)
	}
}
