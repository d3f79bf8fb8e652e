package report

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/compare"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
)

// option is the part of a chart's option the tests read.
type option struct {
	XAxis []struct {
		Type      string
		Data      []string
		AxisLabel struct{ Interval any } `json:"axisLabel"`
	} `json:"xAxis"`
	YAxis []struct {
		Type string
	} `json:"yAxis"`
	Series []struct {
		Name    string
		Type    string
		Data    []any
		Tooltip *struct{ Show bool }
	}
}

func parse(t *testing.T, c *Chart) option {
	t.Helper()
	var o option
	if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	return o
}

// Every chart of a multi-seat bonus run carries data, can be saved as an
// image, says what it shows in words (no schema key as a category) and
// has no title drawn inside it (the page and the report show it as text).
func TestChartsCarryTheirData(t *testing.T) {
	d := sampleDoc(t)
	got := map[string]bool{}
	for _, c := range Charts(d) {
		got[c.ID] = true
		if c.Title == "" || c.Caption == "" {
			t.Errorf("%s: title %q, caption %q", c.ID, c.Title, c.Caption)
		}
		if !strings.Contains(c.Option, "saveAsImage") || strings.Contains(c.Option, `"title":{"text"`) {
			t.Errorf("%s: save button or a title inside: %.200s", c.ID, c.Option)
		}
		o := parse(t, c)
		if len(o.Series) == 0 || !anyNonZero(o.Series[0].Data) {
			t.Errorf("%s: its first series has no data", c.ID)
		}
		for _, x := range o.XAxis {
			for _, label := range x.Data {
				if strings.Contains(label, "_") {
					t.Errorf("%s: category %q is a schema key, not words", c.ID, label)
				}
			}
		}
	}
	for _, id := range []string{"profit", "outcomes", "trajectories", "hands", "rides", "stops", "seats", "seat-ev", "risk", "ruin-bankroll", "bonus-mean", "bonus-variance", "drawdown"} {
		if !got[id] {
			t.Errorf("no %s chart", id)
		}
	}
}

// The hand-frequency chart is on a log scale: a royal flush (about 1 in
// 649,740 hands) and a high card (about half) share one chart.
func TestHandFrequenciesOnLogScale(t *testing.T) {
	c := handFrequencies(sampleDoc(t))
	o := parse(t, c)
	if len(o.YAxis) != 1 || o.YAxis[0].Type != "log" || len(o.Series) != 2 || o.Series[0].Type != "line" || o.XAxis[0].Data[0] != "Royal flush" {
		t.Errorf("hand chart %s", c.Option)
	}
}

// Intervals are bands, not markers: the band's parts stay out of the
// tooltip.
func TestIntervalsAreBands(t *testing.T) {
	d := sampleDoc(t)
	for _, c := range append(seatCharts(d), riskOfRuin(d)...) {
		o := parse(t, c)
		hidden := 0
		for _, s := range o.Series {
			if s.Tooltip != nil && !s.Tooltip.Show {
				hidden++
				if s.Name != "95% interval" {
					t.Errorf("%s: series %q is out of the tooltip", c.ID, s.Name)
				}
			}
			if s.Type == "scatter" && strings.Contains(c.Option, "triangle") {
				t.Errorf("%s: interval ends as triangle markers", c.ID)
			}
		}
		if hidden == 0 {
			t.Errorf("%s: no band", c.ID)
		}
	}
}

// The seat band is the interval of the document, low to high around the
// estimate: a box from the low end to the high end with its middle line at
// the estimate.
func TestSeatBandIsTheInterval(t *testing.T) {
	d := sampleDoc(t)
	o := parse(t, seatCharts(d)[0])
	w := d.Seats[0].SessionWinRate
	box, _ := o.Series[0].Data[0].(map[string]any)["value"].([]any)
	want := []float64{100 * float64(w.CI95Lo), 100 * float64(w.CI95Lo), 100 * float64(w.Value), 100 * float64(w.CI95Hi), 100 * float64(w.CI95Hi)}
	for i, v := range box {
		if math.Abs(v.(float64)-want[i]) > 1e-6 {
			t.Errorf("seat 1 band %v, want %v", box, want)
			break
		}
	}
}

// The profit histogram has few round bars holding every session.
func TestProfitBinsAreRoundAndFew(t *testing.T) {
	d := &results.Document{}
	var total uint64
	for v := -500.0; v < 3000; v += 5 {
		d.ProfitHistogram = append(d.ProfitHistogram, results.Bin{Value: results.Float(v), Width: 0.01, Count: 1})
		total++
	}
	o := parse(t, profitHistogram(d))
	labels := o.XAxis[0].Data
	if len(labels) > 45 || len(labels) < 20 {
		t.Fatalf("%d bars", len(labels))
	}
	if labels[0] != "−$500" || labels[1] != "−$400" {
		t.Errorf("labels start %v", labels[:3])
	}
	var sum float64
	for _, x := range o.Series[0].Data {
		sum += x.(map[string]any)["value"].(float64)
	}
	if sum != float64(total) {
		t.Errorf("bars hold %v sessions, want %d", sum, total)
	}
	// Axis label intervals reach ECharts as numbers: a string ("1") is added
	// to as a string there, so it showed every "11"-th label.
	if iv := o.XAxis[0].AxisLabel.Interval; iv != 1.0 {
		t.Errorf("interval %#v, want the number 1", iv)
	}
}

// The walk-away map draws every cell at its row and column, and marks the
// study's own cell and the best one.
func TestWalkAwayChart(t *testing.T) {
	c := WalkAwayChart(50000, []int64{2500, 5000}, []int64{2500, 5000, 7500},
		[][]float64{{0.5, 0.6, 0.7}, {0.3, 0.4, 0.45}}, [2]int{1, 1}, [2]int{0, 2})
	var o struct {
		Series []struct {
			Data      []struct{ Value []float64 }
			MarkPoint struct {
				Data []struct {
					Name  string
					Coord []int
				}
			} `json:"markPoint"`
		}
		XAxis []struct{ Data []string } `json:"xAxis"`
	}
	if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Series) != 1 || len(o.Series[0].Data) != 6 || o.XAxis[0].Data[2] != "−$75" {
		t.Fatalf("option %s", c.Option)
	}
	if v := o.Series[0].Data[5].Value; v[0] != 2 || v[1] != 1 || v[2] != 0.45 {
		t.Errorf("last cell %v, want column 2, row 1, 0.45", v)
	}
	marks := o.Series[0].MarkPoint.Data
	if len(marks) != 2 || marks[0].Name != "yours" || marks[0].Coord[0] != 1 || marks[0].Coord[1] != 1 || marks[1].Name != "best" || marks[1].Coord[0] != 2 || marks[1].Coord[1] != 0 {
		t.Errorf("marks %+v", marks)
	}
}

// A cell without exact figures (NaN) is left blank, and the caption says
// how many are.
func TestWalkAwayChartBlanks(t *testing.T) {
	c := WalkAwayChart(50000, []int64{2500, 5000}, []int64{2500, 5000},
		[][]float64{{0.5, math.NaN()}, {0.3, math.NaN()}}, [2]int{0, 0}, [2]int{0, 0})
	var o struct {
		Series []struct{ Data []struct{ Value []float64 } }
	}
	if err := json.Unmarshal([]byte(c.Option), &o); err != nil {
		t.Fatal(err)
	}
	if len(o.Series[0].Data) != 2 || !strings.Contains(c.Caption, "2 blank cells are past the exact engine's state bound") {
		t.Fatalf("%d cells drawn; caption %q", len(o.Series[0].Data), c.Caption)
	}
}

// A comparison's charts have one band per config.
func TestCompareCharts(t *testing.T) {
	var cs []*config.Config
	for _, s := range []string{"basic", "always_pull"} {
		c := config.Default()
		c.Strategy.Type = s
		cs = append(cs, c)
	}
	cmp, err := compare.New(cs)
	if err != nil {
		t.Fatal(err)
	}
	d := compare.Build(cs, []string{"Basic", "Always pull"}, 3, cmp.RunParallel(3, 0, 200, 1, nil))
	for _, c := range CompareCharts(d) {
		o := parse(t, c)
		if len(o.Series[0].Data) != 2 || o.XAxis[0].Data[1] != "Always pull" {
			t.Errorf("%s: %s", c.ID, c.Option)
		}
	}
}

// Money is written as a player reads it.
func TestMoney(t *testing.T) {
	for x, want := range map[float64]string{0: "$0.00", 10263630: "$10,263,630.00", -1234.5: "−$1,234.50", -0.25: "−$0.25", 999.999: "$1,000.00"} {
		if got := Money(x); got != want {
			t.Errorf("Money(%v) = %q, want %q", x, got, want)
		}
	}
	if got := MoneyShort(-25); got != "−$25" {
		t.Errorf("MoneyShort(-25) = %q", got)
	}
	if got := Label("pair_tens_or_better"); got != "Tens or better" {
		t.Errorf("Label = %q", got)
	}
	if got := Label("insufficient_funds"); got != "Out of money" {
		t.Errorf("Label = %q", got)
	}
}

// anyNonZero reports whether a chart's data (numbers, or objects and
// arrays of them) holds a number other than zero.
func anyNonZero(v any) bool {
	switch x := v.(type) {
	case float64:
		return x != 0
	case []any:
		for _, e := range x {
			if anyNonZero(e) {
				return true
			}
		}
	case map[string]any:
		for _, e := range x {
			if anyNonZero(e) {
				return true
			}
		}
	}
	return false
}
