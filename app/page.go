package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// labPage is the page: its layout, the theme switch and the panels, each a
// component of its own file. The coordinator it mounts holds what the
// panels share.
type labPage struct {
	goapp.Compo

	lab   *coordinator
	ctx   goapp.Context
	dark  bool
	stage int // how far the first mount has gone (stage.go)
}

// newLabPage is the page with the browser's workers; tests give
// newLabPageWith an in-process pool.
func newLabPage() *labPage { return newLabPageWith(newWorkerPool) }

func newLabPageWith(newPool newPoolFunc) *labPage {
	return &labPage{lab: newCoordinator(newPool)}
}

// Every panel sets itself up the same way in the browser (OnMount) and
// natively (OnPreRender: the static site's pre-rendering, and go-app's test
// engine), so the pre-rendered page shows the states the page starts in.

func (p *labPage) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *labPage) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *labPage) mount(ctx goapp.Context) {
	p.ctx = ctx
	ctx.ObserveState(stateDark, &p.dark)
	p.lab.mount(ctx)
	setToolsURL(ctx.ResolveStaticResource("/web/tools.js"))
	// Fields changed in OnMount are not rendered by themselves: say the
	// page is live after the next render, once every part is live
	// (stage.go).
	live := func(ctx goapp.Context) {
		ctx.Defer(func(goapp.Context) {
			skipToRun("skip", "run-button")
			markMounted()
		})
	}
	if goapp.IsServer {
		ctx.Dispatch(live)
		return
	}
	goLive(ctx, &p.stage, live)
}

func (p *labPage) Render() goapp.UI {
	return goapp.Div().Class("lab").Body(
		// skipToRun (browser_wasm.go) moves the focus to Run.
		goapp.A().ID("skip").Class("skip").Href("#run-button").Text("Skip to Run"),
		goapp.Header().Class("top").Body(
			goapp.H1().Text("Let It Ride strategy lab"),
			goapp.Button().Class("theme").
				Aria("pressed", strconv.FormatBool(p.dark)).
				OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.NewAction(actionTheme) }).
				Text("Dark theme"),
		),
		goapp.Main().Class("grid").Body(
			// The panels start from the page's states when they go live (a
			// later render of the page leaves their unexported fields alone:
			// go-app copies exported ones only), not from empty ones the
			// next frame fills in.
			staged(p.stage, answerStage, "answer", func() goapp.UI {
				return &answerPanel{answer: p.lab.exact.answer, study: p.lab.study}
			}),
			staged(p.stage, studyStage, "study", func() goapp.UI { return &studyPanel{Stage: p.stage} }),
			goapp.Div().Class("side").Body(
				&runPanel{run: p.lab.jobState, study: p.lab.study, workers: p.lab.workers, answer: p.lab.exact.answer},
				staged(p.stage, lastStage, "results", func() goapp.UI { return &resultsPanel{} }),
				staged(p.stage, lastStage, "walkaway", func() goapp.UI { return &walkAwayPanel{} }),
				staged(p.stage, lastStage, "comparison", func() goapp.UI { return &comparisonPanel{} }),
				staged(p.stage, lastStage, "studies", func() goapp.UI { return &studiesPanel{} }),
				staged(p.stage, lastStage, "history", func() goapp.UI { return &historyPanel{} }),
			),
		),
	)
}
