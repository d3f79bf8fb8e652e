package app

import (
	"fmt"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/report"
)

// studiesPanel runs a study of many configs as lir study does: config
// files picked (or a folder of them), each read as lir reads it, simulated
// on the worker pool and solved by the exact worker, then ranked in one
// table with the ranking chart, downloadable as lir study's JSON and CSV.
type studiesPanel struct {
	goapp.Compo

	files    studyFiles
	studies  async[*studyOutcome]
	run      async[*runJob]
	workers  workerCount
	dark     bool
	sessions string // lir study's --sessions as typed
	seed     string // --seed
}

func (p *studiesPanel) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *studiesPanel) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *studiesPanel) mount(ctx goapp.Context) {
	ctx.ObserveState(stateStudyFiles, &p.files)
	ctx.ObserveState(stateStudies, &p.studies)
	ctx.ObserveState(stateWorkers, &p.workers)
	ctx.ObserveState(stateDark, &p.dark)
	was := false
	ctx.ObserveState(stateRun, &p.run).OnChange(func() {
		// Run the study hands the focus to Cancel, and the end of the
		// study hands it back.
		now := p.studying()
		switch {
		case now && !was:
			ctx.Defer(func(goapp.Context) { focusIfLost("study-cancel") })
		case !now && was:
			ctx.Defer(func(goapp.Context) { focusIfLost("study-run") })
		}
		was = now
	})
}

// studying reports whether a study is on the pool.
func (p *studiesPanel) studying() bool {
	return p.run.Status == working && p.run.Data != nil && p.run.Data.Study
}

func (p *studiesPanel) Render() goapp.UI {
	running := p.run.Status == working
	studying := p.studying()
	f := p.files
	o := p.studies.Data
	return goapp.Section().ID("studies").Class("card").Aria("labelledby", "studies-h").Body(
		goapp.H2().ID("studies-h").Text("Study of many configs"),
		goapp.P().Class("help").Text("Pick config files — YAML or JSON, this lab's or the Python tool's — or a folder of them. "+
			"Each is simulated in the workers with its own sessions and seed, and solved by the exact engine in its worker; "+
			"one table ranks them by the chance of ending a session ahead, as lir study does."),
		goapp.Div().Class("row").Body(
			goapp.Label().For("study-files").Class("button").Text("Choose config files…"),
			disabled(goapp.Input().ID("study-files").Class("visually-hidden").Type("file").Multiple(true).
				Accept(".yaml,.yml,.json,application/json,application/yaml,text/yaml"), studying).
				OnChange(func(ctx goapp.Context, e goapp.Event) { p.pick(ctx, "study-files", false) }),
			goapp.Label().For("study-folder").Class("button").Text("Choose a folder…"),
			disabled(goapp.Input().ID("study-folder").Class("visually-hidden").Type("file").Multiple(true).Attr("webkitdirectory", true), studying).
				OnChange(func(ctx goapp.Context, e goapp.Event) { p.pick(ctx, "study-folder", true) }),
		),
		goapp.Div().Aria("live", "polite").Body(p.renderFiles()),
		optionField("study-sessions", "Sessions per config", "Sets every file's number of sessions (lir study --sessions); empty: each file's own.", &p.sessions),
		optionField("study-seed", "Seed for every config", "Sets every file's seed (lir study --seed); empty: each file's own, and a drawn one for a file without.", &p.seed),
		goapp.Div().Class("row").Body(
			disabled(goapp.Button().ID("study-run").Class("primary").Text("Run the study"),
				running || f.Reading() > 0 || f.Loaded() == 0 || p.workers.Err != "").
				OnClick(func(ctx goapp.Context, e goapp.Event) {
					ctx.NewActionWithValue(actionStudyRun, studyOptions{Sessions: p.sessions, Seed: p.seed})
				}),
			disabled(goapp.Button().ID("study-cancel").Text("Cancel the study"), !studying).
				OnClick(func(ctx goapp.Context, e goapp.Event) { ctx.NewAction(actionCancel) }),
		),
		goapp.P().ID("study-status").Class("status").Role("status").Aria("live", "polite").Text(p.statusText()),
		goapp.If(studying, func() goapp.UI {
			return goapp.Progress().ID("study-progress").Max(1).Value(p.share()).Aria("label", "Study progress")
		}),
		goapp.If(o != nil, func() goapp.UI { return p.renderOutcome(o) }),
	)
}

// optionField is a field of one of lir study's options, typed into *v
// (empty: each file's own).
func optionField(id, label, help string, v *string) goapp.UI {
	return goapp.Div().Class("field").Body(
		goapp.Label().For(id).Text(label),
		goapp.Input().ID(id).Type("text").Attr("inputmode", "numeric").Attr("autocomplete", "off").
			Placeholder("each file's own").Value(*v).Aria("describedby", id+"-help").
			OnInput(func(ctx goapp.Context, e goapp.Event) { *v = ctx.JSSrc().Get("value").String() }),
		goapp.Small().ID(id+"-help").Class("help").Text(help),
	)
}

// pick reads the files of input id and hands them to the coordinator.
func (p *studiesPanel) pick(ctx goapp.Context, id string, folder bool) {
	readFileInputs(id, config.MaxInputBytes, func(files []pickedFile) {
		ctx.NewActionWithValue(actionStudyFiles, studyPick{Files: files, Folder: folder})
	})
}

// renderFiles lists the files picked: each ready (with its name) or why it
// does not load.
func (p *studiesPanel) renderFiles() goapp.UI {
	f := p.files
	if f.Folder != "" {
		return goapp.P().Class("note bad").Text("Nothing to study: " + f.Folder + ".")
	}
	if len(f.Files) == 0 {
		return goapp.P().Class("muted").Text("No files picked yet.")
	}
	n, ok := len(f.Files), f.Loaded()
	head := fmt.Sprintf("%d %s picked: %d %s", n, plural(n, "file", "files"), ok, plural(ok, "loads", "load"))
	if bad := n - ok - f.Reading(); bad > 0 {
		head += fmt.Sprintf(", %d %s not", bad, plural(bad, "does", "do"))
	}
	if r := f.Reading(); r > 0 {
		head += fmt.Sprintf("; reading %d…", r)
	}
	// A long list of files that all load is folded away.
	return opened(goapp.Details(), n <= maxFilesShown || ok+f.Reading() < n).Body(
		goapp.Summary().ID("study-files-head").Text(head+"."),
		goapp.Ul().ID("study-file-list").Class("history").Body(goapp.Range(f.Files).Slice(func(i int) goapp.UI {
			x := f.Files[i]
			var what goapp.UI
			switch {
			case x.Reading:
				what = goapp.Span().Class("muted").Text("reading…")
			case x.Config == nil:
				what = goapp.Span().Class("error").Text("does not load: " + x.Err)
			default:
				what = goapp.Span().Text(fmt.Sprintf("loads: %s, %s sessions", configName(x.Config), groupDigits(x.Config.Simulation.NumSessions)))
			}
			return goapp.Li().Body(goapp.Strong().Text(x.Name), goapp.Text(" — "), what)
		})),
	)
}

// maxFilesShown is how many files the list shows unfolded when all load.
const maxFilesShown = 12

// configName is a config's metadata.name, or says it has none.
func configName(c *config.Config) string {
	if c.Metadata.Name == "" {
		return "unnamed"
	}
	return c.Metadata.Name
}

// share is the study's progress: configs simulated, and the one on the
// pool by its sessions played.
func (p *studiesPanel) share() float64 {
	j := p.run.Data
	if j == nil || j.Configs == 0 {
		return 0
	}
	cur := 0.0
	if done, _ := j.Progress(); j.Played.IsZero() && j.Sessions > 0 && j.Current > j.Simulated {
		cur = float64(done) / float64(j.Sessions)
	}
	return min(1, (float64(j.Simulated)+cur)/float64(j.Configs))
}

// statusText says where the study stands; a finished one ends with Done,
// Cancelled or "Failed: reason", as the run's status does.
func (p *studiesPanel) statusText() string {
	if p.studying() {
		j := p.run.Data
		if !j.Played.IsZero() {
			return studyStatus(j)
		}
		done, _ := j.Progress()
		return fmt.Sprintf("Config %d of %d, %s: %s of %s sessions played… %s", j.Current, j.Configs, j.File,
			groupDigits(int64(done)), groupDigits(int64(j.Sessions)), seconds(time.Since(j.Started)))
	}
	switch p.studies.Status {
	case done:
		d := p.studies.Data.Doc
		s := fmt.Sprintf("Ranked %d %s", len(d.Rows), plural(len(d.Rows), "config", "configs"))
		if n := len(d.Failed); n > 0 {
			s += fmt.Sprintf("; %d %s did not run", n, plural(n, "file", "files"))
		}
		return fmt.Sprintf("%s, in %.2f s. Done", s, p.studies.Data.Elapsed.Seconds())
	case cancelled:
		return "Study stopped; its partial figures were discarded. Cancelled"
	case failed:
		return "Failed: " + p.studies.Err.Error()
	}
	if p.files.Loaded() > 0 {
		return "Ready. Press Run the study."
	}
	return ""
}

// renderOutcome shows a finished study: the ranking chart, the table (each
// figure exact where there is one, ~ marking a simulated one), its notes
// and the downloads.
func (p *studiesPanel) renderOutcome(o *studyOutcome) goapp.UI {
	var charts []*report.Chart
	if o.Chart != nil {
		charts = append(charts, o.Chart)
	}
	return goapp.Div().Body(
		goapp.If(p.studies.Status != done, func() goapp.UI {
			return goapp.P().Class("muted").Text("Figures of the last study:")
		}),
		&chartGrid{ID: "study-charts", Charts: charts, Dark: p.dark},
		goapp.Div().Class("scroll").Body(goapp.Table().ID("study-table").Class("summary compare").Body(
			goapp.Caption().Text("Configs ranked by P(win)"),
			goapp.THead().Body(goapp.Tr().Body(goapp.Range(report.StudyColumns).Slice(func(i int) goapp.UI {
				return goapp.Th().Scope("col").Text(report.StudyColumns[i])
			}))),
			goapp.TBody().Body(goapp.Range(o.Cells).Slice(func(i int) goapp.UI {
				row := o.Cells[i]
				return goapp.Tr().Body(goapp.Range(row).Slice(func(k int) goapp.UI {
					if k == 1 { // the name heads its row
						return goapp.Th().Scope("row").Text(row[k])
					}
					return goapp.Td().Text(row[k])
				}))
			})),
		)),
		goapp.P().Class("help").Text("Figures are exact where the exact engine answers the config. "+report.StudyLegend),
		goapp.If(len(o.Notes) > 0, func() goapp.UI {
			return goapp.Ul().ID("study-notes").Body(goapp.Range(o.Notes).Slice(func(i int) goapp.UI {
				return goapp.Li().Text(o.Notes[i])
			}))
		}),
		goapp.If(o.JSONURL != "", func() goapp.UI {
			return goapp.Div().Class("row").Body(
				goapp.A().ID("download-study-csv").Class("button").Href(o.CSVURL).Download("lir-study.csv").Text("Download study (CSV)"),
				goapp.A().ID("download-study-json").Class("button").Href(o.JSONURL).Download("lir-study.json").Text("Download study (JSON)"),
			)
		}),
	)
}
