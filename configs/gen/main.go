// Command gen writes presets_gen.go from the preset YAML files in the
// current directory (go generate ./configs).
package main

import (
	"fmt"
	"os"

	"github.com/lir-lab/lir/configs/internal/presetgen"
)

func main() {
	src, err := presetgen.Generate(".")
	if err == nil {
		err = os.WriteFile("presets_gen.go", src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
