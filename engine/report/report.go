package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/lir-lab/lir/engine/results"
)

type templateHTML = template.HTML

// HTML renders the document as a self-contained page. echartsJS is the
// ECharts library (echarts.min.js), inlined so the page needs no network.
func HTML(d *results.Document, echartsJS []byte) ([]byte, error) {
	return HTMLWithCharts(d, Charts(d), echartsJS)
}

// HTMLWithCharts is HTML for a caller that has made the document's charts
// already: cs must be Charts(d).
func HTMLWithCharts(d *results.Document, cs []*Chart, echartsJS []byte) ([]byte, error) {
	if containsFold(echartsJS, "</script") {
		return nil, fmt.Errorf("report: the ECharts script contains </script> and cannot be inlined")
	}
	var cfg struct {
		Metadata struct {
			Name        string `json:"name"`
			Description string `json:"description"`
		} `json:"metadata"`
	}
	json.Unmarshal(d.Config, &cfg)
	var pretty bytes.Buffer
	json.Indent(&pretty, d.Config, "", "  ")
	name := cfg.Metadata.Name
	if name == "" {
		name = "Let It Ride study"
	}
	var b bytes.Buffer
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	esc := html.EscapeString
	w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w("<title>%s — Let It Ride report</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", esc(name), css)
	w("<h1>%s</h1>\n", esc(name))
	if cfg.Metadata.Description != "" {
		w("<p class=\"lead\">%s</p>\n", esc(cfg.Metadata.Description))
	}
	w("<p class=\"meta\">Seed %s · %d sessions · %d player sessions · %d hands · results schema v%d</p>\n",
		esc(d.Seed), d.Sessions, d.PlayerSessions, d.Hands, d.SchemaVersion)

	w("<section><h2>Key figures</h2>\n<table class=\"figures\">\n")
	row := func(k, v string) { w("<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", esc(k), esc(v)) }
	o := d.SessionOutcomes
	row("Sessions won / lost / pushed", fmt.Sprintf("%d / %d / %d", o.Get("win"), o.Get("loss"), o.Get("push")))
	row("Session win rate", fmt.Sprintf("%.2f%% (95%% CI %.2f%% – %.2f%%)", 100*f(d.SessionWinRate.Value), 100*float64(d.SessionWinRate.CI95Lo), 100*float64(d.SessionWinRate.CI95Hi)))
	p := d.SessionProfit
	row("Session profit", fmt.Sprintf("mean %s, sd %s, median %s", Money(f(p.Mean)), Money(f(p.Std)), Money(f(p.P50))))
	row("Profit percentiles 5/25/50/75/95", fmt.Sprintf("%s / %s / %s / %s / %s", Money(f(p.P5)), Money(f(p.P25)), Money(f(p.P50)), Money(f(p.P75)), Money(f(p.P95))))
	if p.Skewness != nil {
		row("Profit skewness / excess kurtosis", fmt.Sprintf("%.3f / %.3f", f(*p.Skewness), f(*p.ExcessKurtosis)))
	}
	row("Min / max session profit", fmt.Sprintf("%s / %s", Money(f(p.Min)), Money(f(p.Max))))
	row("Hands per session", fmt.Sprintf("mean %.1f, median %.0f, 5%%–95%% %.0f – %.0f", f(d.HandsPerSession.Mean), f(d.HandsPerSession.P50), f(d.HandsPerSession.P5), f(d.HandsPerSession.P95)))
	row("Max drawdown", fmt.Sprintf("mean %s, median %s, 95th percentile %s", Money(f(d.MaxDrawdown.Mean)), Money(f(d.MaxDrawdown.P50)), Money(f(d.MaxDrawdown.P95))))
	row("EV per hand (total)", fmt.Sprintf("%s (95%% CI %s to %s)", Money(f(d.EV.Total.Value)), Money(f(d.EV.Total.CI95Lo)), Money(f(d.EV.Total.CI95Hi))))
	row("EV per hand (main / bonus)", fmt.Sprintf("%s / %s", Money(f(d.EV.Main.Value)), Money(f(d.EV.Bonus.Value))))
	row("EV per unit of per-circle bet", fmt.Sprintf("%+.5f", f(d.EV.PerUnitBet)))
	row("Ride rate bet 1 / bet 2", fmt.Sprintf("%.2f%% / %.2f%%", 100*f(d.RideRateBet1), 100*f(d.RideRateBet2)))
	if e := d.Exact; e != nil {
		edge := fmt.Sprintf("%.4f%% of the per-circle bet (%s)", 100*f(e.HouseEdge), e.HouseEdgeFrac)
		if e.FavoursPlayer {
			edge += ". This main-game table favours the player."
		}
		row("House edge (exact)", edge)
		row("EV per unit bet vs exact", fmt.Sprintf("observed %+.5f, exact %+.5f, z = %+.2f", f(e.EVPerUnitBet.Observed), f(e.EVPerUnitBet.Exact), f(e.EVPerUnitBet.Z)))
	}
	if d.ExactOmitted != "" {
		row("Exact figures", "none: "+d.ExactOmitted)
	}
	w("</table></section>\n")

	for _, c := range cs {
		writeChart(&b, c)
	}

	if len(d.Seats) > 0 {
		w("<section><h2>Per seat</h2>\n<table class=\"grid\"><thead><tr><th>seat</th><th>player sessions</th><th>hands</th><th>win rate (95%% CI)</th><th>mean profit</th><th>EV per hand</th></tr></thead><tbody>\n")
		for _, s := range d.Seats {
			w("<tr><td>%d</td><td>%d</td><td>%d</td><td>%.2f%% (%.2f–%.2f)</td><td>%s</td><td>%s</td></tr>\n", s.Seat, s.PlayerSessions, s.Hands,
				100*f(s.SessionWinRate.Value), 100*float64(s.SessionWinRate.CI95Lo), 100*float64(s.SessionWinRate.CI95Hi), Money(f(s.SessionProfit.Mean)), Money(f(s.EV.Total.Value)))
		}
		w("</tbody></table>\n")
		if si := d.SeatIndependence; si != nil {
			w("<p>Seat × outcome chi-square: %.2f on %d df, p = %.3g.", float64(si.ChiSquare.Stat), si.ChiSquare.DF, float64(si.ChiSquare.PValue))
			if si.CochranQ != nil {
				w(" Cochran's Q on wins: %.2f on %d df, p = %.3g.", float64(si.CochranQ.Stat), si.CochranQ.DF, float64(si.CochranQ.PValue))
			}
			w("</p>\n<p class=\"note\">%s</p>\n", esc(si.Note))
		}
		w("</section>\n")
	}
	if rr := d.RiskOfRuin; rr != nil {
		w("<section><h2>How risk of ruin is computed</h2><p class=\"note\">%s</p></section>\n", esc(rr.Method))
	}
	var tw bytes.Buffer
	t := tabwriter.NewWriter(&tw, 0, 0, 2, ' ', 0)
	for i, k := range d.HandCounts.Keys {
		fmt.Fprintf(t, "%s\t%d\n", k, d.HandCounts.Values[i])
	}
	t.Flush()
	w("<section><h2>Final-hand counts</h2><pre>%s</pre></section>\n", esc(tw.String()))
	w("<section class=\"config\"><h2>Config</h2><details open><summary>Canonical config (replays this run with seed %s)</summary><pre>%s</pre></details></section>\n", esc(d.Seed), esc(pretty.String()))
	b.WriteString("</main>\n<script>")
	b.Write(echartsJS)
	w("</script>\n<script>%s</script>\n</body>\n</html>\n", initJS)
	return b.Bytes(), nil
}

// writeChart writes a chart's section of a report: its title, the element
// initJS draws it in (c.Height pixels high when it says, else the
// stylesheet's height), its caption, and its option as JSON in a script
// element.
func writeChart(w io.Writer, c *Chart) {
	esc := html.EscapeString
	style := ""
	if c.Height > 0 {
		style = fmt.Sprintf(` style="height:%dpx"`, c.Height)
	}
	fmt.Fprintf(w, "<section class=\"chart-box\"><h2>%s</h2>\n<div class=\"chart\"%s id=\"chart-%s\" data-chart=\"%s\" role=\"img\" aria-label=\"%s\"></div>\n<p class=\"caption\">%s</p>\n",
		esc(c.Title), style, c.ID, c.ID, esc(c.Title+". "+c.Caption), esc(c.Caption))
	// JSON inside a script element: "</" must not appear.
	fmt.Fprintf(w, "<script type=\"application/json\" id=\"option-%s\">%s</script>\n</section>\n", c.ID, strings.ReplaceAll(c.Option, "</", "<\\/"))
}

// initJS draws every chart with the SVG renderer (crisp in print) and
// marks the page when done: data-charts-rendered on <html> counts charts
// drawn.
const initJS = `(function () {
  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var opt = JSON.parse(document.getElementById('option-' + el.dataset.chart).textContent);
    var c = echarts.init(el, null, {renderer: 'svg'});
    c.setOption(opt);
    charts.push(c);
  });
  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  document.documentElement.dataset.chartsRendered = String(charts.length);
})();`

const css = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1000px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
.lead { margin: 0 0 4px; }
.meta, .caption, .note { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.figures th { width: 38%; font-weight: 600; }
table.grid td, table.grid th { text-align: right; }
.chart { width: 100%; height: 360px; }
pre { background: #f6f8fa; padding: 8px; overflow: auto; font-size: 12px; }
@media print {
  @page { size: A4; margin: 14mm; }
  main { max-width: none; padding: 0; }
  body { font-size: 11pt; }
  .chart-box, table, pre { break-inside: avoid; page-break-inside: avoid; }
  .chart { width: 180mm; height: 90mm; }
  details > summary { list-style: none; }
}
`

// containsFold reports whether s contains lower (ASCII, lower case) in any
// mix of case, without copying s: the library is over a megabyte.
func containsFold(s []byte, lower string) bool {
	for i := 0; ; {
		j := bytes.IndexByte(s[i:], lower[0])
		if j < 0 {
			return false
		}
		i += j
		if len(s)-i < len(lower) {
			return false
		}
		if bytes.EqualFold(s[i:i+len(lower)], []byte(lower)) {
			return true
		}
		i++
	}
}
