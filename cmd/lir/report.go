package main

import (
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/internal/outfile"
	"github.com/lir-lab/lir/web"
)

// writeReport writes the HTML report of a results document, replacing
// the file at path only once it is complete.
func writeReport(path string, doc *results.Document) error {
	b, err := report.HTML(doc, web.EChartsJS)
	if err != nil {
		return err
	}
	return outfile.WriteFile(path, b)
}
