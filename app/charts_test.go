package app

import (
	"encoding/json"
	"strings"
	"testing"
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
