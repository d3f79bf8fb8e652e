package main

import (
	"fmt"
	"io"
	"math"

	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"

	"github.com/lir-lab/lir/engine/config"
)

// printExactSession writes the exact session figures beside the simulated
// ones, with z = (simulated − exact) / its standard error over the run's
// player sessions; or why there are none.
func printExactSession(w io.Writer, c *config.Config, d *results.Document) {
	play, _, err := sim.ExactPlay(c)
	var res *exact.SessionResult
	if err == nil {
		res, err = play.Session(c, nil)
	}
	if err != nil {
		fmt.Fprintf(w, "Exact session\tnone: %s\n", safeArg(err.Error()))
		return
	}
	if per := exact.PerOf(c); per != "" {
		fmt.Fprintf(w, "Exact session\t%s\n", per)
	}
	f := &d.Figures
	n := float64(f.PlayerSessions)
	z := func(obs, exact, sd float64) string {
		if sd == 0 || n == 0 {
			return "–"
		}
		return num("%+.2f", (obs-exact)/(sd/math.Sqrt(n)))
	}
	pw := float64(f.SessionWinRate.Value)
	fmt.Fprintf(w, "Session win rate (exact)\t%s, simulated %s, z = %s\n",
		pct(res.PWin), pct(pw), z(pw, res.PWin, math.Sqrt(res.PWin*(1-res.PWin))))
	fmt.Fprintf(w, "Session profit (exact)\tmean %s, simulated %s, z = %s\n",
		money(results.Float(res.ExpectedProfit/100)), money(f.SessionProfit.Mean), z(float64(f.SessionProfit.Mean), res.ExpectedProfit/100, float64(f.SessionProfit.Std)))
	fmt.Fprintf(w, "Hands per session (exact)\tmean %s, simulated %s\n", num("%.2f", res.ExpectedHands), num("%.2f", f.HandsPerSession.Mean))
}
