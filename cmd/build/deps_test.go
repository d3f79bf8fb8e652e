package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The WebAssembly programs link only what they need: every Web Worker
// downloads and compiles worker.wasm, so it keeps out YAML, rule-expression
// parsing, statistics and the UI; the page (app.wasm) leaves YAML and
// expr-lang to the tools worker (tools.wasm) and gonum's linear algebra
// out; tools.wasm holds no UI.
func TestWasmDependencies(t *testing.T) {
	for pkg, banned := range map[string][]string{
		"./wasm/worker": {"github.com/goccy/go-yaml", "github.com/expr-lang/expr", "gonum.org/v1/gonum", "github.com/maxence-charriere/go-app", "github.com/go-echarts"},
		"./wasm/app":    {"github.com/goccy/go-yaml", "github.com/expr-lang/expr", "gonum.org/v1/gonum/mat", "gonum.org/v1/gonum/stat"},
		"./wasm/tools":  {"github.com/maxence-charriere/go-app", "github.com/go-echarts", "gonum.org/v1/gonum"},
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
