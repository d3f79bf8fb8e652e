package wire

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/sim"
)

// clone copies a message's properties as postMessage's structured clone
// does for the values Fields uses: strings, numbers (float64), booleans,
// byte arrays and arrays; anything else fails the test.
func clone(t *testing.T, m map[string]any) map[string]any {
	t.Helper()
	out := map[string]any{}
	for k, v := range m {
		switch v := v.(type) {
		case string, float64, bool:
			out[k] = v
		case []byte:
			out[k] = append([]byte(nil), v...)
		case []any:
			c := make([]any, len(v))
			for i, x := range v {
				if _, ok := x.(string); !ok {
					t.Fatalf("%s[%d] is a %T: not a value the glue copies", k, i, x)
				}
				c[i] = x
			}
			out[k] = c
		default:
			t.Fatalf("%s is a %T: not a value the glue copies", k, v)
		}
	}
	return out
}

// Every request survives Fields, a structured clone and ParseRequest
// unchanged, the seed above 2^53 included.
func TestRequestRoundTrip(t *testing.T) {
	cfg := string(config.Study().CanonicalJSON())
	for _, r := range []Request{
		{Kind: KindRun, Config: cfg, Seed: 1<<64 - 1, From: 10, To: 2000, ReportEvery: 100},
		{Kind: KindCompare, Configs: []string{cfg, cfg, "{}"}, Seed: 9007199254740993, From: 0, To: 1, ReportEvery: 250},
		{Kind: KindExact, Config: cfg, Key: "k1"},
		{Kind: KindWalkAway, Config: cfg, Key: "k2"},
	} {
		got, err := ParseRequest(clone(t, r.Fields()))
		if err != nil {
			t.Fatalf("%s: %v", r.Kind, err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("%s: round trip gave %+v, want %+v", r.Kind, got, r)
		}
	}
}

// The message web/bench.html posts by hand is a run request; malformed
// requests are refused with a reason naming what is wrong.
func TestParseRequestRefuses(t *testing.T) {
	bench := map[string]any{"type": "run", "config": "{}", "seed": "7", "from": 0.0, "to": 500.0, "reportEvery": 1000.0}
	if r, err := ParseRequest(bench); err != nil || r.To != 500 || r.ReportEvery != 1000 || r.Seed != 7 {
		t.Errorf("bench.html's message: %+v, %v", r, err)
	}
	noEvery := map[string]any{"type": "run", "config": "{}", "seed": "7", "from": 0.0, "to": 5.0}
	if r, _ := ParseRequest(noEvery); r.ReportEvery != DefaultReportEvery {
		t.Errorf("reportEvery defaults to %d, want %d", r.ReportEvery, DefaultReportEvery)
	}
	for _, tc := range []struct {
		m    map[string]any
		want string
	}{
		{map[string]any{"type": "jump"}, "unknown message type"},
		{map[string]any{"type": "run", "config": 3.0, "seed": "1", "from": 0.0, "to": 1.0}, "config must be a JSON string"},
		{map[string]any{"type": "run", "config": "{}", "seed": 7.0, "from": 0.0, "to": 1.0}, "seed must be a decimal string"},
		{map[string]any{"type": "run", "config": "{}", "seed": "-1", "from": 0.0, "to": 1.0}, "seed must be a decimal string"},
		{map[string]any{"type": "run", "config": "{}", "seed": "1", "from": 5.0, "to": 1.0}, "bad session range"},
		{map[string]any{"type": "run", "config": "{}", "seed": "1", "from": 0.5, "to": 1.0}, "bad session range"},
		{map[string]any{"type": "compare", "configs": []any{"{}"}, "seed": "1", "from": 0.0, "to": 1.0}, "array of 2 to 64"},
		{map[string]any{"type": "compare", "configs": []any{"{}", 1.0}, "seed": "1", "from": 0.0, "to": 1.0}, "array of 2 to 64"},
		{map[string]any{"type": "exact", "key": "k"}, "config must be a JSON string"},
	} {
		if _, err := ParseRequest(tc.m); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want one saying %q", tc.m, err, tc.want)
		}
	}
}

// Every reply survives Fields, a structured clone and ParseReply
// unchanged: a real aggregate, an exact reply with its distribution and
// session, a walk-away map.
func TestReplyRoundTrip(t *testing.T) {
	c := config.Study()
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	agg, err := Encode(r.Run(3, 0, 50, nil))
	if err != nil {
		t.Fatal(err)
	}
	_, d, err := sim.ExactDistribution(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, rep := range []Reply{
		{Kind: KindReady},
		{Kind: KindProgress, From: 100, Done: 37, Hands: 1 << 40},
		{Kind: KindResult, From: 0, To: 50, Hands: 8123, Aggregate: agg, Millis: 12.5, WasmMemory: 1 << 30},
		{Kind: KindExact, Exact: &ExactReply{Key: "k", Dist: d, SessionNote: "n",
			Session: &ExactSession{PWin: 0.3, PPush: 0.01, PLoss: 0.69, StopReasons: map[string]float64{"win_limit": 0.1}, ExpectedHands: 167.5, ExpectedProfit: -29.375, SDProfit: 141.25}}},
		{Kind: KindExact, Exact: &ExactReply{Key: "k", Omitted: "reads session variables"}},
		{Kind: KindWalkAway, WalkAway: &WalkAwayReply{Key: "w", Map: &WalkAwayMap{Start: 50000, WinLimits: []int64{100, 200}, LossLimits: []int64{300},
			PWin: [][]float64{{0.5}, {0.25}}, ExpectedProfit: [][]float64{{-1}, {-2.5}}, Own: [2]int{1, 0}}}},
		{Kind: KindSolving, Solving: &Solving{Of: KindWalkAway, Key: "w", Done: 37, Total: 441}},
		{Kind: KindError, Message: "config: bad"},
	} {
		got, err := ParseReply(clone(t, rep.Fields()))
		if err != nil {
			t.Fatalf("%s: %v", rep.Kind, err)
		}
		if !reflect.DeepEqual(got, rep) {
			t.Errorf("%s: round trip gave %+v, want %+v", rep.Kind, got, rep)
		}
	}
	// The distribution is the exact engine's, count for count.
	got, _ := ParseReply(clone(t, Reply{Kind: KindExact, Exact: &ExactReply{Dist: d}}.Fields()))
	if *got.Exact.Dist != *d || got.Exact.Dist.Total() != exact.Deals {
		t.Error("the hand distribution changed on the wire")
	}
}

// A reply that cannot be read is an error, not a zero value taken for a
// result.
func TestParseReplyRefuses(t *testing.T) {
	for _, m := range []map[string]any{
		{"type": "result", "from": 0.0, "to": 5.0, "hands": 1.0},
		{"type": "result", "from": "0", "aggregate": []byte{1}},
		{"type": "exact", "reply": "{not json"},
		{"type": "walkaway", "reply": 3.0},
		{"type": "solving", "of": "run", "key": "k", "done": 1.0, "total": 2.0},
		{"type": "solving", "of": "exact", "key": "k", "done": 1.0},
		{"type": "hello"},
	} {
		if _, err := ParseReply(m); err == nil {
			t.Errorf("%v was read", m)
		}
	}
	// The exact reply's JSON is the documented form (docs/BROWSER.md).
	b, _ := json.Marshal(ExactReply{Key: "k", Omitted: "x"})
	if string(b) != `{"key":"k","omitted":"x"}` {
		t.Errorf("exact reply JSON %s", b)
	}
}
