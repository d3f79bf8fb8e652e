package worker

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/compare/paired"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

// collect runs requests on one worker and returns its replies.
func collect(rs ...wire.Request) []wire.Reply {
	var out []wire.Reply
	w := &Worker{Post: func(r wire.Reply) { out = append(out, r) }, Memory: func() int64 { return 42 }}
	for _, r := range rs {
		w.Do(r)
	}
	return out
}

// Ranges played by the worker, merged, are one runner's run of every
// session: the determinism contract the page relies on.
func TestRunRangesMergeLikeOneRunner(t *testing.T) {
	c := config.Study()
	cj := string(c.CanonicalJSON())
	var reqs []wire.Request
	for _, r := range [][2]int{{0, 130}, {130, 131}, {131, 400}} {
		reqs = append(reqs, wire.Request{Kind: wire.KindRun, Config: cj, Seed: 11, From: r[0], To: r[1], ReportEvery: 100})
	}
	var merged *sim.Aggregate
	for _, rep := range collect(reqs...) {
		if rep.Kind != wire.KindResult {
			continue
		}
		if rep.WasmMemory != 42 {
			t.Errorf("memory %d, want the Memory func's 42", rep.WasmMemory)
		}
		a, err := wire.Decode(rep.Aggregate)
		if err != nil {
			t.Fatal(err)
		}
		if merged == nil {
			merged = a
		} else {
			merged.Merge(a)
		}
	}
	rn, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	if want := rn.Run(11, 0, 400, nil); !reflect.DeepEqual(merged, want) {
		t.Error("merged ranges differ from one run")
	}
}

// A comparison range is the paired comparer's.
func TestCompareRange(t *testing.T) {
	var cs []*config.Config
	var js []string
	for _, s := range []string{"basic", "always_pull"} {
		c := config.Default()
		c.Strategy.Type = s
		cs, js = append(cs, c), append(js, string(c.CanonicalJSON()))
	}
	reps := collect(wire.Request{Kind: wire.KindCompare, Configs: js, Seed: 5, From: 0, To: 150, ReportEvery: 100})
	last := reps[len(reps)-1]
	if last.Kind != wire.KindResult {
		t.Fatalf("last reply %+v", last)
	}
	got, err := wire.DecodeCompare(last.Aggregate)
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := paired.New(cs)
	if err != nil {
		t.Fatal(err)
	}
	if want := cmp.Run(5, 0, 150); !reflect.DeepEqual(got, want) {
		t.Error("comparison range differs from the comparer's")
	}
}

// A config the engine refuses is an error reply naming the config, and
// the worker takes the next request.
func TestBadConfigIsAnError(t *testing.T) {
	good := string(config.Study().CanonicalJSON())
	reps := collect(
		wire.Request{Kind: wire.KindRun, Config: "{broken", Seed: 1, From: 0, To: 5, ReportEvery: 100},
		wire.Request{Kind: wire.KindCompare, Configs: []string{good, "{"}, Seed: 1, From: 0, To: 5, ReportEvery: 100},
		wire.Request{Kind: wire.KindRun, Config: good, Seed: 1, From: 0, To: 5, ReportEvery: 100},
	)
	if len(reps) != 3 || reps[0].Kind != wire.KindError || !strings.HasPrefix(reps[0].Message, "config: ") ||
		reps[1].Kind != wire.KindError || !strings.HasPrefix(reps[1].Message, "config 2: ") || reps[2].Kind != wire.KindResult {
		t.Errorf("replies %+v", reps)
	}
}

// The worker's exact reply gives the page the same exact comparison as
// results.ExactFor would.
func TestExactReplyMatchesExactFor(t *testing.T) {
	c := config.Study()
	reps := collect(wire.Request{Kind: wire.KindExact, Key: "k", Config: string(c.CanonicalJSON())})
	r := reps[len(reps)-1].Exact // after any progress messages
	want, err := results.ExactFor(c)
	if err != nil {
		t.Fatal(err)
	}
	if r.Key != "k" || r.Error != "" || r.Dist == nil || *r.Dist != *want.Dist {
		t.Fatalf("distribution differs (error %q)", r.Error)
	}
	if r.Session == nil {
		t.Fatalf("no exact session for the flat-betting default: %s", r.SessionNote)
	}
	if s := r.Session.PWin + r.Session.PPush + r.Session.PLoss; s < 1-1e-9 || s > 1+1e-9 {
		t.Errorf("session probabilities sum to %v", s)
	}
	if bad := SolveExactJSON("k", "{"); bad.Error == "" {
		t.Error("a broken config was solved")
	}
}

// A strategy that reads session variables has no exact per-hand figures:
// the reply says why (the run goes on), and is no error (which would fail
// the run).
func TestExactReplyOmitsSessionRules(t *testing.T) {
	c := config.Default()
	c.Strategy.Type = "custom"
	c.Strategy.Custom.Bet1Rules = []config.Rule{{Condition: "session_profit > 50", Action: "ride"}}
	r := SolveExact("k", c)
	if r.Error != "" || r.Dist != nil || !strings.Contains(r.Omitted, "strategy.custom.bet1_rules read session variables") {
		t.Errorf("reply: error %q, omitted %q, distribution %v", r.Error, r.Omitted, r.Dist != nil)
	}
	// The session chain plays such rules state by state: the session
	// figures are exact all the same.
	if r.Session == nil {
		t.Errorf("no exact session for rules that read the session: %s", r.SessionNote)
	}
}

// The walk-away map's cell at the study's own limits is the study's exact
// session (the default study walks away at +$250 = 50% and −$200 = 40% of
// its $500, cells 9 and 7 of 5%…100%).
func TestWalkAwayMapHoldsTheStudy(t *testing.T) {
	c := config.Study()
	m := SolveWalkAway("k", c).Map
	if m == nil || len(m.PWin) != 20 || len(m.PWin[0]) != 20 || m.WinLimits[9] != 25000 || m.LossLimits[7] != 20000 || m.Own != [2]int{9, 7} {
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

// Limits off the 5% grid join it, in order, and are the map's own cell.
func TestWalkAwayAddsTheStudysLimits(t *testing.T) {
	c := config.Study()
	win, loss := config.Money(26300), config.Money(70000) // +$263: between 50% and 55%; −$700: beyond the bankroll's 100%
	c.Bankroll.StopConditions.WinLimit, c.Bankroll.StopConditions.LossLimit = &win, &loss
	m := SolveWalkAway("k", c).Map
	if m == nil || len(m.WinLimits) != 21 || len(m.LossLimits) != 21 || m.WinLimits[10] != 26300 || m.LossLimits[20] != 70000 || m.Own != [2]int{10, 20} {
		t.Fatalf("map limits %v × %v, own %v", m.WinLimits, m.LossLimits, m.Own)
	}
	s := SolveExact("k", c).Session
	if d := m.PWin[10][20] - s.PWin; d > 1e-12 || d < -1e-12 {
		t.Errorf("P(win) at the study's limits %v, the study's exact session %v", m.PWin[10][20], s.PWin)
	}
	c.Bankroll.StopConditions.WinLimit = nil
	if m := SolveWalkAway("k", c).Map; m.Own != [2]int{-1, -1} || len(m.WinLimits) != 20 {
		t.Errorf("a study without a win limit: own %v, %d win limits", m.Own, len(m.WinLimits))
	}
}

// Kept plays answer exactly as fresh solves: an edit of the limits reuses
// the study's play, a change of strategy or paytable does not; play that
// follows the session (goal-optimal, session rules) too.
func TestKeptPlaysAnswerAsFresh(t *testing.T) {
	var ds Dists
	c := config.Study()
	edits := []func(*config.Config){
		func(c *config.Config) {},
		func(c *config.Config) { w := config.Money(10000); c.Bankroll.StopConditions.WinLimit = &w },
		func(c *config.Config) { c.Bankroll.BaseBet = 1000 },
		func(c *config.Config) { c.Strategy.Type = "always_ride" },
		func(c *config.Config) { c.Strategy.Type = "optimal"; c.Paytables.MainGame.Type = "bgc_lirx02" },
		func(c *config.Config) { c.Strategy.Type = "optimal"; c.Paytables.MainGame.Type = "bgc_lirx03" },
		func(c *config.Config) { c.Strategy.Type = "goal_optimal"; c.Paytables.MainGame.Type = "standard" },
		func(c *config.Config) { w := config.Money(15000); c.Bankroll.StopConditions.WinLimit = &w },
		func(c *config.Config) {
			c.Strategy.Type = "custom"
			c.Strategy.Custom.Bet1Rules = []config.Rule{{Condition: "session_profit > 50", Action: "ride"}}
		},
		func(c *config.Config) { l := config.Money(10000); c.Bankroll.StopConditions.LossLimit = &l },
	}
	for i, edit := range edits {
		edit(c)
		kept, fresh := ds.SolveExact("k", c, nil), SolveExact("k", c)
		if !reflect.DeepEqual(kept, fresh) {
			t.Errorf("edit %d: the kept distribution answers differently", i)
		}
	}
	// Six strategy × paytable pairs, and the EV-optimal play goal-optimal
	// play is compared with.
	if len(ds.keys) != 7 {
		t.Errorf("%d plays kept for 7 strategy × paytable pairs", len(ds.keys))
	}
}

// A solve tells its progress in solving messages before its reply: the
// steps of the session chain (for goal-optimal play, of its induction), or
// the cells of a walk-away map, counting up to their total. The session's
// profit sd is the exact distribution's (exact.SessionResult.ProfitSD).
func TestSolvesPostProgress(t *testing.T) {
	goal := config.Study()
	goal.Strategy.Type = "goal_optimal"
	small := config.Study()
	small.Bankroll.StartingAmount = 10000 // a 4 × 4 walk-away map
	for _, req := range []wire.Request{
		{Kind: wire.KindExact, Key: "study", Config: string(config.Study().CanonicalJSON())},
		// Goal-optimal play: the compared play's chain, the induction,
		// goal-optimal play's chain, as one count.
		{Kind: wire.KindExact, Key: "goal", Config: string(goal.CanonicalJSON())},
		{Kind: wire.KindWalkAway, Key: "walk", Config: string(small.CanonicalJSON())},
	} {
		var out []wire.Reply
		w := &Worker{Post: func(r wire.Reply) { out = append(out, r) }, SolvingEvery: -1}
		w.Do(req)
		if len(out) < 3 || out[len(out)-1].Kind != req.Kind {
			t.Fatalf("%s: %d replies, the last %s", req.Key, len(out), out[len(out)-1].Kind)
		}
		var prev *wire.Solving
		for _, r := range out[:len(out)-1] {
			s := r.Solving
			if r.Kind != wire.KindSolving || s.Of != req.Kind || s.Key != req.Key || s.Done > s.Total ||
				(prev != nil && s.Fraction() < prev.Fraction()) {
				t.Fatalf("%s: progress %+v after %+v", req.Key, s, prev)
			}
			prev = s
		}
		if prev.Done != prev.Total {
			t.Errorf("%s: the last progress %d of %d", req.Key, prev.Done, prev.Total)
		}
	}
	_, d, err := sim.ExactDistribution(config.Study())
	if err != nil {
		t.Fatal(err)
	}
	res, err := exact.SolveSession(config.Study(), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := SolveExact("k", config.Study()).Session.SDProfit; got != res.ProfitSD()/100 {
		t.Errorf("sd of the session profit %v, the exact distribution's %v", got, res.ProfitSD()/100)
	}
}

// A warmed worker keeps the default study's exact play, and its answer to
// the default study is a fresh worker's (the exact engine's).
func TestWarmKeepsThePlay(t *testing.T) {
	w := &Worker{Post: func(wire.Reply) {}}
	w.Warm(config.Study())
	if len(w.dists.keys) != 1 || w.dists.keys[0] != sim.ExactPlayKey(config.Study()) {
		t.Fatalf("plays kept after warming: %d", len(w.dists.keys))
	}
	c := config.Study()
	if kept, fresh := w.dists.SolveExact("k", c, nil), SolveExact("k", c); !reflect.DeepEqual(kept, fresh) {
		t.Error("the warmed play answers differently")
	}
}
