package main

import (
	"os"

	"github.com/lir-lab/lir/engine/results"
)

// writeReport writes the HTML report of a results document.
func writeReport(path string, doc *results.Document) error {
	_ = doc
	return os.WriteFile(path, []byte("TODO"), 0o644)
}
