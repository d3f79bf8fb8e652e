package report

import (
	"bytes"
	"fmt"
	"html"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/lir-lab/lir/engine/study"
)

// StudyHTML renders a study (lir study) as a self-contained page: the
// ranking chart of P(win) with the simulated 95% intervals, and the table.
// echartsJS is inlined as in HTML.
func StudyHTML(d *study.Document, echartsJS []byte) ([]byte, error) {
	if containsFold(echartsJS, "</script") {
		return nil, fmt.Errorf("report: the ECharts script contains </script> and cannot be inlined")
	}
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	esc := html.EscapeString
	w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w("<title>Study of %d configs — Let It Ride report</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", len(d.Rows), css)
	w("<h1>Study of %d configs</h1>\n<p class=\"meta\">Ranked by the probability of ending a session ahead: exact where the exact engine answers the config, simulated otherwise.</p>\n", len(d.Rows))
	if c := StudyChart(d); c != nil {
		writeChart(&b, c)
	}
	w("<section><h2>Ranking</h2>\n<table class=\"grid\"><thead><tr>")
	for _, h := range StudyColumns {
		w("<th>%s</th>", esc(h))
	}
	w("</tr></thead><tbody>\n")
	for _, r := range d.Rows {
		w("<tr>")
		for _, cell := range StudyCells(r) {
			w("<td>%s</td>", esc(cell))
		}
		w("</tr>\n")
	}
	w("</tbody></table>\n<p class=\"note\">%s</p>\n", esc(StudyLegend))
	for _, n := range d.Notes() {
		w("<p class=\"note\">%s</p>\n", esc(n))
	}
	w("</section>\n</main>\n<script>")
	b.Write(echartsJS)
	w("</script>\n<script>%s</script>\n</body>\n</html>\n", initJS)
	return b.Bytes(), nil
}

// StudyColumns are the heads of a study's table, the report's and the
// page's.
var StudyColumns = []string{"#", "name", "file", "P(win)", "simulated (95% CI)", "P(push)", "P(loss)",
	"mean profit", "EV per hand", "sd profit", "hands", "sessions", "check"}

// StudyLegend says how to read the table.
const StudyLegend = "~ marks a simulated figure where no exact one applies. The check is z = (simulated − exact) / SE for P(win) and for mean profit; ok when both are within 4 SE."

// StudyCells are row r's cells under StudyColumns: each figure exact where
// the exact engine answers the config, else the simulated one marked ~;
// the simulated P(win) with its Wilson 95% interval; the player sessions;
// the check (study.Row.Check).
func StudyCells(r *study.Row) []string {
	pct := func(x float64) string { return fmt.Sprintf("%.2f%%", 100*x) }
	pick := study.Pick
	return []string{strconv.Itoa(r.Rank), r.Name, r.File, pick(r.PWinExact, r.PWin, pct),
		fmt.Sprintf("%s (%s–%s)", pct(r.PWin), pct(r.PWinLo), pct(r.PWinHi)),
		pick(r.PPushExact, r.PPush, pct), pick(r.PLossExact, r.PLoss, pct),
		pick(r.MeanProfitExact, r.MeanProfit, Money), pick(r.EVPerHandExact, r.EVPerHand, Money),
		pick(r.SDProfitExact, r.SDProfit, Money), pick(r.HandsExact, r.Hands, func(x float64) string { return fmt.Sprintf("%.1f", x) }),
		strconv.FormatUint(r.PlayerSessions, 10), r.Check()}
}

// StudyChart is the ranking, best at the top: each config's simulated
// P(win) (a dot) with its Wilson 95% interval as a band, and its exact
// P(win) (a diamond) where the exact engine answers the config; nil for a
// study without rows. Its height grows with the rows.
func StudyChart(d *study.Document) *Chart {
	if len(d.Rows) == 0 {
		return nil
	}
	var names []string
	var bands []opts.BoxPlotData
	var sim, ex []any
	for i := len(d.Rows) - 1; i >= 0; i-- { // the first category is drawn at the bottom
		r := d.Rows[i]
		name := r.Name
		if name == "" {
			name = r.File
		}
		name = fmt.Sprintf("%d. %s", r.Rank, name)
		names = append(names, name)
		lo, v, hi := round(100*r.PWinLo, 4), round(100*r.PWin, 4), round(100*r.PWinHi, 4)
		bands = append(bands, opts.BoxPlotData{Value: []float64{lo, lo, v, hi, hi}})
		sim = append(sim, []any{v, name})
		if r.PWinExact != nil {
			ex = append(ex, []any{round(100**r.PWinExact, 4), name})
		}
	}
	bp := charts.NewBoxPlot()
	bp.SetGlobalOptions(append(base("ranking", true),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithYAxisOpts(opts.YAxis{Name: "P(win) (%)", NameLocation: "middle", NameGap: 24, Scale: opts.Bool(true)}))...)
	bp.SetXAxis(names).AddSeries("simulated, 95% interval", bands,
		charts.WithItemStyleOpts(opts.ItemStyle{Color: bandColor, BorderColor: "#5470c6"}))
	// Configs down the side, so that long names stay readable: the
	// category axis becomes the vertical one (ECharts then lays the bands
	// out horizontally).
	sideways := func(o map[string]any) {
		o["xAxis"], o["yAxis"] = o["yAxis"], o["xAxis"]
		for _, x := range asList(o["xAxis"]) {
			x["type"] = "value"
			delete(x, "nameTextStyle")
		}
		for _, y := range asList(o["yAxis"]) {
			// A long name wraps rather than squeezing the plot on a phone.
			y["type"] = "category"
			y["axisLabel"] = map[string]any{"interval": 0, "width": 150, "overflow": "break", "lineHeight": 13}
		}
		for _, g := range asList(o["grid"]) {
			g["bottom"] = "64" // the axis name, then the legend
		}
		o["series"] = append(asAnyList(o["series"]),
			map[string]any{"type": "scatter", "name": "simulated", "data": sim, "symbolSize": 7, "itemStyle": map[string]any{"color": "#5470c6"}},
			map[string]any{"type": "scatter", "name": "exact", "data": ex, "symbol": "diamond", "symbolSize": 12, "itemStyle": map[string]any{"color": "#ee6666"}},
		)
	}
	c := chart("ranking", "Ranking by P(win)", "Each config's probability of ending a session ahead: the exact figure (diamond) where the exact engine answers the config, and the simulated rate (dot) with its Wilson 95% interval as a band.", bp,
		sideways, withoutTooltip(0))
	c.Height = 100 + 34*len(d.Rows)
	return c
}

// asAnyList is an option's list entry (one object or a list) as a list.
func asAnyList(v any) []any {
	if l, ok := v.([]any); ok {
		return l
	}
	if v == nil {
		return nil
	}
	return []any{v}
}
