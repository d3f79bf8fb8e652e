package app

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/compare"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
	"github.com/lir-lab/lir/engine/results"
	"github.com/lir-lab/lir/engine/sim"
)

// runJob is the run or comparison on the worker pool as the run panel
// shows it: a copy of its progress, taken when the state is set.
type runJob struct {
	Comparison bool   // a comparison, not a run
	Study      bool   // a study of many configs (studies.go), not a run
	Seq        int    // its number among the page's runs and comparisons (data-run)
	Seed       uint64 // the master seed
	Drawn      bool   // the seed was drawn, not the config's
	Configs    int    // a comparison's or a study's configs
	Sessions   int    // table sessions (of each config)
	Workers    []WorkerProgress
	Ready      []bool // which workers have started
	Started    time.Time
	// Played is when every session was played (zero before); a run then
	// waits for its exact figures.
	Played time.Time
	// Solving is the share of the exact solve done that a played-out run
	// waits for, as the exact worker last told it.
	Solving float64
	// A study's config on the pool: its number (from 1), its file, when
	// it started; Simulated counts the configs simulated, Waiting those
	// whose exact figures are awaited, SolvingFile the one solved now.
	Current       int
	File          string
	ConfigStarted time.Time
	Simulated     int
	Waiting       int
	SolvingFile   string
	// Summary is the line that ends a finished job ("… Done").
	Summary string
}

// Progress sums the workers: sessions and hands done so far.
func (j *runJob) Progress() (sessions int, hands int64) { return sumProgress(j.Workers) }

// publishRun sets the run state from the job in flight.
func (c *coordinator) publishRun() {
	if c.job != nil && c.jobState.Data != nil {
		d := *c.jobState.Data
		d.Workers = append([]WorkerProgress(nil), c.job.Workers...)
		d.Ready = append([]bool(nil), c.ready...)
		c.jobState.Data = &d
	}
	c.lastDraw = c.now()
	c.ctx.SetState(stateRun, c.jobState)
}

// tick redraws the run panel every second while a job works, so the
// seconds it shows keep counting even when no worker reports.
func (c *coordinator) tick(seq int) {
	inASecond(func() {
		c.ctx.Dispatch(func(goapp.Context) {
			if c.jobState.Status != working || c.runs != seq {
				return
			}
			if c.now().Sub(c.lastDraw) >= 900*time.Millisecond {
				c.publishRun()
			}
			c.tick(seq)
		})
	})
}

// startJob starts a planned run or comparison (or a study, r nil) on the
// pool.
func (c *coordinator) startJob(r *Run, j *runJob) {
	c.startPool()
	c.runs++
	j.Seq, j.Started = c.runs, c.now()
	c.jobState = async[*runJob]{Status: working, Data: j, Since: j.Started}
	c.setRun(r)
	c.publishRun()
	c.tick(c.runs)
}

// setRun puts r on the pool: every ready worker takes a range of it, the
// others theirs when they are ready. A study starts with none (its
// configs follow).
func (c *coordinator) setRun(r *Run) {
	c.job = r
	if r == nil {
		return
	}
	for w, ok := range c.ready {
		if ok {
			c.feed(w)
		}
	}
}

// feed gives idle worker w its next range of sessions.
func (c *coordinator) feed(w int) {
	if m, ok := c.job.Next(w); ok {
		c.pool.Send(w, m)
	}
}

func (c *coordinator) canStart() bool {
	return c.jobState.Status != working && c.workers.Err == ""
}

// startRun runs the study: its seed, or one drawn from crypto randomness
// and reported, as lir run does.
func (c *coordinator) startRun() {
	if !c.canStart() || c.study.Config == nil {
		return
	}
	cfg := c.study.Config.Clone()
	seed, drawn := drawSeed(), true
	if s := cfg.Simulation.RandomSeed; s != nil {
		seed, drawn = *s, false
	}
	// As the CLI does: the document records the seed used, and the worker
	// count, which never changes results, is not part of them.
	cfg.Simulation.RandomSeed = &seed
	cfg.Simulation.Workers = 0
	sessions := int(cfg.Simulation.NumSessions)
	c.exact.ask(c, exactRequest(exactKey(cfg)))
	c.results = c.results.start(c.now())
	c.ctx.SetState(stateResults, c.results)
	c.startJob(NewRun(cfg, seed, sessions, c.workers.N, c.now()), &runJob{Seed: seed, Drawn: drawn, Sessions: sessions})
}

func drawSeed() uint64 {
	var b [8]byte
	rand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// comparePick is what the comparison panel asks to compare.
type comparePick struct {
	Current bool     // the study in the editor, first
	Presets []string // configs/ names, in the preset list's order
}

// onCompare runs the picked configs on common random numbers, as lir
// compare does: every range of sessions runs every config in one worker.
func (c *coordinator) onCompare(ctx goapp.Context, a goapp.Action) {
	pick, _ := a.Value.(comparePick)
	if !c.canStart() {
		return
	}
	var current *config.Config
	if pick.Current {
		if c.study.Config == nil {
			c.comparison = c.comparison.fail(errors.New("fix the problems in the study to compare it"))
			ctx.SetState(stateComparison, c.comparison)
			return
		}
		current = c.study.Config
	}
	drawn := false
	cs, names, seed, sessions, err := planComparison(current, pick.Presets, func() uint64 { drawn = true; return drawSeed() })
	if err != nil {
		c.comparison = c.comparison.fail(err)
		ctx.SetState(stateComparison, c.comparison)
		return
	}
	c.comparison = c.comparison.start(c.now())
	ctx.SetState(stateComparison, c.comparison)
	c.startJob(NewCompareRun(cs, names, seed, sessions, c.workers.N, c.now()),
		&runJob{Comparison: true, Seed: seed, Drawn: drawn, Configs: len(cs), Sessions: sessions})
}

func (c *coordinator) onSimWorker(gen int, ev WorkerEvent) {
	if gen != c.pool.Gen(ev.Worker) || ev.Worker >= len(c.ready) {
		return // a stopped worker
	}
	switch ev.Kind {
	case wire.KindReady:
		c.ready[ev.Worker] = true
		if c.jobState.Status == working && c.job != nil {
			c.feed(ev.Worker)
		}
		return
	case wire.KindError:
		if c.jobState.Status != working {
			c.ready[ev.Worker] = false
			c.jobState = c.jobState.fail(fmt.Errorf("worker %d could not start: %s", ev.Worker+1, ev.Message))
			c.publishRun()
			return
		}
	}
	if c.jobState.Status != working || c.job == nil {
		return
	}
	finished, err := c.job.Handle(ev)
	switch {
	case err != nil && c.studyJob != nil:
		c.studyConfigFailed(err) // the study goes on with its next config
		return
	case err != nil:
		c.fail(err)
		return
	case finished:
		c.finish()
		return
	case ev.Kind == wire.KindResult:
		c.feed(ev.Worker)
	}
	if ev.Kind != wire.KindProgress || c.now().Sub(c.lastDraw) >= 100*time.Millisecond {
		c.publishRun()
	}
}

// cancel stops the run or comparison: its partial figures are dropped, and
// the results shown before stay.
func (c *coordinator) cancel() {
	if c.jobState.Status != working {
		return
	}
	c.stopWorkers()
	c.jobState.Status = cancelled
	c.endWith(cancelled, nil)
	c.publishRun()
}

func (c *coordinator) fail(err error) {
	c.stopWorkers()
	c.jobState = c.jobState.fail(err)
	c.endWith(failed, err)
	c.publishRun()
}

// endWith ends the results' or the comparison's wait for the job, keeping
// what they showed.
func (c *coordinator) endWith(s status, err error) {
	if c.jobState.Data != nil && c.jobState.Data.Study {
		c.endStudy(s, err)
		return
	}
	if c.jobState.Data != nil && c.jobState.Data.Comparison {
		c.comparison = async[*comparisonView]{Status: s, Err: err, Data: c.comparison.Data}
		c.ctx.SetState(stateComparison, c.comparison)
		return
	}
	c.results = async[*runResult]{Status: s, Err: err, Data: c.results.Data}
	c.ctx.SetState(stateResults, c.results)
}

// stopWorkers terminates every worker and starts fresh ones for the next
// job.
func (c *coordinator) stopWorkers() {
	c.job = nil
	c.pool.Restart()
	for i := range c.ready {
		c.ready[i] = false
	}
}

// finish ends a job whose sessions are all played. A run waits for its
// exact figures if the exact worker has not answered yet.
func (c *coordinator) finish() {
	if c.studyJob != nil {
		c.studyConfigPlayed()
		return
	}
	r := c.job
	if r.Ended.IsZero() {
		r.Ended = c.now()
		c.jobState.Data.Played = r.Ended
	}
	if r.Compare != nil {
		c.finishCompare()
		return
	}
	elapsed := r.Ended.Sub(r.Started)
	key := exactKey(r.Config)
	ent, ok := c.exact.cache[key]
	if !ok {
		c.exact.awaitRun = key
		c.exact.ask(c, exactRequest(key))
		c.publishRun()
		return
	}
	c.exact.awaitRun = ""
	if ent.Error != "" {
		c.fail(errors.New("exact comparison: " + ent.Error))
		return
	}
	if err := sim.CheckRun(r.Config, r.Merged); err != nil {
		c.fail(err)
		return
	}
	doc := results.Build(r.Config, r.Seed, r.Merged)
	if ent.exact != nil {
		doc.Compare(r.Merged, ent.exact)
	} else {
		doc.ExactOmitted = ent.Omitted
	}
	doc.Timing = &results.Timing{Workers: len(r.Workers), Seconds: elapsed.Seconds(), HandsPerSec: float64(doc.Hands) / elapsed.Seconds()}
	data, err := doc.JSON()
	if err != nil {
		c.fail(fmt.Errorf("building the results document: %v", err))
		return
	}
	res := c.showResult(doc, data, len(r.Workers), elapsed)
	res.Exact, res.ExactNote = ent.Session, ent.SessionNote
	res.WasmMemory = r.WasmMemory
	// The report (ECharts inlined, ~1.3 MB) is made in a later task, so
	// the results show first.
	c.ctx.Async(func() {
		yieldToBrowser()
		c.ctx.Dispatch(func(goapp.Context) {
			if c.results.Data == res {
				c.attachReport(res)
			}
		})
	})
	c.job = nil
	c.jobState.Status = done
	c.jobState.Data.Summary = fmt.Sprintf("Finished %s sessions (%s hands) in %.2f s on %d workers. Done",
		report.Digits(int64(doc.Sessions)), report.Digits(int64(doc.Hands)), elapsed.Seconds(), len(r.Workers))
	c.publishRun()
	c.history = addHistory(c.history, historyEntry{
		ID: strconv.FormatInt(c.now().UnixNano(), 36), When: c.now().UTC().Format(time.RFC3339),
		Name: r.Config.Metadata.Name,
		Seed: doc.Seed, Sessions: int64(doc.Sessions), Hands: int64(doc.Hands), EV: float64(doc.EVPerHand),
		WinRate: float64(doc.SessionWinRate.Value), Workers: len(r.Workers), Seconds: elapsed.Seconds(),
		Config: string(r.Config.CanonicalJSON()), Doc: string(data),
	})
	c.saveHistory()
}

// finishCompare builds the comparison document of the merged ranges, as
// lir compare --json does, and shows it.
func (c *coordinator) finishCompare() {
	r := c.job
	elapsed := r.Ended.Sub(r.Started)
	if r.MergedCompare == nil {
		c.fail(errNoSessions)
		return
	}
	if err := compare.CheckExact(r.Compare.Configs, r.Compare.Names, r.MergedCompare); err != nil {
		c.fail(err)
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
		c.fail(fmt.Errorf("building the comparison document: %v", err))
		return
	}
	if err := c.showComparison("lir-compare-"+formatSeed(r.Seed)+".json", data); err != nil {
		c.fail(err)
		return
	}
	c.job = nil
	c.jobState.Status = done
	c.jobState.Data.Summary = fmt.Sprintf("Compared %d configs on %s table sessions each (%s hands) in %.2f s on %d workers. Done",
		len(doc.Configs), report.Digits(int64(r.Sessions)), report.Digits(int64(hands)), elapsed.Seconds(), len(r.Workers))
	c.publishRun()
	c.history = addHistory(c.history, historyEntry{
		ID: strconv.FormatInt(c.now().UnixNano(), 36), When: c.now().UTC().Format(time.RFC3339),
		Kind: historyComparison, Names: r.Compare.Names,
		Seed: formatSeed(r.Seed), Sessions: int64(r.Sessions), Hands: int64(hands), Workers: len(r.Workers),
		Seconds: elapsed.Seconds(), Doc: string(data),
	})
	c.saveHistory()
}

// showComparison shows a comparison document and makes it downloadable.
func (c *coordinator) showComparison(name string, data []byte) error {
	v, err := parseComparison(data)
	if err != nil {
		return err
	}
	old := ""
	if c.comparison.Data != nil {
		old = c.comparison.Data.URL
	}
	v.URL, v.File = objectURL(old, data, "application/json"), name
	c.comparison = answered(v)
	c.ctx.SetState(stateComparison, c.comparison)
	return nil
}

// comparisonFile is a comparison document the user opened.
type comparisonFile struct {
	Name string
	Data []byte
	Err  string // why the file could not be read
}

func (c *coordinator) onComparisonFile(ctx goapp.Context, a goapp.Action) {
	f, _ := a.Value.(comparisonFile)
	var err error
	if f.Err != "" {
		err = fmt.Errorf("the file %s could not be read: %s", f.Name, f.Err)
	} else if e := c.showComparison(f.Name, f.Data); e != nil {
		err = fmt.Errorf("the file %s was not loaded: %v", f.Name, e)
	}
	if err != nil {
		c.comparison = c.comparison.fail(err)
		ctx.SetState(stateComparison, c.comparison)
	}
}

// showResult shows a results document (decoded once, here or by the
// engine) with its downloads; its charts are made in a later task, so the
// figures show first.
func (c *coordinator) showResult(doc *results.Document, data []byte, workers int, elapsed time.Duration) *runResult {
	res := &runResult{Doc: doc, JSON: data, Workers: workers, Elapsed: elapsed}
	var old runResult
	if c.results.Data != nil {
		old = *c.results.Data
	}
	res.JSONURL = objectURL(old.JSONURL, data, "application/json")
	res.CSVURL = objectURL(old.CSVURL, results.SummaryCSV(doc), "text/csv")
	if len(doc.Seats) > 0 {
		res.SeatsURL = objectURL(old.SeatsURL, results.SeatsCSV(doc), "text/csv")
	}
	c.results = answered(res)
	c.ctx.SetState(stateResults, c.results)
	c.ctx.Async(func() {
		yieldToBrowser()
		c.ctx.Dispatch(func(goapp.Context) {
			if c.results.Data == res {
				res.Charts = report.Charts(doc)
				c.ctx.SetState(stateResults, c.results)
			}
		})
	})
	return res
}

// attachReport renders the HTML report of the results, ECharts inlined so
// that it opens offline, and makes it downloadable. The ECharts source is
// the site's own copy (cached by the service worker), not one embedded in
// app.wasm. The charts are the ones showResult made for the page, made
// here when its task has not run yet.
func (c *coordinator) attachReport(res *runResult) {
	fetchText(c.ctx.ResolveStaticResource("/web/echarts.min.js"), func(echartsJS []byte, errText string) {
		c.ctx.Dispatch(func(goapp.Context) {
			if c.results.Data != res {
				return // another result replaced this one meanwhile
			}
			if errText != "" {
				res.ReportErr = "reading ECharts for the report: " + errText
			} else if html, err := report.HTMLWithCharts(res.Doc, reportCharts(res), echartsJS); err != nil {
				res.ReportErr = err.Error()
			} else {
				res.ReportURL = objectURL(c.reportURL, html, "text/html")
				c.reportURL = res.ReportURL
			}
			c.ctx.SetState(stateResults, c.results)
		})
	})
}

// reportCharts are the charts of res's document: the page's when it has
// made them.
func reportCharts(res *runResult) []*report.Chart {
	if res.Charts != nil {
		return res.Charts
	}
	return report.Charts(res.Doc)
}

// onShowHistory shows a past run (its config goes to the editor, its
// results to Results) or comparison.
func (c *coordinator) onShowHistory(ctx goapp.Context, a goapp.Action) {
	id, _ := a.Value.(string)
	if c.jobState.Status == working {
		return
	}
	for _, h := range c.history {
		if h.ID != id {
			continue
		}
		if h.Kind == historyComparison {
			note := loadRequest{}
			switch {
			case h.Doc == "":
				note.Failed = "The document of this comparison was too large to keep."
			case c.showComparison("lir-compare-"+h.Seed+".json", []byte(h.Doc)) != nil:
				note.Failed = "This comparison no longer loads."
			default:
				note.Note = fmt.Sprintf("Comparison of %s shown under Comparison (seed %s).", h.When, h.Seed)
			}
			ctx.NewActionWithValue(actionLoad, note)
			return
		}
		ctx.NewActionWithValue(actionLoad, loadRequest{Data: []byte(h.Config),
			Note:   fmt.Sprintf("Config of the run of %s loaded (seed %s).", h.When, h.Seed),
			Failed: "The config of this past run no longer loads"})
		if h.Doc != "" {
			var doc results.Document
			if err := json.Unmarshal([]byte(h.Doc), &doc); err == nil {
				res := c.showResult(&doc, []byte(h.Doc), h.Workers, time.Duration(h.Seconds*float64(time.Second)))
				res.FromPast = true
			}
		}
		return
	}
}

// parseWorkers reads the worker count typed.
func parseWorkers(text string) (int, error) {
	v := strings.TrimSpace(text)
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxWorkers {
		return 0, fmt.Errorf("%q is not allowed; give a whole number of workers from 1 to %d", v, maxWorkers)
	}
	return n, nil
}

// presetTitle is a configs/ preset's name as the preset list shows it.
func presetTitle(name string) string {
	if t := configs.Title(name); t != "" {
		return t
	}
	return name
}
