package app

import (
	"errors"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
)

// answer is what the exact engine knows of a study: the exact worker's
// reply and, from its hand distribution, the figures of results.Exact.
type answer struct {
	Key    string
	Config *config.Config
	*wire.ExactReply
	exact *results.Exact // nil without a distribution
}

// HouseEdge is the main game's exact house edge per unit of the per-circle
// bet, and the fraction it is; ok is false without a distribution.
func (a *answer) HouseEdge() (edge float64, frac string, ok bool) {
	if a.exact == nil {
		return 0, "", false
	}
	edge, frac = a.exact.HouseEdge()
	return edge, frac, true
}

// walkAwayView is a study's walk-away map as the panel shows it.
type walkAwayView struct {
	Key   string
	Reply *wire.WalkAwayReply
	Chart *report.Chart
}

// exactWorker is the one worker that answers exact requests, one at a time
// in order, and the answers it gave, by key.
type exactWorker struct {
	pool   pool
	now    func() time.Time // the coordinator's clock
	ready  bool
	queue  []wire.Request // asked, not sent yet
	busy   *wire.Request  // sent, not answered yet
	sentAt time.Time      // when busy was sent
	sends  int            // requests sent, so a later check knows busy is the same one
	// restarts counts the workers stopped in a solve nothing waited for
	// any more (supersede).
	restarts int
	cache    map[string]*answer
	walks    map[string]*wire.WalkAwayReply
	answer   async[*answer]
	// walkAway is the last walk-away map asked for or shown.
	walkAway async[*walkAwayView]
	// awaitRun is the key whose answer a played-out run waits for; keep
	// the keys a study waits for. Their requests stay queued when a newer
	// study's answer is asked.
	awaitRun string
	keep     map[string]bool
	// edits counts the study's changes: an answer scheduled after a
	// pause in the typing is asked only if no change came since.
	edits int
}

// exactKey identifies a config for the exact engine (wire.ExactKey).
var exactKey = wire.ExactKey

// exactRequest asks for the exact answer of the config whose key is k
// (exactKey); the key is also the config the worker solves.
func exactRequest(k string) wire.Request {
	return wire.Request{Kind: wire.KindExact, Key: k, Config: k}
}

// answerDelay is the pause in the typing after which an edited study's
// exact answer is asked for.
const answerDelay = 250 * time.Millisecond

// answerStudy brings the exact answer of the editor's study: from the
// cache at once, else from the worker (at once for a loaded study, after
// answerDelay without edits for an edited one). Meanwhile the last answer
// stays, marked as working.
func (c *coordinator) answerStudy(loaded bool) {
	x := &c.exact
	x.edits++
	s := c.study
	if s.Config == nil {
		return
	}
	if a, ok := x.cache[s.Key]; ok {
		x.answer = answered(a)
		c.ctx.SetState(stateAnswer, x.answer)
		return
	}
	if x.answer.Status != working {
		x.answer = x.answer.start(c.now())
	}
	x.answer.Progress = 0 // any share shown was another study's
	c.ctx.SetState(stateAnswer, x.answer)
	req := exactRequest(s.Key)
	if loaded {
		x.ask(c, req)
		return
	}
	edit := x.edits
	c.ctx.After(answerDelay, func(goapp.Context) {
		if edit == x.edits {
			x.ask(c, req)
		}
	})
}

// ask queues a request unless it is answered, sent or queued already. A
// newer study's answer replaces the queued answers no run waits for.
func (x *exactWorker) ask(c *coordinator, req wire.Request) {
	if x.answered(req) || (x.busy != nil && x.busy.Kind == req.Kind && x.busy.Key == req.Key) {
		return
	}
	kept := x.queue[:0]
	for _, q := range x.queue {
		if q.Kind == req.Kind && q.Key == req.Key {
			return
		}
		if q.Kind == wire.KindExact && req.Kind == wire.KindExact && q.Key != x.awaitRun && !x.keep[q.Key] {
			continue
		}
		kept = append(kept, q)
	}
	x.queue = append(kept, req)
	if x.pool.Size() == 0 {
		x.pool.Resize(1)
	}
	x.send()
	x.supersede(c)
}

// supersedeAfter is how long a solve that nothing waits for any more may
// go on before the worker is stopped for the requests queued behind it:
// about what a fresh worker takes to start (0.35 s in a browser,
// docs/PERFORMANCE.md) and rebuild the exact play it kept. A shorter
// solve is let finish, so typing costs no restarts.
const supersedeAfter = 500 * time.Millisecond

// supersede stops the worker when it is solving an exact answer that
// nothing waits for any more (the study changed since, and no run or
// study of many configs waits for it) while other requests are queued:
// at once if the solve has gone on for supersedeAfter, else once it has,
// if it is still on it then. A busy Go worker reads no messages, so it is
// terminated and a fresh one started; its "ready" sends the queue. So a
// newer study's answer never waits behind a long solve of an old one
// (a betting system's long chain takes seconds).
func (x *exactWorker) supersede(c *coordinator) {
	if !x.superseded(c) {
		return
	}
	if left := supersedeAfter - x.now().Sub(x.sentAt); left > 0 {
		n := x.sends
		c.ctx.After(left, func(goapp.Context) {
			if x.sends == n && x.superseded(c) {
				x.restart()
			}
		})
		return
	}
	x.restart()
}

// superseded reports whether the worker is solving an exact answer that
// nothing waits for while other requests are queued.
func (x *exactWorker) superseded(c *coordinator) bool {
	b := x.busy
	return b != nil && b.Kind == wire.KindExact && !x.wanted(c, b.Key) && len(x.queue) > 0
}

// restart stops the worker in its solve and starts a fresh one.
func (x *exactWorker) restart() {
	x.busy, x.ready = nil, false
	x.restarts++
	x.pool.Restart()
}

// wanted reports whether the exact answer of key is awaited: it is the
// study's, a played-out run's or a study of many configs'.
func (x *exactWorker) wanted(c *coordinator, key string) bool {
	return key == c.study.Key || key == x.awaitRun || x.keep[key]
}

func (x *exactWorker) answered(req wire.Request) bool {
	if req.Kind == wire.KindWalkAway {
		_, ok := x.walks[req.Key]
		return ok
	}
	_, ok := x.cache[req.Key]
	return ok
}

// send gives the worker its next request not answered meanwhile, when it
// is free.
func (x *exactWorker) send() {
	for x.ready && x.busy == nil && len(x.queue) > 0 {
		req := x.queue[0]
		x.queue = x.queue[1:]
		if x.answered(req) {
			continue
		}
		x.busy, x.sentAt = &req, x.now()
		x.sends++
		x.pool.Send(0, req)
	}
}

func (c *coordinator) onExact(gen int, ev WorkerEvent) {
	x := &c.exact
	if gen != x.pool.Gen(0) {
		return
	}
	switch ev.Kind {
	case wire.KindReady:
		x.ready = true
	case wire.KindExact:
		x.busy = nil
		c.storeAnswer(ev.Exact)
		c.startPool()
	case wire.KindWalkAway:
		x.busy = nil
		c.storeWalkAway(ev.WalkAway)
	case wire.KindSolving:
		c.onSolving(ev.Solving)
	case wire.KindError:
		// The worker failed: what it was doing fails, and a fresh worker
		// takes the rest.
		if b := x.busy; b != nil {
			x.busy = nil
			if b.Kind == wire.KindWalkAway {
				c.storeWalkAway(&wire.WalkAwayReply{Key: b.Key, Error: "exact worker: " + ev.Message})
			} else {
				c.storeAnswer(&wire.ExactReply{Key: b.Key, Error: "exact worker: " + ev.Message})
			}
		}
		x.ready = false
		x.pool.Restart()
	}
	x.send()
}

// onSolving shows how far a long solve has got where its figures are
// awaited: the study's answer, the walk-away map, a run waiting for its
// exact figures.
func (c *coordinator) onSolving(s *wire.Solving) {
	x := &c.exact
	share := s.Fraction()
	switch {
	case s.Of == wire.KindWalkAway:
		if x.walkAway.Status == working && x.walkAway.Data != nil && x.walkAway.Data.Key == s.Key {
			x.walkAway.Progress = share
			c.ctx.SetState(stateWalkAway, x.walkAway)
		}
		return
	case x.answer.Status == working && s.Key == c.study.Key:
		x.answer.Progress = share
		c.ctx.SetState(stateAnswer, x.answer)
	}
	if (s.Key == x.awaitRun || x.keep[s.Key]) && c.jobState.Status == working && c.jobState.Data != nil {
		c.jobState.Data.Solving = share
		if c.studyJob != nil {
			c.jobState.Data.SolvingFile = c.studyJob.fileOf(s.Key)
		}
		c.publishRun()
	}
}

// storeAnswer keeps an exact reply, shows it if it is the study's, and
// finishes the run waiting for it.
func (c *coordinator) storeAnswer(r *wire.ExactReply) {
	x := &c.exact
	cfg, err := config.DecodeJSON([]byte(r.Key))
	if err != nil {
		r = &wire.ExactReply{Key: r.Key, Error: err.Error()}
	}
	a := &answer{Key: r.Key, Config: cfg, ExactReply: r}
	if r.Error == "" && r.Dist != nil {
		a.exact = results.ExactOf(cfg, r.Dist)
	} else if r.Error == "" && r.Omitted == "" {
		r.Error = "no exact distribution"
	}
	if x.cache == nil {
		x.cache = map[string]*answer{}
	}
	x.cache[r.Key] = a
	if r.Key == c.study.Key {
		if r.Error != "" {
			x.answer = async[*answer]{Status: failed, Err: errors.New(r.Error), Data: a}
		} else {
			x.answer = answered(a)
		}
		c.ctx.SetState(stateAnswer, x.answer)
	}
	if r.Key == x.awaitRun && c.job != nil && c.jobState.Status == working {
		c.finish()
	}
	if x.keep[r.Key] && c.studyJob != nil {
		c.studyAnswered()
	}
}

func (c *coordinator) onWalkAway(ctx goapp.Context, a goapp.Action) {
	key, _ := a.Value.(string)
	x := &c.exact
	if rep, ok := x.walks[key]; ok {
		c.showWalkAway(rep)
		return
	}
	x.walkAway = async[*walkAwayView]{Status: working, Data: &walkAwayView{Key: key}, Since: c.now()}
	ctx.SetState(stateWalkAway, x.walkAway)
	x.ask(c, wire.Request{Kind: wire.KindWalkAway, Key: key, Config: key})
}

func (c *coordinator) storeWalkAway(r *wire.WalkAwayReply) {
	x := &c.exact
	if x.walks == nil {
		x.walks = map[string]*wire.WalkAwayReply{}
	}
	x.walks[r.Key] = r
	if x.walkAway.Data != nil && x.walkAway.Data.Key == r.Key {
		c.showWalkAway(r)
	}
}

func (c *coordinator) showWalkAway(r *wire.WalkAwayReply) {
	v := &walkAwayView{Key: r.Key, Reply: r}
	x := &c.exact
	switch {
	case r.Error != "":
		x.walkAway = async[*walkAwayView]{Status: failed, Err: errors.New(r.Error), Data: v}
	case r.Map == nil:
		x.walkAway = async[*walkAwayView]{Status: failed, Err: errors.New(r.Note), Data: v}
	default:
		m := r.Map
		v.Chart = report.WalkAwayChart(m.Start, m.WinLimits, m.LossLimits, m.PWinOrNaN(), m.Own, bestCell(m))
		x.walkAway = answered(v)
	}
	c.ctx.SetState(stateWalkAway, x.walkAway)
}

func bestCell(m *wire.WalkAwayMap) [2]int {
	a, b := m.Best()
	return [2]int{a, b}
}
