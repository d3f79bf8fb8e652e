package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// lir help lists every flag of every command. Truth: the flags the
// commands' sources define (fs.String("name", …) and the like), read with
// go/parser, each looked up on the usage line of its command.
func TestUsageListsEveryFlag(t *testing.T) {
	commands := map[string]string{ // function → where its flags are listed
		"runRun": "lir run", "runMerge": "lir merge", "runCompare": "lir compare",
		"runExact": "lir exact [", "runExactHand": "lir exact hand", "runExactWalkAway": "lir exact walkaway", "runExactGoal": "lir exact goal",
		"runBench": "lir bench", "runURL": "lir url encode", "runValidate": "lir validate", "runPresets": "lir presets",
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || flagMethod(sel) == "" {
					return true
				}
				lit, ok := call.Args[0].(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				flagName, _ := strconv.Unquote(lit.Value)
				found++
				marker, ok := commands[fn.Name.Name]
				if !ok {
					t.Errorf("%s defines --%s but is not a known command", fn.Name.Name, flagName)
					return true
				}
				listed := false
				for _, line := range strings.Split(usage, "\n") {
					if i := strings.Index(line, marker); i >= 0 && strings.Contains(line[i:], "--"+flagName) {
						listed = true
					}
				}
				if !listed {
					t.Errorf("lir help does not list %s --%s", marker, flagName)
				}
				return true
			})
		}
	}
	if found < 30 {
		t.Fatalf("found %d flag definitions; the parse missed some", found)
	}
}

// flagMethod returns "fs.String" for a call fs.String(…) on a flag set: the
// flag-defining methods.
func flagMethod(sel *ast.SelectorExpr) string {
	x, ok := sel.X.(*ast.Ident)
	if !ok || x.Name != "fs" {
		return ""
	}
	switch sel.Sel.Name {
	case "String", "Int", "Int64", "Uint64", "Bool", "Float64", "Duration":
		return "fs." + sel.Sel.Name
	}
	return ""
}
