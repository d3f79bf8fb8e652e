package app

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/lir-lab/lir/engine/report"
)

// chartSpec is one chart of the results: an element id, a title for people
// and screen readers, and the ECharts option JSON built by go-echarts.
type chartSpec struct {
	ID     string
	Title  string
	Option string
}

// buildCharts makes the charts a results document supports. Each chart is
// drawn only when the document has its data, so new sections of the
// document become charts by adding a builder here.
func buildCharts(doc map[string]any) []chartSpec {
	var out []chartSpec
	if h, ok := doc["session_profit_histogram"].([]any); ok && len(h) > 0 {
		labels, counts := profitBins(h, 40)
		c := barChart("chart-profit", "Session profit histogram", labels, [][]float64{counts}, []string{"Player sessions"})
		c.Option = withSubtitle(c.Option, "Player sessions by profit; each bar starts at its label")
		out = append(out, c)
	}
	if o, ok := doc["session_outcomes"].(map[string]any); ok {
		keys := []string{"win", "push", "loss"}
		out = append(out, barChart("chart-outcomes", "Session outcomes", keys, [][]float64{pickValues(o, keys)}, []string{"Player sessions"}))
	}
	if freqs, ok := getPath(doc, "exact.hand_frequencies").([]any); ok && len(freqs) > 0 {
		var labels []string
		var observed, exact []float64
		for _, f := range freqs {
			m, _ := f.(map[string]any)
			labels = append(labels, fmt.Sprint(m["category"]))
			observed = append(observed, num(m["observed"]))
			exact = append(exact, num(m["exact"]))
		}
		c := barChart("chart-hands", "Final-hand frequency: simulated vs exact", labels, [][]float64{observed, exact}, []string{"Simulated", "Exact"})
		out = append(out, c)
	} else if hc, ok := doc["hand_counts"].(map[string]any); ok {
		keys := []string{"royal_flush", "straight_flush", "four_of_a_kind", "full_house", "flush", "straight", "three_of_a_kind", "two_pair", "pair_tens_or_better", "pair_below_tens", "high_card"}
		out = append(out, barChart("chart-hands", "Final-hand frequency", keys, [][]float64{pickValues(hc, keys)}, []string{"Hands"}))
	}
	if _, ok := doc["ride_rate_bet1"]; ok {
		labels := []string{"bet 1", "bet 2"}
		sim := []float64{num(doc["ride_rate_bet1"]), num(doc["ride_rate_bet2"])}
		series, names := [][]float64{sim}, []string{"Simulated"}
		if _, ok := getPath(doc, "exact.ride_rate_bet1.exact").(json.Number); ok {
			series = append(series, []float64{num(getPath(doc, "exact.ride_rate_bet1.exact")), num(getPath(doc, "exact.ride_rate_bet2.exact"))})
			names = append(names, "Exact")
		}
		out = append(out, barChart("chart-ride", "Ride frequency", labels, series, names))
	}
	if sr, ok := doc["stop_reasons"].(map[string]any); ok {
		keys := sortedKeys(sr)
		out = append(out, barChart("chart-stops", "Stop reasons", keys, [][]float64{pickValues(sr, keys)}, []string{"Player sessions"}))
	}
	if seats, ok := doc["seats"].([]any); ok && len(seats) > 1 {
		out = append(out, seatCharts(doc, seats)...)
	}
	if t, ok := doc["trajectories"].([]any); ok {
		if c, ok := trajectoryChart(t); ok {
			out = append(out, c)
		}
	}
	if rr, ok := doc["risk_of_ruin"].(map[string]any); ok {
		out = append(out, riskCharts(rr)...)
	}
	if bi, ok := doc["bonus_impact"].(map[string]any); ok {
		out = append(out, bonusCharts(bi)...)
	}
	if c, ok := drawdownChart(doc); ok {
		out = append(out, c)
	}
	return out
}

// profitBins merges the document's histogram bins ({value, width, count},
// ascending) into about n bars of a round width (1, 2, 2.5 or 5 × 10^k
// currency units, never below the document's own width) for display, each
// labelled with its lower edge. The bars span the middle 99.5% of the
// sessions; the rarer ones beyond (a royal flush's session) are counted in
// the end bars, labelled "< x" and "≥ x". A document bin goes to the bar
// holding its middle.
func profitBins(h []any, n int) ([]string, []float64) {
	type bin struct{ lo, hi, count float64 }
	var bins []bin
	minWidth, total := math.Inf(1), 0.0
	for _, b := range h {
		m, _ := b.(map[string]any)
		v, w := num(m["value"]), num(m["width"])
		bins = append(bins, bin{v, v + w, num(m["count"])})
		minWidth = min(minWidth, w)
		total += num(m["count"])
	}
	lo, hi := bins[0].lo, bins[len(bins)-1].hi
	// Trim 0.25% of the sessions from each end.
	cut := total * 0.0025
	for acc, i := 0.0, 0; i < len(bins); i++ {
		if acc += bins[i].count; acc > cut {
			lo = bins[i].lo
			break
		}
	}
	for acc, i := 0.0, len(bins)-1; i >= 0; i-- {
		if acc += bins[i].count; acc > cut {
			hi = bins[i].hi
			break
		}
	}
	width := niceWidth(max((hi-lo)/float64(n), minWidth))
	start := math.Floor(lo/width) * width
	bars := max(1, int(math.Ceil((hi-start)/width-1e-9)))
	labels := make([]string, bars)
	counts := make([]float64, bars)
	for i := range labels {
		labels[i] = money(start + float64(i)*width)
	}
	under, over := false, false
	for _, b := range bins {
		i := int(math.Floor(((b.lo+b.hi)/2 - start) / width))
		under, over = under || i < 0, over || i >= bars
		counts[min(bars-1, max(0, i))] += b.count
	}
	if under {
		labels[0] = "< " + money(start+width)
	}
	if over {
		labels[bars-1] = "≥ " + money(start+float64(bars-1)*width)
	}
	return labels, counts
}

func barChart(id, title string, labels []string, series [][]float64, names []string) chartSpec {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Type: "png", Name: strings.TrimPrefix(id, "chart-"), Title: "Save as image"},
		}}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: xLabels(len(labels))}),
		charts.WithGridOpts(opts.Grid{Bottom: "100", Left: "70"}),
		charts.WithAnimation(false),
	)
	bar.SetXAxis(labels)
	for k, values := range series {
		data := make([]opts.BarData, len(values))
		for i, v := range values {
			data[i] = opts.BarData{Value: v}
		}
		bar.AddSeries(names[k], data)
	}
	bar.Validate()
	return chartSpec{ID: id, Title: title, Option: report.OptionJSON(bar)}
}

// xLabels shows every category name when there are few, and every k-th
// when there are many.
func xLabels(n int) *opts.AxisLabel {
	if n <= 12 {
		return &opts.AxisLabel{Rotate: 30, Interval: "0"}
	}
	// At most about 20 labels: ECharts' own thinning lets rotated labels
	// overlap.
	return &opts.AxisLabel{Rotate: 30, Interval: strconv.Itoa((n - 1) / 20)}
}

func pickValues(m map[string]any, keys []string) []float64 {
	out := make([]float64, len(keys))
	for i, k := range keys {
		out[i] = num(m[k])
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// num reads a number decoded with or without UseNumber.
func num(v any) float64 {
	switch v := v.(type) {
	case float64:
		return v
	case json.Number:
		f, _ := v.Float64()
		return f
	case int64:
		return float64(v)
	case int:
		return float64(v)
	}
	return 0
}
