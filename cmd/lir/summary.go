package main

import (
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
)

// printSummary writes the readable summary of a run.
func printSummary(w io.Writer, c *config.Config, d *results.Document) {
	name := safeArg(c.Metadata.Name)
	if name == "" {
		name = "Let It Ride study"
	}
	fmt.Fprintf(w, "%s\n%s\n", name, strings.Repeat("=", len([]rune(name))))
	fmt.Fprintf(w, "seed %s · %d sessions · %d seat(s) · %d hands · %s strategy · %s paytable\n\n",
		d.Seed, d.Sessions, c.Table.NumSeats, d.Hands, c.Strategy.Type, c.Paytables.MainGame.Type)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	f := &d.Figures
	o := f.SessionOutcomes
	fmt.Fprintf(tw, "Sessions won / lost / pushed\t%d / %d / %d\n", o.Get("win"), o.Get("loss"), o.Get("push"))
	fmt.Fprintf(tw, "Session win rate\t%s  (95%% CI %s – %s)\n",
		pct(f.SessionWinRate.Value), pct(f.SessionWinRate.CI95Lo), pct(f.SessionWinRate.CI95Hi))
	fmt.Fprintf(tw, "Session profit\tmean %s, median %s, sd %s, 5%%–95%% %s to %s\n",
		money(f.SessionProfit.Mean), money(f.SessionProfit.P50), money(f.SessionProfit.Std), money(f.SessionProfit.P5), money(f.SessionProfit.P95))
	fmt.Fprintf(tw, "Hands per session\tmean %s, median %s\n", num("%.1f", f.HandsPerSession.Mean), num("%.0f", f.HandsPerSession.P50))
	fmt.Fprintf(tw, "EV per hand\t%s  (95%% CI %s to %s)\n",
		money(f.EV.Total.Value), money(f.EV.Total.CI95Lo), money(f.EV.Total.CI95Hi))
	fmt.Fprintf(tw, "  main game\t%s per hand = %s base bets\n", money(f.EV.Main.Value), num("%+.4f", f.EVPerHandUnits))
	if f.BonusHands > 0 {
		fmt.Fprintf(tw, "  bonus\t%s per hand\n", money(f.EV.Bonus.Value))
	}
	fmt.Fprintf(tw, "Bets 1 / 2 ride\t%s / %s of hands\n", pct(f.RideRateBet1), pct(f.RideRateBet2))
	var reasons []string
	for i, k := range f.StopReasons.Keys {
		if n := f.StopReasons.Values[i]; n > 0 {
			reasons = append(reasons, fmt.Sprintf("%s %d", k, n))
		}
	}
	fmt.Fprintf(tw, "Stop reasons\t%s\n", strings.Join(reasons, ", "))
	if e := d.Exact; e != nil {
		fmt.Fprintf(tw, "House edge (exact)\t%s of the per-circle bet (%s)\n", num("%.4f%%", 100*e.HouseEdge), e.HouseEdgeFrac)
		if e.FavoursPlayer {
			fmt.Fprintf(tw, "\tThis main-game table favours the player.\n")
		}
		fmt.Fprintf(tw, "EV per unit bet\tobserved %s, exact %s, z = %s\n",
			num("%+.5f", e.EVPerUnitBet.Observed), num("%+.5f", e.EVPerUnitBet.Exact), num("%+.2f", e.EVPerUnitBet.Z))
		fmt.Fprintf(tw, "Final hands vs exact\tchi-square %s on %d df, p = %s\n", num("%.1f", e.HandsTest.Stat), e.HandsTest.DF, num("%.3f", e.HandsTest.PValue))
	}
	if d.ExactOmitted != "" {
		fmt.Fprintf(tw, "Exact per-hand figures\tnone: %s\n", d.ExactOmitted)
	}
	if d.Exact != nil || d.ExactOmitted != "" { // the exact engine was asked (not --no-exact)
		printExactSession(tw, c, d)
	}
	if t := d.Timing; t != nil && t.Shards > 0 {
		fmt.Fprintf(tw, "Time\t%.2f s in all over %d shards, %.2fM hands/s\n", t.Seconds, t.Shards, t.HandsPerSec/1e6)
	} else if t != nil {
		fmt.Fprintf(tw, "Time\t%.2f s on %d worker(s), %.2fM hands/s\n", t.Seconds, t.Workers, t.HandsPerSec/1e6)
	}
	tw.Flush()
	if len(d.Seats) > 0 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "seat\tsessions\thands\twin rate\tmean profit\tEV/hand\t")
		for _, s := range d.Seats {
			fmt.Fprintf(tw, "%d\t%d\t%d\t%s\t%s\t%s\t\n", s.Seat, s.PlayerSessions, s.Hands,
				pct(s.SessionWinRate.Value), money(s.SessionProfit.Mean), money(s.EV.Total.Value))
		}
		tw.Flush()
	}
}

// money formats an amount in currency, or "n/a" when it is undefined (the
// standard deviation of one session, a mean of nothing).
func money(f results.Float) string {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	if x < 0 {
		return fmt.Sprintf("-$%.2f", -x)
	}
	return fmt.Sprintf("$%.2f", x)
}

// num formats a figure with format, or "n/a" when it is undefined (NaN or
// infinite: a z score without a standard error, a test without data).
func num[T ~float64](format string, x T) string {
	if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
		return "n/a"
	}
	return fmt.Sprintf(format, float64(x))
}

// pct formats a proportion as a percentage with two decimals, or "n/a".
func pct[T ~float64](x T) string { return num("%.2f%%", 100*x) }
