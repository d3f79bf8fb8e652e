//go:build !wasm

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/lir-lab/lir/internal/standin/config"
	"github.com/lir-lab/lir/internal/standin/results"
	"github.com/lir-lab/lir/internal/standin/sim"
)

// nativeResults is the results document of the native engine for a config
// and seed: `lir run --json` when the CLI exists, else the engine library.
func nativeResults(t *testing.T, configJSON []byte, seed uint64, workers int) []byte {
	t.Helper()
	root := repoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "cmd", "lir")); err == nil {
		f := filepath.Join(t.TempDir(), "config.json")
		if err := os.WriteFile(f, configJSON, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "run", "./cmd/lir", "run", "--json",
			"--seed", strconv.FormatUint(seed, 10), "--workers", strconv.Itoa(workers), "--config", f)
		cmd.Dir = root
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("lir run --json: %v", err)
		}
		return out
	}
	cfg, err := config.DecodeJSON(configJSON)
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	n := cfg.Simulation.NumSessions
	agg := r.Run(seed, 0, n, nil)
	doc, err := results.Build(cfg, seed, agg).JSON()
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
