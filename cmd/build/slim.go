package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// goAppModule is the module of go-app, which app.wasm links without its
// server half.
const goAppModule = "github.com/maxence-charriere/go-app/v10"

// slimGoApp prepares the build of app.wasm without go-app's HTTP server.
// go-app's package app serves pages over HTTP (Handler.ServeHTTP,
// LocalDir's file server) and so imports net/http in every build, the
// browser's included; net/http brings crypto/tls, whose initialisation
// reaches every key exchange and signature of the standard library (crypto/hpke
// registers its KEMs: P-256 to P-521, X25519, ML-KEM): about 1.4 MB of
// app.wasm, 0.39 MB gzipped, that nothing on the page or in a worker runs.
// The static site is generated natively with go-app as it is; the page
// only needs the rest.
//
// slimGoApp copies go-app's packages into dir, takes net/http out of them
// (stripHTTP) and writes dir/go.mod: the project's go.mod (and go.sum)
// with go-app replaced by that copy, for `go build -modfile`. It returns
// that file.
func slimGoApp(root, dir string) (string, error) {
	out, err := goCmd(root, nil, "list", "-m", "-json", goAppModule)
	if err != nil {
		return "", err
	}
	var m struct{ Dir string }
	if err := json.Unmarshal(out, &m); err != nil || m.Dir == "" {
		return "", fmt.Errorf("go list -m %s: no module directory (%v)", goAppModule, err)
	}
	copyDir := filepath.Join(dir, "go-app")
	err = filepath.WalkDir(m.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(m.Dir, p)
		switch {
		case d.IsDir():
			return os.MkdirAll(filepath.Join(copyDir, rel), 0o755)
		case rel == "go.mod", strings.HasPrefix(rel, "pkg"+string(filepath.Separator)) && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go"):
			return copyFile(p, filepath.Join(copyDir, rel))
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("copying go-app: %w", err)
	}
	appDir := filepath.Join(copyDir, "pkg", "app")
	files, err := filepath.Glob(filepath.Join(appDir, "*.go"))
	if err != nil {
		return "", err
	}
	if err := stripHTTP(files); err != nil {
		return "", fmt.Errorf("go-app without net/http: %w", err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	mod = fmt.Appendf(mod, "\nreplace %s => %s\n", goAppModule, copyDir)
	modFile := filepath.Join(dir, "go.mod")
	if err := os.WriteFile(modFile, mod, 0o644); err != nil {
		return "", err
	}
	return modFile, copyFile(filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum"))
}

// stripHTTP rewrites the files of one package that import net/http so
// that none does: struct fields of net/http's types go, with the keyed
// values that set them; then every declaration that names net/http, and,
// until none is left, every one that names a removed function or type (or
// calls a removed method no other type of the package declares). Imports
// left unused go too. It fails if a file still imports net/http.
func stripHTTP(paths []string) error {
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	methods := map[string]int{} // method declarations in the package, by name
	for _, p := range paths {
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
				methods[fd.Name.Name]++
			}
		}
		if imports(f, "net/http") {
			files[p] = f
		}
	}
	const pkg = "http"
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.StructType:
				var kept []*ast.Field
				for _, fl := range n.Fields.List {
					if !names(fl.Type, pkg) {
						kept = append(kept, fl)
					}
				}
				n.Fields.List = kept
			case *ast.CompositeLit:
				var kept []ast.Expr
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); !ok || !names(kv.Value, pkg) {
						kept = append(kept, e)
					}
				}
				n.Elts = kept
			}
			return true
		})
	}
	removed := map[string]bool{}     // functions and types
	removedCall := map[string]bool{} // methods no longer declared by any type
	uses := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok && id.Name == pkg || removedCall[n.Sel.Name] {
					found = true
				}
			case *ast.Ident:
				found = found || removed[n.Name]
			}
			return !found
		})
		return found
	}
	for changed := true; changed; {
		changed = false
		for _, f := range files {
			var kept []ast.Decl
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					if uses(d) {
						changed = true
						if d.Recv == nil {
							removed[d.Name.Name] = true
						} else if methods[d.Name.Name]--; methods[d.Name.Name] == 0 {
							removedCall[d.Name.Name] = true
						}
						continue
					}
				case *ast.GenDecl:
					if d.Tok != token.IMPORT {
						var specs []ast.Spec
						for _, s := range d.Specs {
							if !uses(s) {
								specs = append(specs, s)
								continue
							}
							changed = true
							if ts, ok := s.(*ast.TypeSpec); ok {
								removed[ts.Name.Name] = true
							}
						}
						if len(specs) == 0 {
							continue
						}
						d.Specs = specs
					}
				}
				kept = append(kept, d)
			}
			f.Decls = kept
		}
	}
	for p, f := range files {
		for _, d := range f.Decls {
			if d, ok := d.(*ast.GenDecl); ok && d.Tok == token.IMPORT {
				var specs []ast.Spec
				for _, s := range d.Specs {
					is := s.(*ast.ImportSpec)
					path, _ := strconv.Unquote(is.Path.Value)
					local := path[strings.LastIndex(path, "/")+1:]
					if is.Name != nil {
						local = is.Name.Name
					}
					if local == "_" || names(f, local) {
						specs = append(specs, s)
					}
				}
				d.Specs = specs
			}
		}
		// Comments of removed declarations would stay: keep those before
		// the package clause only (build constraints).
		var head []*ast.CommentGroup
		for _, c := range f.Comments {
			if c.End() < f.Package {
				head = append(head, c)
			}
		}
		f.Comments = head
		if imports(f, "net/http") {
			return fmt.Errorf("%s still imports net/http", p)
		}
		var b bytes.Buffer
		if err := format.Node(&b, fset, f); err != nil {
			return err
		}
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// names reports whether n has a selector on the identifier pkg ("http.Get").
func names(n ast.Node, pkg string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := s.X.(*ast.Ident); ok && id.Name == pkg {
				found = true
			}
		}
		return !found
	})
	return found
}

// imports reports whether f's import declarations hold path.
func imports(f *ast.File, path string) bool {
	for _, d := range f.Decls {
		if d, ok := d.(*ast.GenDecl); ok && d.Tok == token.IMPORT {
			for _, s := range d.Specs {
				if p, _ := strconv.Unquote(s.(*ast.ImportSpec).Path.Value); p == path {
					return true
				}
			}
		}
	}
	return false
}

// goCmd runs the go command in dir with env added and returns its output.
func goCmd(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s: %w", strings.Join(args, " "), err)
	}
	return out, nil
}
