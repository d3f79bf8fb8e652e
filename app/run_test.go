package app

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/config"
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
		done := drive(t, r, workers, func(w int, msg RunMessage) WorkerEvent { return fakeWorker(t, runner, w, msg) })
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
func drive(t *testing.T, r *Run, workers int, fake func(w int, msg RunMessage) WorkerEvent) bool {
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

func fakeWorker(t *testing.T, runner *sim.Runner, w int, msg RunMessage) WorkerEvent {
	a := runner.Run(msg.Seed, msg.Range.From, msg.Range.To, nil)
	b, err := wire.Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	return WorkerEvent{Worker: w, Type: "result", From: msg.Range.From, To: msg.Range.To, Aggregate: b}
}

func TestExactSessionRows(t *testing.T) {
	d := map[string]any{"player_sessions": 100.0, "session_outcomes": map[string]any{"win": 40.0, "push": 5.0, "loss": 55.0},
		"stop_reasons": map[string]any{"max_hands": 100.0}, "hands_per_session": map[string]any{"mean": 50.0}}
	x := &wire.ExactSession{PWin: 0.41, PPush: 0.04, PLoss: 0.55, StopReasons: map[string]float64{"max_hands": 1}, ExpectedHands: 50}
	rows := exactSessionRows(d, x)
	if rows[0] != [3]string{"P(win session)", "40.00%", "41.00%"} {
		t.Errorf("first row %v", rows[0])
	}
	if len(rows) != 6 || rows[3][0] != "Stopped: hand limit" {
		t.Errorf("rows %v", rows)
	}
	if exactSessionRows(d, nil) != nil {
		t.Error("rows without an exact session")
	}
}
