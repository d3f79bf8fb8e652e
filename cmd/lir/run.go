package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/internal/outfile"
	"github.com/lir-lab/lir/web"
)

func runRun(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("run", "run [--config FILE | --preset NAME] [flags]", stderr)
	cfgPath := fs.String("config", "", "config file (YAML or JSON); default: the embedded default study")
	preset := fs.String("preset", "", "run a preset study by name (lir presets lists them)")
	seedFlag := fs.String("seed", "", "64-bit master seed (overrides simulation.random_seed)")
	sessions := fs.Int64("sessions", 0, "number of sessions (overrides simulation.num_sessions)")
	workers := fs.Int("workers", 0, "parallel workers (overrides simulation.workers; default all cores)")
	asJSON := fs.Bool("json", false, "print the results document (docs/RESULTS.md) on stdout")
	noExact := fs.Bool("no-exact", false, "skip the comparison with the exact engine")
	shardFlag := fs.String("shard", "", "run only shard `i/n` of the sessions and print a partial results document for lir merge (needs --json)")
	reportPath := fs.String("report", "", "write a self-contained HTML report to `FILE`")
	sessionCSV := fs.String("per-session-csv", "", "stream one row per player session to `FILE` (bounded memory)")
	handCSV := fs.String("per-hand-csv", "", "stream one row per hand played to `FILE` (bounded memory; large)")
	trajectories := fs.Int64("trajectories", -1, "keep the bankroll paths of the first `K` sessions, 0 to 1000 (overrides simulation.trajectories; -1: the config's)")
	extra, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(extra) > 0 {
		fmt.Fprintf(stderr, "lir run: unexpected argument %q\n", extra[0])
		return 2
	}
	var shard, shards int
	if *shardFlag != "" {
		if _, err := fmt.Sscanf(*shardFlag, "%d/%d", &shard, &shards); err != nil || shards < 1 || shard < 0 || shard >= shards ||
			fmt.Sprintf("%d/%d", shard, shards) != *shardFlag {
			fmt.Fprintf(stderr, "lir run: --shard: %q is not allowed; want i/n with 0 ≤ i < n, e.g. 0/3\n", *shardFlag)
			return 2
		}
		if !*asJSON {
			fmt.Fprintln(stderr, "lir run: --shard prints a partial results document: add --json")
			return 2
		}
	}
	if *preset != "" && *cfgPath != "" {
		fmt.Fprintln(stderr, "lir run: give --config or --preset, not both")
		return 2
	}
	c, py, err := loadRunConfig(*cfgPath, *preset)
	if err != nil {
		printConfigError(stderr, orDefault(*cfgPath+*preset), err)
		return 1
	}
	if *trajectories != -1 { // -1, the default: the config's simulation.trajectories
		if *trajectories < 0 || *trajectories > 1000 {
			fmt.Fprintf(stderr, "lir run: --trajectories: %d is not allowed; allowed: 0 to 1000, or -1 for the config's simulation.trajectories\n", *trajectories)
			return 2
		}
		c.Simulation.Trajectories = *trajectories
	}
	set := given(fs)
	if set["workers"] && (*workers < 1 || *workers > 256) {
		fmt.Fprintf(stderr, "lir run: --workers: %d is not allowed; allowed: 1 to 256\n", *workers)
		return 2
	}
	if set["sessions"] {
		if *sessions < 1 || *sessions > 1e9 {
			fmt.Fprintf(stderr, "lir run: --sessions: %d is not allowed; allowed: 1 to 1000000000\n", *sessions)
			return 2
		}
		c.Simulation.NumSessions = *sessions
		if err := c.CheckSessions(); err != nil {
			printConfigError(stderr, "--sessions", err)
			return 1
		}
	}
	var seed uint64
	switch {
	case *seedFlag != "":
		seed, err = strconv.ParseUint(*seedFlag, 10, 64)
		if err != nil {
			fmt.Fprintf(stderr, "lir run: --seed: %q is not allowed; want a whole number from 0 to 18446744073709551615\n", *seedFlag)
			return 2
		}
	case c.Simulation.RandomSeed != nil:
		seed = *c.Simulation.RandomSeed
	default:
		seed = drawSeed()
	}
	// The document records the seed actually used, so the run replays.
	c.Simulation.RandomSeed = &seed
	w := *workers
	if w == 0 {
		w = int(c.Simulation.Workers)
	}
	if w <= 0 {
		w = runtime.NumCPU()
	}
	c.Simulation.Workers = 0 // not part of the result: it never changes it

	r, err := sim.NewRunner(c)
	if err != nil {
		fmt.Fprintf(stderr, "lir run: %v\n", err)
		return 1
	}
	from, to := uint64(0), uint64(c.Simulation.NumSessions)
	if shards > 0 {
		from, to = results.ShardRange(to, shard, shards)
	}
	// Every output is checked before the simulation, so that no work is
	// lost to a path that cannot be written.
	var targets []target
	for _, t := range []target{{"--report", *reportPath}, {"--per-session-csv", *sessionCSV}, {"--per-hand-csv", *handCSV}} {
		if t.path != "" {
			targets = append(targets, t)
		}
	}
	writeFormats := *cfgPath != "" && shards == 0
	if writeFormats {
		ts, err := formatTargets(&c.Output)
		if err != nil {
			fmt.Fprintf(stderr, "lir run: %v\n", err)
			return 1
		}
		targets = append(targets, ts...)
	}
	var inputs []string
	if *cfgPath != "" {
		inputs = append(inputs, *cfgPath)
	}
	if err := checkOutputs(targets, inputs, stderr, "run"); err != nil {
		fmt.Fprintf(stderr, "lir run: %v\n", err)
		return 1
	}
	exports, err := newExports(*sessionCSV, *handCSV)
	if err == nil && shards == 0 {
		err = py.start(c) // the Python tool's files (its output section)
	}
	if err != nil {
		fmt.Fprintf(stderr, "lir run: %v\n", err)
		return 1
	}
	// SIGINT and SIGTERM end the run at once: the temporary export files
	// and any half-joined export are removed, and the exit status is
	// 128 + the signal's number, as if the signal had killed the process.
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(interrupt)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got os.Signal
	go func() {
		select {
		case got = <-interrupt:
			cancel()
		case <-ctx.Done():
		}
	}()
	interrupted := func() int {
		exports.abort()
		py.abort()
		msg := ""
		if exports.active() {
			msg = "; the temporary and unfinished export files are removed, the files that were there kept"
		}
		fmt.Fprintf(stderr, "lir run: stopped by a signal (%v)%s\n", got, msg)
		if s, ok := got.(syscall.Signal); ok {
			return 128 + int(s)
		}
		return 130
	}

	var counter runner.Counter
	stopProgress := func() {}
	if py == nil || py.Progress { // its console.progress_bar
		stopProgress = startProgress(stderr, &counter, int64(to-from), c.Simulation.ProgressInterval)
	}
	start := time.Now()
	type outcome struct {
		agg *sim.Aggregate
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		agg, err := runner.RunObserved(r, seed, int(from), int(to), w, &counter, sinks(exports.sink(), py.sink()))
		done <- outcome{agg, err}
	}()
	var agg *sim.Aggregate
	select {
	case o := <-done:
		agg, err = o.agg, o.err
	case <-ctx.Done():
		// The workers are left to the process's exit: chunks in progress
		// write to files already unlinked, and no new chunk starts.
		stopProgress()
		return interrupted()
	}
	elapsed := time.Since(start)
	stopProgress()
	if err == nil {
		err = sim.CheckRun(c, agg)
	}
	if err == nil {
		err = exports.finish(ctx)
	}
	if err == nil && shards == 0 {
		err = py.finish(ctx, start, start.Add(elapsed))
	}
	if errors.Is(err, errInterrupted) {
		return interrupted()
	}
	if err != nil {
		exports.abort()
		py.abort()
		fmt.Fprintf(stderr, "lir run: %v\n", err)
		return 1
	}
	// No temporary file is left: from here a signal acts as usual.
	signal.Stop(interrupt)

	doc := results.Build(c, seed, agg)
	if shards > 0 {
		if err := doc.SetPartial(shard, shards, from, to, agg); err != nil {
			fmt.Fprintf(stderr, "lir run: %v\n", err)
			return 1
		}
	} else if !*noExact {
		if err := doc.CompareExact(c, agg); err != nil {
			fmt.Fprintf(stderr, "lir run: exact comparison: %v\n", err)
			return 1
		}
	}
	doc.Timing = &results.Timing{Workers: w, Seconds: elapsed.Seconds(), HandsPerSec: float64(doc.Hands) / elapsed.Seconds()}

	if *asJSON {
		b, err := doc.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "lir run: %v\n", err)
			return 1
		}
		stdout.Write(b)
	} else if c.Output.Console {
		printSummary(stdout, c, doc)
	}
	if *reportPath != "" {
		if err := writeReport(*reportPath, doc); err != nil {
			fmt.Fprintf(stderr, "lir run: %v\n", err)
			return 1
		}
	}
	pyLog := stdout
	if *asJSON { // stdout holds the document
		pyLog = stderr
	}
	if err := py.report(doc, pyLog); err != nil {
		fmt.Fprintf(stderr, "lir run: %v\n", err)
		return 1
	}
	if writeFormats {
		if err := writeOutputs(c, doc, stdout); err != nil {
			fmt.Fprintf(stderr, "lir run: %v\n", err)
			return 1
		}
	}
	return 0
}

func orDefault(path string) string {
	if path == "" {
		return "(default config)"
	}
	return path
}

// writeOutputs writes the files output.formats asks for, and the HTML
// report (the charts) for output.visualizations, each replaced whole.
// formatTargets has made the folder.
func writeOutputs(c *config.Config, doc *results.Document, log io.Writer) error {
	o := c.Output
	write := func(name string, data []byte) error {
		p := filepath.Join(o.Directory, o.Prefix+name)
		if err := outfile.WriteFile(p, data); err != nil {
			return err
		}
		if o.Console {
			fmt.Fprintf(log, "wrote %s\n", p)
		}
		return nil
	}
	if o.Formats.JSON {
		b, err := doc.JSON()
		if err != nil {
			return err
		}
		if err := write("results.json", b); err != nil {
			return err
		}
	}
	if o.Formats.HTML || o.Visualizations {
		b, err := report.HTML(doc, web.EChartsJS)
		if err != nil {
			return err
		}
		if err := write("report.html", b); err != nil {
			return err
		}
	}
	if o.Formats.CSV {
		if err := write("summary.csv", results.SummaryCSV(doc)); err != nil {
			return err
		}
		if err := write("seats.csv", results.SeatsCSV(doc)); err != nil {
			return err
		}
	}
	return nil
}
