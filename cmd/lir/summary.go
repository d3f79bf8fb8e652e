package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
)

// printSummary writes the readable summary of a run.
func printSummary(w io.Writer, c *config.Config, d *results.Document) {
	name := c.Metadata.Name
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
	fmt.Fprintf(tw, "Session win rate\t%.2f%%  (95%% CI %.2f%% – %.2f%%)\n",
		100*float64(f.SessionWinRate.Value), 100*float64(f.SessionWinRate.CI95Lo), 100*float64(f.SessionWinRate.CI95Hi))
	fmt.Fprintf(tw, "Session profit\tmean %s, median %s, sd %s, 5%%–95%% %s to %s\n",
		money(f.SessionProfit.Mean), money(f.SessionProfit.P50), money(f.SessionProfit.Std), money(f.SessionProfit.P5), money(f.SessionProfit.P95))
	fmt.Fprintf(tw, "Hands per session\tmean %.1f, median %.0f\n", float64(f.HandsPerSession.Mean), float64(f.HandsPerSession.P50))
	fmt.Fprintf(tw, "EV per hand\t%s  (95%% CI %s to %s)\n",
		money(f.EV.Total.Value), money(f.EV.Total.CI95Lo), money(f.EV.Total.CI95Hi))
	fmt.Fprintf(tw, "  main game\t%s per hand = %+.4f base bets\n", money(f.EV.Main.Value), float64(f.EVPerHandUnits))
	if f.BonusHands > 0 {
		fmt.Fprintf(tw, "  bonus\t%s per hand\n", money(f.EV.Bonus.Value))
	}
	fmt.Fprintf(tw, "Bets 1 / 2 ride\t%.2f%% / %.2f%% of hands\n", 100*float64(f.RideRateBet1), 100*float64(f.RideRateBet2))
	var reasons []string
	for i, k := range f.StopReasons.Keys {
		if n := f.StopReasons.Values[i]; n > 0 {
			reasons = append(reasons, fmt.Sprintf("%s %d", k, n))
		}
	}
	fmt.Fprintf(tw, "Stop reasons\t%s\n", strings.Join(reasons, ", "))
	if e := d.Exact; e != nil {
		fmt.Fprintf(tw, "House edge (exact)\t%.4f%% of the per-circle bet (%s)\n", 100*float64(e.HouseEdge), e.HouseEdgeFrac)
		if e.FavoursPlayer {
			fmt.Fprintf(tw, "\tThis main-game table favours the player.\n")
		}
		fmt.Fprintf(tw, "EV per unit bet\tobserved %+.5f, exact %+.5f, z = %+.2f\n",
			float64(e.EVPerUnitBet.Observed), float64(e.EVPerUnitBet.Exact), float64(e.EVPerUnitBet.Z))
		fmt.Fprintf(tw, "Final hands vs exact\tchi-square %.1f on %d df, p = %.3f\n", float64(e.HandsTest.Stat), e.HandsTest.DF, float64(e.HandsTest.PValue))
	}
	if d.ExactOmitted != "" {
		fmt.Fprintf(tw, "Exact figures\tnone: %s\n", d.ExactOmitted)
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
			fmt.Fprintf(tw, "%d\t%d\t%d\t%.2f%%\t%s\t%s\t\n", s.Seat, s.PlayerSessions, s.Hands,
				100*float64(s.SessionWinRate.Value), money(s.SessionProfit.Mean), money(s.EV.Total.Value))
		}
		tw.Flush()
	}
}

func money(f results.Float) string {
	x := float64(f)
	if x < 0 {
		return fmt.Sprintf("-$%.2f", -x)
	}
	return fmt.Sprintf("$%.2f", x)
}
