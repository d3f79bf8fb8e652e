package report

import (
	"bytes"
	"encoding/json"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// interval is an estimate and its 95% interval.
type interval struct{ V, Lo, Hi float64 }

// bandColor fills the interval bands: translucent, so the estimate's line
// or mark shows through in both themes.
const bandColor = "rgba(84, 112, 198, 0.25)"

// intervalChart draws one estimate per category as a band from the low to
// the high end of its interval, crossed by a line at the estimate (a box
// plot whose quartiles are the interval's ends); the tooltip names the
// estimate. The axis need not start at zero: the band is the point.
func intervalChart(id, title, caption string, x []string, name string, v []interval) *Chart {
	bands := make([]opts.BoxPlotData, len(v))
	marks := make([]opts.ScatterData, len(v))
	for i, p := range v {
		bands[i] = opts.BoxPlotData{Value: []float64{round(p.Lo, 6), round(p.Lo, 6), round(p.V, 6), round(p.Hi, 6), round(p.Hi, 6)}}
		marks[i] = opts.ScatterData{Value: round(p.V, 6), Symbol: "circle", SymbolSize: 6}
	}
	bp := charts.NewBoxPlot()
	bp.SetGlobalOptions(append(base(id, true),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: categoryLabels(len(x))}),
		charts.WithYAxisOpts(opts.YAxis{Name: name, Scale: opts.Bool(true)}))...)
	bp.SetXAxis(x).AddSeries("95% interval", bands,
		charts.WithItemStyleOpts(opts.ItemStyle{Color: bandColor, BorderColor: "#5470c6"}))
	sc := charts.NewScatter()
	sc.AddSeries(name, marks, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#5470c6"}))
	bp.Overlap(sc)
	return chart(id, title, caption, bp, withoutTooltip(0))
}

// bandLine draws estimates along a category axis as a line over a shaded
// band of their 95% intervals: the band is two stacked series, the low
// ends (invisible) and the width up to the high ends (filled).
func bandLine(id, title, caption string, x []string, name string, v []interval) *Chart {
	line := charts.NewLine()
	line.SetGlobalOptions(append(base(id, true),
		charts.WithXAxisOpts(opts.XAxis{AxisLabel: categoryLabels(len(x))}),
		charts.WithYAxisOpts(opts.YAxis{Name: name, Min: 0}))...)
	line.SetXAxis(x)
	lo, width, est := make([]opts.LineData, len(v)), make([]opts.LineData, len(v)), make([]opts.LineData, len(v))
	for i, p := range v {
		lo[i] = opts.LineData{Value: round(p.Lo, 6)}
		width[i] = opts.LineData{Value: round(p.Hi-p.Lo, 6)}
		est[i] = opts.LineData{Value: round(p.V, 6)}
	}
	noSymbol := charts.WithLineChartOpts(opts.LineChart{Stack: "band", ShowSymbol: opts.Bool(false), Symbol: "none"})
	band := charts.WithItemStyleOpts(opts.ItemStyle{Color: bandColor})
	line.AddSeries("95% interval", lo, noSymbol, band, charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}))
	line.AddSeries("95% interval", width, noSymbol, band, charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}),
		charts.WithAreaStyleOpts(opts.AreaStyle{Color: bandColor, Opacity: opts.Float(1)}))
	line.AddSeries(name, est, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#5470c6"}), charts.WithLineStyleOpts(opts.LineStyle{Width: 2, Color: "#5470c6"}))
	return chart(id, title, caption, line, withoutTooltip(0, 1))
}

// withoutTooltip is a patch that leaves the series at indexes out of the
// tooltip (a band's parts, whose values are not figures to read);
// go-echarts has no option for it.
func withoutTooltip(series ...int) func(map[string]any) {
	return func(o map[string]any) {
		all := asList(o["series"])
		for _, i := range series {
			all[i]["tooltip"] = map[string]any{"show": false}
		}
	}
}

// patchOption changes an option's JSON where go-echarts has no field: it
// decodes the option once, applies the changes in order and encodes it
// (keys sorted).
func patchOption(option string, changes ...func(map[string]any)) string {
	dec := json.NewDecoder(bytes.NewReader([]byte(option)))
	dec.UseNumber()
	var o map[string]any
	if err := dec.Decode(&o); err != nil {
		panic("report: go-echarts wrote an option that is not JSON: " + err.Error())
	}
	for _, change := range changes {
		change(o)
	}
	b, err := json.Marshal(o)
	if err != nil {
		panic("report: " + err.Error())
	}
	return string(b)
}

// asList is an option entry that may be one object or a list of them.
func asList(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		out := make([]map[string]any, 0, len(v))
		for _, x := range v {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}
