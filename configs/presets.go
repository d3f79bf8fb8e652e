// Package configs holds the preset studies users start from, embedded in
// the binaries so `lir run --preset NAME` and the page load them by name.
// The presets are YAML files, compiled to canonical JSON by the generator
// (presets_gen.go) so that loading needs no YAML parser.
package configs

//go:generate go run ./gen

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/lir-lab/lir/engine/config"
)

//go:embed *.yaml
var files embed.FS

// Names lists the presets, sorted.
func Names() []string {
	entries, err := fs.ReadDir(files, ".")
	if err != nil {
		panic(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(out)
	return out
}

// Raw returns a preset's YAML.
func Raw(name string) ([]byte, error) {
	b, err := files.ReadFile(name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no preset %q; presets: %s", name, strings.Join(Names(), ", "))
	}
	return b, nil
}

// Load decodes a preset (from its generated JSON).
func Load(name string) (*config.Config, error) {
	if _, err := Raw(name); err != nil {
		return nil, err
	}
	j, ok := presetJSON[name]
	if !ok {
		return nil, fmt.Errorf("preset %q is not generated: run go generate ./configs", name)
	}
	return config.DecodeJSON([]byte(j))
}

// Title returns a preset's metadata.name, the name people see.
func Title(name string) string {
	var c struct {
		Metadata struct {
			Name string `json:"name"`
		} `json:"metadata"`
	}
	json.Unmarshal([]byte(presetJSON[name]), &c)
	return c.Metadata.Name
}

// Description returns the first comment line of a preset (its summary).
func Description(name string) string {
	b, err := Raw(name)
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(strings.TrimPrefix(line, "#"))
}
