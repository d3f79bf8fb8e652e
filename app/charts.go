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
		out = append(out, barChart("chart-profit", "Session outcome histogram (profit, share of bankroll)", histogramLabels(len(h)), numbers(h), "Sessions"))
	}
	if o, ok := doc["session_outcomes"].(map[string]any); ok {
		keys := []string{"win", "push", "loss"}
		out = append(out, barChart("chart-outcomes", "Session outcomes", keys, pick(o, keys), "Sessions"))
	}
	if hc, ok := doc["hand_counts"].(map[string]any); ok {
		keys := []string{"royal_flush", "straight_flush", "four_of_a_kind", "full_house", "flush", "straight", "three_of_a_kind", "two_pair", "pair_tens_or_better", "pair_below_tens", "high_card"}
		out = append(out, barChart("chart-hands", "Final-hand frequency", keys, pick(hc, keys), "Hands"))
	}
	if sr, ok := doc["stop_reasons"].(map[string]any); ok {
		keys := sortedKeys(sr)
		out = append(out, barChart("chart-stops", "Stop reasons", keys, pick(sr, keys), "Sessions"))
	}
	if seats, ok := doc["seats"].([]any); ok && len(seats) > 1 {
		var labels []string
		var rates []float64
		for i, s := range seats {
			m, _ := s.(map[string]any)
			o, _ := m["session_outcomes"].(map[string]any)
			w, l, p := num(o["win"]), num(o["loss"]), num(o["push"])
			labels = append(labels, fmt.Sprintf("Seat %d", i+1))
			if n := w + l + p; n > 0 {
				rates = append(rates, w/n)
			} else {
				rates = append(rates, 0)
			}
		}
		out = append(out, barChart("chart-seats", "Session win rate by seat", labels, rates, "Win rate"))
	}
	return out
}

func barChart(id, title string, labels []string, values []float64, series string) chartSpec {
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithTitleOpts(opts.Title{Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Feature: &opts.ToolBoxFeature{
			SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Type: "png", Name: strings.TrimPrefix(id, "chart-"), Title: "Save as image"},
		}}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: xLabels(len(labels))}),
		charts.WithGridOpts(opts.Grid{Bottom: "90", Left: "70"}),
		charts.WithAnimation(false),
	)
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: v}
	}
	bar.SetXAxis(labels).AddSeries(series, data)
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

func histogramLabels(n int) []string {
	out := make([]string, n)
	for i := range out {
		lo := -100 + 200*float64(i)/float64(n)
		out[i] = fmt.Sprintf("%+.0f%%", lo)
	}
	return out
}

func numbers(xs []any) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = num(x)
	}
	return out
}

func pick(m map[string]any, keys []string) []float64 {
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
