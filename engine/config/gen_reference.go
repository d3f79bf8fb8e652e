//go:build ignore

// gen_reference writes docs/CONFIG.md from the schema (go generate).
package main

import (
	"os"

	"github.com/lir-lab/lir/engine/config"
)

func main() {
	if err := os.WriteFile("../../docs/CONFIG.md", config.Reference(), 0o644); err != nil {
		panic(err)
	}
}
