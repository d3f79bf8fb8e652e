package configyaml

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/goccy/go-yaml"
)

// quoted is a string written as a double-quoted YAML scalar with its
// control and bidirectional characters escaped, so that printing the YAML
// cannot act on a terminal and the text reads back the same.
type quoted string

func (q quoted) MarshalYAML() ([]byte, error) {
	return []byte(strconv.Quote(string(q))), nil
}

// quoteUnsafe replaces, in a tree from yaml.MapSlice, every string that
// holds a character a terminal acts on (newlines and tabs aside) by a
// quoted one.
func quoteUnsafe(v any) any {
	switch x := v.(type) {
	case yaml.MapSlice:
		for i := range x {
			x[i].Value = quoteUnsafe(x[i].Value)
		}
		return x
	case []any:
		for i := range x {
			x[i] = quoteUnsafe(x[i])
		}
		return x
	case string:
		if strings.IndexFunc(x, unsafeRune) >= 0 {
			return quoted(x)
		}
	}
	return v
}

func unsafeRune(r rune) bool {
	return (unicode.IsControl(r) && r != '\n' && r != '\t') || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}
