package configyaml

import (
	"encoding/json"
	"regexp"
	"strconv"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// coreFloat is a number in YAML 1.2's core schema that the YAML library
// reads as text when it has an exponent but no dot (1e3, 2E-2).
var coreFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+$`)

// exponentNumbers makes the plain (unquoted) scalars of f that are YAML
// 1.2 numbers, such as 1e3, numbers in tree; quoted "1e3" stays text.
func exponentNumbers(f *ast.File, tree any) {
	for _, d := range f.Docs {
		fixNumbers(d.Body, tree)
	}
}

func fixNumbers(n ast.Node, v any) {
	switch x := n.(type) {
	case *ast.MappingNode:
		for _, mv := range x.Values {
			fixPair(mv, v)
		}
	case *ast.MappingValueNode:
		fixPair(x, v)
	case *ast.SequenceNode:
		list, _ := v.([]any)
		for i, e := range x.Values {
			if i < len(list) {
				if s, ok := plainNumber(e); ok {
					list[i] = s
				} else {
					fixNumbers(e, list[i])
				}
			}
		}
	}
}

func fixPair(mv *ast.MappingValueNode, v any) {
	m, _ := v.(map[string]any)
	if m == nil || mv.Key == nil {
		return
	}
	k := mv.Key.GetToken().Value
	if _, ok := m[k]; !ok {
		return
	}
	if s, ok := plainNumber(mv.Value); ok {
		m[k] = s
		return
	}
	fixNumbers(mv.Value, m[k])
}

// plainNumber returns the number an unquoted scalar written as 1e3 is.
func plainNumber(n ast.Node) (json.Number, bool) {
	s, ok := n.(*ast.StringNode)
	if !ok || s.GetToken().Type != token.StringType || !coreFloat.MatchString(s.Value) {
		return "", false
	}
	if _, err := strconv.ParseFloat(s.Value, 64); err != nil {
		return "", false
	}
	return json.Number(s.Value), true
}
