package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/configs"
)

// comparisonPanel runs comparisons of the study and the presets on common
// random numbers, as lir compare does, and shows a comparison document:
// the configs, and per pair the paired tests with their Holm-adjusted
// p-values, effect sizes and the variance reduction of common random
// numbers.
type comparisonPanel struct {
	goapp.Compo

	comparison async[*comparisonView]
	run        async[*runJob]
	study      study
	workers    workerCount
	dark       bool
	// current and presets are the configs picked for the next comparison.
	current bool
	presets map[string]bool
}

func (p *comparisonPanel) OnMount(ctx goapp.Context)     { p.mount(ctx) }
func (p *comparisonPanel) OnPreRender(ctx goapp.Context) { p.mount(ctx) }

func (p *comparisonPanel) mount(ctx goapp.Context) {
	p.presets = map[string]bool{}
	ctx.ObserveState(stateComparison, &p.comparison)
	ctx.ObserveState(stateRun, &p.run)
	ctx.ObserveState(stateStudy, &p.study)
	ctx.ObserveState(stateWorkers, &p.workers)
	ctx.ObserveState(stateDark, &p.dark)
}

// pickCurrent is the picker's key of the current study (preset files end
// in .yaml, so no preset has this name: it has a slash).
const pickCurrent = "/current"

func (p *comparisonPanel) Render() goapp.UI {
	v := p.comparison.Data
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
		p.renderPicker(),
		goapp.P().Class("muted").Text("Or load the JSON of lir compare A.yaml B.yaml … --json to see its paired tests."),
		goapp.Div().Class("row").Body(
			goapp.Label().For("import-comparison").Class("button").Text("Load comparison (JSON)…"),
			goapp.Input().ID("import-comparison").Class("visually-hidden").Type("file").Accept(".json,application/json").
				OnChange(func(ctx goapp.Context, e goapp.Event) {
					readFileInput("import-comparison", func(name string, data []byte, errText string) {
						ctx.NewActionWithValue(actionComparison, comparisonFile{Name: name, Data: data, Err: errText})
					})
				}),
		),
		goapp.If(p.comparison.Status == failed, func() goapp.UI {
			return goapp.P().Role("alert").Class("note bad").Text(sentence(p.comparison.Err))
		}),
		goapp.If(v != nil, func() goapp.UI {
			crn := "yes: session i of every config saw the same cards"
			if !v.Doc.CommonCards {
				crn = "no: the configs deal differently (seats, discard or shuffle differ); the paired tests stay valid"
			}
			return goapp.Div().Body(
				goapp.P().Text(fmt.Sprintf("Seed %s · %s table sessions per config · common random numbers: %s", v.Doc.Seed, groupDigits(int64(v.Doc.Sessions)), crn)),
				table("comparison-configs", "Configs", comparisonConfigHead, v.Configs),
				table("comparison-pairs", "Pairs: differences a − b; p-values adjusted by Holm across pairs", comparisonPairHead, v.Pairs),
				&chartGrid{ID: "comparison-charts", Charts: v.Charts, Dark: p.dark},
				goapp.If(v.URL != "", func() goapp.UI {
					return goapp.Div().Class("row").Body(
						goapp.A().ID("download-comparison").Class("button").Href(v.URL).Download(v.File).Text("Download comparison (JSON)"),
					)
				}),
			)
		}),
	)
}

// renderPicker lists the configs a comparison can run — the current study
// and the presets of configs/ (the files lir compare reads), named as the
// preset list names them — and the Compare button.
func (p *comparisonPanel) renderPicker() goapp.UI {
	names := configs.Names()
	running := p.run.Status == working
	check := func(key, label, help string, on bool) goapp.UI {
		id := "cmp-" + key
		if key == pickCurrent {
			id = "cmp-current"
		}
		return goapp.Li().Body(
			disabled(checked(goapp.Input().ID(id).Type("checkbox").DataSet("pick", key), on), running).
				Aria("describedby", id+"-help").OnChange(p.onPick),
			goapp.Label().For(id).Text(label),
			goapp.Small().ID(id+"-help").Class("help").Text(help),
		)
	}
	return goapp.FieldSet().Class("compare-pick").Body(
		goapp.Legend().Text("Run a comparison"),
		goapp.P().Class("help").Text("Pick two or more configs. Session i of every config is dealt from the same seed (common random numbers); "+
			"the seed and the number of sessions are the first config's (the current study comes first), as lir compare takes them."),
		goapp.Ul().Class("picks").Body(
			check(pickCurrent, currentStudy, "the study in the editor", p.current),
			goapp.Range(names).Slice(func(i int) goapp.UI {
				return check(names[i], presetTitle(names[i]), words(configs.Description(names[i])), p.presets[names[i]])
			}),
		),
		goapp.Div().Class("row").Body(
			disabled(goapp.Button().ID("compare-button").Class("primary").Text("Compare"), running || p.workers.Err != "").
				OnClick(func(ctx goapp.Context, e goapp.Event) {
					pick := comparePick{Current: p.current}
					for _, n := range names {
						if p.presets[n] {
							pick.Presets = append(pick.Presets, n)
						}
					}
					ctx.NewActionWithValue(actionCompare, pick)
				}),
			goapp.Small().Class("help").Text("Progress and the end of the comparison show under Run; Cancel stops it."),
		),
	)
}

// onPick records a ticked or cleared config of the picker; data-pick names
// the preset, or is pickCurrent.
func (p *comparisonPanel) onPick(ctx goapp.Context, e goapp.Event) {
	src := ctx.JSSrc()
	key, on := src.Get("dataset").Get("pick").String(), src.Get("checked").Bool()
	if key == pickCurrent {
		p.current = on
		return
	}
	p.presets[key] = on
}

// sentence is an error as a sentence: capitalised, with a full stop.
func sentence(err error) string {
	if err == nil || err.Error() == "" {
		return ""
	}
	s := err.Error()
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
