package pyformat

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/pyformat/plot"
	"github.com/lir-lab/lir/engine/results"
)

// The charts are drawn as its matplotlib functions draw them
// (analytics/visualizations/histogram.py and trajectory.py: figure size,
// colours, lines, labels, legend and note), and the kinds it drew only
// with Plotly (hand_frequency, its HTML report) or never (bonus_impact) in
// the same style, on a figure of its histogram's size.

// Its palette (histogram.py, trajectory.py, export_html.py).
var (
	profitColor    = plot.Hex("#2ecc71")
	lossColor      = plot.Hex("#e74c3c")
	breakevenColor = plot.Hex("#95a5a6")
	baselineColor  = plot.Hex("#2c3e50")
	meanColor      = plot.Hex("#3498db")
	medianColor    = plot.Hex("#e67e22")
)

// Figure sizes in inches (its HistogramConfig and TrajectoryConfig
// figsize).
const (
	figW, figH         = 10.0, 6.0
	trajFigW, trajFigH = 12.0, 6.0
)

// dashed is matplotlib's "--" for a line of width w: dashes 3.7 w, gaps
// 1.6 w.
func dashed(c plot.Color, w float64) plot.Stroke {
	return plot.Stroke{Color: c, Width: w, Dash: []float64{3.7 * w, 1.6 * w}}
}

// moneyLabel spells x as its f"${x:,.Nf}" does ("$-12.50": the sign after
// the dollar).
func moneyLabel(x float64, decimals int) string { return "$" + pyGrouped(x, decimals) }

// maxHistogramBars bounds the bars of a histogram to about one per two
// points of the plot's width: numpy's rule gives a bar per few dollars
// (less when most sessions end at one limit), a rare big win (a royal
// flush pays 1,000 to 1) stretches the range to thousands of them, and
// bars narrower than their white edges would not show.
const maxHistogramBars = 300

// autoBins is numpy's histogram_bin_edges(x, "auto") (numpy 2.2.6, the
// version its poetry.lock installs; 2.3 widened the bins) from the sample's
// size, range and quartiles: the narrower of the Freedman–Diaconis width
// 2·IQR·n^(−1/3) and Sturges' range/(log₂ n + 1) (Sturges' alone when
// the IQR is 0); ceil(range / width) equal bins from min to max, or one
// bin from min − 0.5 to max + 0.5 for a single value.
func autoBins(n uint64, lo, hi, q1, q3 float64) (first, last float64, bins int) {
	if hi == lo {
		return lo - 0.5, hi + 0.5, 1
	}
	width := (hi - lo) / (math.Log2(float64(n)) + 1)
	if fd := 2 * (q3 - q1) * math.Pow(float64(n), -1.0/3); fd > 0 {
		width = math.Min(width, fd)
	}
	return lo, hi, int(math.Ceil((hi - lo) / width))
}

// binIndex is numpy's histogram bin of v among bins equal bins from first
// to last (edges as its linspace spells them, the last bin closed).
func binIndex(v, first, last float64, bins int) int {
	edge := func(i int) float64 {
		if i == bins {
			return last
		}
		return first + float64(i)*((last-first)/float64(bins))
	}
	i := int((v - first) * (float64(bins) / (last - first)))
	i = max(0, min(i, bins-1))
	if v < edge(i) && i > 0 {
		i--
	} else if v >= edge(i+1) && i < bins-1 {
		i++
	}
	return i
}

// profitBins counts the session profits in numpy's "auto" bins (autoBins,
// at most maxHistogramBars) of equal width from first. The profits are
// the results' session profit histogram: exact values while the run saw
// at most 16,384 distinct ones, else power-of-two buckets, counted in the
// bin of their lowest value (and bins no narrower than a bucket).
func profitBins(d *results.Document) (first, width float64, counts []uint64) {
	p := d.SessionProfit
	first, last, bins := autoBins(d.PlayerSessions, float64(p.Min), float64(p.Max), float64(p.P25), float64(p.P75))
	if bw := float64(d.ProfitHistogram[0].Width); bw > 0.01 && bins > 1 {
		bins = min(bins, int(math.Ceil((last-first)/bw)))
	}
	bins = max(1, min(bins, maxHistogramBars))
	counts = make([]uint64, bins)
	for _, b := range d.ProfitHistogram {
		counts[binIndex(float64(b.Value), first, last, bins)] += b.Count
	}
	return first, (last - first) / float64(bins), counts
}

// histogramFigure is its session outcome histogram: session profits in
// numpy's "auto" bins, green above zero, red below, grey at zero, with
// the break-even, mean and median lines and the win rate.
func histogramFigure(d *results.Document, title string) *plot.Figure {
	fig := plot.New(figW, figH, title)
	l := &plot.Layout{Title: title, XLabel: "Session Profit/Loss ($)", YLabel: "Frequency"}
	n := d.PlayerSessions
	if len(d.ProfitHistogram) == 0 || n == 0 {
		emptyAxes(fig, l, "No session was played")
		return fig
	}
	first, width, counts := profitBins(d)
	var top uint64
	for _, c := range counts {
		top = max(top, c)
	}
	mean, median := float64(d.SessionProfit.Mean), float64(d.SessionProfit.P50)
	x := plot.Range{Min: first, Max: first + width*float64(len(counts))}.Include(0).Include(mean).Include(median).Pad(0.05)
	y := plot.Range{Min: 0, Max: float64(top)}
	y.Max += (y.Max - y.Min) * 0.05
	l.XTicks, l.YTicks = plot.NumberTicks(x, 8), plot.NumberTicks(y, 6)
	a := plot.NewAxes(fig, l, x, y)
	a.GridLines(nil, l.YTicks)
	edge := &plot.Stroke{Color: plot.White, Width: 0.5}
	for i, c := range counts {
		lo := first + float64(i)*width
		col := breakevenColor
		switch mid := lo + width/2; {
		case mid > 0:
			col = profitColor
		case mid < 0:
			col = lossColor
		}
		if c == 0 {
			continue
		}
		x0, x1 := a.PX(lo), a.PX(lo+width)
		fig.Rect(x0, a.PY(float64(c)), x1-x0, a.PY(0)-a.PY(float64(c)), col.Alpha(0.8), edge,
			fmt.Sprintf("%s to %s: %s sessions", moneyLabel(lo, 2), moneyLabel(lo+width, 2), pyGrouped(float64(c), 0)))
	}
	vline := func(v float64, s plot.Stroke) {
		fig.Line([]plot.Point{{X: a.PX(v), Y: a.Top}, {X: a.PX(v), Y: a.Bottom()}}, s, "")
	}
	zero := plot.Stroke{Color: plot.Black, Width: 2}
	vline(0, zero)
	vline(mean, dashed(meanColor, 2))
	vline(median, dashed(medianColor, 2))
	a.Frame(l)
	a.Legend([]plot.LegendEntry{
		{Label: "Break-even", Stroke: zero},
		{Label: "Mean: " + moneyLabel(mean, 2), Stroke: dashed(meanColor, 2)},
		{Label: "Median: " + moneyLabel(median, 2), Stroke: dashed(medianColor, 2)},
	}, false)
	wins := d.SessionOutcomes.Get("win")
	a.Note([]string{
		fmt.Sprintf("Win Rate: %.1f%%", float64(wins)/float64(n)*100),
		"Sessions: " + pyGrouped(float64(n), 0),
	})
	return fig
}

// trajectoryFigure is its bankroll trajectory chart: the bankroll after
// each hand of sample sessions, green for a session won, red lost, grey
// pushed, with the starting bankroll and the win and loss limits. Its
// sample is random; ours is the first sessions by index (the results'
// trajectories), which is a random sample too and the same whatever the
// workers. Long paths are thinned (docs/RESULTS.md).
func trajectoryFigure(d *results.Document, title string, sample int, winLimit, lossLimit *int64) *plot.Figure {
	fig := plot.New(trajFigW, trajFigH, title)
	l := &plot.Layout{Title: title, XLabel: "Hands Played", YLabel: "Bankroll ($)"}
	paths := d.Trajectories[:min(sample, len(d.Trajectories))]
	if len(paths) == 0 || len(paths[0].Bankroll) == 0 {
		emptyAxes(fig, l, "No bankroll path was kept")
		return fig
	}
	start := float64(paths[0].Bankroll[0]) / 100
	x, y := plot.Range{Min: 0, Max: 0}, plot.Range{Min: start, Max: start}
	type line struct {
		pts     []plot.Point
		outcome int // 0 win, 1 loss, 2 push
		profit  float64
	}
	lines := make([]line, len(paths))
	var count [3]int
	for i := range paths {
		t := &paths[i]
		for j, c := range t.Bankroll {
			hx, by := float64(t.HandAt(j)), float64(c)/100
			x, y = x.Include(hx), y.Include(by)
			lines[i].pts = append(lines[i].pts, plot.Point{X: hx, Y: by})
		}
		profit := float64(t.Bankroll[len(t.Bankroll)-1]-t.Bankroll[0]) / 100
		lines[i].profit = profit
		switch {
		case profit > 0:
			lines[i].outcome = 0
		case profit < 0:
			lines[i].outcome = 1
		default:
			lines[i].outcome = 2
		}
		count[lines[i].outcome]++
	}
	var win, loss float64
	if winLimit != nil {
		win = start + float64(*winLimit)/100
		y = y.Include(win)
	}
	if lossLimit != nil {
		loss = start - float64(*lossLimit)/100
		y = y.Include(loss)
	}
	x, y = x.Pad(0.05), y.Pad(0.05)
	l.XTicks, l.YTicks = plot.NumberTicks(x, 8), plot.NumberTicks(y, 6)
	a := plot.NewAxes(fig, l, x, y)
	a.GridLines(l.XTicks, l.YTicks)
	colors := [3]plot.Color{profitColor, lossColor, breakevenColor}
	names := [3]string{"Win", "Loss", "Push"}
	var legend []plot.LegendEntry
	var shown [3]bool
	for i, ln := range lines {
		s := plot.Stroke{Color: colors[ln.outcome].Alpha(0.6), Width: 1.5}
		pts := make([]plot.Point, len(ln.pts))
		for j, p := range ln.pts {
			pts[j] = plot.Point{X: a.PX(p.X), Y: a.PY(p.Y)}
		}
		t := &paths[i]
		tip := fmt.Sprintf("session %d", t.Session)
		if len(d.Seats) > 0 {
			tip += fmt.Sprintf(" seat %d", t.Seat)
		}
		fig.Line(pts, s, fmt.Sprintf("%s: %d hands, profit %s", tip, t.Hands, moneyLabel(ln.profit, 2)))
		if !shown[ln.outcome] {
			shown[ln.outcome] = true
			legend = append(legend, plot.LegendEntry{Label: names[ln.outcome], Stroke: s})
		}
	}
	hline := func(v float64, s plot.Stroke, label string) {
		fig.Line([]plot.Point{{X: a.Left, Y: a.PY(v)}, {X: a.Right(), Y: a.PY(v)}}, s, "")
		legend = append(legend, plot.LegendEntry{Label: label, Stroke: s})
	}
	hline(start, plot.Stroke{Color: baselineColor, Width: 2}, "Start: "+moneyLabel(start, 0))
	if winLimit != nil {
		hline(win, dashed(profitColor, 2), "Win Limit: "+moneyLabel(win, 0))
	}
	if lossLimit != nil {
		hline(loss, dashed(lossColor, 2), "Loss Limit: "+moneyLabel(loss, 0))
	}
	a.Frame(l)
	a.Legend(legend, false)
	a.Note([]string{
		fmt.Sprintf("Showing %d of %s sessions", len(paths), pyGrouped(float64(d.PlayerSessions), 0)),
		fmt.Sprintf("W: %d | L: %d | P: %d", count[0], count[1], count[2]),
	})
	return fig
}

// fiveCardCounts are the number of five-card hands of each category among
// all C(52,5) = 2,598,960, by enumeration.
var fiveCardCounts = sync.OnceValue(func() (n [poker.NumCategories]int64) {
	cards.ForEach5(func(_ int, h [5]cards.Card) { n[poker.Classify(h[0], h[1], h[2], h[3], h[4])]++ })
	return n
})

// handsFigure is its report's hand frequency chart: the share of hands
// ending in each category beside its theoretical share, weakest first.
// The theoretical shares are exact (every five-card hand counted); its
// table had wrong pair and high-card figures (docs/RESULTS.md).
func handsFigure(d *results.Document, title string) *plot.Figure {
	fig := plot.New(figW, figH, title)
	l := &plot.Layout{Title: title, XLabel: "Hand Type", YLabel: "Frequency (%)", XTickAngle: 45}
	exact := fiveCardCounts()
	cats := poker.Categories()
	n := len(cats)
	actual, theory := make([]float64, n), make([]float64, n)
	top := 0.0
	for i := range n {
		c := cats[n-1-i] // weakest first
		if d.Hands > 0 {
			actual[i] = float64(d.HandCounts.Get(c.String())) / float64(d.Hands) * 100
		}
		theory[i] = float64(exact[c]) / cards.NumHands5 * 100
		top = math.Max(top, math.Max(actual[i], theory[i]))
		l.XTicks = append(l.XTicks, plot.Tick{At: float64(i), Label: titleCase(c.String())})
	}
	x := plot.Range{Min: -0.6, Max: float64(n) - 0.4}
	y := plot.Range{Min: 0, Max: top * 1.12}
	l.YTicks = plot.NumberTicks(y, 6)
	a := plot.NewAxes(fig, l, x, y)
	a.GridLines(nil, l.YTicks)
	const barW = 0.4
	series := []struct {
		name   string
		color  plot.Color
		values []float64
		off    float64
	}{{"Actual", meanColor, actual, -barW / 2}, {"Theoretical", breakevenColor, theory, barW / 2}}
	for _, s := range series {
		for i, v := range s.values {
			cx := float64(i) + s.off
			x0, x1 := a.PX(cx-barW/2), a.PX(cx+barW/2)
			label := fmt.Sprintf("%.2f%%", v)
			fig.Rect(x0, a.PY(v), x1-x0, a.PY(0)-a.PY(v), s.color, nil, fmt.Sprintf("%s %s: %s", l.XTicks[i].Label, strings.ToLower(s.name), label))
			fig.Text((x0+x1)/2, a.PY(v)-2, label, plot.Font{Size: 6, Color: plot.Black, Align: plot.Center, VAlign: plot.Bottom})
		}
	}
	a.Frame(l)
	a.Legend([]plot.LegendEntry{{Label: "Actual", Patch: &meanColor}, {Label: "Theoretical", Patch: &breakevenColor}}, true)
	return fig
}

// bonusFigure is bonus_impact, which its schema names and its code never
// drew: the mean result per session of the main game, the Three Card
// Bonus and both, with 95 % intervals, and the bonus's share of the money
// wagered and of the variance of session profit (results.BonusImpact:
// var(total) = var(main) + var(bonus) + 2·cov).
func bonusFigure(d *results.Document, title string) *plot.Figure {
	fig := plot.New(figW, figH, title)
	l := &plot.Layout{Title: title, XLabel: "Bet", YLabel: "Mean result per session ($)"}
	bi := d.BonusImpact
	if bi == nil || bi.PerSession.N == 0 {
		emptyAxes(fig, l, "No bonus bet was placed in this run")
		return fig
	}
	s := &bi.PerSession
	const z95 = 1.959963984540054
	ci := func(sd float64) float64 { return z95 * sd / math.Sqrt(float64(s.N)) }
	bars := []struct {
		name       string
		mean, half float64
		color      plot.Color
	}{
		{"Main game", float64(s.MainMean), ci(float64(s.MainStd)), meanColor},
		{"Three Card Bonus", float64(s.BonusMean), ci(float64(s.BonusStd)), medianColor},
		{"Total", float64(d.SessionProfit.Mean), ci(float64(d.SessionProfit.Std)), baselineColor},
	}
	y := plot.Range{Min: 0, Max: 0}
	for i, b := range bars {
		y = y.Include(b.mean - b.half).Include(b.mean + b.half)
		l.XTicks = append(l.XTicks, plot.Tick{At: float64(i), Label: b.name})
	}
	y = y.Pad(0.1)
	y.Max += (y.Max - y.Min) * 0.3 // room for the note above the bars
	l.YTicks = plot.NumberTicks(y, 6)
	a := plot.NewAxes(fig, l, plot.Range{Min: -0.6, Max: float64(len(bars)) - 0.4}, y)
	a.GridLines(nil, l.YTicks)
	const barW = 0.6
	ink := plot.Stroke{Color: plot.Black, Width: 1.2}
	for i, b := range bars {
		x0, x1 := a.PX(float64(i)-barW/2), a.PX(float64(i)+barW/2)
		fig.Rect(x0, a.PY(math.Max(b.mean, 0)), x1-x0, math.Abs(a.PY(b.mean)-a.PY(0)), b.color.Alpha(0.8), nil,
			fmt.Sprintf("%s: %s per session (95%% CI %s to %s)", b.name, moneyLabel(b.mean, 2), moneyLabel(b.mean-b.half, 2), moneyLabel(b.mean+b.half, 2)))
		cx, w := a.PX(float64(i)), (x1-x0)/6
		lo, hi := a.PY(b.mean-b.half), a.PY(b.mean+b.half)
		fig.Line([]plot.Point{{X: cx, Y: lo}, {X: cx, Y: hi}}, ink, "")
		fig.Line([]plot.Point{{X: cx - w, Y: lo}, {X: cx + w, Y: lo}}, ink, "")
		fig.Line([]plot.Point{{X: cx - w, Y: hi}, {X: cx + w, Y: hi}}, ink, "")
	}
	fig.Line([]plot.Point{{X: a.Left, Y: a.PY(0)}, {X: a.Right(), Y: a.PY(0)}}, plot.Stroke{Color: plot.Black, Width: 1}, "")
	a.Frame(l)
	pct := func(x results.Float) string { return fmt.Sprintf("%.1f%%", float64(x)*100) }
	a.Note([]string{
		"Bonus: " + pct(bi.ShareOfWagered) + " of the money wagered",
		"Share of session-profit variance:",
		"main " + pct(s.MainShare) + ", bonus " + pct(s.BonusShare) + ", covariance " + pct(s.CovarianceShare),
		"Sessions: " + pyGrouped(float64(s.N), 0) + " (bars: mean, 95% interval)",
	})
	return fig
}

// emptyAxes draws a frame with a message, as its report does for a chart
// without data.
func emptyAxes(fig *plot.Figure, l *plot.Layout, msg string) {
	a := plot.NewAxes(fig, l, plot.Range{Min: 0, Max: 1}, plot.Range{Min: 0, Max: 1})
	a.Frame(l)
	fig.Text(a.Left+a.Width/2, a.Top+a.Height/2, msg, plot.Font{Size: 16, Color: breakevenColor, Align: plot.Center, VAlign: plot.Middle})
}

// titleCase is Python's str.title() of a snake_case name with spaces
// ("pair_tens_or_better" → "Pair Tens Or Better").
func titleCase(s string) string {
	words := strings.Split(s, "_")
	for i, w := range words {
		if w != "" {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}
