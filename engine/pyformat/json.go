package pyformat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// jsonFormat spells JSON as Python's json.dump does: with indent=2,
// members one per line, ", " never, ": " after keys; without, on one
// line with ", " and ": " separators. Non-ASCII is written as is
// (ensure_ascii=False).
type jsonFormat struct{ pretty bool }

func (f *jsonFormat) open(b []byte, c byte) []byte { return append(b, c) }

// key starts member i of an object at depth (1 for the members of the
// top-level object).
func (f *jsonFormat) key(b []byte, i, depth int, name string) []byte {
	b = f.sep(b, i, depth)
	b = appendJSONString(b, name)
	return append(b, ':', ' ')
}

// sep starts element i of an array or object whose elements are at depth.
func (f *jsonFormat) sep(b []byte, i, depth int) []byte {
	if i > 0 {
		b = append(b, ',')
		if !f.pretty {
			b = append(b, ' ')
		}
	}
	if f.pretty {
		b = append(b, '\n')
		b = append(b, strings.Repeat("  ", depth)...)
	}
	return b
}

// close ends an array or object at depth that had n elements ("{}" and
// "[]" when empty, as Python writes them).
func (f *jsonFormat) close(b []byte, c byte, depth, n int) []byte {
	if f.pretty && n > 0 {
		b = append(b, '\n')
		b = append(b, strings.Repeat("  ", depth)...)
	}
	return append(b, c)
}

// appendJSONString quotes s as Python's json does with ensure_ascii=False:
// only the quote, the backslash and control characters are escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"':
			b = append(b, '\\', '"')
		case r == '\\':
			b = append(b, '\\', '\\')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\b':
			b = append(b, '\\', 'b')
		case r == '\f':
			b = append(b, '\\', 'f')
		case r < 0x20:
			b = append(b, fmt.Sprintf("\\u%04x", r)...)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return append(b, '"')
}

// appendJSONValue re-spells the JSON value raw in format f at depth,
// keeping its member order and its numbers as written.
func appendJSONValue(b []byte, raw []byte, f *jsonFormat, depth int) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	b, err := appendToken(b, dec, f, depth)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("pyformat: trailing data after the JSON value")
	}
	return b, nil
}

func appendToken(b []byte, dec *json.Decoder, f *jsonFormat, depth int) ([]byte, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		closing := byte(']')
		if t == '{' {
			closing = '}'
		}
		b = f.open(b, byte(t))
		n := 0
		for dec.More() {
			if t == '{' {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				b = f.key(b, n, depth+1, k.(string))
			} else {
				b = f.sep(b, n, depth+1)
			}
			if b, err = appendToken(b, dec, f, depth+1); err != nil {
				return nil, err
			}
			n++
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		return f.close(b, closing, depth, n), nil
	case string:
		return appendJSONString(b, t), nil
	case json.Number:
		return append(b, t...), nil
	case bool:
		if t {
			return append(b, "true"...), nil
		}
		return append(b, "false"...), nil
	case nil:
		return append(b, "null"...), nil
	}
	return nil, fmt.Errorf("pyformat: unexpected JSON token %v", tok)
}
