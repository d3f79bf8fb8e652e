package configyaml

import (
	"bytes"
	"reflect"
	"strings"

	"github.com/lir-lab/lir/engine/config"
)

// EncodeCommented writes a config as YAML (as Encode) with each key
// preceded by a comment saying what it does, from the schema's doc tags:
// a file to start a study from.
func EncodeCommented(c *config.Config, title string) ([]byte, error) {
	plain, err := Encode(c)
	if err != nil {
		return nil, err
	}
	docs := map[string]string{}
	schemaDocs(reflect.TypeOf(config.Config{}), "", docs)
	var b bytes.Buffer
	b.WriteString("# " + title + "\n# Every key is optional; docs/CONFIG.md lists each with its allowed values.\n")
	var stack []string // keys of the enclosing objects, by indentation level
	for _, line := range strings.SplitAfter(string(plain), "\n") {
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		key, _, isKey := strings.Cut(strings.TrimRight(trimmed, "\n"), ":")
		if isKey && !strings.HasPrefix(trimmed, "- ") && indent%2 == 0 && plainKey(key) {
			level := indent / 2
			if level <= len(stack) {
				stack = append(stack[:level], key)
				if doc := docs[strings.Join(stack, ".")]; doc != "" {
					if level == 0 {
						b.WriteString("\n")
					}
					for _, l := range wrap(doc, 96-indent) {
						b.WriteString(line[:indent] + "# " + l + "\n")
					}
				}
			}
		}
		b.WriteString(line)
	}
	return b.Bytes(), nil
}

// schemaDocs maps each key path of t to its doc tag.
func schemaDocs(t reflect.Type, path string, out map[string]string) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key := strings.Split(sf.Tag.Get("json"), ",")[0]
		p := join(path, key)
		out[p] = sf.Tag.Get("doc")
		ft := sf.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft != reflect.TypeOf(config.Money(0)) {
			schemaDocs(ft, p, out)
		}
	}
}

// wrap splits s into lines of at most width characters, at spaces.
func wrap(s string, width int) []string {
	var lines []string
	var cur string
	for _, w := range strings.Fields(s) {
		if cur != "" && len(cur)+1+len(w) > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
