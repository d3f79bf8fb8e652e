package configyaml

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/lir-lab/lir/engine/config"
)

// Bounds on a YAML document, checked before it is decoded: go-yaml expands
// aliases while decoding, so a few hundred bytes of nested aliases ("a
// billion laughs") would otherwise take unbounded time and memory.
const (
	maxNodes     = 100000 // nodes after expanding every alias
	maxFlowDepth = 64     // nesting of [ ] and { }
)

func refuse(msg string) error {
	return config.Errors{{Path: "(document)", Allowed: msg}}
}

// guard refuses documents that nest too deep or expand too far.
func guard(data []byte) error {
	if d := flowDepth(data); d > maxFlowDepth {
		return refuse(fmt.Sprintf("nesting deeper than %d levels", maxFlowDepth))
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil // the decoder reports syntax errors with their position
	}
	docs := 0
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs++
		}
	}
	if docs > 1 {
		return refuse(fmt.Sprintf("one YAML document per config; this file has %d (separated by ---)", docs))
	}
	c := counter{anchors: map[string]int{}}
	for _, d := range f.Docs {
		c.add(c.size(d.Body, 0))
		if c.total > maxNodes {
			break
		}
	}
	if c.total > maxNodes || c.deep {
		if c.deep {
			return refuse(fmt.Sprintf("nesting deeper than %d levels", maxFlowDepth))
		}
		return refuse(fmt.Sprintf("the document expands to more than %d values (aliases expanded); a config is far smaller", maxNodes))
	}
	return nil
}

// flowDepth is the deepest nesting of flow brackets outside quotes and
// comments: a cheap bound before the parser recurses.
func flowDepth(data []byte) int {
	depth, deepest := 0, 0
	var quote byte
	comment := false
	for _, b := range data {
		switch {
		case b == '\n':
			comment, quote = false, 0
		case comment:
		case quote != 0:
			if b == quote {
				quote = 0
			}
		case b == '"' || b == '\'':
			quote = b
		case b == '#':
			comment = true
		case b == '[' || b == '{':
			depth++
			deepest = max(deepest, depth)
		case b == ']' || b == '}':
			depth--
		}
	}
	return deepest
}

type counter struct {
	anchors map[string]int
	total   int
	deep    bool
}

func (c *counter) add(n int) {
	c.total += n
	if c.total > maxNodes {
		c.total = maxNodes + 1
	}
}

// size returns the number of nodes n stands for once aliases are
// expanded (saturating just above maxNodes).
func (c *counter) size(n ast.Node, depth int) int {
	if n == nil {
		return 0
	}
	if depth > 4*maxFlowDepth {
		c.deep = true
		return maxNodes + 1
	}
	sat := func(x int) int { return min(x, maxNodes+1) }
	switch t := n.(type) {
	case *ast.MappingNode:
		s := 1
		for _, v := range t.Values {
			s = sat(s + c.size(v, depth+1))
		}
		return s
	case *ast.MappingValueNode:
		return sat(1 + c.size(t.Key, depth+1) + c.size(t.Value, depth+1))
	case *ast.MappingKeyNode:
		return sat(1 + c.size(t.Value, depth+1))
	case *ast.SequenceNode:
		s := 1
		for _, v := range t.Values {
			s = sat(s + c.size(v, depth+1))
		}
		return s
	case *ast.AnchorNode:
		s := c.size(t.Value, depth+1)
		if t.Name != nil {
			c.anchors[t.Name.String()] = s
		}
		return s
	case *ast.AliasNode:
		if t.Value != nil {
			return c.anchors[t.Value.String()]
		}
		return 1
	case *ast.TagNode:
		return sat(1 + c.size(t.Value, depth+1))
	}
	return 1
}
