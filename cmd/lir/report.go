package main

import (
	"os"

	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/web"
)

// writeReport writes the HTML report of a results document.
func writeReport(path string, doc *results.Document) error {
	b, err := report.HTML(doc, web.EChartsJS)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
