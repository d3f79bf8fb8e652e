package main

import (
	"fmt"
	"io"
	"os"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

func runMerge(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("merge", "merge FILES... [--json] [--report FILE.html] [--no-exact]", stderr)
	asJSON := fs.Bool("json", false, "print the merged results document (docs/RESULTS.md) on stdout")
	noExact := fs.Bool("no-exact", false, "skip the comparison with the exact engine")
	reportPath := fs.String("report", "", "write a self-contained HTML report to `FILE`")
	files, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "lir merge: give the partial results files of every shard (lir run --shard i/n --json)")
		return 2
	}
	if *reportPath != "" {
		if err := checkOutputs([]target{{"--report", *reportPath}}, files, stderr, "merge"); err != nil {
			fmt.Fprintf(stderr, "lir merge: %v\n", err)
			return 1
		}
	}
	var parts []*results.PartialRun
	var seconds float64
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "lir merge: %v\n", err)
			return 1
		}
		p, err := results.ReadPartial(data)
		if err != nil {
			fmt.Fprintf(stderr, "lir merge: %s: %v\n", path, err)
			return 1
		}
		parts = append(parts, p)
		seconds += p.Seconds
	}
	agg, err := results.MergePartials(parts)
	if err != nil {
		fmt.Fprintf(stderr, "lir merge: %v\n", err)
		return 1
	}
	c, err := config.DecodeJSON(parts[0].Config)
	if err != nil {
		fmt.Fprintf(stderr, "lir merge: the partials' config: %v\n", err)
		return 1
	}
	if agg.Sessions != uint64(c.Simulation.NumSessions) {
		fmt.Fprintf(stderr, "lir merge: the shards hold %d sessions; the config asks for %d\n", agg.Sessions, c.Simulation.NumSessions)
		return 1
	}
	if err := sim.CheckRun(c, agg); err != nil {
		fmt.Fprintf(stderr, "lir merge: %v\n", err)
		return 1
	}
	doc := results.Build(c, parts[0].Seed, agg)
	if !*noExact {
		if err := doc.CompareExact(c, agg); err != nil {
			fmt.Fprintf(stderr, "lir merge: exact comparison: %v\n", err)
			return 1
		}
	}
	doc.Timing = &results.Timing{Shards: len(parts), Seconds: seconds}
	if seconds > 0 {
		doc.Timing.HandsPerSec = float64(doc.Hands) / seconds
	}
	if *reportPath != "" {
		if err := writeReport(*reportPath, doc); err != nil {
			fmt.Fprintf(stderr, "lir merge: %v\n", err)
			return 1
		}
	}
	if *asJSON {
		b, err := doc.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "lir merge: %v\n", err)
			return 1
		}
		stdout.Write(b)
	} else {
		printSummary(stdout, c, doc)
	}
	return 0
}
