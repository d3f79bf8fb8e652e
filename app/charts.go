package app

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
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
		out = append(out, barChart("chart-profit", "Session profit histogram", labels, [][]float64{counts}, []string{"Player sessions"}))
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
		var labels []string
		var rates []float64
		for i, s := range seats {
			m, _ := s.(map[string]any)
			labels = append(labels, fmt.Sprintf("Seat %d", i+1))
			rates = append(rates, num(getPath(m, "session_win_rate.value")))
		}
		out = append(out, barChart("chart-seats", "Session win rate by seat", labels, [][]float64{rates}, []string{"Win rate"}))
	}
	return out
}

// profitBins merges the document's histogram bins ({value, width, count},
// ascending) into at most n bars of equal width for display.
func profitBins(h []any, n int) ([]string, []float64) {
	type bin struct{ lo, hi, count float64 }
	var bins []bin
	for _, b := range h {
		m, _ := b.(map[string]any)
		v, w := num(m["value"]), num(m["width"])
		bins = append(bins, bin{v, v + w, num(m["count"])})
	}
	lo, hi := bins[0].lo, bins[len(bins)-1].hi
	if hi <= lo {
		hi = lo + 1
	}
	width := (hi - lo) / float64(n)
	if len(bins) <= n {
		labels := make([]string, len(bins))
		counts := make([]float64, len(bins))
		for i, b := range bins {
			labels[i], counts[i] = fmt.Sprintf("%.2f", b.lo), b.count
		}
		return labels, counts
	}
	labels := make([]string, n)
	counts := make([]float64, n)
	for i := range labels {
		labels[i] = fmt.Sprintf("%.0f", lo+float64(i)*width)
	}
	for _, b := range bins {
		i := min(n-1, max(0, int((b.lo-lo)/width)))
		counts[i] += b.count
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
	return chartSpec{ID: id, Title: title, Option: string(bar.JSONNotEscaped())}
}

// xLabels shows every category name when there are few, and lets ECharts
// thin them out when there are many.
func xLabels(n int) *opts.AxisLabel {
	if n <= 12 {
		return &opts.AxisLabel{Rotate: 30, Interval: "0"}
	}
	return &opts.AxisLabel{Rotate: 30}
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
