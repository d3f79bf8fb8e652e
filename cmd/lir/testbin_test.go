package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

var built struct {
	once sync.Once
	dir  string
	path string
	err  error
	out  []byte
}

// TestMain removes the binary lirBinary built.
func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// lirBinary builds lir once for the tests that need a real process
// (signals, rlimits, stdout on a full device).
func lirBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			built.err = err
			return
		}
		if built.dir, built.err = os.MkdirTemp("", "lir-test-bin-"); built.err != nil {
			return
		}
		built.path = filepath.Join(built.dir, "lir")
		built.out, built.err = exec.Command(goTool, "build", "-o", built.path, ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("building lir: %v\n%s", built.err, built.out)
	}
	return built.path
}
