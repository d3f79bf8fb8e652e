package app

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

func TestSplitSessionsCoversInOrder(t *testing.T) {
	for _, tc := range []struct{ n, parts int }{{10, 3}, {3, 8}, {1, 1}, {10000, 8}, {7, 7}} {
		rs := SplitSessions(tc.n, tc.parts)
		next := 0
		for _, r := range rs {
			if r.From != next || r.To <= r.From {
				t.Fatalf("SplitSessions(%d, %d) = %v: gap or empty range", tc.n, tc.parts, rs)
			}
			next = r.To
		}
		if next != tc.n {
			t.Fatalf("SplitSessions(%d, %d) = %v: ends at %d", tc.n, tc.parts, rs, next)
		}
	}
}

// TestRunMergesLikeOneRunner drives a Run with an in-process fake pool and
// checks the merged aggregate equals one runner over all sessions: the
// determinism contract the browser relies on.
func TestRunMergesLikeOneRunner(t *testing.T) {
	cfg := config.Default()
	cfg.Simulation.NumSessions = 500
	runner, err := sim.NewRunner(cfg)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(runner.Run(42, 0, 500, nil))
	for workers := 1; workers <= 3; workers++ {
		r := NewRun(cfg, 42, 500, workers, time.Now())
		done := drive(t, r, workers, func(w int, msg wire.Request) WorkerEvent { return fakeWorker(t, runner, w, msg) })
		if !done {
			t.Fatalf("%d workers: run not done after every result", workers)
		}
		got, _ := json.Marshal(r.Merged)
		if string(got) != string(want) {
			t.Errorf("%d workers: merged aggregate differs from a single runner", workers)
		}
		if s, _ := r.Progress(); s != 500 {
			t.Errorf("%d workers: progress says %d sessions, want 500", workers, s)
		}
	}
}

// drive plays a run to its end with workers that answer at once: fake
// turns the message a worker gets into the event it would post. It reports
// whether the run said it was done.
func drive(t *testing.T, r *Run, workers int, fake func(w int, msg wire.Request) WorkerEvent) bool {
	t.Helper()
	var queue []WorkerEvent
	for w := range workers {
		msg, _ := r.Next(w)
		queue = append(queue, fake(w, msg))
	}
	done := false
	for len(queue) > 0 {
		ev := queue[0]
		queue = queue[1:]
		var err error
		if done, err = r.Handle(ev); err != nil {
			t.Fatal(err)
		}
		if msg, ok := r.Next(ev.Worker); ok {
			queue = append(queue, fake(ev.Worker, msg))
		}
	}
	return done
}

func fakeWorker(t *testing.T, runner *sim.Runner, w int, msg wire.Request) WorkerEvent {
	a := runner.Run(msg.Seed, msg.From, msg.To, nil)
	b, err := wire.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	return WorkerEvent{Worker: w, Reply: wire.Reply{Kind: wire.KindResult, From: msg.From, To: msg.To, Aggregate: b}}
}

// The simulated-vs-exact session rows read the typed document: shares of
// the player sessions, the stop reasons that happened, hands and profit.
func TestExactSessionRows(t *testing.T) {
	c := config.Study()
	runner, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	d := results.Build(c, 3, runner.Run(3, 0, 200, nil))
	x := &wire.ExactSession{PWin: 0.41, PPush: 0.04, PLoss: 0.55, StopReasons: map[string]float64{"max_hands": 1}, ExpectedHands: 50}
	rows := exactSessionRows(d, x)
	win := float64(d.SessionOutcomes.Get("win")) / 200
	if rows[0] != [3]string{"P(win session)", pct(win), "41.00%"} {
		t.Errorf("first row %v", rows[0])
	}
	var stops []string
	for _, r := range rows {
		if strings.HasPrefix(r[0], "Stopped: ") {
			stops = append(stops, r[0])
		}
	}
	if len(stops) == 0 || !slices.Contains(stops, "Stopped: hand limit") {
		t.Errorf("stop rows %v", stops)
	}
	if exactSessionRows(d, nil) != nil {
		t.Error("rows without an exact session")
	}
}
