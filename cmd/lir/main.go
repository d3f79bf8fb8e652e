// Command lir is the native Let It Ride strategy lab: it runs simulations,
// validates configs, benchmarks the engine and solves the game exactly.
// Run "lir help" for the commands.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `lir — the Let It Ride strategy lab (native CLI)

Usage:
  lir init [FILE]
      Write the default study to FILE (default study.yaml), every key
      commented; an existing file is never overwritten.
  lir run [--config FILE | --preset NAME] [--seed N] [--sessions N] [--workers N] [--json] [--no-exact]
      Simulate a config (the embedded default when --config is not given) and
      print a summary, or the results document with --json.
  lir validate FILE...
      Check config files; print one line per problem (field path, value, what
      is allowed) and exit 1 if any.
  lir run ... --shard i/n --json        (then)  lir merge FILES... [--json] [--report FILE.html] [--no-exact]
      Run the i-th of n session ranges and print a partial results document;
      merge combines every shard's partial exactly into the full document
      (docs/SCALE-OUT.md).
  lir run ... [--report FILE.html] [--per-session-csv FILE] [--per-hand-csv FILE] [--trajectories K]
      Also write the HTML report, stream per-session / per-hand CSV, keep the
      first K sessions' bankroll paths.
  lir compare A.yaml B.yaml ... [--json] [--seed N] [--sessions N] [--workers N]
      Run the configs on common random numbers (session i of each deals the
      same cards) with paired tests and Holm-adjusted p-values.
  lir study PATH... [--sessions N] [--json | --csv] [--report FILE.html]
      Run every config among PATH (files, folders, globs) and print one table
      ranked by P(win), exact beside simulated (docs/STUDY.md).
  lir exact [--config FILE] [--json] [--classes]
      Exact per-hand, bonus and session figures for a config (no sampling).
  lir exact hand "Ah Kh Qh" [--dead "2c 7d"] [--paytable NAME | --config FILE] [--ties pull|ride] [--json]
      The exact EV of riding and of pulling with a 3- or 4-card holding.
  lir exact walkaway [--config FILE] [--win-limits "..."] [--loss-limits "..."] [--json]
      Exact session figures over a grid of win limits × loss limits.
  lir exact goal [--config FILE] [--objective ahead|win_limit] [--json]
      Goal-optimal play: the play that makes ending ahead (or stopping at the
      win limit) most likely, its gain and its departures from EV-optimal play.
  lir bench [--seconds S] [--max-workers N] [--json]
      Measure hands/s on one core for the default config and the scaling over
      worker counts up to N (default: every core), in S seconds in all
      (default 3): 3 measurements of S/(3N) per worker count, median reported.
  lir presets
      List the preset studies (configs/), for run --preset.
  lir url encode [--base URL] FILE | lir url encode [--base URL] --preset NAME
  lir url decode LINK
      Print a share link for a config file or a preset, or the config (YAML)
      a link holds.
  lir help
      Show this text.

Every command prints its own flags with -h. Config files are YAML or JSON
(docs/CONFIG.md); results are described in docs/RESULTS.md.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the command args name. A command whose output could not all
// be written to stdout fails, whatever it returned: a batch job must not
// count truncated output as complete.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	out := &checkedWriter{w: stdout}
	code := dispatch(args[0], args[1:], out, stderr)
	if err := out.finish(); err != nil {
		fmt.Fprintf(stderr, "lir %s: writing the output: %v\n", safeArg(args[0]), err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// dispatch runs the command cmd with the arguments rest.
func dispatch(cmd string, rest []string, stdout, stderr io.Writer) int {
	switch cmd {
	case "init":
		return runInit(rest, stdout, stderr)
	case "run":
		return runRun(rest, stdout, stderr)
	case "validate":
		return runValidate(rest, stdout, stderr)
	case "exact":
		return runExact(rest, stdout, stderr)
	case "bench":
		return runBench(rest, stdout, stderr)
	case "merge":
		return runMerge(rest, stdout, stderr)
	case "compare":
		return runCompare(rest, stdout, stderr)
	case "study":
		return runStudy(rest, stdout, stderr)
	case "url":
		return runURL(rest, stdout, stderr)
	case "presets":
		return runPresets(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "lir: unknown command %q\n\n%s", cmd, usage)
	return 2
}
