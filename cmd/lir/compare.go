package main

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/lir-lab/lir/engine/compare"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
)

func runCompare(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("compare", "compare A.yaml B.yaml ... [--json] [--seed N] [--sessions N] [--workers N]", stderr)
	seedFlag := fs.String("seed", "", "64-bit master seed (default: the first config's simulation.random_seed, else drawn)")
	sessions := fs.Int64("sessions", 0, "table sessions per config (default: the first config's simulation.num_sessions)")
	workers := fs.Int("workers", 0, "parallel workers (default all cores)")
	asJSON := fs.Bool("json", false, "print the comparison document (docs/RESULTS.md) on stdout")
	files, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(files) < 2 {
		fmt.Fprintln(stderr, "lir compare: give two or more config files")
		return 2
	}
	var configs []*config.Config
	var names []string
	for _, f := range files {
		c, err := loadConfig(f)
		if err != nil {
			printConfigError(stderr, f, err)
			return 1
		}
		configs = append(configs, c)
		name := c.Metadata.Name
		if name == "" || name == config.Default().Metadata.Name {
			name = strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		}
		names = append(names, name)
	}
	for i := range names { // make labels unique
		for j := 0; j < i; j++ {
			if names[j] == names[i] {
				names[i] += " (" + filepath.Base(files[i]) + ")"
				break
			}
		}
	}
	first := configs[0]
	n := first.Simulation.NumSessions
	set := given(fs)
	if set["workers"] && (*workers < 1 || *workers > 256) {
		fmt.Fprintf(stderr, "lir compare: --workers: %d is not allowed; allowed: 1 to 256\n", *workers)
		return 2
	}
	if set["sessions"] {
		if *sessions < 1 || *sessions > 1e9 {
			fmt.Fprintf(stderr, "lir compare: --sessions: %d is not allowed; allowed: 1 to 1000000000\n", *sessions)
			return 2
		}
		n = *sessions
	}
	var seed uint64
	var err error
	switch {
	case *seedFlag != "":
		if seed, err = strconv.ParseUint(*seedFlag, 10, 64); err != nil {
			fmt.Fprintf(stderr, "lir compare: --seed: %q is not allowed; want a whole number from 0 to 18446744073709551615\n", *seedFlag)
			return 2
		}
	case first.Simulation.RandomSeed != nil:
		seed = *first.Simulation.RandomSeed
	default:
		seed = drawSeed()
	}
	for i, c := range configs {
		c.Simulation.NumSessions = n
		if err := c.CheckSessions(); err != nil {
			printConfigError(stderr, files[i], err)
			return 1
		}
		c.Simulation.RandomSeed = &seed
		c.Simulation.Workers = 0
	}
	cmp, err := compare.New(configs)
	if err != nil {
		fmt.Fprintf(stderr, "lir compare: %v\n", err)
		return 1
	}
	w := *workers
	if w == 0 {
		w = runtime.NumCPU()
	}
	var done atomic.Int64
	start := time.Now()
	agg := cmp.RunParallel(seed, 0, int(n), w, &done)
	elapsed := time.Since(start)
	if err := compare.CheckExact(configs, names, agg); err != nil {
		fmt.Fprintf(stderr, "lir compare: %s\n", safeArg(err.Error()))
		return 1
	}
	doc := compare.Build(configs, names, seed, agg)
	var hands uint64
	for _, a := range doc.Configs {
		hands += a.Hands
	}
	doc.Timing = &results.Timing{Workers: w, Seconds: elapsed.Seconds(), HandsPerSec: float64(hands) / elapsed.Seconds()}
	if *asJSON {
		b, err := doc.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "lir compare: %v\n", err)
			return 1
		}
		stdout.Write(b)
		return 0
	}
	printComparison(stdout, doc)
	return 0
}

func printComparison(w io.Writer, d *compare.Document) {
	if d.CommonCards {
		fmt.Fprintf(w, "Comparison on common random numbers: seed %s, %d sessions per config\n\n", d.Seed, d.Sessions)
	} else {
		fmt.Fprintf(w, "Comparison on independent cards (see the note below): seed %s, %d sessions per config\n\n", d.Seed, d.Sessions)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "config\twin rate (95% CI)\tmean profit (95% CI)\tEV/hand\t")
	for _, a := range d.Configs {
		fmt.Fprintf(tw, "%s\t%s (%s–%s)\t%s (%s to %s)\t%s\t\n", safeArg(a.Name),
			pct(a.WinRate.Value), num("%.2f", 100*a.WinRate.CI95Lo), num("%.2f", 100*a.WinRate.CI95Hi),
			money(a.ProfitMean), money(a.ProfitCI95Lo), money(a.ProfitCI95Hi), money(a.EVPerHand))
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "A vs B\tΔ profit (95% CI)\tp (Holm)\td_z\tΔ win rate\tonly A / only B won\tp (Holm)\tvariance reduction\t")
	for _, p := range d.Pairs {
		fmt.Fprintf(tw, "%s vs %s\t%s (%s to %s)\t%s%s\t%s\t%s pp\t%d / %d\t%s%s\t%s\t\n", safeArg(p.NameA), safeArg(p.NameB),
			money(p.ProfitDifference), money(p.ProfitDifferenceCI95Lo), money(p.ProfitDifferenceCI95Hi),
			num("%.3g", p.PValueProfitAdjusted), star(p.SignificantProfit), num("%+.3f", p.EffectSize),
			num("%+.2f", 100*p.WinRateDifference), p.OnlyAWon, p.OnlyBWon, num("%.3g", p.PValueWinRateAdjusted), star(p.SignificantWinRate),
			num("%.1f%%", 100*p.VarianceReduction))
	}
	tw.Flush()
	fmt.Fprintln(w, "\n* significant at 5% after Holm's correction across pairs")
	fmt.Fprintln(w, "Profit: paired t test. Win rate:", winRateTests(d))
	if !d.CommonCards {
		fmt.Fprintln(w, "Note: the configs differ in seats, discard or shuffle, so they do not see the same cards; the paired tests remain valid.")
	}
}

// winRateTests says which win-rate test the pairs' p-values come from.
func winRateTests(d *compare.Document) string {
	seen := map[string]bool{}
	var out []string
	for _, p := range d.Pairs {
		if !seen[p.WinRateTest] {
			seen[p.WinRateTest] = true
			out = append(out, compare.WinRateTestName(p.WinRateTest))
		}
	}
	return strings.Join(out, "; ")
}

func star(b bool) string {
	if b {
		return "*"
	}
	return ""
}
