package app

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lir-lab/lir/engine/rulebook"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/compare"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

// phase is where the page is in the life of a run.
type phase int

const (
	phaseIdle phase = iota
	phaseRunning
	phaseDone
	phaseCancelled
	phaseFailed
)

// runResult is a finished run as the page shows it.
type runResult struct {
	Doc     map[string]any
	JSON    []byte
	Seed    string
	Workers int
	Elapsed time.Duration
	Charts  []chartSpec // made a task after the figures show (showResult)
	JSONURL string
	CSVURL  string
	// ReportURL is the self-contained HTML report (engine/report), made
	// for runs of this page load only: a stored document cannot be read
	// back into a results.Document.
	ReportURL string
	ReportErr string
	// WasmMemory is the largest worker WebAssembly memory of the run, bytes.
	WasmMemory int64
	FromPast   bool // restored from history, not run now
	// ExactSession is the exact session outcome under flat betting, or nil
	// (ExactNote then says why, when known).
	ExactSession *wire.ExactSession
	ExactNote    string
	ExactKey     string // the config's exactKey, for its walk-away map; "" for past runs
}

// labPage is the whole lab: editor, run control, results and history.
type labPage struct {
	goapp.Compo

	ed         *editor
	jsonText   string
	jsonDirty  bool
	loadMsg    string // outcome of a share link, import or JSON apply
	loadFailed bool

	workers int
	ready   []bool
	pool    *workerPool

	phase      phase
	statusText string
	runs       int // runs started since the page loaded (data-run on the status)
	run        *Run
	lastDraw   time.Time

	result  *runResult
	history []historyEntry

	comparison    *comparisonView
	comparisonMsg string
	comparisonURL string // the comparison document shown, as a blob: URL
	comparisonSrc string // its file name
	// compareCurrent and comparePresets are the configs picked for the
	// next comparison.
	compareCurrent bool
	comparePresets map[string]bool

	shareURL   string
	dark       bool
	exactCache map[string]*exactEntry
	exactPool  *workerPool // one worker solving configs exactly
	exactReady bool
	exactQueue []exactRequest // asked before the exact worker was ready
	exactAsked map[string]bool
	awaitExact bool   // the run is played out and waits for its exact figures
	reportURL  string // object URL of the last report, revoked when replaced
	ctx        goapp.Context
	preset     int             // the preset the study was loaded from and not edited since; −1 none
	workersErr string          // why the worker count typed is refused; "" when it is valid
	moreOpen   map[string]bool // the "More … options" the user has opened, by section
}

func newLabPage() *labPage {
	p := &labPage{ed: newEditor(), workers: 1, preset: 0, moreOpen: map[string]bool{}} // the default study is preset 0
	p.statusText = "Ready. Press Run to simulate the study."
	return p
}

func (p *labPage) OnMount(ctx goapp.Context) {
	p.ctx = ctx
	if goapp.IsServer {
		return
	}
	var theme string
	ctx.LocalStorage().Get("lir.theme", &theme)
	p.dark = theme == "dark" || (theme == "" && prefersDark())
	applyTheme(p.dark)
	ctx.LocalStorage().Get(historyKey, &p.history)

	setToolsURL(ctx.ResolveStaticResource("/web/tools.js"))
	p.ed.dispatch = func(f func()) { ctx.Dispatch(func(goapp.Context) { f() }) }

	p.workers = hardwareConcurrency()
	p.pool = newWorkerPool(ctx.ResolveStaticResource("/web/worker.js"), func(gen int, ev WorkerEvent) {
		ctx.Dispatch(func(ctx goapp.Context) { p.onWorker(ctx, gen, ev) })
	})
	p.resizePool(p.workers)
	p.exactPool = newWorkerPool(ctx.ResolveStaticResource("/web/worker.js"), func(gen int, ev WorkerEvent) {
		ctx.Dispatch(func(ctx goapp.Context) { p.onExact(ctx, gen, ev) })
	})
	onHashChange(func() { ctx.Dispatch(func(goapp.Context) { p.restoreFromFragment() }) })
	// Fields changed in OnMount are not rendered by themselves: change them
	// in a dispatch, which re-renders, then say the page is live.
	ctx.Dispatch(func(ctx goapp.Context) {
		p.restoreFromFragment()
		ctx.Defer(func(goapp.Context) { markMounted() })
	})
}

// restoreFromFragment loads the config of a share link, if the URL has one.
func (p *labPage) restoreFromFragment() {
	data, err := DecodeShare(locationFragment())
	if errors.Is(err, ErrNoShare) {
		return
	}
	if err != nil {
		p.setLoadMsg(true, "This share link could not be opened: "+err.Error()+". The editor keeps the current config.")
		return
	}
	if err := p.ed.load(data); err != nil {
		p.setLoadMsg(true, "The config in this share link is not valid, so it was not loaded: "+oneLine(err)+".")
		return
	}
	p.afterLoad()
	p.setLoadMsg(false, "Config loaded from the share link.")
}

func (p *labPage) setLoadMsg(failed bool, msg string) { p.loadMsg, p.loadFailed = msg, failed }

func (p *labPage) afterLoad() {
	p.jsonText, p.jsonDirty = p.ed.JSON(), false
	p.preset = -1 // a preset's handler sets it after this
	// Inputs the new config leaves empty, and the items of lists (whose
	// inputs go-app may reuse for other items): see setInputValues.
	values := map[string]string{}
	for _, g := range formGroups {
		for _, f := range g.Fields {
			switch {
			case f.Kind == kindList:
				maps.Copy(values, p.itemInputValues(f))
			case f.Kind != kindBool && f.Kind != kindSelect && p.ed.text[f.Path] == "":
				values[fieldID(f)] = ""
			}
		}
	}
	p.ctx.Defer(func(goapp.Context) { setInputValues(values) })
	if w, ok := getPath(p.ed.tree, "simulation.workers").(json.Number); ok {
		if n, err := strconv.Atoi(w.String()); err == nil && n > 0 && p.phase != phaseRunning {
			p.workers, p.workersErr = min(n, 64), ""
		}
	}
}

func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

func (p *labPage) resizePool(n int) {
	p.pool.Resize(n)
	for len(p.ready) > n {
		p.ready = p.ready[:len(p.ready)-1]
	}
	for len(p.ready) < n {
		p.ready = append(p.ready, false)
	}
}

func (p *labPage) onWorker(ctx goapp.Context, gen int, ev WorkerEvent) {
	if gen != p.pool.Gen(ev.Worker) {
		ctx.PreventUpdate()
		return // a terminated worker
	}
	switch ev.Type {
	case "ready":
		p.ready[ev.Worker] = true
		if p.phase == phaseRunning {
			p.feed(ev.Worker)
		}
		ctx.PreventUpdate()
		return
	case "error":
		if p.phase != phaseRunning {
			p.ready[ev.Worker] = false
			p.statusText = fmt.Sprintf("Worker %d could not start: %s", ev.Worker+1, ev.Message)
			return
		}
	}
	if p.phase != phaseRunning || p.run == nil {
		ctx.PreventUpdate()
		return
	}
	done, err := p.run.Handle(ev)
	switch {
	case err != nil:
		p.fail(err.Error())
	case done:
		p.finish(ctx)
	case ev.Type == "result":
		p.feed(ev.Worker)
	}
	if ev.Type == "progress" && time.Since(p.lastDraw) < 100*time.Millisecond {
		ctx.PreventUpdate()
		return
	}
	p.lastDraw = time.Now()
}

// feed gives idle worker w its next range of sessions.
func (p *labPage) feed(w int) {
	if msg, ok := p.run.Next(w); ok {
		p.pool.Send(w, msg)
	}
}

func (p *labPage) startRun(ctx goapp.Context) {
	if p.phase == phaseRunning || p.ed.cfg == nil || p.workersErr != "" {
		return
	}
	cfg := p.ed.cfg.Clone()
	sessions := int(cfg.Simulation.NumSessions)
	seed, drawn := p.seed()
	// As the CLI does: the document records the seed used, and the worker
	// count, which never changes results, is not part of them.
	cfg.Simulation.RandomSeed = &seed
	cfg.Simulation.Workers = 0
	if p.pool.Size() != p.workers {
		p.resizePool(p.workers)
	}
	p.run = NewRun(cfg, seed, sessions, p.workers, time.Now())
	p.awaitExact = false
	p.requestExact(cfg)
	p.runs++
	p.phase = phaseRunning
	p.result = nil
	how := "seed " + formatSeed(seed)
	if drawn {
		how = "drawn seed " + formatSeed(seed)
	}
	p.statusText = fmt.Sprintf("Running %s sessions on %d workers (%s)…", groupDigits(int64(sessions)), p.workers, how)
	for w, ok := range p.ready {
		if ok {
			p.feed(w)
		}
	}
}

// seed is the config's seed, or a fresh one from crypto randomness.
func (p *labPage) seed() (uint64, bool) {
	if s := p.ed.cfg.Simulation.RandomSeed; s != nil {
		return *s, false
	}
	return drawSeed(), true
}

func drawSeed() uint64 {
	var b [8]byte
	rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// startCompare runs the picked configs on common random numbers, as
// lir compare does, on the worker pool: every range of sessions runs every
// config in one worker (a "compare" message).
func (p *labPage) startCompare(ctx goapp.Context) {
	if p.phase == phaseRunning || p.workersErr != "" {
		return
	}
	var current *config.Config
	if p.compareCurrent {
		if p.ed.cfg == nil {
			p.comparisonMsg = "Fix the problems in the study to compare it."
			return
		}
		current = p.ed.cfg
	}
	var picked []string
	for _, n := range configs.Names() {
		if p.comparePresets[n] {
			picked = append(picked, n)
		}
	}
	drawn := false
	cs, names, seed, sessions, err := planComparison(current, picked, func() uint64 { drawn = true; return drawSeed() })
	if err != nil {
		p.comparisonMsg = err.Error() + "."
		return
	}
	p.comparisonMsg = ""
	if p.pool.Size() != p.workers {
		p.resizePool(p.workers)
	}
	p.run = NewCompareRun(cs, names, seed, sessions, p.workers, time.Now())
	p.awaitExact = false
	p.runs++
	p.phase = phaseRunning
	how := "seed " + formatSeed(seed)
	if drawn {
		how = "drawn seed " + formatSeed(seed)
	}
	p.statusText = fmt.Sprintf("Comparing %d configs on %s table sessions each, on %d workers (%s)…", len(cs), groupDigits(int64(sessions)), p.workers, how)
	for w, ok := range p.ready {
		if ok {
			p.feed(w)
		}
	}
}

// finishCompare builds the comparison document of the merged ranges, as
// lir compare --json does, and shows it.
func (p *labPage) finishCompare() {
	r := p.run
	elapsed := r.Ended.Sub(r.Started)
	if r.MergedCompare == nil {
		p.fail("no sessions were compared")
		return
	}
	if err := compare.CheckExact(r.Compare.Configs, r.Compare.Names, r.MergedCompare); err != nil {
		p.fail(err.Error())
		return
	}
	doc := compare.Build(r.Compare.Configs, r.Compare.Names, r.Seed, r.MergedCompare)
	var hands uint64
	for _, a := range doc.Configs {
		hands += a.Hands
	}
	doc.Timing = &results.Timing{Workers: len(r.Workers), Seconds: elapsed.Seconds(), HandsPerSec: float64(hands) / elapsed.Seconds()}
	data, err := doc.JSON()
	if err != nil {
		p.fail("building the comparison document: " + err.Error())
		return
	}
	if err := p.showComparison("lir-compare-"+formatSeed(r.Seed)+".json", data); err != nil {
		p.fail(err.Error())
		return
	}
	p.run = nil
	p.phase = phaseDone
	p.statusText = fmt.Sprintf("Compared %d configs on %s table sessions each (%s hands) in %.2f s on %d workers. Done",
		len(doc.Configs), groupDigits(int64(r.Sessions)), groupDigits(int64(hands)), elapsed.Seconds(), len(r.Workers))
	p.history = addHistory(p.history, historyEntry{
		ID: strconv.FormatInt(time.Now().UnixNano(), 36), When: time.Now().UTC().Format(time.RFC3339),
		Kind: historyComparison, Names: r.Compare.Names,
		Seed: formatSeed(r.Seed), Sessions: int64(r.Sessions), Hands: int64(hands), Workers: len(r.Workers),
		Seconds: elapsed.Seconds(), Doc: string(data),
	})
	p.saveHistory(p.ctx)
}

// showComparison shows a comparison document and makes it downloadable.
func (p *labPage) showComparison(name string, data []byte) error {
	c, err := parseComparison(data)
	if err != nil {
		return err
	}
	p.comparison, p.comparisonMsg = c, ""
	p.comparisonURL = objectURL(p.comparisonURL, data, "application/json")
	p.comparisonSrc = name
	p.drawComparisonLater()
	return nil
}

func (p *labPage) cancel(ctx goapp.Context) {
	if p.phase != phaseRunning {
		return
	}
	what := "Run"
	if p.run != nil && p.run.Compare != nil {
		what = "Comparison"
	}
	p.stopWorkers()
	p.phase = phaseCancelled
	p.statusText = what + " stopped; its partial figures were discarded. Cancelled"
}

func (p *labPage) fail(reason string) {
	p.stopWorkers()
	p.phase = phaseFailed
	p.statusText = "Failed: " + reason
}

// stopWorkers terminates every worker (the only way to stop a busy Go
// worker) and starts fresh ones for the next run.
func (p *labPage) stopWorkers() {
	p.run = nil
	p.awaitExact = false
	p.pool.Restart()
	for i := range p.ready {
		p.ready[i] = false
	}
}

func (p *labPage) finish(ctx goapp.Context) {
	r := p.run
	if r.Ended.IsZero() {
		r.Ended = time.Now()
	}
	if r.Compare != nil {
		p.finishCompare()
		return
	}
	elapsed := r.Ended.Sub(r.Started)
	ent, ok := p.exactCache[exactKey(r.Config)]
	if !ok {
		// The exact worker has not answered yet: finish when it does.
		p.awaitExact = true
		p.requestExact(r.Config)
		p.statusText = fmt.Sprintf("All %s sessions played in %.2f s; computing the exact figures in a worker…", groupDigits(int64(r.Sessions)), elapsed.Seconds())
		return
	}
	p.awaitExact = false
	if ent.Err != "" {
		p.fail("exact comparison: " + ent.Err)
		return
	}
	if err := sim.CheckExact(r.Merged, int64(r.Config.Bankroll.StartingAmount), 0); err != nil {
		p.fail(err.Error())
		return
	}
	doc := results.Build(r.Config, r.Seed, r.Merged)
	if ent.Exact != nil {
		doc.Compare(r.Merged, ent.Exact)
	} else {
		doc.ExactOmitted = ent.Omitted
	}
	doc.Timing = &results.Timing{Workers: len(r.Workers), Seconds: elapsed.Seconds(), HandsPerSec: float64(doc.Hands) / elapsed.Seconds()}
	data, err := doc.JSON()
	if err != nil {
		p.fail("building the results document: " + err.Error())
		return
	}
	res, err := p.showResult(data, formatSeed(r.Seed), len(r.Workers), elapsed)
	if err != nil {
		p.fail(err.Error())
		return
	}
	res.ExactSession, res.ExactNote, res.ExactKey = ent.Session, ent.Note, exactKey(r.Config)
	res.WasmMemory = r.WasmMemory
	// The report (ECharts inlined, ~1.3 MB) is made in a later task, so
	// the results show first.
	go func() {
		yieldToBrowser()
		p.ctx.Dispatch(func(goapp.Context) {
			if p.result == res {
				p.attachReport(res, doc)
			}
		})
	}()
	p.run = nil
	p.phase = phaseDone
	sessions, hands := num(res.Doc["sessions"]), num(res.Doc["hands"])
	p.statusText = fmt.Sprintf("Finished %s sessions (%s hands) in %.2f s on %d workers. Done",
		groupDigits(int64(sessions)), groupDigits(int64(hands)), elapsed.Seconds(), len(r.Workers))

	o, _ := res.Doc["session_outcomes"].(map[string]any)
	winRate := 0.0
	if n := num(res.Doc["player_sessions"]); n > 0 && o != nil {
		winRate = num(o["win"]) / n
	}
	p.history = addHistory(p.history, historyEntry{
		ID: strconv.FormatInt(time.Now().UnixNano(), 36), When: time.Now().UTC().Format(time.RFC3339),
		Name: r.Config.Metadata.Name,
		Seed: res.Seed, Sessions: int64(sessions), Hands: int64(hands), EV: num(res.Doc["ev_per_hand"]),
		WinRate: winRate, Workers: res.Workers, Seconds: elapsed.Seconds(),
		Config: string(r.Config.CanonicalJSON()), Doc: string(data),
	})
	p.saveHistory(ctx)
}

// exactEntry is a config's exact solution as the exact worker sent it.
type exactEntry struct {
	Exact   *results.Exact
	Err     string // no exact distribution: runs of this config fail
	Session *wire.ExactSession
	Note    string
	Omitted string // the exact engine does not cover the config: runs go on without exact figures
	// WalkAway is a walk-away map (entries whose key has walkAwayPrefix).
	WalkAway *wire.WalkAwayMap
}

type exactRequest struct {
	key, config string
	walkAway    bool
}

// walkAwayPrefix starts the key of a walk-away map in exactCache: the
// prefix, then the config's exactKey.
const walkAwayPrefix = "walkaway:"

// exactKey identifies a config for the exact engine: the seed does not
// change its answer.
func exactKey(c *config.Config) string {
	k := c.Clone()
	k.Simulation.RandomSeed = nil
	return string(k.CanonicalJSON())
}

// requestExact asks the exact worker to solve c (about a second for the
// exact hand distribution, more for long sessions' Markov chain), unless it
// is solved or asked already. The run's workers play meanwhile.
func (p *labPage) requestExact(c *config.Config) {
	p.askExact(exactRequest{key: exactKey(c), config: string(c.CanonicalJSON())})
}

// requestWalkAway asks the exact worker for the walk-away map of the
// config whose exactKey is key (a few seconds: 400 Markov chains).
func (p *labPage) requestWalkAway(key string) {
	p.askExact(exactRequest{key: walkAwayPrefix + key, config: key, walkAway: true})
}

func (p *labPage) askExact(req exactRequest) {
	if _, ok := p.exactCache[req.key]; ok || p.exactAsked[req.key] {
		return
	}
	if p.exactAsked == nil {
		p.exactAsked = map[string]bool{}
	}
	p.exactAsked[req.key] = true
	if p.exactPool.Size() == 0 {
		p.exactPool.Resize(1)
	}
	if !p.exactReady {
		p.exactQueue = append(p.exactQueue, req)
		return
	}
	p.exactPool.SendExact(0, req.key, req.config, req.walkAway)
}

func (p *labPage) onExact(ctx goapp.Context, gen int, ev WorkerEvent) {
	if gen != p.exactPool.Gen(0) {
		ctx.PreventUpdate()
		return
	}
	switch ev.Type {
	case "ready":
		p.exactReady = true
		for _, req := range p.exactQueue {
			p.exactPool.SendExact(0, req.key, req.config, req.walkAway)
		}
		p.exactQueue = nil
		ctx.PreventUpdate()
		return
	case "exact":
		reply, err := wire.DecodeExact(ev.Reply)
		if err != nil {
			return
		}
		p.storeExact(reply)
	case "error":
		// The exact worker failed: every config it was asked about fails,
		// and a fresh worker takes later questions.
		for key := range p.exactAsked {
			p.storeExact(&wire.ExactReply{Key: key, Error: "exact worker: " + ev.Message})
		}
		p.exactReady, p.exactQueue = false, nil
		p.exactPool.Restart()
	default:
		ctx.PreventUpdate()
		return
	}
	if p.awaitExact && p.run != nil && p.phase == phaseRunning {
		p.finish(ctx)
	}
}

func (p *labPage) storeExact(r *wire.ExactReply) {
	delete(p.exactAsked, r.Key)
	if p.exactCache == nil {
		p.exactCache = map[string]*exactEntry{}
	}
	if strings.HasPrefix(r.Key, walkAwayPrefix) {
		p.exactCache[r.Key] = &exactEntry{Err: r.Error, Note: r.SessionNote, WalkAway: r.WalkAway}
		if res := p.result; res != nil && r.WalkAway != nil && walkAwayPrefix+res.ExactKey == r.Key {
			res.Charts = append(res.Charts, walkAwayChart(r.WalkAway))
			p.drawChartsLater()
		}
		return
	}
	ent := &exactEntry{Err: r.Error, Session: r.Session, Note: r.SessionNote, Omitted: r.Omitted}
	if r.Error == "" && r.Dist != nil {
		c, err := config.DecodeJSON([]byte(r.Key))
		if err != nil {
			ent.Err = err.Error()
		} else {
			pt := sim.MainPaytable(c)
			ent.Exact = &results.Exact{Dist: r.Dist, Main: r.Dist.NetUnits(&pt), Moment2: r.Dist.Moment2Units(&pt)}
		}
	} else if ent.Err == "" && ent.Omitted == "" {
		ent.Err = "no exact distribution"
	}
	if p.exactCache == nil {
		p.exactCache = map[string]*exactEntry{}
	}
	p.exactCache[r.Key] = ent
}

func (p *labPage) saveHistory(ctx goapp.Context) {
	if err := ctx.LocalStorage().Set(historyKey, p.history); err != nil {
		// Over quota: keep the summaries, drop the stored documents.
		for i := range p.history {
			p.history[i].Doc = ""
		}
		ctx.LocalStorage().Set(historyKey, p.history)
	}
}

// showResult parses a results document and prepares its figures, charts and
// downloads.
func (p *labPage) showResult(data []byte, seed string, workers int, elapsed time.Duration) (*runResult, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading the results document: %v", err)
	}
	res := &runResult{Doc: doc, JSON: data, Seed: seed, Workers: workers, Elapsed: elapsed}
	old := p.result
	var oldJSON, oldCSV string
	if old != nil {
		oldJSON, oldCSV = old.JSONURL, old.CSVURL
	}
	res.JSONURL = objectURL(oldJSON, data, "application/json")
	res.CSVURL = objectURL(oldCSV, resultsCSV(doc), "text/csv")
	p.result = res
	// The charts' options (tens of milliseconds of reflection-driven JSON
	// in WebAssembly) are made in a later task, so the figures show first;
	// the charts are then drawn one per task.
	go func() {
		yieldToBrowser()
		p.ctx.Dispatch(func(goapp.Context) {
			if p.result == res {
				res.Charts = buildCharts(doc)
				if ent := p.exactCache[walkAwayPrefix+res.ExactKey]; res.ExactKey != "" && ent != nil && ent.WalkAway != nil {
					res.Charts = append(res.Charts, walkAwayChart(ent.WalkAway))
				}
				p.drawChartsLater()
			}
		})
	}()
	return res, nil
}

// attachReport renders the HTML report of doc, ECharts inlined so that it
// opens offline, and makes it downloadable. The ECharts source is the
// site's own copy (cached by the service worker), not one embedded in
// app.wasm.
func (p *labPage) attachReport(res *runResult, doc *results.Document) {
	fetchText(p.ctx.ResolveStaticResource("/web/echarts.min.js"), func(echartsJS []byte, errText string) {
		p.ctx.Dispatch(func(goapp.Context) {
			if errText != "" {
				res.ReportErr = "reading ECharts for the report: " + errText
				return
			}
			html, err := report.HTML(doc, echartsJS)
			if err != nil {
				res.ReportErr = err.Error()
				return
			}
			if p.result != res {
				return // another result replaced this one meanwhile
			}
			res.ReportURL = objectURL(p.reportURL, html, "text/html")
			p.reportURL = res.ReportURL
		})
	})
}

// drawChartsLater draws the results' charts once the page has rendered
// their elements; drawComparisonLater the comparison's.
func (p *labPage) drawChartsLater() {
	if p.result != nil {
		charts, dark := p.result.Charts, p.dark
		p.ctx.Defer(func(goapp.Context) { drawCharts("result-charts", charts, dark) })
	}
}

func (p *labPage) drawComparisonLater() {
	if p.comparison != nil {
		charts, dark := p.comparison.Charts, p.dark
		p.ctx.Defer(func(goapp.Context) { drawCharts("comparison-charts", charts, dark) })
	}
}

// renderCharts lays out charts, each with its Save image button; holder
// is the id drawCharts is given.
func (p *labPage) renderCharts(holder string, specs []chartSpec) goapp.UI {
	return goapp.Div().ID(holder).Class("charts").DataSet("charts", len(specs)).Body(goapp.Range(specs).Slice(func(i int) goapp.UI {
		c := specs[i]
		return goapp.Figure().Body(
			goapp.Div().ID(c.ID).Class("chart").Role("img").Aria("label", c.Title),
			// The chart's own save icon is drawn on its canvas, out of
			// reach of the keyboard; this button is not.
			goapp.Button().Class("save-chart").Aria("label", "Save image: "+c.Title).Text("Save image").
				OnClick(func(goapp.Context, goapp.Event) { saveChartImage(c.ID, p.dark) }),
		)
	}))
}

func (p *labPage) showHistory(ctx goapp.Context, i int) {
	if i >= len(p.history) || p.phase == phaseRunning {
		return
	}
	h := p.history[i]
	if h.Kind == historyComparison {
		if h.Doc == "" {
			p.setLoadMsg(true, "The document of this comparison was too large to keep.")
		} else if err := p.showComparison("lir-compare-"+h.Seed+".json", []byte(h.Doc)); err != nil {
			p.setLoadMsg(true, "This comparison no longer loads: "+oneLine(err)+".")
		} else {
			p.setLoadMsg(false, fmt.Sprintf("Comparison of %s shown under Comparison (seed %s).", h.When, h.Seed))
		}
		return
	}
	if err := p.ed.load([]byte(h.Config)); err != nil {
		p.setLoadMsg(true, "The config of this past run no longer loads: "+oneLine(err)+".")
	} else {
		p.afterLoad()
		p.setLoadMsg(false, fmt.Sprintf("Config of the run of %s loaded (seed %s).", h.When, h.Seed))
	}
	if h.Doc != "" {
		if res, err := p.showResult([]byte(h.Doc), h.Seed, h.Workers, time.Duration(h.Seconds*float64(time.Second))); err == nil {
			res.FromPast = true
		}
	}
}

func (p *labPage) share(ctx goapp.Context) {
	if p.ed.cfg == nil {
		return
	}
	frag := EncodeShare(p.ed.cfg.CanonicalJSON())
	replaceFragment(frag)
	p.shareURL = pageURLWithoutFragment() + "#" + frag
	copyToClipboard(p.shareURL)
}

func (p *labPage) toggleTheme(ctx goapp.Context) {
	p.dark = !p.dark
	applyTheme(p.dark)
	t := "light"
	if p.dark {
		t = "dark"
	}
	ctx.LocalStorage().Set("lir.theme", t)
	p.drawChartsLater()
	p.drawComparisonLater()
}

func (p *labPage) Render() goapp.UI {
	return goapp.Div().Class("lab").Body(
		goapp.A().Class("skip").Href("#run").Text("Skip to run controls"),
		goapp.Header().Class("top").Body(
			goapp.H1().Text("Let It Ride strategy lab"),
			goapp.Button().Class("theme").
				Aria("pressed", strconv.FormatBool(p.dark)).
				OnClick(func(ctx goapp.Context, e goapp.Event) { p.toggleTheme(ctx) }).
				Text("Dark theme"),
		),
		goapp.Main().Class("grid").Body(
			p.renderEditor(),
			goapp.Div().Class("side").Body(
				p.renderRun(),
				p.renderResults(),
				p.renderComparison(),
				p.renderHistory(),
			),
		),
	)
}

func (p *labPage) renderEditor() goapp.UI {
	return goapp.Section().Class("card editor").Aria("labelledby", "study-h").Body(
		goapp.H2().ID("study-h").Text("Study"),
		// The message comes and goes inside a holder that stays, so the
		// controls after it keep their elements (go-app matches children by
		// position: a new child before the preset list would replace it,
		// losing its selection and focus).
		goapp.Div().ID("load-msg-box").Body(
			goapp.If(p.loadMsg != "", func() goapp.UI {
				role, class := "status", "note ok"
				if p.loadFailed {
					role, class = "alert", "note bad"
				}
				return goapp.P().ID("load-msg").Role(role).Class(class).Text(p.loadMsg)
			}),
		),
		goapp.Div().Class("row").Body(
			goapp.Label().For("preset").Text("Preset"),
			goapp.Select().ID("preset").
				OnChange(func(ctx goapp.Context, e goapp.Event) {
					key := ctx.JSSrc().Get("value").String()
					i := slices.IndexFunc(presets, func(p preset) bool { return p.Key == key })
					if i < 0 {
						// The placeholder is no study: the list goes back to
						// the preset loaded, if the study still is one.
						if p.preset >= 0 {
							k := presets[p.preset].Key
							ctx.Defer(func(goapp.Context) { setInputValues(map[string]string{"preset": k}) })
						}
						return
					}
					if err := p.ed.applyPreset(i); err != nil {
						p.setLoadMsg(true, "Preset failed: "+oneLine(err))
						return
					}
					p.afterLoad()
					p.preset = i
					p.setLoadMsg(false, "Preset loaded: "+presets[i].Title+". "+presets[i].About)
				}).
				Body(
					goapp.Option().Value("none").Selected(p.preset < 0).Text("Choose a preset…"),
					goapp.Range(presets).Slice(func(i int) goapp.UI {
						return goapp.Option().Value(presets[i].Key).Selected(i == p.preset).Title(presets[i].About).Text(presets[i].Title)
					}),
				),
		),
		goapp.Range(formGroups).Slice(func(i int) goapp.UI {
			g := formGroups[i]
			var main, more []field
			for _, f := range g.Fields {
				if f.Main {
					main = append(main, f)
				} else {
					more = append(more, f)
				}
			}
			return goapp.FieldSet().Body(
				goapp.Legend().Text(g.Title),
				goapp.Range(main).Slice(func(j int) goapp.UI { return p.renderField(main[j]) }),
				goapp.If(len(more) > 0, func() goapp.UI {
					shown := 0
					for _, f := range more {
						if p.visible(f) {
							shown++
						}
					}
					// Open while the user keeps it open, or while it holds a
					// problem; fixing the problem must not close it under the
					// user's typing.
					return goapp.Details().Class("more").Hidden(shown == 0).Open(p.moreOpen[g.Key] || p.moreHasProblem(more)).
						OnToggle(func(ctx goapp.Context, e goapp.Event) {
							open := ctx.JSSrc().Get("open").Bool()
							if open == p.moreOpen[g.Key] {
								ctx.PreventUpdate()
								return
							}
							p.moreOpen[g.Key] = open
						}).Body(
						goapp.Summary().Text(fmt.Sprintf("More %s options (%d)", strings.ToLower(g.Title), shown)),
						goapp.Range(more).Slice(func(j int) goapp.UI { return p.renderField(more[j]) }),
					)
				}),
			)
		}),
		goapp.If(len(p.ed.other) > 0, func() goapp.UI {
			return goapp.Div().Role("alert").Class("note bad").Body(
				goapp.P().Text("Problems in options not shown in the form:"),
				goapp.Ul().Body(goapp.Range(p.ed.other).Slice(func(i int) goapp.UI { return goapp.Li().Text(p.ed.other[i]) })),
			)
		}),
		goapp.Details().OnToggle(func(ctx goapp.Context, e goapp.Event) {
			if ctx.JSSrc().Get("open").Bool() {
				p.ed.needYAML() // the YAML export is in view
			}
		}).Body(
			goapp.Summary().Text("All options (config as JSON or YAML)"),
			goapp.Label().For("config-json").Text("Config as JSON (or paste YAML): every option of the schema"),
			goapp.Textarea().ID("config-json").Rows(16).Spellcheck(false).
				Text(p.jsonBoxText()).
				OnInput(func(ctx goapp.Context, e goapp.Event) {
					p.jsonText, p.jsonDirty = ctx.JSSrc().Get("value").String(), true
					ctx.PreventUpdate()
				}),
			goapp.Div().Class("row").Body(
				goapp.Button().ID("apply-json").Text("Apply").OnClick(func(ctx goapp.Context, e goapp.Event) {
					if len(p.jsonText) > MaxShareConfig {
						p.setLoadMsg(true, "The JSON is larger than 256 KiB.")
						return
					}
					name := "config.json"
					if t := strings.TrimSpace(p.jsonText); t != "" && t[0] != '{' {
						name = "config.yaml" // the box takes YAML too
					}
					p.ed.loadFile(name, []byte(p.jsonText), func(err error) {
						if err != nil {
							p.setLoadMsg(true, "The config was not applied: "+oneLine(err)+".")
							return
						}
						p.afterLoad()
						p.setLoadMsg(false, "Config applied.")
					})
				}),
				goapp.Label().For("import").Class("button").Text("Import config (YAML or JSON)…"),
				goapp.Input().ID("import").Class("visually-hidden").Type("file").Accept(".yaml,.yml,.json,application/json,application/yaml,text/yaml").
					OnChange(func(ctx goapp.Context, e goapp.Event) {
						readFileInput("import", func(name string, data []byte, errText string) {
							ctx.Dispatch(func(goapp.Context) {
								switch {
								case errText != "":
									p.setLoadMsg(true, name+" could not be read: "+errText+".")
								default:
									p.ed.loadFile(name, data, func(err error) {
										if err != nil {
											p.setLoadMsg(true, name+" was not loaded: "+oneLine(err)+".")
											return
										}
										p.afterLoad()
										p.setLoadMsg(false, name+" loaded.")
									})
								}
							})
						})
					}),
				goapp.If(p.ed.cfg != nil, func() goapp.UI {
					return goapp.A().ID("export-json").Class("button").Download("lir-config.json").
						Href("data:application/json;charset=utf-8," + url.PathEscape(p.ed.JSON())).
						Text("Export config (JSON)")
				}),
				goapp.If(p.ed.YAML() != "", func() goapp.UI {
					return goapp.A().ID("export-yaml").Class("button").Download("lir-config.yaml").
						Href("data:application/yaml;charset=utf-8," + url.PathEscape(p.ed.YAML())).
						Text("Export config (YAML)")
				}).ElseIf(p.ed.cfg != nil, func() goapp.UI {
					return goapp.Button().Disabled(true).Text("Preparing the YAML…")
				}),
			),
		),
		goapp.Div().Class("row share").Body(
			goapp.Button().ID("share").Disabled(p.ed.cfg == nil).Text("Copy share link").
				OnClick(func(ctx goapp.Context, e goapp.Event) { p.share(ctx) }),
			goapp.If(p.shareURL != "", func() goapp.UI {
				return goapp.Div().Class("grow").Body(
					goapp.Label().For("share-url").Text("Share link"),
					goapp.Input().ID("share-url").Type("text").ReadOnly(true).Value(p.shareURL),
				)
			}),
		),
	)
}

// visible reports whether a field is shown: one of a section's variants
// only while selected, or while it has a problem. Hidden fields keep their
// elements (hidden attribute), so go-app never moves one field's element to
// another.
func (p *labPage) visible(f field) bool {
	return f.WhenPath == "" || p.ed.text[f.WhenPath] == f.WhenValue || p.hasProblem(f)
}

// hasProblem reports whether field f, or an item of list f, has a problem.
func (p *labPage) hasProblem(f field) bool {
	if p.ed.problems[f.Path] != "" {
		return true
	}
	if f.Kind == kindList {
		for path, msg := range p.ed.problems {
			if msg != "" && strings.HasPrefix(path, f.Path+"[") {
				return true
			}
		}
	}
	return false
}

func (p *labPage) moreHasProblem(fs []field) bool {
	return slices.ContainsFunc(fs, p.hasProblem)
}

func (p *labPage) jsonBoxText() string {
	if p.jsonDirty {
		return p.jsonText
	}
	return p.ed.JSON()
}

// onFieldInput handles input in any form field. The field comes from the
// element's data-path, not from a closure: go-app keeps the first handler of
// a reused element when the new one is the same function literal, so a
// closure over the field would go stale when the form's layout shifts.
func (p *labPage) onFieldInput(ctx goapp.Context, e goapp.Event) {
	src := ctx.JSSrc()
	f, ok := fieldByPath(src.Get("dataset").Get("path").String())
	if !ok {
		return
	}
	v := src.Get("value").String()
	if f.Kind == kindBool {
		v = strconv.FormatBool(src.Get("checked").Bool())
	}
	p.ed.set(f, v)
	p.preset = -1 // the study is no longer the preset
}

// fieldID is the element id of a form field's control.
func fieldID(f field) string { return "f-" + strings.ReplaceAll(f.Path, ".", "-") }

// itemInputID is the element id of field sub of item i of list f.
func itemInputID(f field, i int, sub field) string {
	return fmt.Sprintf("%s-%d-%s", fieldID(f), i, sub.Path)
}

// itemInputValues are the texts of list f's item inputs by element id.
func (p *labPage) itemInputValues(f field) map[string]string {
	out := map[string]string{}
	for i := range p.ed.items(f) {
		for _, sub := range f.Elem {
			if sub.Kind != kindSelect && sub.Kind != kindBool {
				out[itemInputID(f, i, sub)] = p.ed.text[itemPath(f.Path, i, sub.Path)]
			}
		}
	}
	return out
}

// renderList edits a list of the config (custom rules, profit tiers): a
// row of fields per item, each with its own problem, Remove per item and
// Add at the end.
func (p *labPage) renderList(f field) goapp.UI {
	noun := "item"
	switch {
	case strings.HasSuffix(f.Path, "_rules"):
		noun = "rule"
	case strings.HasSuffix(f.Path, "_tiers"):
		noun = "tier"
	}
	items := p.ed.items(f)
	changed := func() {
		values := p.itemInputValues(f)
		p.ctx.Defer(func(goapp.Context) { setInputValues(values) })
	}
	return goapp.FieldSet().ID(fieldID(f)).Class("list").Hidden(!p.visible(f)).Body(
		goapp.Legend().Text(f.Label),
		goapp.Small().Class("help").Text(f.Help),
		goapp.Range(items).Slice(func(i int) goapp.UI {
			return goapp.Div().Class("item").Body(
				goapp.Range(f.Elem).Slice(func(j int) goapp.UI { return p.renderItemField(f, i, f.Elem[j], noun) }),
				goapp.Button().Class("remove").Aria("label", fmt.Sprintf("Remove %s %d", noun, i+1)).Text("Remove").
					OnClick(func(goapp.Context, goapp.Event) {
						p.ed.removeItem(f, i)
						p.preset = -1
						changed()
					}),
			)
		}),
		goapp.Button().Class("add").Text("Add "+noun).Aria("label", "Add "+noun+": "+f.Label).
			OnClick(func(goapp.Context, goapp.Event) {
				p.ed.addItem(f)
				p.preset = -1
				changed()
			}),
	)
}

func (p *labPage) renderItemField(f field, i int, sub field, noun string) goapp.UI {
	id := itemInputID(f, i, sub)
	path := itemPath(f.Path, i, sub.Path)
	problem := p.ed.problems[path]
	text := p.ed.text[path]
	onInput := func(ctx goapp.Context, e goapp.Event) {
		p.ed.setItem(f, i, sub, ctx.JSSrc().Get("value").String())
		p.preset = -1
	}
	var control goapp.UI
	if sub.Kind == kindSelect {
		control = goapp.Select().ID(id).Aria("invalid", strconv.FormatBool(problem != "")).OnChange(onInput).Body(
			goapp.Range(sub.Options).Slice(func(k int) goapp.UI {
				return goapp.Option().Value(sub.Options[k]).Selected(sub.Options[k] == text).Text(sub.Options[k])
			}),
		)
	} else {
		control = goapp.Input().ID(id).Type("text").Attr("autocomplete", "off").Spellcheck(false).Value(text).
			Aria("invalid", strconv.FormatBool(problem != "")).Aria("describedby", id+"-err").OnInput(onInput)
	}
	return goapp.Div().Class("field item-"+sub.Path).Body(
		goapp.Label().For(id).Text(fmt.Sprintf("%s (%s %d)", humanize(sub.Path), noun, i+1)),
		control,
		goapp.Small().ID(id+"-err").Class("error").Text(problem),
	)
}

func (p *labPage) renderField(f field) goapp.UI {
	if f.Kind == kindList {
		return p.renderList(f)
	}
	id := fieldID(f)
	problem := p.ed.problems[f.Path]
	text := p.ed.text[f.Path]
	var described []string
	if f.Help != "" {
		described = append(described, id+"-help")
	}
	if problem != "" {
		described = append(described, id+"-err")
	}
	onInput := p.onFieldInput
	var control goapp.UI
	switch f.Kind {
	case kindBool:
		control = goapp.Input().ID(id).Type("checkbox").Checked(text == "true").DataSet("path", f.Path).
			Aria("describedby", strings.Join(described, " ")).OnChange(onInput)
	case kindSelect:
		opts := f.Options
		found := false
		for _, o := range opts {
			found = found || o == text
		}
		if !found {
			opts = append([]string{text}, opts...)
		}
		control = goapp.Select().ID(id).DataSet("path", f.Path).Aria("describedby", strings.Join(described, " ")).
			Aria("invalid", strconv.FormatBool(problem != "")).OnChange(onInput).Body(
			goapp.Range(opts).Slice(func(i int) goapp.UI {
				return goapp.Option().Value(opts[i]).Selected(opts[i] == text).Text(opts[i])
			}),
		)
	default:
		mode := "decimal"
		if f.Kind == kindInt || f.Kind == kindOptInt || f.Kind == kindSeed {
			mode = "numeric"
		}
		control = goapp.Input().ID(id).DataSet("path", f.Path).Type("text").Attr("inputmode", mode).Attr("autocomplete", "off").
			Value(text).Aria("describedby", strings.Join(described, " ")).
			Aria("invalid", strconv.FormatBool(problem != "")).OnInput(onInput)
	}
	return goapp.Div().Class("field").Hidden(!p.visible(f)).Body(
		goapp.Label().For(id).Text(f.Label),
		control,
		goapp.If(f.Help != "", func() goapp.UI { return goapp.Small().ID(id + "-help").Class("help").Text(f.Help) }),
		goapp.If(problem != "", func() goapp.UI { return goapp.Small().ID(id + "-err").Class("error").Text(problem) }),
	)
}

func (p *labPage) renderRun() goapp.UI {
	running := p.phase == phaseRunning
	var done int
	var hands int64
	var elapsed time.Duration
	sessions := 0
	if p.run != nil {
		done, hands = p.run.Progress()
		elapsed = time.Since(p.run.Started)
		sessions = p.run.Sessions
	}
	return goapp.Section().ID("run").Class("card").Aria("labelledby", "run-h").Body(
		goapp.H2().ID("run-h").Text("Run"),
		goapp.Div().Class("row").Body(
			goapp.Label().For("workers").Text("Workers"),
			goapp.Input().ID("workers").Type("number").Min(1).Max(64).Value(p.workers).Disabled(running).
				Aria("describedby", "workers-help workers-err").Aria("invalid", strconv.FormatBool(p.workersErr != "")).
				OnChange(func(ctx goapp.Context, e goapp.Event) {
					if p.phase == phaseRunning {
						return
					}
					v := strings.TrimSpace(ctx.JSSrc().Get("value").String())
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 || n > 64 {
						p.workersErr = fmt.Sprintf("%q is not allowed; give a whole number of workers from 1 to 64.", v)
						return
					}
					p.workersErr = ""
					p.workers = n
					p.resizePool(n)
				}),
			goapp.Small().ID("workers-help").Class("help").Text("Web Workers running the engine; defaults to the cores this device reports."),
			goapp.Small().ID("workers-err").Class("error").Text(p.workersErr),
		),
		goapp.Div().Class("row").Body(
			goapp.Button().ID("run-button").Class("primary").Text("Run").Disabled(running || p.ed.cfg == nil || p.workersErr != "").
				OnClick(func(ctx goapp.Context, e goapp.Event) { p.startRun(ctx) }),
			goapp.Button().ID("cancel-button").Text("Cancel").Disabled(!running).
				OnClick(func(ctx goapp.Context, e goapp.Event) { p.cancel(ctx) }),
			goapp.If(p.ed.pending, func() goapp.UI {
				return goapp.Small().Class("help").Text("Checking the rule expressions…")
			}).ElseIf(p.ed.cfg == nil, func() goapp.UI {
				return goapp.Small().Class("error").Text("Fix the problems in the study to run it.")
			}).ElseIf(p.workersErr != "", func() goapp.UI {
				return goapp.Small().Class("error").Text("Fix the worker count to run.")
			}),
		),
		goapp.P().ID("status").Role("status").Aria("live", "polite").DataSet("run", p.runs).Class("status").Text(p.statusText),
		goapp.If(running, func() goapp.UI {
			pct := 0.0
			if sessions > 0 {
				pct = 100 * float64(done) / float64(sessions)
			}
			left := "estimating…"
			if done > 0 {
				left = eta(time.Duration(float64(elapsed) * float64(sessions-done) / float64(done)))
			}
			return goapp.Div().Class("progress").Body(
				goapp.Progress().ID("overall").Max(sessions).Value(done).Aria("label", "Overall progress"),
				goapp.P().Text(fmt.Sprintf("%.0f%% · %s of %s sessions · %s hands/s · %s left",
					pct, groupDigits(int64(done)), groupDigits(int64(sessions)), rate(float64(hands)/max(elapsed.Seconds(), 1e-3)), left)),
				goapp.Div().Class("scroll").Body(goapp.Table().Class("workers").Body(
					goapp.Caption().Text("Progress per worker"),
					goapp.THead().Body(goapp.Tr().Body(
						goapp.Th().Scope("col").Text("Worker"), goapp.Th().Scope("col").Text("Sessions"),
						goapp.Th().Scope("col").Text("Hands"), goapp.Th().Scope("col").Text("Hands/s"),
						goapp.Th().Scope("col").Text("State"),
					)),
					goapp.TBody().Body(goapp.Range(p.run.Workers).Slice(func(i int) goapp.UI {
						w := p.run.Workers[i]
						state := "idle"
						switch {
						case w.Busy:
							state = fmt.Sprintf("sessions %s–%s", groupDigits(int64(w.current.From)), groupDigits(int64(w.current.To-1)))
						case !p.ready[i]:
							state = "starting"
						}
						return goapp.Tr().Body(
							goapp.Td().Text(strconv.Itoa(i+1)),
							goapp.Td().Text(groupDigits(int64(w.Sessions))),
							goapp.Td().Text(groupDigits(w.Hands)),
							goapp.Td().Text(rate(float64(w.Hands)/max(elapsed.Seconds(), 1e-3))),
							goapp.Td().Text(state),
						)
					})),
				)),
			)
		}),
	)
}

func (p *labPage) renderResults() goapp.UI {
	r := p.result
	if r == nil {
		return goapp.Section().ID("results").Class("card").Aria("labelledby", "results-h").Body(
			goapp.H2().ID("results-h").Text("Results"),
			goapp.P().Class("muted").Text("No results yet."),
		)
	}
	d := r.Doc
	rows := [][2]string{
		{"Seed", r.Seed},
		{"Sessions", groupDigits(int64(num(d["sessions"])))},
		{"Hands", groupDigits(int64(num(d["hands"])))},
	}
	if o, ok := d["session_outcomes"].(map[string]any); ok {
		// Outcomes are of player sessions (seats × table sessions).
		n := num(d["player_sessions"])
		if n == 0 {
			n = num(d["sessions"])
		}
		w := num(o["win"])
		lo, hi := wilson(w, n)
		if wr, ok := d["session_win_rate"].(map[string]any); ok {
			lo, hi = num(wr["ci95_low"]), num(wr["ci95_high"])
		}
		won := "Sessions won / lost / pushed"
		if n != num(d["sessions"]) {
			// Several seats: one table session holds a player session per
			// seat (and more when players are replaced).
			won = "Player sessions won / lost / pushed"
			rows = append(rows, [2]string{"Player sessions", groupDigits(int64(n))})
		}
		rows = append(rows,
			[2]string{won, fmt.Sprintf("%s / %s / %s", groupDigits(int64(w)), groupDigits(int64(num(o["loss"]))), groupDigits(int64(num(o["push"]))))},
			[2]string{"Session win rate (95% CI)", fmt.Sprintf("%.2f%% (%.2f%% – %.2f%%)", 100*w/max(n, 1), 100*lo, 100*hi)},
		)
	}
	if ev, ok := getPath(d, "ev.total").(map[string]any); ok {
		rows = append(rows, [2]string{"EV per hand (95% CI)", fmt.Sprintf("%.4f (%.4f – %.4f)", num(ev["value"]), num(ev["ci95_low"]), num(ev["ci95_high"]))})
	} else if v, ok := d["ev_per_hand"]; ok {
		rows = append(rows, [2]string{"EV per hand", fmt.Sprintf("%.4f", num(v))})
	}
	if x, ok := getPath(d, "exact.ev_per_unit_bet").(map[string]any); ok {
		verdict := "within 4 standard errors"
		if b, _ := x["within_4_std_errors"].(bool); !b {
			verdict = "more than 4 standard errors apart"
		}
		rows = append(rows, [2]string{"EV per unit bet: simulated vs exact",
			fmt.Sprintf("%.5f ± %.5f vs %.5f (%v; %s)", num(x["observed"]), num(x["std_error"]), num(x["exact"]), x["exact_fraction"], verdict)})
	}
	if he, ok := getPath(d, "exact.house_edge_exact").(string); ok {
		edge := fmt.Sprintf("%.4f%% = %s", 100*num(getPath(d, "exact.house_edge")), he)
		if fav, _ := getPath(d, "exact.favours_player").(bool); fav {
			edge += ". This main-game table favours the player."
		}
		rows = append(rows, [2]string{"House edge (exact)", edge})
	}
	if why, ok := d["exact_omitted"].(string); ok {
		rows = append(rows, [2]string{"Exact figures", "none: " + why})
	}
	if v, ok := d["ev_per_hand_units"]; ok {
		rows = append(rows, [2]string{"EV per hand (base bets)", fmt.Sprintf("%.5f", num(v))})
	}
	for _, k := range []string{"main", "bonus"} {
		if m, ok := d[k].(map[string]any); ok {
			rows = append(rows, [2]string{strings.ToUpper(k[:1]) + k[1:] + " wagered / won / net",
				fmt.Sprintf("%s / %s / %s", cash(num(m["wagered"])), cash(num(m["won"])), cash(num(m["net"])))})
		}
	}
	if sp, ok := d["session_profit"].(map[string]any); ok {
		var parts []string
		for _, k := range []string{"mean", "std", "min", "p5", "p25", "p50", "p75", "p95", "max"} {
			if v, ok := sp[k]; ok {
				parts = append(parts, k+" "+cash(num(v)))
			}
		}
		rows = append(rows, [2]string{"Session profit", strings.Join(parts, " · ")})
	}
	title := "Results"
	if r.FromPast {
		title = "Results (from history)"
	}
	return goapp.Section().ID("results").Class("card").Aria("labelledby", "results-h").DataSet("worker-memory", r.WasmMemory).Body(
		goapp.H2().ID("results-h").Text(title),
		goapp.Table().Class("summary").Body(
			goapp.Caption().Text("Summary"),
			goapp.TBody().Body(goapp.Range(rows).Slice(func(i int) goapp.UI {
				return goapp.Tr().Body(goapp.Th().Scope("row").Text(rows[i][0]), goapp.Td().Text(rows[i][1]))
			})),
		),
		p.renderExactSession(r),
		p.renderWalkAway(r),
		goapp.Div().Class("row").Body(
			goapp.A().ID("download-json").Class("button").Href(r.JSONURL).Download("lir-results-"+r.Seed+".json").Text("Download results (JSON)"),
			goapp.A().ID("download-csv").Class("button").Href(r.CSVURL).Download("lir-results-"+r.Seed+".csv").Text("Download results (CSV)"),
			goapp.If(r.ReportURL != "", func() goapp.UI {
				return goapp.A().ID("download-report").Class("button").Href(r.ReportURL).Download("lir-report-" + r.Seed + ".html").Text("Download report (HTML)")
			}),
		),
		goapp.If(r.ReportURL == "" && r.FromPast, func() goapp.UI {
			return goapp.P().Class("muted").Text("The HTML report is made for runs of this visit; run the study again to get it.")
		}),
		goapp.If(r.ReportErr != "", func() goapp.UI {
			return goapp.P().Class("note bad").Text("The HTML report could not be made: " + r.ReportErr)
		}),
		p.renderCharts("result-charts", r.Charts),
	)
}

// renderWalkAway offers the exact walk-away map of a run's config (flat
// betting, the exact session computed): asked for on demand, computed in
// the exact worker, drawn with the other charts, its best cell named.
func (p *labPage) renderWalkAway(r *runResult) goapp.UI {
	if r.ExactSession == nil || r.ExactKey == "" {
		return goapp.Text("")
	}
	key := walkAwayPrefix + r.ExactKey
	ent := p.exactCache[key]
	var body goapp.UI
	switch {
	case ent == nil && p.exactAsked[key]:
		body = goapp.P().Class("muted").Text("Computing the walk-away map (400 exact sessions) in a worker…")
	case ent == nil:
		body = goapp.Button().ID("walkaway-button").Text("Compute the walk-away map").
			OnClick(func(goapp.Context, goapp.Event) { p.requestWalkAway(r.ExactKey) })
	case ent.WalkAway != nil:
		m := ent.WalkAway
		a, b := bestWalkAway(m)
		body = goapp.P().ID("walkaway-best").Text(fmt.Sprintf("Highest P(win session): %.2f%% with a win limit of %s and a loss limit of %s (expected profit %s per session). The map is drawn with the charts below.",
			100*m.PWin[a][b], cash(float64(m.WinLimits[a])/100), cash(float64(m.LossLimits[b])/100), cash(m.ExpectedProfit[a][b])))
	default:
		why := ent.Err
		if why == "" {
			why = ent.Note
		}
		body = goapp.P().Class("muted").Text("No walk-away map for this study: " + why + ".")
	}
	return goapp.Div().ID("walkaway").Aria("live", "polite").Body(
		goapp.H3().Text("Walk-away limits (exact)"),
		goapp.P().Class("help").Text("P(win session) and expected profit for every win limit × loss limit from 5% to 100% of the bankroll, the study's other rules as set: the Markov chain of lir exact walkaway."),
		body,
	)
}

// renderExactSession sets the simulated session figures beside the exact
// ones of engine/exact's Markov chain (flat betting).
func (p *labPage) renderExactSession(r *runResult) goapp.UI {
	rows := exactSessionRows(r.Doc, r.ExactSession)
	if len(rows) == 0 {
		if r.ExactNote != "" {
			return goapp.P().ID("exact-session-note").Class("muted").Text("No exact session figures for this study: " + r.ExactNote + ".")
		}
		return goapp.Text("")
	}
	return goapp.Table().ID("exact-session").Class("summary").Body(
		goapp.Caption().Text("One player session: simulated vs exact (Markov chain, flat betting)"),
		goapp.THead().Body(goapp.Tr().Body(
			goapp.Th().Scope("col").Text("Figure"), goapp.Th().Scope("col").Text("Simulated"), goapp.Th().Scope("col").Text("Exact"),
		)),
		goapp.TBody().Body(goapp.Range(rows).Slice(func(i int) goapp.UI {
			return goapp.Tr().Body(goapp.Th().Scope("row").Text(rows[i][0]), goapp.Td().Text(rows[i][1]), goapp.Td().Text(rows[i][2]))
		})),
	)
}

// exactSessionRows are the rows of renderExactSession: {figure, simulated,
// exact}; none without an exact session.
func exactSessionRows(d map[string]any, x *wire.ExactSession) [][3]string {
	if x == nil {
		return nil
	}
	n := num(d["player_sessions"])
	if n == 0 {
		n = num(d["sessions"])
	}
	pct := func(v float64) string { return fmt.Sprintf("%.2f%%", 100*v) }
	share := func(path string) string {
		if n == 0 {
			return "–"
		}
		return pct(num(getPath(d, path)) / n)
	}
	rows := [][3]string{
		{"P(win session)", share("session_outcomes.win"), pct(x.PWin)},
		{"P(push)", share("session_outcomes.push"), pct(x.PPush)},
		{"P(loss)", share("session_outcomes.loss"), pct(x.PLoss)},
	}
	for r := range rulebook.NumStops {
		k := rulebook.Stop(r).String()
		sim := num(getPath(d, "stop_reasons."+k))
		if sim == 0 && x.StopReasons[k] == 0 {
			continue
		}
		rows = append(rows, [3]string{"Stopped: " + rulebook.Stop(r).Label(), share("stop_reasons." + k), pct(x.StopReasons[k])})
	}
	rows = append(rows,
		[3]string{"Hands per session (mean)", fmt.Sprintf("%.2f", num(getPath(d, "hands_per_session.mean"))), fmt.Sprintf("%.2f", x.ExpectedHands)},
		[3]string{"Session profit (mean)", cash(num(getPath(d, "session_profit.mean"))), cash(x.ExpectedProfit)},
	)
	return rows
}

// renderComparison shows a comparison document of lir compare --json: the
// configs and, per pair, the paired tests with their Holm-adjusted p-values,
// effect sizes and the variance reduction of common random numbers.
func (p *labPage) renderComparison() goapp.UI {
	v := p.comparison
	table := func(id, caption string, head []string, rows [][]string) goapp.UI {
		return goapp.Div().Class("scroll").Body(goapp.Table().ID(id).Class("summary compare").Body(
			goapp.Caption().Text(caption),
			goapp.THead().Body(goapp.Tr().Body(goapp.Range(head).Slice(func(i int) goapp.UI {
				return goapp.Th().Scope("col").Text(head[i])
			}))),
			goapp.TBody().Body(goapp.Range(rows).Slice(func(i int) goapp.UI {
				row := rows[i]
				return goapp.Tr().Body(
					goapp.Th().Scope("row").Text(row[0]),
					goapp.Range(row[1:]).Slice(func(j int) goapp.UI { return goapp.Td().Text(row[j+1]) }),
				)
			})),
		))
	}
	return goapp.Section().ID("comparison").Class("card").Aria("labelledby", "comparison-h").Body(
		goapp.H2().ID("comparison-h").Text("Comparison"),
		p.renderComparePicker(),
		goapp.P().Class("muted").Text("Or load the JSON of lir compare A.yaml B.yaml … --json to see its paired tests."),
		goapp.Div().Class("row").Body(
			goapp.Label().For("import-comparison").Class("button").Text("Load comparison (JSON)…"),
			goapp.Input().ID("import-comparison").Class("visually-hidden").Type("file").Accept(".json,application/json").
				OnChange(func(ctx goapp.Context, e goapp.Event) {
					readFileInput("import-comparison", func(name string, data []byte, errText string) {
						ctx.Dispatch(func(goapp.Context) {
							if errText != "" {
								p.comparisonMsg = name + " could not be read: " + errText + "."
								return
							}
							if err := p.showComparison(name, data); err != nil {
								p.comparisonMsg = name + " was not loaded: " + err.Error() + "."
							}
						})
					})
				}),
		),
		goapp.If(p.comparisonMsg != "", func() goapp.UI {
			return goapp.P().Role("alert").Class("note bad").Text(p.comparisonMsg)
		}),
		goapp.If(v != nil, func() goapp.UI {
			crn := "yes: session i of every config saw the same cards"
			if !v.CRN {
				crn = "no: the configs deal differently (seats, discard or shuffle differ); the paired tests stay valid"
			}
			return goapp.Div().Body(
				goapp.P().Text(fmt.Sprintf("Seed %s · %s table sessions per config · common random numbers: %s", v.Seed, v.Sessions, crn)),
				table("comparison-configs", "Configs", comparisonConfigHead, v.Configs),
				table("comparison-pairs", "Pairs: differences a − b; p-values adjusted by Holm across pairs", comparisonPairHead, v.Pairs),
				p.renderCharts("comparison-charts", v.Charts),
				goapp.If(p.comparisonURL != "", func() goapp.UI {
					return goapp.Div().Class("row").Body(
						goapp.A().ID("download-comparison").Class("button").Href(p.comparisonURL).Download(p.comparisonSrc).Text("Download comparison (JSON)"),
					)
				}),
			)
		}),
	)
}

// pickCurrent is the picker's key of the current study (preset files end
// in .yaml, so no preset has this name: it has a slash).
const pickCurrent = "/current"

// renderComparePicker lists the configs a comparison can run: the current
// study and the presets of configs/ (the files lir compare reads), and the
// Compare button.
func (p *labPage) renderComparePicker() goapp.UI {
	names := configs.Names()
	running := p.phase == phaseRunning
	check := func(key, label, help string, checked bool) goapp.UI {
		id := "cmp-" + key
		if key == pickCurrent {
			id = "cmp-current"
		}
		return goapp.Li().Body(
			goapp.Input().ID(id).Type("checkbox").DataSet("pick", key).Checked(checked).Disabled(running).
				Aria("describedby", id+"-help").OnChange(p.onComparePick),
			goapp.Label().For(id).Text(label),
			goapp.Small().ID(id+"-help").Class("help").Text(help),
		)
	}
	return goapp.FieldSet().Class("compare-pick").Body(
		goapp.Legend().Text("Run a comparison"),
		goapp.P().Class("help").Text("Pick two or more configs. Session i of every config is dealt from the same seed (common random numbers); "+
			"the seed and the number of sessions are the first config's (the current study comes first), as lir compare takes them."),
		goapp.Ul().Class("picks").Body(
			check(pickCurrent, currentStudy, "the config in the editor", p.compareCurrent),
			goapp.Range(names).Slice(func(i int) goapp.UI {
				return check(names[i], names[i], configs.Description(names[i]), p.comparePresets[names[i]])
			}),
		),
		goapp.Div().Class("row").Body(
			goapp.Button().ID("compare-button").Class("primary").Text("Compare").Disabled(running || p.workersErr != "").
				OnClick(func(ctx goapp.Context, e goapp.Event) { p.startCompare(ctx) }),
			goapp.Small().Class("help").Text("Progress and the end of the comparison show under Run; Cancel stops it."),
		),
	)
}

// onComparePick records a ticked or cleared config of the comparison
// picker; data-pick names the preset, or is pickCurrent.
func (p *labPage) onComparePick(ctx goapp.Context, e goapp.Event) {
	src := ctx.JSSrc()
	key, on := src.Get("dataset").Get("pick").String(), src.Get("checked").Bool()
	if key == pickCurrent {
		p.compareCurrent = on
		return
	}
	if p.comparePresets == nil {
		p.comparePresets = map[string]bool{}
	}
	p.comparePresets[key] = on
}

func (p *labPage) renderHistory() goapp.UI {
	return goapp.Section().ID("history").Class("card").Aria("labelledby", "history-h").Body(
		goapp.H2().ID("history-h").Text("History"),
		goapp.If(len(p.history) == 0, func() goapp.UI {
			return goapp.P().Class("muted").Text("Finished runs and comparisons are kept here, in this browser.")
		}).Else(func() goapp.UI {
			return goapp.Div().Body(
				goapp.Ol().Class("history").Body(goapp.Range(p.history).Slice(func(i int) goapp.UI {
					h := p.history[i]
					what := "run"
					if h.Kind == historyComparison {
						what = "comparison"
					}
					return goapp.Li().Body(
						goapp.Span().Text(h.label()+" "),
						goapp.Button().Aria("label", "Show "+what+" of "+h.When).Text("Show").
							OnClick(func(ctx goapp.Context, e goapp.Event) { p.showHistory(ctx, i) }),
					)
				})),
				goapp.Button().Text("Clear history").OnClick(func(ctx goapp.Context, e goapp.Event) {
					p.history = nil
					ctx.LocalStorage().Del(historyKey)
				}),
			)
		}),
	)
}

// Make sure the stand-in keeps the engine's signatures.
var _ func([]byte) (*config.Config, error) = config.DecodeJSON
