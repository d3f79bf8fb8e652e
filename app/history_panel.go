package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// historyPanel lists the finished runs and comparisons kept in this
// browser; Show brings one back.
type historyPanel struct {
	goapp.Compo

	history []historyEntry
}

func (p *historyPanel) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *historyPanel) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *historyPanel) mount(ctx goapp.Context) { ctx.ObserveState(stateHistory, &p.history) }

func (p *historyPanel) Render() goapp.UI {
	return goapp.Section().ID("history").Class("card").Aria("labelledby", "history-h").Body(
		goapp.H2().ID("history-h").TabIndex(-1).Text("History"),
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
							OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.NewActionWithValue(actionShowHistory, h.ID) }),
					)
				})),
				goapp.Button().Text("Clear history").OnClick(func(ctx goapp.Context, e goapp.Event) {
					ctx.NewAction(actionClearHistory)
					// The button goes with the list: the focus goes to the
					// heading, not to the page.
					ctx.Defer(func(goapp.Context) { focusIfLost("history-h") })
				}),
			)
		}),
	)
}
