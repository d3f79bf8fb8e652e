package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/engine/report"
)

// chartGrid lays out charts of engine/report — each a figure with its
// title and caption as text and a Save image button — and draws them
// with ECharts once they are on the page, and again when the theme
// changes. Its holder's data-charts-drawn counts the charts drawn.
type chartGrid struct {
	goapp.Compo

	ID     string // the holder's element id
	Charts []*report.Chart
	Dark   bool
}

func (g *chartGrid) OnMount(ctx goapp.Context)  { g.draw(ctx) }
func (g *chartGrid) OnUpdate(ctx goapp.Context) { g.draw(ctx) }

func (g *chartGrid) draw(ctx goapp.Context) {
	id, charts, dark := g.ID, g.Charts, g.Dark
	ctx.Defer(func(goapp.Context) { drawCharts(id, charts, dark) })
}

func (g *chartGrid) Render() goapp.UI {
	return goapp.Div().ID(g.ID).Class("charts").DataSet("charts", len(g.Charts)).Body(goapp.Range(g.Charts).Slice(func(i int) goapp.UI {
		c := g.Charts[i]
		id := "chart-" + c.ID
		dark := g.Dark
		return goapp.Figure().Aria("labelledby", id+"-title").Body(
			goapp.H3().ID(id+"-title").Class("chart-title").Text(c.Title),
			chartHeight(goapp.Div().ID(id).Class("chart").Role("img").Aria("label", c.Title+". "+c.Caption), c.Height),
			goapp.FigCaption().Class("help").Text(c.Caption),
			// The chart's own save icon is drawn on its canvas, out of
			// reach of the keyboard; this button is not.
			goapp.Button().Class("save-chart").Aria("label", "Save image: "+c.Title).Text("Save image").
				OnClick(func(goapp.Context, goapp.Event) { saveChartImage(id, dark) }),
		)
	}))
}

// chartHeight gives a chart that grows with its data the height it needs.
func chartHeight(d goapp.HTMLDiv, px int) goapp.HTMLDiv {
	if px > 0 {
		return d.Style("height", strconv.Itoa(px)+"px")
	}
	return d
}
