package app

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/report"
)

// The charts of schema-2 sections of the results document: trajectories,
// per-seat results, risk of ruin, bonus impact and drawdowns.

// maxTrajectories and maxTrajectoryPoints bound what the trajectory chart
// draws: more paths or points than this are unreadable and slow to draw.
const (
	maxTrajectories     = 20
	maxTrajectoryPoints = 600
)

// globalOpts are the options every chart shares: title, tooltip, legend and
// the "Save as image" button.
func globalOpts(id, title, subtitle string, legend bool) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(legend), Bottom: "0", Type: "scroll"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Type: "png", Name: strings.TrimPrefix(id, "chart-"), Title: "Save as image"},
		}}),
		charts.WithGridOpts(opts.Grid{Bottom: "90", Left: "80", Top: "70"}),
		charts.WithAnimation(false),
	}
}

// trajectoryChart draws the bankroll paths of the first sessions, thinned
// to at most maxTrajectoryPoints points each (plus the last). A point's
// hand is min(i × step, hands) (docs/RESULTS.md); documents of schema
// version 2 have a point per hand and neither key.
func trajectoryChart(paths []any) (chartSpec, bool) {
	type path struct {
		name        string
		vals        []any
		step, hands float64
	}
	var ps []path
	longest := 0
	for _, t := range paths {
		m, _ := t.(map[string]any)
		b, _ := m["bankroll"].([]any)
		if len(b) == 0 {
			continue
		}
		name := fmt.Sprintf("Session %d seat %d", int(num(m["session"])), int(num(m["seat"])))
		if p := int(num(m["player"])); p > 0 {
			name += fmt.Sprintf(" player %d", p+1)
		}
		ps = append(ps, path{name, b, max(num(m["step"]), 1), num(m["hands"])})
		longest = max(longest, len(b))
		if len(ps) == maxTrajectories {
			break
		}
	}
	if len(ps) == 0 {
		return chartSpec{}, false
	}
	stride := max(1, (longest+maxTrajectoryPoints-1)/maxTrajectoryPoints)
	const id, title = "chart-trajectories", "Sample bankroll trajectories"
	sub := fmt.Sprintf("Bankroll after each hand, first %d player sessions", len(ps))
	var step float64
	for _, p := range ps {
		step = max(step, p.step)
	}
	if every := step * float64(stride); every > 1 {
		sub += fmt.Sprintf(" (points up to %g hands apart, and the last hand)", every)
	}
	line := charts.NewLine()
	line.SetGlobalOptions(append(globalOpts(id, title, sub, false),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "Hand", NameLocation: "middle", NameGap: 30}),
		charts.WithYAxisOpts(opts.YAxis{Name: "Bankroll", Scale: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	)...)
	for _, p := range ps {
		var data []opts.LineData
		hand := func(i int) float64 {
			x := float64(i) * p.step
			if p.hands > 0 && x > p.hands {
				return p.hands
			}
			return x
		}
		for i := 0; i < len(p.vals); i += stride {
			data = append(data, opts.LineData{Value: []any{hand(i), num(p.vals[i])}})
		}
		if last := len(p.vals) - 1; last%stride != 0 {
			data = append(data, opts.LineData{Value: []any{hand(last), num(p.vals[last])}})
		}
		line.AddSeries(p.name, data, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 1}))
	}
	line.Validate()
	return chartSpec{ID: id, Title: title, Option: report.OptionJSON(line)}, true
}

// seatCharts draws each seat's session win rate and EV per hand with their
// 95% intervals; the subtitle carries the seat-independence tests.
func seatCharts(doc map[string]any, seats []any) []chartSpec {
	var labels []string
	var rate, rateLo, rateHi, ev, evLo, evHi []float64
	for i, s := range seats {
		m, _ := s.(map[string]any)
		labels = append(labels, fmt.Sprintf("Seat %d", i+1))
		rate = append(rate, num(getPath(m, "session_win_rate.value")))
		rateLo = append(rateLo, num(getPath(m, "session_win_rate.ci95_low")))
		rateHi = append(rateHi, num(getPath(m, "session_win_rate.ci95_high")))
		ev = append(ev, num(getPath(m, "ev.total.value")))
		evLo = append(evLo, num(getPath(m, "ev.total.ci95_low")))
		evHi = append(evHi, num(getPath(m, "ev.total.ci95_high")))
	}
	sub := seatTestSummary(doc)
	return []chartSpec{
		intervalChart("chart-seats", "Session win rate by seat (95% CI)", sub, labels, "Win rate", rate, rateLo, rateHi),
		intervalChart("chart-seat-ev", "EV per hand by seat (95% CI)", sub, labels, "EV per hand", ev, evLo, evHi),
	}
}

// seatTestSummary is one line on the seat-independence tests.
func seatTestSummary(doc map[string]any) string {
	var parts []string
	if p := getPath(doc, "seat_independence.chi_square.p_value"); p != nil {
		parts = append(parts, fmt.Sprintf("χ² independence p = %.3g", num(p)))
	}
	if p := getPath(doc, "seat_independence.cochran_q.p_value"); p != nil {
		parts = append(parts, fmt.Sprintf("Cochran's Q p = %.3g", num(p)))
	}
	return strings.Join(parts, " · ")
}

// intervalChart draws values as bars with their 95% bounds as markers: ▲
// at the low end, ▼ at the high end. The axis keeps zero in view.
func intervalChart(id, title, sub string, labels []string, name string, v, lo, hi []float64) chartSpec {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(globalOpts(id, title, sub, true),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: xLabels(len(labels))}),
	)...)
	bar.SetXAxis(labels)
	bar.AddSeries(name, barData(v))
	marks := func(name string, xs []float64, rotate int) *charts.Scatter {
		data := make([]opts.ScatterData, len(xs))
		for i, x := range xs {
			data[i] = opts.ScatterData{Value: x, Symbol: "triangle", SymbolSize: 12, SymbolRotate: rotate}
		}
		sc := charts.NewScatter()
		sc.AddSeries(name, data)
		return sc
	}
	bar.Overlap(marks("95% CI low", lo, 0), marks("95% CI high", hi, 180))
	bar.Validate()
	return chartSpec{ID: id, Title: title, Option: report.OptionJSON(bar)}
}

func barData(vs []float64) []opts.BarData {
	out := make([]opts.BarData, len(vs))
	for i, v := range vs {
		out[i] = opts.BarData{Value: v}
	}
	return out
}

// riskCharts draws the loss curve (P(losing X% of the bankroll) with its
// interval) and, when the run supports it, P(ruin) by starting bankroll.
func riskCharts(rr map[string]any) []chartSpec {
	var out []chartSpec
	// Each point is {…, probability: {value, ci95_low, ci95_high}}.
	curve := func(points []any, label func(m map[string]any) string) (labels []string, series [][]float64) {
		series = make([][]float64, 3)
		for _, pt := range points {
			m, _ := pt.(map[string]any)
			labels = append(labels, label(m))
			for i, k := range []string{"value", "ci95_low", "ci95_high"} {
				series[i] = append(series[i], num(getPath(m, "probability."+k)))
			}
		}
		return labels, series
	}
	if lc, ok := rr["loss_curve"].([]any); ok && len(lc) > 0 {
		labels, series := curve(lc, func(m map[string]any) string {
			return fmt.Sprintf("%d%% (%s)", int(num(m["percent"])), money(num(m["amount"])))
		})
		sub := "P(the bankroll falls by at least X% of " + money(num(rr["starting_bankroll"])) + " within the session rules)"
		out = append(out, lineChart("chart-risk", "Risk of ruin: loss curve", sub, labels, "Loss of bankroll",
			[]string{"Probability", "95% CI low", "95% CI high"}, series))
	}
	if bb, ok := rr["by_bankroll"].([]any); ok && len(bb) > 0 {
		cents := slices.ContainsFunc(bb, func(pt any) bool {
			m, _ := pt.(map[string]any)
			return strings.Contains(money(num(m["bankroll"])), ".")
		})
		labels, series := curve(bb, func(m map[string]any) string {
			if cents { // one style for every label
				return cash(num(m["bankroll"]))
			}
			return money(num(m["bankroll"]))
		})
		sub := fmt.Sprintf("P(bankroll below one hand's stake of %s) by starting bankroll", money(num(rr["hand_stake"])))
		out = append(out, lineChart("chart-ruin-bankroll", "Risk of ruin by bankroll", sub, labels, "Starting bankroll",
			[]string{"P(ruin)", "95% CI low", "95% CI high"}, series))
	}
	return out
}

func lineChart(id, title, sub string, labels []string, xName string, names []string, series [][]float64) chartSpec {
	line := charts.NewLine()
	line.SetGlobalOptions(append(globalOpts(id, title, sub, len(series) > 1),
		charts.WithXAxisOpts(opts.XAxis{Name: xName, NameLocation: "middle", NameGap: 55, AxisLabel: xLabels(len(labels))}),
		charts.WithYAxisOpts(opts.YAxis{Min: 0}),
	)...)
	line.SetXAxis(labels)
	for k, vs := range series {
		data := make([]opts.LineData, len(vs))
		for i, v := range vs {
			data[i] = opts.LineData{Value: v}
		}
		o := []charts.SeriesOpts{}
		if k > 0 {
			o = append(o, charts.WithLineStyleOpts(opts.LineStyle{Type: "dashed", Width: 1}))
		}
		line.AddSeries(names[k], data, o...)
	}
	line.Validate()
	return chartSpec{ID: id, Title: title, Option: report.OptionJSON(line)}
}

// bonusCharts show the main game's and the bonus bet's contributions to the
// mean result and to its variance, per hand and per session.
func bonusCharts(bi map[string]any) []chartSpec {
	groups := []string{"per_hand", "per_session"}
	names := []string{"Per hand", "Per session"}
	var means [][]float64
	var shares [][]float64
	for _, g := range groups {
		m, _ := bi[g].(map[string]any)
		means = append(means, []float64{num(m["main_mean"]), num(m["bonus_mean"]), num(m["main_mean"]) + num(m["bonus_mean"])})
		shares = append(shares, []float64{num(m["main_share_of_variance"]), num(m["bonus_share_of_variance"]), num(m["covariance_share_of_variance"])})
	}
	sub := fmt.Sprintf("Bonus bets are %.1f%% of all money wagered", 100*num(bi["bonus_share_of_wagered"]))
	mean := barChart("chart-bonus-mean", "Bonus impact: mean result", []string{"Main game", "Bonus", "Total"}, means, names)
	share := barChart("chart-bonus-variance", "Bonus impact: share of variance", []string{"Main game", "Bonus", "2 × covariance"}, shares, names)
	mean.Option = withSubtitle(mean.Option, sub)
	share.Option = withSubtitle(share.Option, "var(total) = var(main) + var(bonus) + 2·cov")
	return []chartSpec{mean, share}
}

// withSubtitle adds a subtitle to a bar chart's option JSON.
func withSubtitle(option, sub string) string {
	if sub == "" {
		return option
	}
	q := fmt.Sprintf("%q", sub)
	return strings.Replace(option, `"title":{"text":`, `"title":{"subtext":`+q+`,"text":`, 1)
}

// drawdownChart draws the distributions of peak profit, trough profit and
// maximum drawdown per player session as box plots (whiskers at p5/p95).
func drawdownChart(doc map[string]any) (chartSpec, bool) {
	keys := []string{"max_drawdown", "peak_profit", "trough_profit"}
	labels := []string{"Max drawdown", "Peak profit", "Trough profit"}
	var data []opts.BoxPlotData
	var xs []string
	for i, k := range keys {
		m, ok := doc[k].(map[string]any)
		if !ok {
			continue
		}
		xs = append(xs, labels[i])
		data = append(data, opts.BoxPlotData{Value: []float64{num(m["p5"]), num(m["p25"]), num(m["p50"]), num(m["p75"]), num(m["p95"])}})
	}
	if len(data) == 0 {
		return chartSpec{}, false
	}
	const id, title = "chart-drawdown", "Drawdown, peak and trough per session"
	sub := ""
	if m, ok := doc["max_drawdown"].(map[string]any); ok {
		sub = fmt.Sprintf("Max drawdown: mean %s, median %s, worst %s · box p25–p75, whiskers p5–p95", money(num(m["mean"])), money(num(m["p50"])), money(num(m["max"])))
	}
	bp := charts.NewBoxPlot()
	bp.SetGlobalOptions(append(globalOpts(id, title, sub, false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}))...)
	bp.SetXAxis(xs)
	bp.AddSeries("Player sessions", data)
	bp.Validate()
	return chartSpec{ID: id, Title: title, Option: report.OptionJSON(bp)}, true
}

// money formats an amount for an axis label: thousands separated, cents
// only when the amount has them.
func money(x float64) string { return strings.TrimSuffix(cash(x), ".00") }

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// niceWidth is the smallest 1, 2, 2.5 or 5 × 10^k at least w.
func niceWidth(w float64) float64 {
	if w <= 0.01 {
		return 0.01
	}
	p := math.Pow(10, math.Floor(math.Log10(w)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= w*(1-1e-12) {
			return m * p
		}
	}
	return 10 * p
}

// walkAwayChart draws an exact walk-away map: P(win session) for each win
// limit (rows) × loss limit (columns), darker where it is higher.
func walkAwayChart(m *wire.WalkAwayMap) chartSpec {
	const id, title = "chart-walkaway", "Walk-away map: P(win session), exact"
	label := func(cents int64) string { return money(float64(cents) / 100) }
	var wins, losses []string
	for _, w := range m.WinLimits {
		wins = append(wins, label(w))
	}
	for _, l := range m.LossLimits {
		losses = append(losses, label(l))
	}
	lo, hi := 1.0, 0.0
	var data []opts.HeatMapData
	for a, row := range m.PWin {
		for b, p := range row {
			lo, hi = min(lo, p), max(hi, p)
			data = append(data, opts.HeatMapData{Value: [3]any{b, a, math.Round(p*1e4) / 1e4}})
		}
	}
	hm := charts.NewHeatMap()
	g := globalOpts(id, title, "Win limit (rows) × loss limit (columns) for a bankroll of "+label(m.Start)+"; the study's other rules as set", false)
	g[1] = charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)})
	hm.SetGlobalOptions(append(g,
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: losses, Name: "Loss limit", NameLocation: "middle", NameGap: 55, AxisLabel: xLabels(len(losses))}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: wins, Name: "Win limit"}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(false), Min: float32(lo), Max: float32(hi), Orient: "vertical", Right: "0", Top: "middle",
			Text:    []string{fmt.Sprintf("%.1f%%", 100*hi), fmt.Sprintf("%.1f%%", 100*lo)},
			InRange: &opts.VisualMapInRange{Color: []string{"#f7fbff", "#6baed6", "#08306b"}}}),
	)...)
	hm.SetXAxis(losses).AddSeries("P(win session)", data)
	hm.Validate()
	return chartSpec{ID: id, Title: title, Option: report.OptionJSON(hm)}
}

// bestWalkAway is the cell of the map with the highest P(win session).
func bestWalkAway(m *wire.WalkAwayMap) (a, b int) {
	for i, row := range m.PWin {
		for j, p := range row {
			if p > m.PWin[a][b] {
				a, b = i, j
			}
		}
	}
	return a, b
}
