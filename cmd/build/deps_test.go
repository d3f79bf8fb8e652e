package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWorkerStaysSmall keeps heavy packages out of worker.wasm: every Web
// Worker downloads and compiles it. YAML and rule-expression parsing happen
// on the page; statistics and the UI never run in a worker.
func TestWorkerStaysSmall(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "./wasm/worker")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, bad := range []string{"github.com/goccy/go-yaml", "github.com/expr-lang/expr", "gonum.org/v1/gonum", "github.com/maxence-charriere/go-app", "github.com/go-echarts"} {
		for _, dep := range strings.Fields(string(out)) {
			if strings.HasPrefix(dep, bad) {
				t.Errorf("worker.wasm depends on %s", dep)
				break
			}
		}
	}
}
