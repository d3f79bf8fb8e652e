//go:build !wasm

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// nativeResults is `lir run --json` for a config and seed on workers
// goroutines: the native engine's results document.
func nativeResults(t *testing.T, configJSON []byte, seed uint64, workers int) []byte {
	t.Helper()
	root := repoRoot(t)
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
