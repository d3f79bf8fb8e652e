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
// (tools.wasm, fetched on first use), gonum's linear algebra and
// statistics out, and net/http (with crypto/tls), which go-app imports for
// its server, out of the build cmd/build makes (slimGoApp); tools.wasm
// holds no UI.
func TestWasmDependencies(t *testing.T) {
	slim, err := slimGoApp("../..", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pkg, modFile string
		banned       []string
	}{
		{"./wasm/app", slim, []string{"github.com/goccy/go-yaml", "github.com/expr-lang/expr", "gonum.org/v1/gonum/mat", "gonum.org/v1/gonum/stat", "net/http", "crypto/tls"}},
		{"./wasm/tools", "", []string{"github.com/maxence-charriere/go-app", "github.com/go-echarts", "gonum.org/v1/gonum"}},
	} {
		args := []string{"list", "-deps"}
		if c.modFile != "" {
			args = append(args, "-modfile", c.modFile)
		}
		cmd := exec.Command("go", append(args, c.pkg)...)
		cmd.Dir = "../.."
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list %s: %v", c.pkg, err)
		}
		deps := strings.Fields(string(out))
		for _, bad := range c.banned {
			for _, dep := range deps {
				if dep == bad || strings.HasPrefix(dep, bad+"/") {
					t.Errorf("%s depends on %s", c.pkg, dep)
					break
				}
			}
		}
	}
}

// stripHTTP takes net/http out of a package and keeps what does not need
// it, and the result compiles (go vet type-checks it).
func TestStripHTTP(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(dir+"/"+name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module x\n\ngo 1.26\n")
	write("server.go", `package x

import (
	"net/http"
	"strings"
)

// Handler serves and resolves.
type Handler struct {
	http.Handler
	Prefix string
}

func Local(p string) Handler { return Handler{Handler: http.FileServer(http.Dir(p)), Prefix: p} }

func (h Handler) Resolve(s string) string { return strings.TrimSuffix(h.Prefix, "/") + s }

func (h Handler) serve(w http.ResponseWriter) { w.WriteHeader(http.StatusOK) }

func (h Handler) start() { h.serve(nil) }

func Serve() { http.ListenAndServe(":0", Local("/")) }
`)
	write("client.go", `package x

func Use() string { return Local("/a/").Resolve("b") }
`)
	if err := stripHTTP([]string{dir + "/server.go", dir + "/client.go"}); err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile(dir + "/server.go")
	for _, gone := range []string{"net/http", "serve(", "start(", "Serve("} {
		if strings.Contains(string(src), gone) {
			t.Errorf("server.go still has %q:\n%s", gone, src)
		}
	}
	for _, kept := range []string{"func Local", "func (h Handler) Resolve", "Prefix string"} {
		if !strings.Contains(string(src), kept) {
			t.Errorf("server.go lost %q:\n%s", kept, src)
		}
	}
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the stripped package does not compile: %v\n%s", err, out)
	}
}
