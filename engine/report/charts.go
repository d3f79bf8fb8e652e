package report

import (
	"fmt"
	"math"
	"regexp"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/lir-lab/lir/engine/results"
)

// Chart is one chart of the report: an id, a caption and its ECharts
// option as JSON.
type Chart struct {
	ID      string
	Title   string
	Caption string
	Option  string
}

// common options: no animation (prints and screenshots show the final
// state), a save-as-image button, tooltips.
func common(title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, Left: "center"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "bottom"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "2%", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "Save as image", Type: "png"},
		}}),
	}
}

type optioner interface {
	Validate()
	JSONNotEscaped() templateHTML
}

// OptionJSON is a go-echarts chart's ECharts option as JSON. go-echarts
// writes an axis label interval as a string ("1"), which ECharts adds to as
// a string (every "11"-th label); it is written here as the number it is.
func OptionJSON(c interface{ JSONNotEscaped() templateHTML }) string {
	return stringInterval.ReplaceAllString(string(c.JSONNotEscaped()), `"interval":$1`)
}

var stringInterval = regexp.MustCompile(`"interval":"(\d+)"`)

func f(x results.Float) float64 { return float64(x) }

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// profitHistogram groups the session profit histogram into at most 60 bars.
func profitHistogram(d *results.Document) *Chart {
	bins := d.ProfitHistogram
	if len(bins) == 0 {
		return nil
	}
	// Bars span the minimum to the 99.5th percentile; the rare larger
	// profits (a royal flush) go in the last bar, labelled "≥".
	lo, hi := f(bins[0].Value), f(bins[len(bins)-1].Value+bins[len(bins)-1].Width)
	var total, seen uint64
	for _, b := range bins {
		total += b.Count
	}
	for _, b := range bins {
		seen += b.Count
		if float64(seen) >= 0.995*float64(total) {
			hi = math.Min(hi, f(b.Value+b.Width))
			break
		}
	}
	width := niceStep((hi - lo) / 50)
	start := math.Floor(lo/width) * width
	n := int(math.Ceil((hi-start)/width)) + 1 // the last bar also takes everything above hi
	counts := make([]uint64, n)
	for _, b := range bins {
		counts[min(n-1, int(math.Floor((f(b.Value)-start)/width)))] += b.Count
	}
	for n > 1 && counts[n-1] == 0 {
		n--
	}
	x := make([]string, n)
	data := make([]opts.BarData, n)
	for i := range n {
		x[i] = strconv.FormatFloat(start+float64(i)*width, 'f', -1, 64)
		data[i] = opts.BarData{Value: counts[i]}
	}
	if f(bins[len(bins)-1].Value) >= start+float64(n-1)*width+width {
		x[n-1] = "≥ " + x[n-1]
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Session profit"),
		charts.WithXAxisOpts(opts.XAxis{Name: "profit from", NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Name: "sessions"}))...)
	bar.SetXAxis(x).AddSeries("sessions", data, charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "5%"}))
	return chart("profit", "Session outcomes", fmt.Sprintf("Player sessions by profit, in bins of %s.", money(width)), bar)
}

// niceStep rounds a bin width up to 1, 2 or 5 × 10^k currency units, at
// least a cent.
func niceStep(x float64) float64 {
	if x <= 0.01 {
		return 0.01
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

func trajectoriesChart(d *results.Document) *Chart {
	if len(d.Trajectories) == 0 {
		return nil
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(common("Sample bankroll trajectories"),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "hand", NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "bankroll", Scale: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))...)
	for i := range d.Trajectories {
		t := &d.Trajectories[i]
		data := make([]opts.LineData, len(t.Bankroll))
		for i, c := range t.Bankroll {
			data[i] = opts.LineData{Value: []any{t.HandAt(i), float64(c) / 100}}
		}
		name := fmt.Sprintf("session %d", t.Session)
		if len(d.Seats) > 0 {
			name += fmt.Sprintf(" seat %d", t.Seat)
			if t.Player > 0 {
				name += fmt.Sprintf(" player %d", t.Player+1)
			}
		}
		line.AddSeries(name, data, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}))
	}
	note := fmt.Sprintf("The real per-hand bankroll of the first %d session(s) by index (the same whatever the workers or shards).", countSessions(d))
	if step := maxStep(d); step > 1 {
		note += fmt.Sprintf(" Long paths have points up to %d hands apart, and the last hand.", step)
	}
	return chart("trajectories", "Sample bankroll trajectories", note, line)
}

// maxStep returns the largest step between the points of a kept path.
func maxStep(d *results.Document) int64 {
	var m int64
	for _, t := range d.Trajectories {
		m = max(m, t.Step)
	}
	return m
}

func countSessions(d *results.Document) int {
	seen := map[uint64]bool{}
	for _, t := range d.Trajectories {
		seen[t.Session] = true
	}
	return len(seen)
}

func cents(c results.Cents) float64 {
	if c.V == nil {
		return 0
	}
	x, _ := c.V.Float64()
	return x / 100
}

func handFrequencies(d *results.Document) *Chart {
	e := d.Exact
	if e == nil {
		return nil
	}
	x := make([]string, len(e.Hands))
	obs := make([]opts.BarData, len(e.Hands))
	ex := make([]opts.BarData, len(e.Hands))
	for i, h := range e.Hands {
		x[i] = h.Category
		obs[i] = opts.BarData{Value: f(h.Observed)}
		ex[i] = opts.BarData{Value: f(h.Exact)}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Final hands: observed vs exact"),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Rotate: 30, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "log", Name: "frequency"}))...)
	bar.SetXAxis(x).AddSeries("observed", obs).AddSeries("exact", ex)
	return chart("hands", "Hand frequencies", fmt.Sprintf("Share of hands ending in each category (log scale). Chi-square %.1f on %d df, p = %.3g.",
		float64(e.HandsTest.Stat), e.HandsTest.DF, float64(e.HandsTest.PValue)), bar)
}

func rideRates(d *results.Document) *Chart {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Ride frequencies"), charts.WithYAxisOpts(opts.YAxis{Name: "share of hands", Max: 1}))...)
	bar.SetXAxis([]string{"bet 1", "bet 2"}).AddSeries("observed", []opts.BarData{{Value: round(f(d.RideRateBet1), 6)}, {Value: round(f(d.RideRateBet2), 6)}})
	if e := d.Exact; e != nil {
		bar.AddSeries("exact", []opts.BarData{{Value: round(f(e.RideBet1.Exact), 6)}, {Value: round(f(e.RideBet2.Exact), 6)}})
	}
	return chart("rides", "Ride frequencies", "Share of hands in which bet 1 and bet 2 were left to ride.", bar)
}

func stopReasons(d *results.Document) *Chart {
	var x []string
	var data []opts.BarData
	for i, k := range d.StopReasons.Keys {
		x = append(x, k)
		data = append(data, opts.BarData{Value: d.StopReasons.Values[i]})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Stop reasons"), charts.WithYAxisOpts(opts.YAxis{Name: "sessions"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: &opts.AxisLabel{Interval: "0"}}))...)
	bar.SetXAxis(x).AddSeries("sessions", data)
	return chart("stops", "Stop reasons", "Why player sessions ended (checked before each hand in this order).", bar)
}

func seatWinRates(d *results.Document) *Chart {
	if len(d.Seats) == 0 {
		return nil
	}
	var x []string
	var data, lo, hi []opts.BarData
	for _, s := range d.Seats {
		x = append(x, fmt.Sprintf("seat %d", s.Seat))
		data = append(data, opts.BarData{Value: round(f(s.SessionWinRate.Value), 6)})
		lo = append(lo, opts.BarData{Value: round(float64(s.SessionWinRate.CI95Lo), 6)})
		hi = append(hi, opts.BarData{Value: round(float64(s.SessionWinRate.CI95Hi), 6)})
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Session win rate by seat"), charts.WithYAxisOpts(opts.YAxis{Name: "win rate", Min: 0}))...)
	bar.SetXAxis(x).AddSeries("win rate", data).AddSeries("95% CI low", lo).AddSeries("95% CI high", hi)
	caption := "Share of player sessions that ended in profit, per seat, with Wilson 95% intervals."
	if si := d.SeatIndependence; si != nil && si.CochranQ != nil {
		caption += fmt.Sprintf(" Cochran's Q = %.2f on %d df, p = %.3g.", float64(si.CochranQ.Stat), si.CochranQ.DF, float64(si.CochranQ.PValue))
	}
	return chart("seats", "Per-seat win rates", caption, bar)
}

func riskOfRuin(d *results.Document) []*Chart {
	rr := d.RiskOfRuin
	if rr == nil {
		return nil
	}
	var out []*Chart
	{
		var x []string
		var p, lo, hi []opts.LineData
		for _, pt := range rr.LossCurve {
			x = append(x, fmt.Sprintf("%d%%", pt.Percent))
			p = append(p, opts.LineData{Value: round(f(pt.Probability.Value), 6)})
			lo = append(lo, opts.LineData{Value: round(float64(pt.Probability.CI95Lo), 6)})
			hi = append(hi, opts.LineData{Value: round(float64(pt.Probability.CI95Hi), 6)})
		}
		line := charts.NewLine()
		line.SetGlobalOptions(append(common("Risk of losing X% of the bankroll"),
			charts.WithXAxisOpts(opts.XAxis{Name: "loss", NameLocation: "middle", NameGap: 28}),
			charts.WithYAxisOpts(opts.YAxis{Name: "probability", Min: 0, Max: 1}))...)
		line.SetXAxis(x).AddSeries("probability", p).AddSeries("95% CI low", lo).AddSeries("95% CI high", hi)
		out = append(out, chart("ruin-loss", "Risk of loss", fmt.Sprintf("Probability that a session's bankroll falls by X%% of the starting %s at some point, within the session rules.", moneyC(rr.StartingBankroll)), line))
	}
	if len(rr.ByBankroll) > 0 {
		var x []string
		var p []opts.LineData
		for _, pt := range rr.ByBankroll {
			x = append(x, moneyC(pt.Bankroll))
			p = append(p, opts.LineData{Value: round(f(pt.Probability.Value), 6)})
		}
		line := charts.NewLine()
		line.SetGlobalOptions(append(common("Risk of ruin by bankroll"),
			charts.WithXAxisOpts(opts.XAxis{Name: "starting bankroll", NameLocation: "middle", NameGap: 28}),
			charts.WithYAxisOpts(opts.YAxis{Name: "P(ruin)", Min: 0, Max: 1}))...)
		line.SetXAxis(x).AddSeries("P(ruin)", p)
		out = append(out, chart("ruin-bankroll", "Risk of ruin by bankroll",
			fmt.Sprintf("Probability that the bankroll falls below one hand's stake (%s) within a session, by starting bankroll.", moneyC(rr.HandStake)), line))
	}
	return out
}

func bonusImpact(d *results.Document) *Chart {
	bi := d.BonusImpact
	if bi == nil {
		return nil
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common("Bonus impact: share of variance"), charts.WithYAxisOpts(opts.YAxis{Name: "share of variance"}))...)
	x := []string{"per hand", "per session"}
	bar.SetXAxis(x).
		AddSeries("main game", []opts.BarData{{Value: round(f(bi.PerHand.MainShare), 6)}, {Value: round(f(bi.PerSession.MainShare), 6)}}).
		AddSeries("bonus", []opts.BarData{{Value: round(f(bi.PerHand.BonusShare), 6)}, {Value: round(f(bi.PerSession.BonusShare), 6)}}).
		AddSeries("2 × covariance", []opts.BarData{{Value: round(f(bi.PerHand.CovarianceShare), 6)}, {Value: round(f(bi.PerSession.CovarianceShare), 6)}})
	return chart("bonus", "Bonus impact", fmt.Sprintf("Main game vs Three Card Bonus: mean per hand %s vs %s; the bonus is %.1f%% of the money wagered.",
		money(f(bi.PerHand.MainMean)), money(f(bi.PerHand.BonusMean)), 100*f(bi.ShareOfWagered)), bar)
}

func chart(id, title, caption string, c optioner) *Chart {
	c.Validate()
	return &Chart{ID: id, Title: title, Caption: caption, Option: OptionJSON(c)}
}

// Charts returns the report's charts for a document, in display order.
func Charts(d *results.Document) []*Chart {
	var out []*Chart
	add := func(cs ...*Chart) {
		for _, c := range cs {
			if c != nil {
				out = append(out, c)
			}
		}
	}
	add(profitHistogram(d), trajectoriesChart(d), handFrequencies(d), rideRates(d), stopReasons(d), seatWinRates(d))
	add(riskOfRuin(d)...)
	add(bonusImpact(d))
	return out
}

func money(x float64) string {
	if x < 0 {
		return fmt.Sprintf("-$%.2f", -x)
	}
	return fmt.Sprintf("$%.2f", x)
}

func moneyC(c results.Cents) string { return money(cents(c)) }
