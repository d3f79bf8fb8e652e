package app

import (
	"fmt"
	"strconv"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// runPanel is the run control: the worker count, Run and Cancel with the
// answer's headline beside them (a bar that stays in view on a phone), the
// status, and the progress of each worker.
type runPanel struct {
	goapp.Compo

	run     async[*runJob]
	study   study
	workers workerCount
	answer  async[*answer]
}

func (p *runPanel) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *runPanel) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *runPanel) mount(ctx goapp.Context) {
	ctx.ObserveState(stateStudy, &p.study)
	ctx.ObserveState(stateWorkers, &p.workers)
	ctx.ObserveState(stateAnswer, &p.answer)
	was := p.run.Status
	ctx.ObserveState(stateRun, &p.run).OnChange(func() {
		// A button that disables itself must not drop the focus to the
		// page: Run (or Compare) hands it to Cancel, Cancel back to Run.
		// A study's panel keeps the focus itself.
		switch now := p.run.Status; {
		case p.run.Data != nil && p.run.Data.Study:
		case now == working && was != working:
			ctx.Defer(func(goapp.Context) { focusIfLost("cancel-button") })
		case now != working && was == working:
			ctx.Defer(func(goapp.Context) { focusIfLost("run-button") })
		}
		was = p.run.Status
	})
}

func (p *runPanel) Render() goapp.UI {
	running := p.run.Status == working
	j := p.run.Data
	seq := 0
	if j != nil {
		seq = j.Seq
	}
	return goapp.Section().ID("run").Class("card").Aria("labelledby", "run-h").Body(
		goapp.H2().ID("run-h").Text("Run"),
		goapp.Div().Class("row").Body(
			goapp.Label().For("workers").Text("Workers"),
			disabled(goapp.Input().ID("workers").Type("number").Min(1).Max(maxWorkers).Value(p.workers.N), running).
				Aria("describedby", "workers-help workers-err").Aria("invalid", strconv.FormatBool(p.workers.Err != "")).
				OnChange(func(ctx goapp.Context, e goapp.Event) {
					ctx.NewActionWithValue(actionWorkers, ctx.JSSrc().Get("value").String())
				}),
			goapp.Small().ID("workers-help").Class("help").Text("Web Workers running the engine; defaults to the cores this device reports."),
			goapp.Small().ID("workers-err").Class("error").Text(p.workersErr()),
		),
		goapp.Div().ID("runbar").Class("runbar").Body(
			goapp.Span().Class("runbar-answer").Aria("hidden", "true").Text(p.headline()),
			disabled(goapp.Button().ID("run-button").Class("primary").Text("Run"), running || p.study.Config == nil || p.workers.Err != "").
				OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.NewAction(actionRun) }),
			disabled(goapp.Button().ID("cancel-button").Text("Cancel"), !running).
				OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.NewAction(actionCancel) }),
			goapp.P().ID("status").Role("status").Aria("live", "polite").DataSet("run", seq).Class("status").Text(p.statusText()),
		),
		goapp.If(p.study.Pending, func() goapp.UI {
			return goapp.Small().Class("help").Text("Checking the rule expressions…")
		}).ElseIf(p.study.Config == nil, func() goapp.UI {
			return goapp.Small().Class("error").Text("Fix the problems in the study to run it.")
		}).ElseIf(p.workers.Err != "", func() goapp.UI {
			return goapp.Small().Class("error").Text("Fix the worker count to run.")
		}),
		goapp.If(running && j != nil, func() goapp.UI { return p.renderProgress(j) }),
	)
}

func (p *runPanel) workersErr() string {
	if p.workers.Err == "" {
		return ""
	}
	return p.workers.Err + "."
}

// headline is the answer's main figure for the bar beside Run (the answer
// panel says it in full for screen readers).
func (p *runPanel) headline() string {
	a := p.answer.Data
	switch {
	case p.study.Config == nil:
		return ""
	case a == nil && p.answer.Status != failed:
		return "Ends ahead …" // its place, until the first answer (no layout shift)
	case a == nil || a.Session == nil || a.Key != p.study.Key:
		return ""
	}
	return "Ends ahead " + pct(a.Session.PWin)
}

// statusText says where the run or comparison stands; a finished one ends
// with Done, Cancelled or "Failed: reason" (the tests wait for these).
func (p *runPanel) statusText() string {
	j := p.run.Data
	what := "Run"
	switch {
	case j != nil && j.Comparison:
		what = "Comparison"
	case j != nil && j.Study:
		what = "Study"
	}
	switch p.run.Status {
	case working:
		if j.Study {
			return studyStatus(j)
		}
		waited := seconds(time.Since(j.Started))
		if !j.Played.IsZero() {
			return fmt.Sprintf("All %s sessions played in %.2f s; waiting for the exact figures in a worker… %s",
				groupDigits(int64(j.Sessions)), j.Played.Sub(j.Started).Seconds(), waitedText(j.Solving, j.Started))
		}
		how := "seed " + formatSeed(j.Seed)
		if j.Drawn {
			how = "drawn seed " + formatSeed(j.Seed)
		}
		if j.Comparison {
			return fmt.Sprintf("Comparing %d configs on %s table sessions each, on %d workers (%s)… %s", j.Configs, groupDigits(int64(j.Sessions)), len(j.Workers), how, waited)
		}
		return fmt.Sprintf("Running %s sessions on %d workers (%s)… %s", groupDigits(int64(j.Sessions)), len(j.Workers), how, waited)
	case done:
		return j.Summary
	case cancelled:
		return what + " stopped; its partial figures were discarded. Cancelled"
	case failed:
		return "Failed: " + p.run.Err.Error()
	}
	return "Ready. Press Run to simulate the study."
}

// studyStatus says where a study stands: the config simulated, or the exact
// figures still awaited.
func studyStatus(j *runJob) string {
	if !j.Played.IsZero() {
		solving := ""
		if j.SolvingFile != "" && j.Solving > 0 {
			solving = fmt.Sprintf(" (%s: %.0f%% solved)", j.SolvingFile, 100*j.Solving)
		}
		return fmt.Sprintf("All %d %s simulated in %.2f s; waiting for the exact figures of %d in a worker%s… %s",
			j.Configs, plural(j.Configs, "config", "configs"), j.Played.Sub(j.Started).Seconds(), j.Waiting, solving, seconds(time.Since(j.Started)))
	}
	how := "seed " + formatSeed(j.Seed)
	return fmt.Sprintf("Study: config %d of %d, %s: running %s sessions on %d workers (%s)… %s",
		j.Current, j.Configs, j.File, groupDigits(int64(j.Sessions)), len(j.Workers), how, seconds(time.Since(j.Started)))
}

func (p *runPanel) renderProgress(j *runJob) goapp.UI {
	done, hands := j.Progress()
	start := j.Started
	if j.Study {
		start = j.ConfigStarted
	}
	elapsed := time.Since(start)
	pct := 0.0
	if j.Sessions > 0 {
		pct = 100 * float64(done) / float64(j.Sessions)
	}
	left := "estimating…"
	switch {
	case !j.Played.IsZero():
		left = "the exact figures to come"
	case done > 0:
		left = eta(time.Duration(float64(elapsed)*float64(j.Sessions-done)/float64(done))) + " left"
	}
	return goapp.Div().Class("progress").Body(
		goapp.Progress().ID("overall").Max(j.Sessions).Value(done).Aria("label", "Overall progress"),
		goapp.P().Text(fmt.Sprintf("%.0f%% · %s of %s sessions · %s hands/s · %s",
			pct, groupDigits(int64(done)), groupDigits(int64(j.Sessions)), rate(float64(hands)/max(elapsed.Seconds(), 1e-3)), left)),
		goapp.Div().Class("scroll").Body(goapp.Table().Class("workers").Body(
			goapp.Caption().Text("Progress per worker"),
			goapp.THead().Body(goapp.Tr().Body(
				goapp.Th().Scope("col").Text("Worker"), goapp.Th().Scope("col").Text("Sessions"),
				goapp.Th().Scope("col").Text("Hands"), goapp.Th().Scope("col").Text("Hands/s"),
				goapp.Th().Scope("col").Text("State"),
			)),
			goapp.TBody().Body(goapp.Range(j.Workers).Slice(func(i int) goapp.UI {
				w := j.Workers[i]
				state := "idle"
				switch {
				case w.Busy:
					state = fmt.Sprintf("sessions %s–%s", groupDigits(int64(w.current.From)), groupDigits(int64(w.current.To-1)))
				case i < len(j.Ready) && !j.Ready[i]:
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
}
