package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The WebAssembly programs link only what they need. app.wasm is the page
// and, in every Web Worker, the engine: every visit downloads and compiles
// it, so YAML and rule-expression parsing stay in the tools worker
// (tools.wasm, fetched on first use) and gonum's linear algebra and
// statistics out; tools.wasm holds no UI.
func TestWasmDependencies(t *testing.T) {
	for pkg, banned := range map[string][]string{
		"./wasm/app":   {"github.com/goccy/go-yaml", "github.com/expr-lang/expr", "gonum.org/v1/gonum/mat", "gonum.org/v1/gonum/stat"},
		"./wasm/tools": {"github.com/maxence-charriere/go-app", "github.com/go-echarts", "gonum.org/v1/gonum"},
	} {
		cmd := exec.Command("go", "list", "-deps", pkg)
		cmd.Dir = "../.."
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, bad := range banned {
			for _, dep := range strings.Fields(string(out)) {
				if dep == bad || strings.HasPrefix(dep, bad+"/") {
					t.Errorf("%s depends on %s", pkg, dep)
					break
				}
			}
		}
	}
}
