package wire

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/compare/paired"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

// TestRoundTrip checks an aggregate of a real run (multi-seat, bonus on, so
// the wide integers and histograms are non-trivial) survives the wire
// exactly.
func TestRoundTrip(t *testing.T) {
	c := config.Default()
	c.Table.NumSeats = 3
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	a := r.Run(7, 0, 300, nil)
	b, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Fatal("aggregate changed on the wire")
	}
}

// The worker's exact reply, through its JSON form, gives the page the same
// exact comparison as results.ExactFor on the page would.
func TestExactReplyMatchesExactFor(t *testing.T) {
	c := config.Study()
	r, err := DecodeExact(EncodeExact(SolveExact("k", c)))
	if err != nil {
		t.Fatal(err)
	}
	want, err := results.ExactFor(c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Error != "" || r.Dist == nil || *r.Dist != *want.Dist {
		t.Fatalf("distribution differs (error %q)", r.Error)
	}
	if r.Session == nil {
		t.Fatalf("no exact session for the flat-betting default: %s", r.SessionNote)
	}
	if s := r.Session.PWin + r.Session.PPush + r.Session.PLoss; s < 1-1e-9 || s > 1+1e-9 {
		t.Errorf("session probabilities sum to %v", s)
	}
}

// A comparison range's aggregate survives the wire exactly, and merging
// decoded ranges gives the whole.
func TestCompareRoundTrip(t *testing.T) {
	var cs []*config.Config
	for _, s := range []string{"basic", "always_pull", "always_ride"} {
		c := config.Default()
		c.Strategy.Type = s
		cs = append(cs, c)
	}
	cmp, err := paired.New(cs)
	if err != nil {
		t.Fatal(err)
	}
	whole := cmp.Run(9, 0, 200)
	var merged *paired.Aggregate
	for _, r := range [][2]int{{0, 70}, {70, 200}} {
		b, err := EncodeCompare(cmp.Run(9, r[0], r[1]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeCompare(b)
		if err != nil {
			t.Fatal(err)
		}
		if merged == nil {
			merged = got
		} else {
			merged.Merge(got)
		}
	}
	if !reflect.DeepEqual(merged, whole) {
		t.Fatal("comparison aggregate changed on the wire")
	}
	b, _ := EncodeCompare(whole)
	if _, err := DecodeCompare(b[:len(b)-3]); err == nil {
		t.Error("a truncated comparison aggregate was accepted")
	}
}

// A strategy that reads session variables has no exact figures: the reply
// says why (the run goes on), and is no error (which would fail the run).
func TestExactReplyOmitsSessionRules(t *testing.T) {
	c := config.Default()
	c.Strategy.Type = "custom"
	c.Strategy.Custom.Bet1Rules = []config.Rule{{Condition: "session_profit > 50", Action: "ride"}}
	r, err := DecodeExact(EncodeExact(SolveExact("k", c)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Error != "" || r.Dist != nil || !strings.Contains(r.Omitted, "strategy.custom.bet1_rules read session variables") {
		t.Errorf("reply: error %q, omitted %q, distribution %v", r.Error, r.Omitted, r.Dist != nil)
	}
}

// The walk-away map's cell at the study's own limits is the study's exact
// session (the default study walks away at +$250 = 50% and −$200 = 40% of
// its $500, cells 9 and 7 of 5%…100%).
func TestWalkAwayMapHoldsTheStudy(t *testing.T) {
	c := config.Study()
	m := SolveWalkAway("k", c).WalkAway
	if m == nil || len(m.PWin) != 20 || len(m.PWin[0]) != 20 || m.WinLimits[9] != 25000 || m.LossLimits[7] != 20000 {
		t.Fatalf("map %+v", m)
	}
	s := SolveExact("k", c).Session
	if d := m.PWin[9][7] - s.PWin; d > 1e-12 || d < -1e-12 {
		t.Errorf("P(win) at the study's limits %v, the study's exact session %v", m.PWin[9][7], s.PWin)
	}
	if d := m.ExpectedProfit[9][7] - s.ExpectedProfit; d > 1e-9 || d < -1e-9 {
		t.Errorf("E[profit] at the study's limits %v, the study's exact session %v", m.ExpectedProfit[9][7], s.ExpectedProfit)
	}
}
