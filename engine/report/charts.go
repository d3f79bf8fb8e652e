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

// This file is the one chart builder of the results document: the HTML
// report and the page draw the same charts from it.

// Chart is one chart: an id (the page's element is "chart-"+ID), a title
// and a caption in words (shown as text beside the chart, not drawn in
// it, so they wrap on a narrow screen), and its ECharts option as JSON.
type Chart struct {
	ID      string
	Title   string
	Caption string
	Option  string
	// Height is the height the chart needs in pixels (0: the page's
	// default), for a chart that grows with its data.
	Height int
}

// base are the options every chart shares: no animation (prints and
// screenshots show the final state), tooltips, the legend at the bottom
// when there is one, a save-as-image button, and a grid that keeps the axis
// labels inside the chart.
func base(id string, legend bool) []charts.GlobalOpts {
	bottom := "12"
	if legend {
		bottom = "40"
	}
	return []charts.GlobalOpts{
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Bottom: "0", Type: "scroll"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "8", Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "Save as image", Type: "png", Name: id},
		}}),
		charts.WithGridOpts(opts.Grid{Left: "12", Right: "24", Top: "44", Bottom: bottom, ContainLabel: opts.Bool(true)}),
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

// chart is a go-echarts chart as a Chart; patches change its option after
// nameLeft, in order, in the one decoding of it (patchOption).
func chart(id, title, caption string, c optioner, patches ...func(map[string]any)) *Chart {
	c.Validate()
	option := patchOption(OptionJSON(c), append([]func(map[string]any){nameLeft}, patches...)...)
	return &Chart{ID: id, Title: title, Caption: caption, Option: option}
}

// nameLeft starts a value axis's name at the axis, running right over the
// grid's top margin, rather than centred on the axis and cut off at the
// chart's left edge.
func nameLeft(o map[string]any) {
	for _, y := range asList(o["yAxis"]) {
		if y["name"] != nil {
			y["nameTextStyle"] = map[string]any{"align": "left"}
		}
	}
}

func f(x results.Float) float64 { return float64(x) }

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// categoryLabels shows every category name when there are few, and every
// k-th (at most about 20) when there are many: ECharts' own thinning lets
// rotated labels overlap.
func categoryLabels(n int) *opts.AxisLabel {
	if n <= 12 {
		return &opts.AxisLabel{Rotate: 30, Interval: "0"}
	}
	return &opts.AxisLabel{Rotate: 30, Interval: strconv.Itoa((n - 1) / 20)}
}

func barData[T float64 | uint64](vs []T) []opts.BarData {
	out := make([]opts.BarData, len(vs))
	for i, v := range vs {
		out[i] = opts.BarData{Value: v}
	}
	return out
}

// Charts returns the charts of a results document, in display order; each
// is there when the document has its data.
func Charts(d *results.Document) []*Chart {
	var out []*Chart
	add := func(cs ...*Chart) {
		for _, c := range cs {
			if c != nil {
				out = append(out, c)
			}
		}
	}
	add(profitHistogram(d), outcomes(d), trajectoriesChart(d), handFrequencies(d), rideRates(d), stopReasons(d))
	add(seatCharts(d)...)
	add(riskOfRuin(d)...)
	add(bonusImpact(d)...)
	add(drawdown(d))
	return out
}

// profitHistogram merges the document's histogram bins into about 40 bars
// of a round width (niceStep, never below the document's own width), each
// labelled with its lower edge. The bars span the middle 99.5% of the
// sessions; the rarer ones beyond (a royal flush's session) are counted in
// the end bars, labelled "< x" and "≥ x". A document bin goes to the bar
// holding its middle.
func profitHistogram(d *results.Document) *Chart {
	bins := d.ProfitHistogram
	if len(bins) == 0 {
		return nil
	}
	minWidth, total := math.Inf(1), 0.0
	for _, b := range bins {
		minWidth = min(minWidth, f(b.Width))
		total += float64(b.Count)
	}
	lo, hi := f(bins[0].Value), f(bins[len(bins)-1].Value+bins[len(bins)-1].Width)
	cut := total * 0.0025 // 0.25% of the sessions off each end
	for acc, i := 0.0, 0; i < len(bins); i++ {
		if acc += float64(bins[i].Count); acc > cut {
			lo = f(bins[i].Value)
			break
		}
	}
	for acc, i := 0.0, len(bins)-1; i >= 0; i-- {
		if acc += float64(bins[i].Count); acc > cut {
			hi = f(bins[i].Value + bins[i].Width)
			break
		}
	}
	width := niceStep(max((hi-lo)/40, minWidth))
	start := math.Floor(lo/width) * width
	n := max(1, int(math.Ceil((hi-start)/width-1e-9)))
	x := make([]string, n)
	counts := make([]uint64, n)
	for i := range x {
		x[i] = MoneyShort(start + float64(i)*width)
	}
	under, over := false, false
	for _, b := range bins {
		i := int(math.Floor((f(b.Value) + f(b.Width)/2 - start) / width))
		under, over = under || i < 0, over || i >= n
		counts[min(n-1, max(0, i))] += b.Count
	}
	if under {
		x[0] = "< " + MoneyShort(start+width)
	}
	if over {
		x[n-1] = "≥ " + MoneyShort(start+float64(n-1)*width)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("profit", false),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: categoryLabels(n)}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Sessions"}))...)
	bar.SetXAxis(x).AddSeries("Player sessions", barData(counts), charts.WithBarChartOpts(opts.BarChart{BarCategoryGap: "5%"}))
	return chart("profit", "Session profit", fmt.Sprintf("Player sessions by profit, in bars %s wide; each bar starts at its label.", Money(width)), bar)
}

// niceStep rounds a bin width up to 1, 2, 2.5 or 5 × 10^k currency units,
// at least a cent.
func niceStep(x float64) float64 {
	if x <= 0.01 {
		return 0.01
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

func outcomes(d *results.Document) *Chart {
	o := d.SessionOutcomes
	keys := []string{"win", "push", "loss"}
	x := make([]string, len(keys))
	v := make([]uint64, len(keys))
	for i, k := range keys {
		x[i], v[i] = Label(k), o.Get(k)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("outcomes", false), charts.WithYAxisOpts(opts.YAxis{Name: "Sessions"}))...)
	bar.SetXAxis(x).AddSeries("Player sessions", barData(v))
	return chart("outcomes", "Session outcomes", fmt.Sprintf("Player sessions that ended ahead, even or behind; won %.2f%% (95%% interval %.2f%% to %.2f%%).",
		100*f(d.SessionWinRate.Value), 100*float64(d.SessionWinRate.CI95Lo), 100*float64(d.SessionWinRate.CI95Hi)), bar)
}

// maxTrajectories and maxTrajectoryPoints bound what the trajectory chart
// draws: more paths or points than this are unreadable and slow to draw.
const (
	maxTrajectories     = 20
	maxTrajectoryPoints = 600
)

// trajectoriesChart draws the bankroll paths of the first sessions,
// thinned to at most maxTrajectoryPoints points each (and the last).
func trajectoriesChart(d *results.Document) *Chart {
	paths := d.Trajectories
	if len(paths) > maxTrajectories {
		paths = paths[:maxTrajectories]
	}
	longest := 0
	for _, t := range paths {
		longest = max(longest, len(t.Bankroll))
	}
	if longest == 0 {
		return nil
	}
	stride := max(1, (longest+maxTrajectoryPoints-1)/maxTrajectoryPoints)
	line := charts.NewLine()
	line.SetGlobalOptions(append(base("trajectories", false),
		charts.WithGridOpts(opts.Grid{Left: "12", Right: "24", Top: "44", Bottom: "28", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "Hand", NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "Bankroll ($)", Scale: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))...)
	for i := range paths {
		t := &paths[i]
		var data []opts.LineData
		for k := 0; k < len(t.Bankroll); k += stride {
			data = append(data, opts.LineData{Value: []any{t.HandAt(k), float64(t.Bankroll[k]) / 100}})
		}
		if last := len(t.Bankroll) - 1; last >= 0 && last%stride != 0 {
			data = append(data, opts.LineData{Value: []any{t.HandAt(last), float64(t.Bankroll[last]) / 100}})
		}
		name := fmt.Sprintf("Session %d", t.Session)
		if len(d.Seats) > 0 {
			name += fmt.Sprintf(", seat %d", t.Seat)
			if t.Player > 0 {
				name += fmt.Sprintf(", player %d", t.Player+1)
			}
		}
		line.AddSeries(name, data, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 1}))
	}
	note := fmt.Sprintf("The bankroll after each hand of the first %d player sessions by index (the same whatever the workers).", len(paths))
	var step int64
	for _, t := range paths {
		step = max(step, t.Step)
	}
	if every := step * int64(stride); every > 1 {
		note += fmt.Sprintf(" Points are up to %d hands apart, and the last hand is shown.", every)
	}
	return chart("trajectories", "Sample bankroll paths", note, line)
}

// handFrequencies compares the share of hands ending in each category
// with its exact probability, on a log scale (a royal flush is 1 in
// 649,740): the exact probabilities as a line, the simulated shares as
// points on it (bars have no base on a log scale). Without exact figures
// it shows the simulated shares alone.
func handFrequencies(d *results.Document) *Chart {
	var x []string
	var sim, ex []float64
	if e := d.Exact; e != nil {
		for _, h := range e.Hands {
			x, sim, ex = append(x, Label(h.Category)), append(sim, f(h.Observed)), append(ex, f(h.Exact))
		}
	} else if d.Hands > 0 {
		for i, k := range d.HandCounts.Keys {
			x, sim = append(x, Label(k)), append(sim, float64(d.HandCounts.Values[i])/float64(d.Hands))
		}
	}
	if len(x) == 0 {
		return nil
	}
	// A category never dealt has no place on a log scale: it is left out
	// ("-" is a gap for ECharts).
	points := func(vs []float64) []opts.LineData {
		out := make([]opts.LineData, len(vs))
		for i, v := range vs {
			out[i] = opts.LineData{Value: v}
			if v <= 0 {
				out[i].Value = "-"
			}
		}
		return out
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(base("hands", true),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: categoryLabels(len(x))}),
		charts.WithYAxisOpts(opts.YAxis{Type: "log", Name: "Share of hands"}))...)
	line.SetXAxis(x)
	caption := "Share of hands ending in each category, on a log scale."
	if ex != nil {
		line.AddSeries("Exact", points(ex), charts.WithLineChartOpts(opts.LineChart{Symbol: "diamond", SymbolSize: 6}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}))
		t := d.Exact.HandsTest
		caption = fmt.Sprintf("Share of hands ending in each category: the exact probability as a line, the simulated share as points, on a log scale. Chi-square %.1f on %d degrees of freedom, p = %.3g.",
			float64(t.Stat), t.DF, float64(t.PValue))
	}
	line.AddSeries("Simulated", points(sim), charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 9}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 0, Opacity: opts.Float(0)}))
	return chart("hands", "Final hands", caption, line)
}

func rideRates(d *results.Document) *Chart {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("rides", d.Exact != nil), charts.WithYAxisOpts(opts.YAxis{Name: "Share of hands", Max: 1}))...)
	bar.SetXAxis([]string{"Bet 1", "Bet 2"}).AddSeries("Simulated", barData([]float64{round(f(d.RideRateBet1), 6), round(f(d.RideRateBet2), 6)}))
	if e := d.Exact; e != nil {
		bar.AddSeries("Exact", barData([]float64{round(f(e.RideBet1.Exact), 6), round(f(e.RideBet2.Exact), 6)}))
	}
	return chart("rides", "Bets left to ride", "Share of hands in which bet 1 and bet 2 were left to ride.", bar)
}

func stopReasons(d *results.Document) *Chart {
	var x []string
	for _, k := range d.StopReasons.Keys {
		x = append(x, Label(k))
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("stops", false), charts.WithYAxisOpts(opts.YAxis{Name: "Sessions"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: categoryLabels(len(x))}))...)
	bar.SetXAxis(x).AddSeries("Player sessions", barData(d.StopReasons.Values))
	return chart("stops", "Why sessions ended", "Why player sessions ended (checked before each hand in this order).", bar)
}

// seatCharts draw each seat's session win rate and EV per hand with their
// 95% intervals as bands; the caption carries the seat-independence tests.
func seatCharts(d *results.Document) []*Chart {
	if len(d.Seats) < 2 {
		return nil
	}
	var x []string
	var rate, ev []interval
	for _, s := range d.Seats {
		x = append(x, fmt.Sprintf("Seat %d", s.Seat))
		w := s.SessionWinRate
		rate = append(rate, interval{100 * f(w.Value), 100 * float64(w.CI95Lo), 100 * float64(w.CI95Hi)})
		e := s.EV.Total
		ev = append(ev, interval{f(e.Value), f(e.CI95Lo), f(e.CI95Hi)})
	}
	tests := ""
	if si := d.SeatIndependence; si != nil {
		tests = fmt.Sprintf(" Seat × outcome chi-square p = %.3g", float64(si.ChiSquare.PValue))
		if si.CochranQ != nil {
			tests += fmt.Sprintf("; Cochran's Q on wins p = %.3g", float64(si.CochranQ.PValue))
		}
		tests += "."
	}
	return []*Chart{
		intervalChart("seats", "Win rate by seat", "Share of player sessions won at each seat (%), with its Wilson 95% interval as a band."+tests, x, "Win rate (%)", rate),
		intervalChart("seat-ev", "Result per hand by seat", "Mean result per hand at each seat ($), with its 95% interval as a band."+tests, x, "Per hand ($)", ev),
	}
}

func riskOfRuin(d *results.Document) []*Chart {
	rr := d.RiskOfRuin
	if rr == nil {
		return nil
	}
	var out []*Chart
	if len(rr.LossCurve) > 0 {
		var x []string
		var p []interval
		for _, pt := range rr.LossCurve {
			x = append(x, fmt.Sprintf("%d%% (%s)", pt.Percent, MoneyShort(cents(pt.Amount))))
			p = append(p, proportion(pt.Probability))
		}
		out = append(out, bandLine("risk", "Risk of losing part of the bankroll", fmt.Sprintf("Probability that a session's bankroll falls by at least this share of the starting %s at some point, within the session's rules; the band is the 95%% interval.",
			MoneyShort(cents(rr.StartingBankroll))), x, "Probability", p))
	}
	if len(rr.ByBankroll) > 0 {
		var x []string
		var p []interval
		for _, pt := range rr.ByBankroll {
			x = append(x, MoneyShort(cents(pt.Bankroll)))
			p = append(p, proportion(pt.Probability))
		}
		out = append(out, bandLine("ruin-bankroll", "Risk of ruin by starting bankroll", fmt.Sprintf("Probability that the bankroll falls below one hand's stake (%s) within a session, by starting bankroll; the band is the 95%% interval.",
			Money(cents(rr.HandStake))), x, "P(ruin)", p))
	}
	return out
}

func proportion(p results.Proportion) interval {
	return interval{round(f(p.Value), 6), round(float64(p.CI95Lo), 6), round(float64(p.CI95Hi), 6)}
}

func cents(c results.Cents) float64 {
	if c.V == nil {
		return 0
	}
	x, _ := c.V.Float64()
	return x / 100
}

// bonusImpact shows the main game's and the bonus bet's parts of the mean
// result and of its variance, per hand and per session.
func bonusImpact(d *results.Document) []*Chart {
	bi := d.BonusImpact
	if bi == nil {
		return nil
	}
	groups := []results.VarianceMix{bi.PerHand, bi.PerSession}
	names := []string{"Per hand", "Per session"}
	mean := charts.NewBar()
	mean.SetGlobalOptions(append(base("bonus-mean", true), charts.WithYAxisOpts(opts.YAxis{Name: "Mean result ($)"}))...)
	mean.SetXAxis([]string{"Main game", "Bonus", "Total"})
	share := charts.NewBar()
	share.SetGlobalOptions(append(base("bonus-variance", true), charts.WithYAxisOpts(opts.YAxis{Name: "Share of variance"}))...)
	share.SetXAxis([]string{"Main game", "Bonus", "2 × covariance"})
	for i, g := range groups {
		mean.AddSeries(names[i], barData([]float64{round(f(g.MainMean), 6), round(f(g.BonusMean), 6), round(f(g.MainMean)+f(g.BonusMean), 6)}))
		share.AddSeries(names[i], barData([]float64{round(f(g.MainShare), 6), round(f(g.BonusShare), 6), round(f(g.CovarianceShare), 6)}))
	}
	return []*Chart{
		chart("bonus-mean", "Bonus bet: mean result", fmt.Sprintf("Mean result of the main game and of the Three Card Bonus; bonus bets are %.1f%% of the money wagered.", 100*f(bi.ShareOfWagered)), mean),
		chart("bonus-variance", "Bonus bet: share of the swings", "How much of the variance of the result comes from the main game, the bonus and their covariance: var(total) = var(main) + var(bonus) + 2·cov.", share),
	}
}

// drawdown draws the distributions of the largest drawdown, the peak and
// the trough of each player session as box plots (whiskers at p5 and p95).
func drawdown(d *results.Document) *Chart {
	if d.PlayerSessions == 0 {
		return nil
	}
	box := func(x results.Dist) opts.BoxPlotData {
		return opts.BoxPlotData{Value: []float64{f(x.P5), f(x.P25), f(x.P50), f(x.P75), f(x.P95)}}
	}
	bp := charts.NewBoxPlot()
	bp.SetGlobalOptions(append(base("drawdown", false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: categoryLabels(3)}),
		charts.WithYAxisOpts(opts.YAxis{Name: "$"}))...)
	bp.SetXAxis([]string{"Largest drawdown", "Highest point", "Lowest point"}).
		AddSeries("Player sessions", []opts.BoxPlotData{box(d.MaxDrawdown), box(d.Peak), box(d.Trough)})
	m := d.MaxDrawdown
	return chart("drawdown", "Swings within a session", fmt.Sprintf("Per player session: the largest fall from a high, and the highest and lowest profit reached. Boxes span the middle half, whiskers 5%% to 95%%. Largest drawdown: mean %s, median %s, worst %s.",
		Money(f(m.Mean)), Money(f(m.P50)), Money(f(m.Max))), bp)
}
