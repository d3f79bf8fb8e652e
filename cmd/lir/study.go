package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/study"
	"github.com/lir-lab/lir/internal/outfile"
	"github.com/lir-lab/lir/web"
)

const studyUsage = `Usage:
  lir study PATH... [--sessions N] [--seed N] [--workers N] [--json | --csv] [--report FILE.html] [--no-exact]
      Run every config among PATH (files, folders searched for .yaml, .yml
      and .json, or glob patterns) and print one table ranked by P(win):
      exact figures where the exact engine answers the config, the
      simulated P(win) with its 95% interval beside them, push and loss,
      mean profit, EV per hand, sd of session profit, expected hands and
      the check of simulated against exact (z within 4 SE). A file that
      does not load or run is reported and the others run; the exit status
      is then 1. docs/STUDY.md describes the table and its JSON.
`

// runStudy implements "lir study".
func runStudy(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("study", "", stderr)
	fl.Usage = func() { fmt.Fprint(stderr, studyUsage); fl.PrintDefaults() }
	sessions := fl.Int64("sessions", 0, "sessions per config (overrides every file's simulation.num_sessions)")
	seedFlag := fl.String("seed", "", "64-bit master seed for every config (overrides simulation.random_seed)")
	workers := fl.Int("workers", 0, "parallel workers (default all cores)")
	asJSON := fl.Bool("json", false, "print the study document as JSON")
	asCSV := fl.Bool("csv", false, "print the rows as CSV")
	reportPath := fl.String("report", "", "write an HTML report with the ranking chart to `FILE`")
	noExact := fl.Bool("no-exact", false, "skip the exact engine (simulated figures only)")
	paths, status, ok := parseFlags(fl, args)
	if !ok {
		return status
	}
	set := map[string]bool{}
	fl.Visit(func(f *flag.Flag) { set[f.Name] = true })
	switch {
	case len(paths) == 0:
		fmt.Fprintf(stderr, "lir study: give at least one config file, folder or glob\n\n%s", studyUsage)
		return 2
	case *asJSON && *asCSV:
		fmt.Fprintln(stderr, "lir study: give --json or --csv, not both")
		return 2
	case set["sessions"] && (*sessions < 1 || *sessions > 1e9):
		fmt.Fprintf(stderr, "lir study: --sessions: %d is not allowed; allowed: 1 to 1000000000\n", *sessions)
		return 2
	case set["workers"] && (*workers < 1 || *workers > 256):
		fmt.Fprintf(stderr, "lir study: --workers: %d is not allowed; allowed: 1 to 256\n", *workers)
		return 2
	}
	var seed *uint64
	if *seedFlag != "" {
		s, err := strconv.ParseUint(*seedFlag, 10, 64)
		if err != nil {
			fmt.Fprintf(stderr, "lir study: --seed: %q is not allowed; want a whole number from 0 to 18446744073709551615\n", *seedFlag)
			return 2
		}
		seed = &s
	}
	files, failed := studyFiles(paths)
	if *reportPath != "" {
		// Checked before any config runs, as lir run checks its outputs.
		if err := checkOutputs([]target{{"--report", *reportPath}}, files, stderr, "study"); err != nil {
			fmt.Fprintf(stderr, "lir study: %v\n", err)
			return 1
		}
	}
	for _, f := range failed {
		fmt.Fprintf(stderr, "%s: %s\n", f.File, f.Error)
	}
	doc := &study.Document{Failed: failed}
	cache := study.NewCache()
	tty := isTerminal(stderr)
	for i, file := range files {
		row, err := studyOne(file, *sessions, seed, *workers, *noExact, cache, tty, fmt.Sprintf("[%d/%d] %s", i+1, len(files), file), stderr)
		if err != nil {
			doc.Failed = append(doc.Failed, study.Failure{File: file, Error: err.Error()})
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			continue
		}
		doc.Rows = append(doc.Rows, row)
	}
	if tty && len(files) > 0 {
		fmt.Fprint(stderr, "\r\033[K")
	}
	study.Rank(doc.Rows)
	switch {
	case *asJSON:
		b, err := doc.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "lir study: %v\n", err)
			return 1
		}
		stdout.Write(b)
	case *asCSV:
		stdout.Write(doc.CSV())
	default:
		doc.Print(stdout)
	}
	if *reportPath != "" {
		b, err := report.StudyHTML(doc, web.EChartsJS)
		if err == nil {
			err = outfile.WriteFile(*reportPath, b)
		}
		if err != nil {
			fmt.Fprintf(stderr, "lir study: --report: %v\n", err)
			return 1
		}
	}
	if len(doc.Failed) > 0 {
		fmt.Fprintf(stderr, "lir study: %d of %d files did not run\n", len(doc.Failed), len(doc.Failed)+len(doc.Rows))
		return 1
	}
	return 0
}

// studyOne loads and runs one config, showing on a terminal which file is
// running and how far a slow exact solve has got.
func studyOne(file string, sessions int64, seed *uint64, workers int, noExact bool, cache *study.Cache, tty bool, label string, stderr io.Writer) (*study.Row, error) {
	c, err := loadConfig(file)
	if err != nil {
		return nil, fmt.Errorf("%s", safeArg(study.LoadError(err, "lir validate "+file+" lists them all")))
	}
	if sessions > 0 {
		c.Simulation.NumSessions = sessions
	}
	s := drawSeedOr(c.Simulation.RandomSeed, seed)
	o := study.Options{Workers: workers, NoExact: noExact, Exact: cache}
	if tty {
		fmt.Fprintf(stderr, "\r\033[K%s: simulating %d sessions", label, c.Simulation.NumSessions)
		start := time.Now()
		o.Progress = func(done, total int64) {
			if el := time.Since(start); el > time.Second {
				fmt.Fprintf(stderr, "\r\033[K%s: exact session chain %d/%d hands, %s", label, done, total, el.Round(time.Second))
			}
		}
	}
	return study.Run(file, c, s, o)
}

// drawSeedOr returns the flag's seed, else the config's, else a drawn one.
func drawSeedOr(config, flag *uint64) uint64 {
	switch {
	case flag != nil:
		return *flag
	case config != nil:
		return *config
	}
	return drawSeed()
}

// studyFiles expands the paths: a folder gives its config files (.yaml,
// .yml, .json, searched recursively, in name order), a pattern the files it
// matches. A path that gives nothing is a failure.
func studyFiles(paths []string) (files []string, failed []study.Failure) {
	seen := map[string]bool{}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		matches := []string{p}
		if _, err := os.Stat(p); err != nil && strings.ContainsAny(p, "*?[") {
			m, gerr := filepath.Glob(p)
			if gerr != nil {
				failed = append(failed, study.Failure{File: p, Error: "bad pattern: " + gerr.Error()})
				continue
			}
			if len(m) == 0 {
				failed = append(failed, study.Failure{File: p, Error: "no file matches this pattern"})
				continue
			}
			matches = m
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				failed = append(failed, study.Failure{File: m, Error: err.Error()})
				continue
			}
			if !st.IsDir() {
				add(m)
				continue
			}
			var found []string
			err = filepath.WalkDir(m, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				switch strings.ToLower(filepath.Ext(path)) {
				case ".yaml", ".yml", ".json":
					if !d.IsDir() {
						found = append(found, path)
					}
				}
				return nil
			})
			if err != nil {
				failed = append(failed, study.Failure{File: m, Error: err.Error()})
				continue
			}
			if len(found) == 0 {
				failed = append(failed, study.Failure{File: m, Error: "no .yaml, .yml or .json file in this folder"})
			}
			sort.Strings(found)
			for _, f := range found {
				add(f)
			}
		}
	}
	return files, failed
}
