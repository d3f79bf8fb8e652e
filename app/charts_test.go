package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/lir-lab/lir/app/wire"
)

func TestChartsCarryTheirData(t *testing.T) {
	var doc map[string]any
	json.Unmarshal([]byte(`{"session_outcomes":{"win":3,"loss":5,"push":1},"stop_reasons":{"max_hands":4,"win_limit":5}}`), &doc)
	cs := buildCharts(doc)
	if len(cs) != 2 {
		t.Fatalf("got %d charts, want 2", len(cs))
	}
	var opt struct {
		XAxis  []struct{ Data []string } `json:"xAxis"`
		Series []struct{ Data []struct{ Value float64 } }
	}
	if err := json.Unmarshal([]byte(cs[0].Option), &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.XAxis) == 0 || strings.Join(opt.XAxis[0].Data, ",") != "win,push,loss" {
		t.Errorf("outcomes x axis = %+v", opt.XAxis)
	}
	if len(opt.Series) != 1 || len(opt.Series[0].Data) != 3 || opt.Series[0].Data[2].Value != 5 {
		t.Errorf("outcomes series = %+v", opt.Series)
	}
	if !strings.Contains(cs[0].Option, "saveAsImage") {
		t.Errorf("chart cannot be saved as an image: %s", cs[0].Option)
	}
}

// TestAnalyticsCharts builds every chart from documents of `lir run --json`
// (testdata: multi_seat and bonus_5 presets, 300 sessions) and checks each
// carries data and can be saved.
func TestAnalyticsCharts(t *testing.T) {
	want := map[string][]string{
		"testdata/multi_seat.json": {"chart-seats", "chart-seat-ev", "chart-trajectories", "chart-risk", "chart-drawdown"},
		"testdata/bonus_5.json":    {"chart-bonus-mean", "chart-bonus-variance", "chart-trajectories", "chart-ruin-bankroll"},
	}
	for file, ids := range want {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		got := map[string]chartSpec{}
		for _, c := range buildCharts(doc) {
			got[c.ID] = c
			if !strings.Contains(c.Option, "saveAsImage") {
				t.Errorf("%s %s cannot be saved as an image", file, c.ID)
			}
			var opt struct{ Series []struct{ Data []any } }
			if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
				t.Fatalf("%s %s: %v", file, c.ID, err)
			}
			if len(opt.Series) == 0 || len(opt.Series[0].Data) == 0 {
				t.Errorf("%s %s has no data", file, c.ID)
			} else if !anyNonZero(opt.Series[0].Data) {
				t.Errorf("%s %s: its first series is all zero (data read from the wrong key?)", file, c.ID)
			}
		}
		for _, id := range ids {
			if _, ok := got[id]; !ok {
				t.Errorf("%s: no %s", file, id)
			}
		}
	}
}

func TestProfitBinsAreRoundAndFew(t *testing.T) {
	var h []any
	for v := -500.0; v < 3000; v += 5 {
		h = append(h, map[string]any{"value": v, "width": 0.01, "count": 1.0})
	}
	labels, counts := profitBins(h, 40)
	if len(labels) > 45 || len(labels) < 20 {
		t.Fatalf("%d bars", len(labels))
	}
	if labels[0] != "-500" || labels[1] != "-400" {
		t.Errorf("labels start %v", labels[:3])
	}
	total := 0.0
	for _, c := range counts {
		total += c
	}
	if total != float64(len(h)) {
		t.Errorf("counts sum to %v, want %d", total, len(h))
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

// Axis label intervals reach ECharts as numbers: a string ("1") is added to
// as a string there, so it showed every "11"-th label.
func TestLabelIntervalIsANumber(t *testing.T) {
	labels := make([]string, 40)
	for i := range labels {
		labels[i] = fmt.Sprint(i)
	}
	c := barChart("chart-x", "x", labels, [][]float64{make([]float64, 40)}, []string{"a"})
	var opt struct {
		XAxis []struct {
			AxisLabel struct{ Interval any } `json:"axisLabel"`
		} `json:"xAxis"`
	}
	if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.XAxis) != 1 || opt.XAxis[0].AxisLabel.Interval != 1.0 {
		t.Errorf("interval %#v, want the number 1", opt.XAxis)
	}
}

// The walk-away map draws every cell, at its row and column.
func TestWalkAwayChart(t *testing.T) {
	m := &wire.WalkAwayMap{Start: 50000, WinLimits: []int64{2500, 5000}, LossLimits: []int64{2500, 5000, 7500},
		PWin: [][]float64{{0.5, 0.6, 0.7}, {0.3, 0.4, 0.45}}, ExpectedProfit: [][]float64{{-1, -2, -3}, {-4, -5, -6}}}
	c := walkAwayChart(m)
	var opt struct {
		Series []struct{ Data []struct{ Value []float64 } }
		XAxis  []struct{ Data []string } `json:"xAxis"`
	}
	if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.Series) != 1 || len(opt.Series[0].Data) != 6 || len(opt.XAxis) != 1 || opt.XAxis[0].Data[2] != "75" {
		t.Fatalf("option %s", c.Option)
	}
	if v := opt.Series[0].Data[5].Value; v[0] != 2 || v[1] != 1 || v[2] != 0.45 {
		t.Errorf("last cell %v, want column 2, row 1, 0.45", v)
	}
	if a, b := bestWalkAway(m); a != 0 || b != 2 {
		t.Errorf("best cell %d, %d", a, b)
	}
}
