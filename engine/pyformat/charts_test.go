package pyformat

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/results"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.svg")

// A study in the Python tool's form (written here from its models.py)
// asking for every chart kind we draw, twice for the trajectories.
const chartStudy = `
metadata: {name: "Charts"}
simulation: {num_sessions: 2000, hands_per_session: 100, random_seed: 3, workers: "auto"}
bankroll:
  starting_amount: 500.00
  base_bet: 5.00
  stop_conditions: {win_limit: 100.00, loss_limit: 200.00, max_hands: 100, stop_on_insufficient_funds: true}
  betting_system: {type: "flat"}
strategy: {type: "basic"}
bonus_strategy: {enabled: true, type: "always", always: {amount: 1.00}}
output:
  directory: "DIR"
  prefix: "charts"
  formats:
    csv: {enabled: false}
    json: {enabled: false}
  visualizations:
    enabled: true
    charts:
      - {type: "session_outcomes_histogram", title: "Outcomes"}
      - {type: "bankroll_trajectory", title: "Paths", sample_sessions: 30}
      - {type: "hand_frequency", title: "Hands"}
      - {type: "bonus_impact", title: "Bonus"}
      - {type: "bankroll_trajectory", title: ""}
    format: "FORMAT"
    dpi: 100
`

func chartConfig(t testing.TB, dir, format string, edits ...string) *config.Config {
	t.Helper()
	yaml := strings.NewReplacer("DIR", dir, "FORMAT", format).Replace(chartStudy)
	return decode(t, strings.NewReplacer(edits...).Replace(yaml))
}

// Its charts are named as its docs lay the output folder out
// (charts/session_outcomes.png, charts/bankroll_trajectory.png), the
// other kinds after their type, a second chart of a kind with _2; a chart
// without a title takes its default, a trajectory without sample_sessions
// draws its default 20 paths.
func TestChartsFromConfig(t *testing.T) {
	c := chartConfig(t, t.TempDir(), "svg")
	s, err := FromConfig(c)
	if err != nil {
		t.Fatal(err)
	}
	want := []Chart{
		{ChartHistogram, "Outcomes", 0, "session_outcomes.svg"},
		{ChartTrajectory, "Paths", 30, "bankroll_trajectory.svg"},
		{ChartHands, "Hands", 0, "hand_frequency.svg"},
		{ChartBonusImpact, "Bonus", 0, "bonus_impact.svg"},
		{ChartTrajectory, "Bankroll Trajectories", 20, "bankroll_trajectory_2.svg"},
	}
	if !slices.Equal(s.Charts.List, want) || s.Charts.Format != "svg" || s.Charts.DPI != 100 || s.Charts.Trajectories() != 30 {
		t.Errorf("charts %+v", s.Charts)
	}
	if s.HTML {
		t.Error("visualizations alone write the HTML report")
	}
	off := chartConfig(t, t.TempDir(), "png", "enabled: true\n    charts", "enabled: false\n    charts")
	if s, err := FromConfig(off); err != nil || len(s.Charts.List) != 0 || s.Charts.Trajectories() != 0 {
		t.Errorf("disabled: %+v, %v", s.Charts, err)
	}
}

// A chart that one run cannot draw with its meaning is refused by its key.
func TestChartRefusals(t *testing.T) {
	for _, c := range []struct {
		edits []string
		key   string
	}{
		{[]string{`{type: "hand_frequency", title: "Hands"}`, `{type: "strategy_comparison", title: "Strategies"}`}, "output.visualizations.charts[2].type"},
		{[]string{`bonus_strategy: {enabled: true, type: "always", always: {amount: 1.00}}`, `bonus_strategy: {enabled: false}`}, "output.visualizations.charts[3].type"},
	} {
		_, err := FromConfig(chartConfig(t, t.TempDir(), "png", c.edits...))
		var es config.Errors
		if !errors.As(err, &es) || len(es) != 1 || es[0].Path != c.key {
			t.Errorf("%v: %v, want one error at %s", c.edits, err, c.key)
		}
	}
}

// numpy's "auto" bins: the histogram_bin_edges documentation's example
// (arr = [0, 0, 0, 1, 2, 3, 3, 4, 5] with range (0, 1): the four values
// in range, quartiles 0 and 0.25, give 4 bins), one value (one bin of
// width 1 about it), and 1…10 (IQR 4.5 gives FD width 4.18, Sturges
// 9/(log₂ 10 + 1) = 2.08 is narrower: ceil(9/2.08) = 5 bins).
func TestAutoBins(t *testing.T) {
	for _, c := range []struct {
		n              uint64
		lo, hi, q1, q3 float64
		first, last    float64
		bins           int
	}{
		{4, 0, 1, 0, 0.25, 0, 1, 4},
		{7, 3, 3, 3, 3, 2.5, 3.5, 1},
		{10, 1, 10, 3.25, 7.75, 1, 10, 5},
	} {
		f, l, b := autoBins(c.n, c.lo, c.hi, c.q1, c.q3)
		if f != c.first || l != c.last || b != c.bins {
			t.Errorf("%+v: %v, %v, %d", c, f, l, b)
		}
	}
	// numpy's bins are half-open but the last, which holds the maximum.
	for _, c := range []struct {
		v    float64
		want int
	}{{1, 0}, {2.8, 1}, {2.7999, 0}, {9.9, 4}, {10, 4}, {8.2, 4}} {
		if got := binIndex(c.v, 1, 10, 5); got != c.want {
			t.Errorf("binIndex(%v) = %d, want %d", c.v, got, c.want)
		}
	}
}

// percentile is numpy's linear percentile of sorted x.
func percentile(x []float64, q float64) float64 {
	h := float64(len(x)-1) * q
	lo := math.Floor(h)
	return x[int(lo)] + (h-lo)*(x[int(math.Ceil(h))]-x[int(lo)])
}

// The histogram drawn from the results document has the bins and counts
// numpy's "auto" rule gives on the sessions' profits one by one.
func TestProfitBinsEqualRawProfits(t *testing.T) {
	c := chartConfig(t, t.TempDir(), "svg")
	s, err := FromConfig(c)
	if err != nil {
		t.Fatal(err)
	}
	var rec recorder
	_, agg := runWriter(t, c, s.Options, 2, &rec)
	d := results.Build(c, 11, agg)
	first, width, counts := profitBins(d)

	x := make([]float64, len(rec.sessions))
	for i, r := range rec.sessions {
		x[i] = float64(r.Profit) / 100
	}
	sort.Float64s(x)
	f, l, bins := autoBins(uint64(len(x)), x[0], x[len(x)-1], percentile(x, 0.25), percentile(x, 0.75))
	want := make([]uint64, bins)
	for _, v := range x {
		want[binIndex(v, f, l, bins)]++
	}
	if first != f || math.Abs(width-(l-f)/float64(bins)) > 1e-12 || !slices.Equal(counts, want) {
		t.Errorf("from the document: %v + %v × %d %v\nfrom the sessions: %v to %v in %d %v", first, width, len(counts), counts, f, l, bins, want)
	}

	// Bucketed profits (more than 16,384 distinct values): no bin narrower
	// than a bucket, every session counted.
	b := &results.Document{Figures: results.Figures{PlayerSessions: 6,
		SessionProfit:   results.Dist{Min: -102.4, Max: 102.4, P25: -1, P75: 1},
		ProfitHistogram: []results.Bin{{Value: -102.4, Width: 40.96, Count: 1}, {Value: 0, Width: 40.96, Count: 4}, {Value: 61.44, Width: 40.96, Count: 1}}}}
	if _, w, cs := profitBins(b); w < 40.96 || cs[0]+cs[len(cs)-1] != 2 || slices.Max(cs) != 4 {
		t.Errorf("bucketed: width %v, counts %v", w, cs)
	}
}

// The theoretical hand shares are the counts of all C(52,5) hands, as
// published (e.g. Wikipedia, Poker probability): 4 royal flushes, 36
// straight flushes, 624, 3,744, 5,108, 10,200, 54,912, 123,552, one pair
// 1,098,240 (5 of 13 ranks tens or better: 422,400) and 1,302,540 high
// card.
func TestFiveCardCounts(t *testing.T) {
	want := map[poker.Category]int64{
		poker.RoyalFlush: 4, poker.StraightFlush: 36, poker.FourOfAKind: 624, poker.FullHouse: 3744,
		poker.Flush: 5108, poker.Straight: 10200, poker.ThreeOfAKind: 54912, poker.TwoPair: 123552,
		poker.PairTensOrBetter: 422400, poker.PairBelowTens: 675840, poker.HighCard: 1302540,
	}
	got := fiveCardCounts()
	for c, n := range want {
		if got[c] != n {
			t.Errorf("%v: %d, want %d", c, got[c], n)
		}
	}
}

// Python's format(x, ",.Nf").
func TestPyGrouped(t *testing.T) {
	for _, c := range []struct {
		x    float64
		dec  int
		want string
	}{{1234567.891, 2, "1,234,567.89"}, {-1234.5, 2, "-1,234.50"}, {999.999, 2, "1,000.00"}, {100000, 0, "100,000"}, {0, 0, "0"}, {-0.001, 2, "-0.00"}, {-12, 0, "-12"}} {
		if got := pyGrouped(c.x, c.dec); got != c.want {
			t.Errorf("%v, %d: %q, want %q", c.x, c.dec, got, c.want)
		}
	}
}

// svgContent parses an SVG file and returns its <title> and every
// element's attributes with their <title> (hover text).
type svgElem struct {
	name  string
	attrs map[string]string
	tip   string
}

func parseSVG(t *testing.T, b []byte) (title string, elems []svgElem) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var stack []*svgElem
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &svgElem{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			stack = append(stack, e)
		case xml.EndElement:
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if e.name != "title" {
				elems = append(elems, *e)
			}
		case xml.CharData:
			if n := len(stack); n >= 2 && stack[n-1].name == "title" {
				if stack[n-2].name == "svg" {
					title += string(tok)
				} else {
					stack[n-2].tip += string(tok)
				}
			}
		}
	}
	return title, elems
}

// runCharts runs the study with the format and writes its charts.
func runCharts(t *testing.T, format string) (*results.Document, []string) {
	t.Helper()
	dir := t.TempDir()
	c := chartConfig(t, dir, format)
	s, err := FromConfig(c)
	if err != nil {
		t.Fatal(err)
	}
	c.Simulation.Trajectories = s.Charts.Trajectories()
	w, agg := runWriter(t, c, s.Options, 2, nil)
	d := results.Build(c, 11, agg)
	paths, err := w.WriteCharts(d)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, n := range []string{"session_outcomes", "bankroll_trajectory", "hand_frequency", "bonus_impact", "bankroll_trajectory_2"} {
		want = append(want, filepath.Join(dir, ChartsDir, n+"."+format))
	}
	if !slices.Equal(paths, want) {
		t.Fatalf("wrote %v, want %v", paths, want)
	}
	return d, paths
}

// png: each chart decodes as PNG of its figure's size at the dpi (10 × 6
// inches, the trajectories 12 × 6, at 100 dpi).
func TestChartsPNG(t *testing.T) {
	_, paths := runCharts(t, "png")
	for i, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		w := 1000
		if i == 1 || i == 4 {
			w = 1200
		}
		if sz := img.Bounds().Size(); sz.X != w || sz.Y != 600 {
			t.Errorf("%s: %v, want %d × 600", p, sz, w)
		}
	}
}

// svg: each chart is XML with its title; the histogram's bars hold every
// session, the trajectory chart draws sample_sessions paths coloured by
// their outcome, as its note counts them; html: a page holding the SVG.
func TestChartsSVGAndHTML(t *testing.T) {
	d, paths := runCharts(t, "svg")
	titles := []string{"Outcomes", "Paths", "Hands", "Bonus", "Bankroll Trajectories"}
	var docs [][]svgElem
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		title, elems := parseSVG(t, b)
		if title != titles[i] {
			t.Errorf("%s: title %q, want %q", p, title, titles[i])
		}
		docs = append(docs, elems)
	}
	var total uint64
	bar := regexp.MustCompile(`: ([\d,]+) sessions$`)
	for _, e := range docs[0] {
		if m := bar.FindStringSubmatch(e.tip); e.name == "rect" && m != nil {
			n, _ := strconv.ParseUint(strings.ReplaceAll(m[1], ",", ""), 10, 64)
			total += n
		}
	}
	if total != d.PlayerSessions {
		t.Errorf("histogram bars hold %d sessions of %d", total, d.PlayerSessions)
	}
	for i, want := range []int{30, 20} {
		var counts [3]int
		var note string
		for _, e := range docs[[]int{1, 4}[i]] {
			if e.name == "polyline" && e.tip != "" { // a path (the legend's samples have no hover text)
				counts[slices.Index([]string{"#2ecc71", "#e74c3c", "#95a5a6"}, e.attrs["stroke"])]++
			}
		}
		var w, l, p int
		for k := range want {
			tr := d.Trajectories[k].Bankroll
			switch profit := tr[len(tr)-1] - tr[0]; {
			case profit > 0:
				w++
			case profit < 0:
				l++
			default:
				p++
			}
		}
		note = fmtNote(w, l, p)
		b, _ := os.ReadFile(paths[[]int{1, 4}[i]])
		if counts != [3]int{w, l, p} || !strings.Contains(string(b), note) {
			t.Errorf("trajectories %d: lines %v, want %d %d %d and the note %q", want, counts, w, l, p, note)
		}
	}

	_, pages := runCharts(t, "html")
	for i, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		start, end := strings.Index(page, "<svg "), strings.LastIndex(page, "</svg>")
		if !strings.HasPrefix(page, "<!DOCTYPE html>") || !strings.Contains(page, "<title>"+titles[i]+"</title>") || start < 0 || end < start {
			t.Fatalf("%s: not a page holding the chart", p)
		}
		if title, _ := parseSVG(t, []byte(page[start:end+len("</svg>")])); title != titles[i] {
			t.Errorf("%s: SVG title %q", p, title)
		}
	}
}

func fmtNote(w, l, p int) string {
	return "W: " + strconv.Itoa(w) + " | L: " + strconv.Itoa(l) + " | P: " + strconv.Itoa(p)
}

// goldenDoc is a small results document made up for the golden chart:
// profits from −$200 to $300 in steps of $10.
func goldenDoc() *results.Document {
	d := &results.Document{}
	var n uint64
	for v := -200; v <= 300; v += 10 {
		c := uint64(1 + (v+200)*(300-v)/2000)
		d.ProfitHistogram = append(d.ProfitHistogram, results.Bin{Value: results.Float(v), Width: 0.01, Count: c})
		n += c
	}
	d.PlayerSessions = n
	d.SessionOutcomes = results.Counts{Keys: []string{"win", "loss", "push"}, Values: []uint64{n / 3, n - n/3 - 5, 5}}
	d.SessionProfit = results.Dist{Mean: 17.5, Min: -200, Max: 300, P25: -60, P50: 20, P75: 110}
	return d
}

// The histogram of a fixed document is the golden SVG (go test -update
// rewrites it after a deliberate change; look at it before committing).
func TestHistogramGolden(t *testing.T) {
	got := histogramFigure(goldenDoc(), "Distribution of Session Outcomes").SVG()
	path := filepath.Join("testdata", "golden", "session_outcomes.svg")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the histogram differs from %s (go test -run Golden -update rewrites it)", path)
	}
}

// A chart file that cannot be written (a folder in its place) stops the
// run before it starts.
func TestChartPathCheckedFirst(t *testing.T) {
	dir := t.TempDir()
	c := chartConfig(t, dir, "png")
	s, err := FromConfig(c)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, ChartsDir, "hand_frequency.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := New(s.Options, Run{Seats: 1, Version: "test"}); err == nil || !strings.Contains(err.Error(), "hand_frequency.png") {
		t.Errorf("New: %v", err)
	}
}

// BenchmarkCharts draws and encodes each chart of a 100,000-session run
// (50 paths) in each format: go test ./engine/pyformat -run '^$' -bench
// Charts -benchtime 5x (docs/PERFORMANCE.md).
func BenchmarkCharts(b *testing.B) {
	c := chartConfig(b, b.TempDir(), "png", "num_sessions: 2000", "num_sessions: 100000", "sample_sessions: 30", "sample_sessions: 50",
		"max_hands: 100", "max_hands: 200", "hands_per_session: 100", "hands_per_session: 200")
	s, err := FromConfig(c)
	if err != nil {
		b.Fatal(err)
	}
	c.Simulation.Trajectories = s.Charts.Trajectories()
	w, agg := runWriter(b, c, s.Options, 2, nil)
	d := results.Build(c, 11, agg)
	fiveCardCounts()
	for _, ch := range s.Charts.List[:4] {
		for _, f := range []string{"svg", "html", "png150", "png600"} {
			b.Run(ch.Type+"/"+f, func(b *testing.B) {
				size := 0
				for b.Loop() {
					fig := w.figure(&ch, d)
					var out []byte
					switch f {
					case "svg":
						out = fig.SVG()
					case "html":
						out = chartPage(fig)
					case "png150":
						out, err = fig.PNG(150)
					case "png600":
						out, err = fig.PNG(600)
					}
					if err != nil {
						b.Fatal(err)
					}
					size = len(out)
				}
				b.ReportMetric(float64(size), "bytes")
			})
		}
	}
}
