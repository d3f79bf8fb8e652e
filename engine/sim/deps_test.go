//go:build !wasm

package sim

import (
	"os/exec"
	"strings"
	"testing"
)

// The browser worker imports config, sim and results (and sharelink for
// links); none may link the expression library or the YAML parser, which
// would add megabytes to app.wasm (the page and its engine workers). Rule
// expressions reach the worker already checked and compile with package
// rules.
func TestWorkerDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	cmd := exec.Command("go", "list", "-deps", "./", "../config", "../results", "../sharelink")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, bad := range []string{"github.com/expr-lang/expr", "github.com/goccy/go-yaml"} {
		if strings.Contains(string(out), bad) {
			t.Errorf("the worker's packages import %s", bad)
		}
	}
}
