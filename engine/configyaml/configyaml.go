// Package configyaml reads config files: YAML (with line and column in
// syntax errors) or JSON, into the one schema of package config. It is kept
// apart from config so the browser worker never links a YAML parser.
package configyaml

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/ruleexpr"
)

// Decode reads a config file's bytes; name (a file name or "") picks JSON
// for a .json name and YAML otherwise. A file in the Python tool's form
// (pyform.go) is read with that tool's meaning. Errors are config.Errors.
// Every expression is also checked against expr-lang (package ruleexpr).
func Decode(name string, data []byte) (*config.Config, error) {
	var tree any
	var err error
	if strings.EqualFold(filepath.Ext(name), ".json") {
		if err = textOnly(data); err == nil {
			tree, err = config.ParseJSONTree(data)
		}
	} else { // ParseTree refuses what is not text
		tree, err = ParseTree(data)
	}
	if err != nil {
		return nil, err
	}
	if marker := pythonMarker(tree); marker != "" {
		if tree, err = fromPython(tree, marker); err != nil {
			return nil, err
		}
	}
	c, err := config.DecodeTree(tree)
	if err != nil {
		return nil, err
	}
	if es := ruleexpr.Check(c); len(es) > 0 {
		return nil, es
	}
	return c, nil
}

// ParseTree parses YAML into config's generic tree: string-keyed maps,
// lists, strings, booleans, null and json.Number.
func ParseTree(data []byte) (any, error) {
	if len(data) > config.MaxInputBytes {
		return nil, config.Errors{{Path: "(document)", Allowed: fmt.Sprintf("a config is at most %d bytes; this one is %d", config.MaxInputBytes, len(data))}}
	}
	if err := textOnly(data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark, not part of the first key
	if err := guard(data); err != nil {
		return nil, err
	}
	var raw any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return nil, config.Errors{{Path: "(document)", Allowed: "not valid YAML: " + yamlPosition(oneLine(yaml.FormatError(err, false, false)))}}
	}
	tree, err := normalize(raw, "")
	if err != nil {
		return nil, err
	}
	numbersAsWritten(data, tree)
	if f, err := parser.ParseBytes(data, 0); err == nil {
		exponentNumbers(f, tree)
	}
	return tree, nil
}

// numbersAsWritten replaces the numbers given for metadata's free-text
// fields, and for the seed, with their text as written: YAML reads
// version: 1.10 as the float 1.1, but the study's version is "1.10", and
// random_seed: 12345678901234567.0 as a float64 that is 1 too high.
func numbersAsWritten(data []byte, tree any) {
	m, _ := tree.(map[string]any)
	var f *ast.File
	asWritten(data, &f, m, "metadata", "")
	asWritten(data, &f, m, "simulation", "random_seed")
}

// asWritten does numbersAsWritten for the section's key (every key when
// key is ""), parsing data into *f the first time it is needed.
func asWritten(data []byte, f **ast.File, m map[string]any, section, key string) {
	meta, _ := m[section].(map[string]any)
	for k, v := range meta {
		if _, ok := v.(json.Number); !ok || !plainKey(k) || key != "" && k != key {
			continue
		}
		if *f == nil {
			var err error
			if *f, err = parser.ParseBytes(data, 0); err != nil {
				return
			}
		}
		p, err := yaml.PathString("$." + section + "." + k)
		if err != nil {
			continue
		}
		n, err := p.FilterFile(*f)
		if err != nil {
			continue
		}
		switch n.(type) {
		case *ast.IntegerNode, *ast.FloatNode:
			meta[k] = json.Number(n.GetToken().Value)
		}
	}
}

// plainKey reports whether k is a bare YAML path segment: letters, digits
// and underscores.
func plainKey(k string) bool {
	for _, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return k != ""
}

// textOnly refuses what is not text (an image, an archive): its bytes
// would otherwise be quoted back as a garbled value.
func textOnly(data []byte) error {
	if !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0 {
		return config.Errors{{Path: "(document)", Allowed: "not a text file; a config is YAML or JSON text"}}
	}
	return nil
}

// yamlPosition rewrites the parser's "[2:5] message" as "line 2, column 5:
// message".
func yamlPosition(s string) string {
	if rest, ok := strings.CutPrefix(s, "["); ok {
		if pos, msg, ok := strings.Cut(rest, "] "); ok {
			if line, col, ok := strings.Cut(pos, ":"); ok {
				return "line " + line + ", column " + col + ": " + msg
			}
		}
	}
	return s
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func normalize(v any, path string) (any, error) {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			n, err := normalize(x, join(path, k))
			if err != nil {
				return nil, err
			}
			out[k] = n
		}
		return out, nil
	case map[any]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			ks := fmt.Sprint(k)
			n, err := normalize(x, join(path, ks))
			if err != nil {
				return nil, err
			}
			out[ks] = n
		}
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			n, err := normalize(x, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			out[i] = n
		}
		return out, nil
	case nil, string, bool:
		return t, nil
	case int:
		return json.Number(strconv.FormatInt(int64(t), 10)), nil
	case int64:
		return json.Number(strconv.FormatInt(t, 10)), nil
	case uint64:
		return json.Number(strconv.FormatUint(t, 10)), nil
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			return json.Number(strconv.FormatFloat(t, 'g', -1, 64)), nil
		}
		return json.Number(strconv.FormatFloat(t, 'f', -1, 64)), nil
	}
	return nil, config.Errors{{Path: path, Value: fmt.Sprintf("%T", v), Allowed: "want a string, number, boolean, list or object"}}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Encode writes a config as YAML, keys in schema order.
func Encode(c *config.Config) ([]byte, error) {
	var tree yaml.MapSlice
	if err := yaml.UnmarshalWithOptions(c.CanonicalJSON(), &tree, yaml.UseOrderedMap()); err != nil {
		return nil, err
	}
	return yaml.MarshalWithOptions(quoteUnsafe(tree), yaml.IndentSequence(true))
}
