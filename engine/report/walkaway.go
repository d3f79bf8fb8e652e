package report

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// WalkAwayChart draws an exact walk-away map: P(win session) for each win
// limit (rows, wins) × loss limit (columns, losses), limits in cents,
// darker where it is higher; a NaN is a cell without figures, left blank.
// The study's own cell (own; -1 for none) and the best one are marked and
// named.
func WalkAwayChart(start int64, wins, losses []int64, pwin [][]float64, own, best [2]int) *Chart {
	label := func(cents int64) string { return MoneyShort(float64(cents) / 100) }
	var ws, ls []string
	for _, w := range wins {
		ws = append(ws, "+"+label(w))
	}
	for _, l := range losses {
		ls = append(ls, "−"+label(l))
	}
	lo, hi := 1.0, 0.0
	var data []opts.HeatMapData
	blanks := 0
	for a, row := range pwin {
		for b, p := range row {
			if math.IsNaN(p) {
				blanks++
				continue
			}
			lo, hi = min(lo, p), max(hi, p)
			data = append(data, opts.HeatMapData{Value: [3]any{b, a, math.Round(p*1e4) / 1e4}})
		}
	}
	hm := charts.NewHeatMap()
	g := base("walkaway", false)
	g[1] = charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"})
	hm.SetGlobalOptions(append(g,
		charts.WithGridOpts(opts.Grid{Left: "12", Right: "72", Top: "44", Bottom: "28", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: ls, Name: "Loss limit", NameLocation: "middle", NameGap: 52, AxisLabel: categoryLabels(len(ls))}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: ws, Name: "Win limit"}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(false), Min: float32(lo), Max: float32(hi), Orient: "vertical", Right: "0", Top: "middle",
			Text:    []string{fmt.Sprintf("%.1f%%", 100*hi), fmt.Sprintf("%.1f%%", 100*lo)},
			InRange: &opts.VisualMapInRange{Color: []string{"#f7fbff", "#6baed6", "#08306b"}}}),
	)...)
	var marks []opts.MarkPointNameCoordItem
	mark := func(name string, cell [2]int, color string) {
		if cell[0] < 0 || cell[1] < 0 {
			return
		}
		marks = append(marks, opts.MarkPointNameCoordItem{Name: name, Coordinate: []interface{}{cell[1], cell[0]},
			Symbol: "rect", SymbolSize: 14, ItemStyle: &opts.ItemStyle{Color: "rgba(0,0,0,0)", BorderColor: color, BorderWidth: 3},
			Label: &opts.Label{Show: opts.Bool(true), Formatter: name, Position: "top", Color: color}})
	}
	mark("yours", own, "#d6336c")
	if best != own {
		mark("best", best, "#e8590c")
	}
	hm.SetXAxis(ls).AddSeries("P(win session)", data, charts.WithMarkPointNameCoordItemOpts(marks...))
	caption := fmt.Sprintf("P(win session) for every win limit (rows) and loss limit (columns) with a bankroll of %s, the study's other rules as set. ", label(start))
	if own[0] >= 0 {
		caption += "The outlined cell marked “yours” is the study's own limits; “best” is the highest P(win session)."
	} else {
		caption += "The study has no win or no loss limit of its own; “best” marks the highest P(win session)."
	}
	if blanks > 0 {
		caption += fmt.Sprintf(" %d blank cells are past the exact engine's state bound.", blanks)
	}
	// 400 cells are drawn at once, not in chunks over several frames.
	return chart("walkaway", "Walk-away limits: chance to end ahead", caption, hm, func(o map[string]any) {
		for _, s := range asList(o["series"]) {
			s["progressive"] = 0
		}
	})
}
