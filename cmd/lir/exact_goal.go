package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/sim"
)

// runExactGoal implements "lir exact goal".
func runExactGoal(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("exact goal", "", stderr)
	fs.Usage = func() { fmt.Fprint(stderr, exactUsage) }
	cfgPath := fs.String("config", "", "config file (YAML or JSON); default: the embedded default study")
	objective := fs.String("objective", "", "ahead (end the session with a profit) or win_limit (stop at the win limit); default: the config's strategy.goal_optimal.objective")
	asJSON := fs.Bool("json", false, "print JSON")
	extra, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(extra) > 0 {
		fmt.Fprintf(stderr, "lir exact goal: unexpected argument %q\n", extra[0])
		return 2
	}
	c, err := loadConfig(*cfgPath)
	if err != nil {
		printConfigError(stderr, orDefault(*cfgPath), err)
		return 1
	}
	o := exact.ObjectiveOf(c)
	if *objective != "" {
		var ok bool
		if o, ok = exact.ParseObjective(*objective); !ok {
			fmt.Fprintf(stderr, "lir exact goal: --objective: %s is not allowed; allowed: %s\n", safeArg(*objective), strings.Join(exact.ObjectiveNames[:], ", "))
			return 2
		}
	}
	rep, err := sim.GoalReport(c, o, nil, nil)
	if err != nil {
		fmt.Fprintf(stderr, "lir exact goal: %s\n", safeArg(err.Error()))
		return 1
	}
	doc := rep.Doc()
	if *asJSON {
		return writeJSON(stdout, stderr, doc)
	}
	printGoal(stdout, doc, 20)
	return 0
}

// goalWords names an objective as a player would.
var goalWords = map[string]string{"ahead": "end the session ahead", "win_limit": "stop at the win limit"}

// printGoal writes a goal-optimal report, its first n departures.
func printGoal(w io.Writer, d *exact.GoalDoc, n int) {
	fmt.Fprintf(w, "Goal-optimal play (goal: %s)\n", goalWords[d.Objective])
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  P(goal)\t%.4f%%, against %.4f%% with %s: %+.4f points\n", 100*d.PGoal, 100*d.PGoalCompared, d.Compared, 100*d.Gain)
	if s := d.Session; s != nil {
		fmt.Fprintf(tw, "  Session\tP(win) %.6f  P(push) %.6f  P(loss) %.6f  P(win limit) %.6f  E[hands] %.3f  E[profit] %+.4f\n",
			s.PWin, s.PPush, s.PLoss, s.PWinLimit, s.ExpectedHands, s.ExpectedProfit)
	}
	fmt.Fprintf(tw, "  Solved over\t%d states, %d distinct plays\n", d.States, d.Decisions)
	tw.Flush()
	if len(d.Departures) == 0 {
		fmt.Fprintln(w, "It never departs from EV-optimal play.")
		return
	}
	fmt.Fprintf(w, "Where it departs from EV-optimal play (%.2f departing choices per session; each line: times per session, the play, where in the session):\n", d.DeparturesPerSession)
	for i, x := range d.Departures {
		if i == n {
			fmt.Fprintf(w, "  … %d more (--json lists them all)\n", len(d.Departures)-n)
			break
		}
		fmt.Fprintf(w, "  %7.4f  %s\n", x.PerSession, x.Words)
	}
}
