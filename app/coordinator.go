package app

import (
	"errors"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/config"
)

// pool is a set of engine workers, each given requests and answering with
// replies (browser_wasm.go: Web Workers; the tests: the engine in process).
type pool interface {
	// Resize starts or stops workers so n remain; a new worker replies
	// "ready" when it takes work.
	Resize(n int)
	// Restart stops every worker at once (the only way to stop a busy Go
	// worker) and starts fresh ones.
	Restart()
	// Gen is worker i's generation: replies of an older one come from a
	// stopped worker and are ignored.
	Gen(i int) int
	Size() int
	Send(i int, r wire.Request)
}

// newPoolFunc starts a pool of workers running the script at url; replies
// come to onReply (on any goroutine) with the generation of their worker.
type newPoolFunc func(url string, onReply func(gen int, ev WorkerEvent)) pool

// workerEvent is a reply as it reaches the coordinator: which pool, which
// generation of the worker.
type workerEvent struct {
	Exact bool // from the exact worker, not the simulation pool
	Gen   int
	Ev    WorkerEvent
}

// study is the study in the editor as the other panels see it.
type study struct {
	Config  *config.Config // nil while the study has problems, or is being checked
	JSON    string         // Config's canonical JSON
	Key     string         // exactKey(Config)
	Pending bool           // its rule expressions are being checked
	// Loaded is set when the study was replaced (a preset, a file, a link,
	// a past run) rather than edited.
	Loaded bool
}

// workerCount is the simulation pool's size, or why the count typed is
// refused (the page then runs nothing).
type workerCount struct {
	N   int
	Err string
}

// coordinator holds what the panels share — the worker pools, the run in
// flight, the exact answers, the history — and sets the states they
// observe. Its methods run on the UI goroutine (as action handlers or
// dispatches), so it needs no locks.
type coordinator struct {
	ctx     goapp.Context
	newPool newPoolFunc
	now     func() time.Time

	study   study
	workers workerCount
	dark    bool

	// The simulation pool and the run or comparison on it.
	pool     pool
	ready    []bool
	job      *Run
	jobState async[*runJob]
	runs     int // runs and comparisons started since the page loaded
	lastDraw time.Time

	results    async[*runResult]
	comparison async[*comparisonView]
	history    []historyEntry

	// A study of many configs: the files picked, the study in flight, the
	// last one shown.
	studyFiles studyFiles
	studyJob   *studyRun
	studies    async[*studyOutcome]

	exact exactWorker

	reportURL string // blob: URL of the last report, revoked when replaced
}

func newCoordinator(newPool newPoolFunc) *coordinator {
	c := &coordinator{newPool: newPool, now: time.Now, workers: workerCount{N: 1}}
	c.exact.now = func() time.Time { return c.now() }
	// The states the page starts in, before the editor publishes its
	// study: the default study, its answer asked for. The panels live at
	// the first render take them as they are created (labPage.Render), so
	// that render is the pre-rendered page's, not a page of empty states
	// that the next frame fills in (a layout shift).
	// (Its JSON and exact key come with the editor's first publish: the
	// first render needs neither, and making them is three passes of
	// encoding/json over the config.)
	c.study = study{Config: config.Study()}
	c.exact.answer = async[*answer]{Status: working}
	return c
}

// mount starts the pools and registers the action handlers; ctx is the
// root component's.
func (c *coordinator) mount(ctx goapp.Context) {
	c.ctx = ctx
	ctx.LocalStorage().Get(historyKey, &c.history)
	var theme string
	ctx.LocalStorage().Get(themeKey, &theme)
	c.dark = theme == "dark" || (theme == "" && prefersDark())
	applyTheme(c.dark)
	c.workers.N = hardwareConcurrency()

	ctx.Handle(actionStudy, c.onStudy)
	ctx.Handle(actionRun, func(ctx goapp.Context, _ goapp.Action) { c.startRun() })
	ctx.Handle(actionCompare, c.onCompare)
	ctx.Handle(actionCancel, func(ctx goapp.Context, _ goapp.Action) { c.cancel() })
	ctx.Handle(actionWorkers, c.onWorkers)
	ctx.Handle(actionWalkAway, c.onWalkAway)
	ctx.Handle(actionShowHistory, c.onShowHistory)
	ctx.Handle(actionClearHistory, c.onClearHistory)
	ctx.Handle(actionComparison, c.onComparisonFile)
	ctx.Handle(actionStudyFiles, c.onStudyFiles)
	ctx.Handle(actionStudyRun, c.onStudyRun)
	ctx.Handle(actionTheme, c.onTheme)
	ctx.Handle(actionWorker, c.onWorker)
	// The pools start after the handlers are in place: a worker's first
	// reply is an action.
	workerJS := ctx.ResolveStaticResource("/web/worker.js")
	c.pool = c.newPool(workerJS, func(gen int, ev WorkerEvent) {
		ctx.NewActionWithValue(actionWorker, workerEvent{Gen: gen, Ev: ev})
	})
	c.exact.pool = c.newPool(workerJS, func(gen int, ev WorkerEvent) {
		ctx.NewActionWithValue(actionWorker, workerEvent{Exact: true, Gen: gen, Ev: ev})
	})
	// The exact worker starts now: the study's answer is its first job.
	// The simulation's workers start once it has answered (or at the first
	// Run), so they do not take the cores from it.
	c.exact.pool.Resize(1)
	c.publishAll()
}

func (c *coordinator) publishAll() {
	c.ctx.SetState(stateWorkers, c.workers)
	c.ctx.SetState(stateDark, c.dark)
	c.ctx.SetState(stateHistory, c.history)
	c.publishRun()
	c.ctx.SetState(stateResults, c.results)
	c.ctx.SetState(stateComparison, c.comparison)
	c.ctx.SetState(stateStudyFiles, c.studyFiles)
	c.ctx.SetState(stateStudies, c.studies)
	c.ctx.SetState(stateAnswer, c.exact.answer)
	c.ctx.SetState(stateWalkAway, c.exact.walkAway)
}

func (c *coordinator) onWorker(ctx goapp.Context, a goapp.Action) {
	e, ok := a.Value.(workerEvent)
	if !ok {
		return
	}
	if e.Exact {
		c.onExact(e.Gen, e.Ev)
		return
	}
	c.onSimWorker(e.Gen, e.Ev)
}

// onStudy takes the editor's study: the run and compare buttons follow it,
// a loaded study brings its worker count, and the exact answer follows it
// (at once for a load, after a pause in the typing for an edit).
func (c *coordinator) onStudy(ctx goapp.Context, a goapp.Action) {
	s, ok := a.Value.(study)
	if !ok {
		return
	}
	c.study = s
	ctx.SetState(stateStudy, s)
	if s.Loaded && s.Config != nil && s.Config.Simulation.Workers > 0 && c.jobState.Status != working {
		c.setWorkers(min(int(s.Config.Simulation.Workers), maxWorkers))
	}
	c.answerStudy(s.Loaded)
}

// maxWorkers bounds the simulation pool.
const maxWorkers = 64

func (c *coordinator) onWorkers(ctx goapp.Context, a goapp.Action) {
	text, _ := a.Value.(string)
	if c.jobState.Status == working {
		return
	}
	n, err := parseWorkers(text)
	if err != nil {
		c.workers.Err = err.Error()
		ctx.SetState(stateWorkers, c.workers)
		return
	}
	c.setWorkers(n)
}

func (c *coordinator) setWorkers(n int) {
	c.workers = workerCount{N: n}
	if c.pool.Size() > 0 {
		c.resizePool(n)
	}
	c.ctx.SetState(stateWorkers, c.workers)
}

// startPool starts the simulation's workers if they are not running.
func (c *coordinator) startPool() {
	if c.pool.Size() != c.workers.N {
		c.resizePool(c.workers.N)
	}
}

func (c *coordinator) resizePool(n int) {
	c.pool.Resize(n)
	for len(c.ready) > n {
		c.ready = c.ready[:len(c.ready)-1]
	}
	for len(c.ready) < n {
		c.ready = append(c.ready, false)
	}
}

func (c *coordinator) onTheme(ctx goapp.Context, _ goapp.Action) {
	c.dark = !c.dark
	applyTheme(c.dark)
	t := "light"
	if c.dark {
		t = "dark"
	}
	ctx.LocalStorage().Set(themeKey, t)
	ctx.SetState(stateDark, c.dark)
}

// themeKey is the localStorage key of the theme chosen.
const themeKey = "lir.theme"

func (c *coordinator) saveHistory() {
	if err := c.ctx.LocalStorage().Set(historyKey, c.history); err != nil {
		// Over quota: keep the summaries, drop the stored documents.
		for i := range c.history {
			c.history[i].Doc = ""
		}
		c.ctx.LocalStorage().Set(historyKey, c.history)
	}
	c.ctx.SetState(stateHistory, c.history)
}

func (c *coordinator) onClearHistory(ctx goapp.Context, _ goapp.Action) {
	c.history = nil
	ctx.LocalStorage().Del(historyKey)
	ctx.SetState(stateHistory, c.history)
}

var errNoSessions = errors.New("no sessions were compared")
