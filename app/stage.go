package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's first mount, in stages. go-app mounts a component's whole tree
// in one call: several hundred elements created, attributed and wired one
// by one from Go, a task of the browser's event loop too long to leave the
// page unresponsive (docs/PERFORMANCE.md). So the first render makes only
// some parts live (stage 0: the header and the run controls); each other
// part is shown, until its
// stage, as the static copy of itself that index.html pre-rendered (go-app's
// Raw), which looks the same and costs one call to make. Then goLive brings
// one stage after another live, each in its own task, and the page says it
// is live once every part is.

// The stages, each part small enough to mount in a short task: the answer
// panel, the study panel (its editor loading the study, the preset list
// and the JSON box; it then publishes the study, whose exact answer is
// asked for), each section of the form in turn, then the results,
// walk-away map, comparison, study of many configs and history, at
// lastStage, when every part of the page is live.
var lastStage = studyStage + 1 + len(formGroups)

// The stages of the answer panel and of the study panel.
const (
	answerStage = 1
	studyStage  = 2
)

// groupStage is the stage of the editor's section formGroups[i].
func groupStage(i int) int { return studyStage + 1 + i }

// staged is the part of the page whose root element has the given id, at
// stage: its live UI from stage k on (and always when pre-rendering),
// before that its pre-rendered copy, or its live UI too when there is no
// copy to show.
func staged(stage, k int, id string, live func() goapp.UI) goapp.UI {
	if goapp.IsServer || stage >= k {
		return live()
	}
	if html := prerendered(id); html != "" {
		return goapp.Raw(html)
	}
	return live()
}

// goLive brings *stage to lastStage, one stage per task of the browser
// (each after the previous one is rendered and the browser has had a turn),
// then calls done on the UI goroutine.
func goLive(ctx goapp.Context, stage *int, done func(goapp.Context)) {
	ctx.Async(func() {
		for k := *stage + 1; k <= lastStage; k++ {
			yieldToBrowser()
			rendered := make(chan struct{})
			ctx.Dispatch(func(ctx goapp.Context) {
				*stage = k
				ctx.Defer(func(goapp.Context) { close(rendered) })
			})
			<-rendered
		}
		ctx.Dispatch(done)
	})
}
