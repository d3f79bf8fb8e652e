// Package configs holds the preset studies (YAML configs) users start
// from, embedded in the binaries so `lir run --preset NAME` and the page
// load them by name.
package configs

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
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

// Load decodes a preset.
func Load(name string) (*config.Config, error) {
	b, err := Raw(name)
	if err != nil {
		return nil, err
	}
	return configyaml.Decode(name+".yaml", b)
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
