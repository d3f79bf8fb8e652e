package app

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/app/worker"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

// enginePool is a pool of app/worker engines in process: a request is done
// when sent (or, while held, when released), and its replies reach the
// page as a Web Worker's would, through the page's actions.
type enginePool struct {
	onReply func(gen int, ev WorkerEvent)
	engines []*worker.Worker
	gens    []int
	gen     int
	hold    bool
	held    []func()
	sent    []wire.Request
	// While holdReplies is set the workers' replies wait in replies, for
	// deliver to hand them to the page a few at a time.
	holdReplies bool
	replies     []func()
}

// pools are the pools a page made, in order: the simulation's, then the
// exact worker's.
type pools struct{ made []*enginePool }

func (ps *pools) newPool(_ string, onReply func(int, WorkerEvent)) pool {
	p := &enginePool{onReply: onReply}
	ps.made = append(ps.made, p)
	return p
}

func (ps *pools) sim() *enginePool   { return ps.made[0] }
func (ps *pools) exact() *enginePool { return ps.made[1] }

func (p *enginePool) Resize(n int) {
	p.engines, p.gens = p.engines[:min(n, len(p.engines))], p.gens[:min(n, len(p.gens))]
	for len(p.engines) < n {
		p.start(len(p.engines))
	}
}

func (p *enginePool) start(i int) {
	p.gen++
	gen := p.gen
	w := &worker.Worker{Post: func(r wire.Reply) {
		if p.holdReplies {
			p.replies = append(p.replies, func() { p.onReply(gen, WorkerEvent{Worker: i, Reply: r}) })
			return
		}
		p.onReply(gen, WorkerEvent{Worker: i, Reply: r})
	}}
	if i == len(p.engines) {
		p.engines, p.gens = append(p.engines, w), append(p.gens, gen)
	} else {
		p.engines[i], p.gens[i] = w, gen
	}
	w.Post(wire.Reply{Kind: wire.KindReady})
}

func (p *enginePool) Restart() {
	p.held = nil
	for i := range p.engines {
		p.start(i)
	}
}

func (p *enginePool) Gen(i int) int {
	if i < 0 || i >= len(p.gens) {
		return -1
	}
	return p.gens[i]
}

func (p *enginePool) Size() int { return len(p.engines) }

func (p *enginePool) Send(i int, r wire.Request) {
	p.sent = append(p.sent, r)
	w := p.engines[i]
	if p.hold {
		p.held = append(p.held, func() { w.Do(r) })
		return
	}
	w.Do(r)
}

// release does the requests held.
func (p *enginePool) release() {
	p.hold = false
	for len(p.held) > 0 {
		f := p.held[0]
		p.held = p.held[1:]
		f()
	}
}

// deliver hands the first n replies held to the page (all for n < 0).
func (p *enginePool) deliver(n int) {
	if n < 0 || n > len(p.replies) {
		n = len(p.replies)
	}
	for _, f := range p.replies[:n] {
		f()
	}
	p.replies = p.replies[n:]
}

// testPage loads the page in go-app's test engine with in-process
// workers.
func testPage(t *testing.T) (*labPage, *pools, goapp.TestEngine) {
	t.Helper()
	ps := &pools{}
	p := newLabPageWith(ps.newPool)
	e := goapp.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return p, ps, e
}

// load loads a config into the editor as a preset or a link does.
func load(p *labPage, e goapp.TestEngine, c *config.Config) {
	p.ctx.NewActionWithValue(actionLoad, loadRequest{Data: c.CanonicalJSON(), Note: "loaded", Failed: "refused"})
	e.ConsumeAll()
}

// The page answers before any Run: on load the exact worker solves the
// default study and the answer panel shows P(walk away ahead) as the exact
// engine computes it (exact.SolveSession, what lir exact --json prints as
// session.p_win), in data-exact-p-win too.
func TestPageAnswersOnLoad(t *testing.T) {
	p, ps, _ := testPage(t)
	c := config.Study()
	_, d, err := sim.ExactDistribution(c)
	if err != nil {
		t.Fatal(err)
	}
	want, err := exact.SolveSession(c, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := p.lab.exact.answer
	if a.Status != done || a.Data.Session == nil || a.Data.Session.PWin != want.PWin {
		t.Fatalf("answer %+v, want P(win) %v", a, want.PWin)
	}
	html := goapp.HTMLString(p)
	if !strings.Contains(html, `data-exact-p-win="`+strconv.FormatFloat(want.PWin, 'g', -1, 64)+`"`) {
		t.Errorf("the answer panel does not carry the exact P(win) %v", want.PWin)
	}
	for _, words := range []string{"Walk away ahead", "Cost per hour", "House edge", pct(want.PWin)} {
		if !strings.Contains(html, words) {
			t.Errorf("the answer panel does not say %q", words)
		}
	}
	if n := len(ps.exact().sent); n != 1 {
		t.Errorf("%d exact requests for one study, want 1", n)
	}
	if len(ps.sim().sent) != 0 {
		t.Error("the page simulated before Run was pressed")
	}
}

// An edit brings the new study's answer after a pause in the typing: the
// last answer stays meanwhile, marked as being updated; returning to a
// study answered before takes no request.
func TestPageAnswerFollowsEdits(t *testing.T) {
	p, ps, e := testPage(t)
	first := p.lab.exact.answer.Data
	c := config.Study()
	win := config.Money(10000)
	c.Bankroll.StopConditions.WinLimit = &win
	ps.exact().hold = true
	p.ctx.NewActionWithValue(actionStudy, study{Config: c, JSON: string(c.CanonicalJSON()), Key: exactKey(c)})
	e.ConsumeAll()
	if a := p.lab.exact.answer; a.Status != working || a.Data != first {
		t.Fatalf("while the new answer is computed: status %v, data kept %v", a.Status, a.Data == first)
	}
	if !strings.Contains(goapp.HTMLString(p), "Computing the exact answer") {
		t.Error("the answer panel does not say it is computing")
	}
	ps.exact().release()
	e.ConsumeAll()
	a := p.lab.exact.answer
	if a.Status != done || a.Data.Key != exactKey(c) || a.Data.Session.PWin == first.Session.PWin {
		t.Fatalf("after the edit: %+v", a)
	}
	sent := len(ps.exact().sent)
	back := config.Study()
	p.ctx.NewActionWithValue(actionStudy, study{Config: back, JSON: string(back.CanonicalJSON()), Key: exactKey(back)})
	e.ConsumeAll()
	if p.lab.exact.answer.Data != first || len(ps.exact().sent) != sent {
		t.Error("a study answered before was asked again")
	}
}

// Rules that read the session have no per-hand exact figures: the panel
// says why beside the session figures (the chain plays the rules state by
// state), and a run goes on without the per-hand comparison
// (exact_omitted), with the exact session beside its own, as lir run does.
func TestPageSaysWhyNoExactAnswer(t *testing.T) {
	p, _, e := testPage(t)
	c := config.Study()
	c.Simulation.NumSessions = 200
	c.Strategy.Type = "custom"
	c.Strategy.Custom.Bet1Rules = []config.Rule{{Condition: "session_profit > 50", Action: "ride"}}
	c.Strategy.Custom.Bet2Rules = []config.Rule{{Condition: "has_paying_hand", Action: "ride"}}
	load(p, e, c)
	html := goapp.HTMLString(p)
	if !strings.Contains(text(html), "no per-hand figures: bet1 rules read session variables") || !strings.Contains(html, "data-exact-p-win") {
		t.Errorf("answer panel: %s", text(between(html, `id="answer"`, "</section>")))
	}
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	r := p.lab.results
	if r.Status != done || r.Data.Doc.ExactOmitted == "" || r.Data.Doc.Exact != nil || r.Data.Exact == nil {
		t.Fatalf("results %+v", r)
	}
	// The engine's reason, in the results too, in words.
	if html := text(between(goapp.HTMLString(p), `id="results"`, "</section>")); !strings.Contains(html, "none: bet1 rules read session variables") || schemaKey.MatchString(html) {
		t.Errorf("results panel: %s", html)
	}
}

// A run gives the results document lir run builds for the same config and
// seed, decoded once; a new run keeps the last results in view until its
// own replace them; Cancel keeps them too.
func TestPageRunKeepsResults(t *testing.T) {
	p, ps, e := testPage(t)
	c := config.Study()
	c.Simulation.NumSessions = 300
	seed := uint64(42)
	c.Simulation.RandomSeed = &seed
	load(p, e, c)
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	r := p.lab.results
	if r.Status != done || r.Data == nil {
		t.Fatalf("results after a run: %+v (run %+v)", r, p.lab.jobState)
	}
	want := nativeDoc(t, c, seed)
	got := *r.Data.Doc
	got.Timing = nil
	if a, b := mustJSON(t, &got), mustJSON(t, want); a != b {
		t.Errorf("the page's document differs from the engine's:\n%.400s\n%.400s", a, b)
	}
	if len(r.Data.Charts) < 6 {
		t.Errorf("%d charts", len(r.Data.Charts))
	}
	if s := p.lab.jobState; s.Status != done || !strings.HasSuffix(s.Data.Summary, "Done") {
		t.Errorf("run state %+v", s)
	}
	if len(p.lab.history) != 1 || p.lab.history[0].Seed != "42" {
		t.Errorf("history %+v", p.lab.history)
	}

	first := r.Data
	ps.sim().hold = true
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	if r := p.lab.results; r.Status != working || r.Data != first {
		t.Fatalf("while a new run works the results are %+v", r)
	}
	html := goapp.HTMLString(p)
	if !strings.Contains(html, "these are the last results") || !strings.Contains(html, "Download results (JSON)") {
		t.Error("the last results are not shown while a new run works")
	}
	p.ctx.NewAction(actionCancel)
	e.ConsumeAll()
	if r := p.lab.results; r.Status != cancelled || r.Data != first || p.lab.jobState.Status != cancelled {
		t.Fatalf("after Cancel: results %+v, run %v", r, p.lab.jobState.Status)
	}
	if !strings.Contains(goapp.HTMLString(p), "Cancelled") {
		t.Error("the status does not say Cancelled")
	}
}

// A run whose sessions are played before the exact worker answers waits for
// it, and says so with the seconds it waits, never "0 s left".
func TestPageRunWaitsForExact(t *testing.T) {
	p, ps, e := testPage(t)
	c := config.Study()
	c.Simulation.NumSessions = 100
	c.Bankroll.BaseBet = 1000
	ps.exact().hold = true
	load(p, e, c)
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	j := p.lab.jobState
	if j.Status != working || j.Data.Played.IsZero() {
		t.Fatalf("run state %+v", j)
	}
	html := goapp.HTMLString(p)
	if !strings.Contains(html, "waiting for the exact figures") || strings.Contains(html, "0 s left") {
		t.Errorf("status while waiting: %s", between(html, `id="status"`, "</p>"))
	}
	ps.exact().release()
	e.ConsumeAll()
	if r := p.lab.results; r.Status != done || r.Data.Doc.Exact == nil || r.Data.Exact == nil {
		t.Fatalf("results %+v", r)
	}
}

// A worker's error fails the run with its reason, and the next run works.
func TestPageWorkerErrorFailsRun(t *testing.T) {
	p, ps, e := testPage(t)
	c := config.Study()
	c.Simulation.NumSessions = 100
	load(p, e, c)
	ps.sim().hold = true
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	ps.sim().held = nil
	ps.sim().hold = false
	ps.sim().onReply(ps.sim().gens[0], WorkerEvent{Worker: 0, Reply: wire.Reply{Kind: wire.KindError, Message: "config: broken"}})
	e.ConsumeAll()
	if s := p.lab.jobState; s.Status != failed || !strings.Contains(s.Err.Error(), "config: broken") {
		t.Fatalf("run state %+v", s)
	}
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	if p.lab.jobState.Status != done {
		t.Errorf("the run after a failure: %v %v", p.lab.jobState.Status, p.lab.jobState.Err)
	}
}

// The walk-away map of the study: its own limits' cell is the study's
// exact session, and the best cell says what it trades away.
func TestPageWalkAwayMap(t *testing.T) {
	p, _, e := testPage(t)
	key := p.lab.study.Key
	p.ctx.NewActionWithValue(actionWalkAway, key)
	e.ConsumeAll()
	w := p.lab.exact.walkAway
	if w.Status != done || w.Data.Chart == nil {
		t.Fatalf("walk-away state %+v", w)
	}
	m := w.Data.Reply.Map
	if m.PWin[m.Own[0]][m.Own[1]] != p.lab.exact.answer.Data.Session.PWin {
		t.Error("the map's own cell is not the study's exact session")
	}
	html := goapp.HTMLString(p)
	for _, words := range []string{"Your limits (+$250 / −$200)", "Highest chance to end ahead", "It trades away"} {
		if !strings.Contains(html, words) {
			t.Errorf("the walk-away panel does not say %q", words)
		}
	}
}

// A comparison of the study and a preset runs on the pool; the picker and
// the pairs name configs as the preset list does.
func TestPageComparison(t *testing.T) {
	p, _, e := testPage(t)
	c := config.Study()
	c.Simulation.NumSessions = 200
	load(p, e, c)
	html := goapp.HTMLString(p)
	if !strings.Contains(html, `<label for="cmp-basic">Basic strategy</label>`) {
		t.Errorf("the picker does not name the basic preset as the preset list does")
	}
	p.ctx.NewActionWithValue(actionCompare, comparePick{Current: true, Presets: []string{"basic"}})
	e.ConsumeAll()
	v := p.lab.comparison
	if v.Status != done || len(v.Data.Pairs) != 1 || !strings.HasPrefix(v.Data.Pairs[0][0], "Default study − Basic strategy") {
		t.Fatalf("comparison %+v", v)
	}
	p.ctx.NewActionWithValue(actionCompare, comparePick{Presets: []string{"basic"}})
	e.ConsumeAll()
	if v := p.lab.comparison; v.Status != failed || !strings.Contains(v.Err.Error(), "two or more") || v.Data == nil {
		t.Errorf("one config: %+v", v)
	}
}

// The panels use a player's words: no snake_case key as a label, money
// with its sign.
func TestPageWords(t *testing.T) {
	p, _, e := testPage(t)
	c := config.Study()
	c.Simulation.NumSessions = 200
	c.Table.NumSeats = 2
	load(p, e, c)
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	html := goapp.HTMLString(p)
	for _, key := range []string{"sit_out", "pair_tens_or_better", "insufficient_funds", "table_rounds", "win_limit", "always_pull", "max_hands"} {
		if strings.Contains(text(html), key) {
			t.Errorf("the page shows %q", key)
		}
	}
	if !strings.Contains(html, "−$") || !strings.Contains(text(html), "Profit per session (expected) −$") {
		t.Error("money without its sign")
	}
}

// text is the page's visible text and labels: the HTML less its tags and
// attribute values (ids, data-path and option values keep schema keys).
func text(html string) string {
	var b strings.Builder
	in := false
	for _, r := range html {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

func nativeDoc(t *testing.T, c *config.Config, seed uint64) *results.Document {
	t.Helper()
	c = c.Clone()
	c.Simulation.RandomSeed = &seed
	c.Simulation.Workers = 0
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	agg := r.Run(seed, 0, int(c.Simulation.NumSessions), nil)
	d := results.Build(c, seed, agg)
	if err := d.CompareExact(c, agg); err != nil {
		t.Fatal(err)
	}
	return d
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The pre-rendered page writes no false boolean attribute: HTML reads
// hidden="false" as hidden, so every field would be hidden, every button
// disabled, every option selected until app.wasm runs.
func TestPreRenderedBooleans(t *testing.T) {
	p, _, _ := testPage(t)
	html := goapp.HTMLString(p)
	for _, a := range []string{"hidden", "disabled", "checked", "selected", "open", "readonly"} {
		if strings.Contains(html, " "+a+`="false"`) {
			t.Errorf("the page has %s=\"false\"", a)
		}
	}
	opt := html[strings.LastIndex(html[:strings.Index(html, `value="default"`)], "<"):]
	if opt = opt[:strings.Index(opt, ">")]; !strings.Contains(opt+" ", " selected ") {
		t.Errorf("the default study is not the preset selected: %s", opt)
	}
}

// A study that plays goal-optimally gets lir exact goal's report in the
// answer panel: its P(win) against EV-optimal play's and its departures in
// words, the same figures as sim.GoalReport (the CLI's).
func TestPageGoalOptimalReport(t *testing.T) {
	p, _, e := testPage(t)
	c := config.Study()
	c.Strategy.Type = "goal_optimal"
	load(p, e, c)
	rep, err := sim.GoalReport(c, exact.GoalAhead, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := p.lab.exact.answer.Data
	if a == nil || a.Goal == nil || a.Goal.PGoal != rep.PGoal || a.Session == nil || a.Session.PWin != rep.Session.PWin {
		t.Fatalf("answer %+v, want P(goal) %v", a, rep.PGoal)
	}
	html := text(between(goapp.HTMLString(p), `id="answer"`, "</section>"))
	for _, words := range []string{"Goal-optimal play", pct(rep.PGoal), "With EV-optimal play", rep.Doc().Departures[0].Words, "All "} {
		if !strings.Contains(html, words) {
			t.Errorf("the answer panel does not say %q:\n%s", words, html)
		}
	}
	if k := schemaKey.FindString(html); k != "" {
		t.Errorf("the answer panel shows the schema key %q:\n%s", k, html)
	}
}

// A long solve in the exact worker shows how far it has got where its
// figures are awaited: the walk-away panel and the answer panel count the
// share the worker last told (its solving messages, here at every step
// and handed to the page a few at a time) beside the seconds, with a
// progress bar, until the answer replaces them.
func TestPageShowsSolveProgress(t *testing.T) {
	p, ps, e := testPage(t)
	x := ps.exact()
	x.engines[0].SolvingEvery = -1
	x.holdReplies = true
	p.ctx.NewActionWithValue(actionWalkAway, p.lab.study.Key)
	e.ConsumeAll()
	// Every cell told, then the map.
	if n := len(x.replies); n < 400 {
		t.Fatalf("%d replies for a 20 × 20 map", n)
	}
	x.deliver(len(x.replies) / 2)
	e.ConsumeAll()
	w := p.lab.exact.walkAway
	if w.Status != working || w.Progress < 0.45 || w.Progress > 0.55 {
		t.Fatalf("half the cells told: walk-away state %v, share %v", w.Status, w.Progress)
	}
	html := goapp.HTMLString(p)
	if panel := text(between(html, `id="walkaway"`, "</section>")); !strings.Contains(panel, "in a worker… "+fmt.Sprintf("%.0f%% · ", 100*w.Progress)) ||
		!strings.Contains(html, `id="walkaway-progress"`) {
		t.Errorf("the walk-away panel while half solved: %s", panel)
	}
	x.deliver(-1)
	e.ConsumeAll()
	if w := p.lab.exact.walkAway; w.Status != done || strings.Contains(goapp.HTMLString(p), `id="walkaway-progress"`) {
		t.Fatalf("after the map: %v", w.Status)
	}

	// The answer to a goal-optimal study: the compared play's chain, the
	// induction and goal-optimal play's chain, as one count.
	c := config.Study()
	c.Strategy.Type = "goal_optimal"
	load(p, e, c)
	shown, last := 0, 0.0
	for len(x.replies) > 0 {
		x.deliver(1)
		e.ConsumeAll()
		a := p.lab.exact.answer
		if a.Status != working || a.Progress <= 0 {
			continue
		}
		if a.Progress < last {
			t.Fatalf("the share solved went back from %v to %v", last, a.Progress)
		}
		shown, last = shown+1, a.Progress
		if shown == 50 {
			html := goapp.HTMLString(p)
			if st := text(between(html, `id="answer-status"`, "</p>")); !strings.Contains(st, fmt.Sprintf("in a worker… %.0f%% · ", 100*a.Progress)) ||
				!strings.Contains(html, `id="answer-progress"`) {
				t.Errorf("the answer's status while solving: %s", st)
			}
		}
	}
	if a := p.lab.exact.answer; shown < 50 || a.Status != done || a.Data.Goal == nil {
		t.Fatalf("%d shares shown, then the answer %v", shown, a.Status)
	}
	if strings.Contains(goapp.HTMLString(p), `id="answer-progress"`) {
		t.Error("the progress bar stays after the answer")
	}
}

// On a table of several seats the answer says whose session its figures
// are (exact.Study.Per: each seat's, every seat alike).
func TestPageAnswerSaysPerSeat(t *testing.T) {
	p, _, e := testPage(t)
	c := config.Study()
	c.Table.NumSeats = 3
	load(p, e, c)
	html := text(between(goapp.HTMLString(p), `id="answer"`, "</section>"))
	if !strings.Contains(html, "Exact, per seat: each of the 3 seats plays this session") {
		t.Errorf("answer panel: %s", html)
	}
}

// A walk-away map with cells past the exact engine's bound: the study's
// own cell says so, the best cell is the best of those with figures, and
// the panel says why cells are blank.
func TestWalkAwayHoles(t *testing.T) {
	m := &wire.WalkAwayMap{Start: 50000, WinLimits: []int64{2500, 5000}, LossLimits: []int64{2500, 5000},
		PWin: [][]float64{{0.4, 0}, {0.3, 0}}, ExpectedProfit: [][]float64{{-10, 0}, {-12, 0}},
		Own: [2]int{1, 1}, Missing: [][]bool{{false, true}, {false, true}}, Note: "2 of 4 cells of the walk-away map have no exact figures (…)"}
	if a, b := m.Best(); a != 0 || b != 0 {
		t.Errorf("best (%d, %d), want (0, 0)", a, b)
	}
	if s := ownLimitsText(m); !strings.Contains(s, "past the exact engine's state bound") {
		t.Errorf("own: %q", s)
	}
	if s := bestLimitsText(m); !strings.Contains(s, "40.00%") || !strings.Contains(s, "+$25") {
		t.Errorf("best: %q", s)
	}
	if g := m.PWinOrNaN(); !math.IsNaN(g[1][1]) || g[0][0] != 0.4 {
		t.Errorf("grid %v", g)
	}
}

// A newer study's answer does not wait behind a long solve of an older
// one: the exact worker, busy with a study the user has left (and no run
// waits for), is stopped and a fresh one answers the new study — at once
// when the solve has gone on for supersedeAfter, else once it has. A solve
// that a run waits for is let finish. The answers are the exact engine's
// (exact.SolveSession) for each study.
func TestPageNewerStudyStopsLongSolve(t *testing.T) {
	p, ps, e := testPage(t)
	x := ps.exact()
	clock := time.Now()
	p.lab.now = func() time.Time { return clock }
	study := func(win config.Money) *config.Config {
		c := config.Study()
		c.Bankroll.StopConditions.WinLimit = &win
		return c
	}
	wantPWin := func(c *config.Config) float64 {
		_, d, err := sim.ExactDistribution(c)
		if err != nil {
			t.Fatal(err)
		}
		s, err := exact.SolveSession(c, d, nil)
		if err != nil {
			t.Fatal(err)
		}
		return s.PWin
	}
	answered := func(c *config.Config) {
		t.Helper()
		x.release()
		e.ConsumeAll()
		a := p.lab.exact.answer
		if a.Status != done || a.Data.Key != exactKey(c) || a.Data.Session.PWin != wantPWin(c) {
			t.Fatalf("answer %v for %s, want P(win) %v", a.Status, a.Data.Key, wantPWin(c))
		}
	}

	// A solve of one second: the next study stops it at once.
	old, next := study(30000), study(40000)
	x.hold = true
	load(p, e, old)
	gen := x.Gen(0)
	clock = clock.Add(time.Second)
	load(p, e, next)
	if r := p.lab.exact.restarts; r != 1 || x.Gen(0) == gen {
		t.Fatalf("after a newer study: %d restarts, worker generation %d (was %d)", r, x.Gen(0), gen)
	}
	if last := x.sent[len(x.sent)-1]; last.Key != exactKey(next) {
		t.Fatalf("the fresh worker was sent %s", last.Key)
	}
	answered(next)
	if _, ok := p.lab.exact.cache[exactKey(old)]; ok {
		t.Error("the stopped solve answered")
	}

	// A solve just started is let run for supersedeAfter, then stopped.
	old, next = study(50000), study(60000)
	x.hold = true
	load(p, e, old)
	sent := len(x.sent)
	p.ctx.NewActionWithValue(actionLoad, loadRequest{Data: next.CanonicalJSON(), Note: "loaded"})
	e.ConsumeAll() // waits for the check after supersedeAfter
	if r := p.lab.exact.restarts; r != 2 || len(x.sent) != sent+1 || x.sent[sent].Key != exactKey(next) {
		t.Fatalf("%d restarts; sent after the old solve: %v", r, x.sent[sent:])
	}
	answered(next)

	// A solve a played-out run waits for goes on, past supersedeAfter.
	p.lab.now = time.Now
	run := study(70000)
	run.Simulation.NumSessions = 100
	x.hold = true
	load(p, e, run)
	p.ctx.NewAction(actionRun)
	e.ConsumeAll()
	load(p, e, study(80000)) // waits for the check after supersedeAfter
	if r := p.lab.exact.restarts; r != 2 {
		t.Fatalf("a solve a run waits for was stopped (%d restarts)", r)
	}
	x.release()
	e.ConsumeAll()
	if r := p.lab.results; r.Status != done || r.Data.Exact == nil || r.Data.Exact.PWin != wantPWin(run) {
		t.Fatalf("the run's results %v %v", r.Status, r.Err)
	}
}
