package app

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// studyPanel is the study editor: the preset list, the form generated from
// the config schema (editor.go), the JSON/YAML box, import, export and the
// share link. Every change of the study goes to the others as an
// actionStudy.
type studyPanel struct {
	goapp.Compo

	// Stage is how far the page's first mount has gone: each section of
	// the editor is live from its stage on (stage.go).
	Stage int

	ctx        goapp.Context
	ed         *editor
	jsonText   string
	jsonDirty  bool
	loadMsg    string // outcome of a share link, import, preset or JSON apply
	loadFailed bool
	// preset is the preset the study was loaded from and not edited since
	// (−1: none); chosen is the one the list shows, picked with the arrow
	// keys but not loaded yet (−1: none).
	preset, chosen int
	browsing       bool            // the last key pressed in the list moved through it
	moreOpen       map[string]bool // the "More … options" the user has opened, by section
	shareURL       string
	shareNote      string // "Copied", or what to do when the clipboard refused
	published      study  // the last study sent to the others
}

// loadRequest asks the editor to load a config (Data; none: only show the
// message) and say Note, or Failed and why.
type loadRequest struct {
	Data   []byte
	Note   string
	Failed string
}

func (s *studyPanel) OnInit() {
	s.ed, s.preset, s.chosen, s.moreOpen = newEditor(), 0, -1, map[string]bool{} // the default study is preset 0
}

func (s *studyPanel) OnMount(ctx goapp.Context)     { s.mount(ctx) }
func (s *studyPanel) OnPreRender(ctx goapp.Context) { s.mount(ctx) }

func (s *studyPanel) mount(ctx goapp.Context) {
	s.ctx = ctx
	// Natively the config tools answer at once; in a browser they answer
	// from their worker, and the change is brought to the UI goroutine.
	s.ed.dispatch = func(f func()) {
		ctx.Dispatch(func(ctx goapp.Context) {
			f()
			s.publish(false)
		})
	}
	ctx.Handle(actionLoad, s.onLoad)
	onHashChange(func() { ctx.Dispatch(func(goapp.Context) { s.restoreFromFragment() }) })
	if !s.restoreFromFragment() {
		s.publish(true)
	}
}

// publish sends the study to the others when it changed (always after a
// load).
func (s *studyPanel) publish(loaded bool) {
	st := study{Config: s.ed.cfg, JSON: s.ed.cfgJSON, Pending: s.ed.pending, Loaded: loaded}
	if st.Config == nil {
		st.JSON = ""
	}
	if !loaded && st.JSON == s.published.JSON && st.Pending == s.published.Pending && (st.Config == nil) == (s.published.Config == nil) {
		return
	}
	if st.Config != nil {
		st.Key = exactKey(st.Config)
	}
	s.published = st
	s.ctx.NewActionWithValue(actionStudy, st)
}

func (s *studyPanel) onLoad(ctx goapp.Context, a goapp.Action) {
	r, _ := a.Value.(loadRequest)
	if r.Data == nil {
		if r.Failed != "" {
			s.setLoadMsg(true, r.Failed)
		} else {
			s.setLoadMsg(false, r.Note)
		}
		return
	}
	if err := s.ed.load(r.Data); err != nil {
		s.setLoadMsg(true, r.Failed+": "+oneLine(err)+".")
		return
	}
	s.afterLoad()
	s.setLoadMsg(false, r.Note)
}

// restoreFromFragment loads the config of a share link, if the URL has
// one, and reports whether it did.
func (s *studyPanel) restoreFromFragment() bool {
	data, err := DecodeShare(locationFragment())
	if errors.Is(err, ErrNoShare) {
		return false
	}
	if err != nil {
		s.setLoadMsg(true, "This share link could not be opened: "+err.Error()+". The editor keeps the current study.")
		return false
	}
	if err := s.ed.load(data); err != nil {
		s.setLoadMsg(true, "The study in this share link is not valid, so it was not loaded: "+oneLine(err)+".")
		return false
	}
	s.afterLoad()
	s.setLoadMsg(false, "Study loaded from the share link.")
	return true
}

func (s *studyPanel) setLoadMsg(failed bool, msg string) { s.loadMsg, s.loadFailed = msg, failed }

// afterLoad shows a newly loaded study in every field and tells the
// others.
func (s *studyPanel) afterLoad() {
	s.jsonText, s.jsonDirty = s.ed.JSON(), false
	s.preset, s.chosen = -1, -1 // a preset's handler sets it after this
	// Inputs the new config leaves empty, and the items of lists (whose
	// inputs go-app may reuse for other items): see setInputValues.
	values := map[string]string{}
	for _, g := range formGroups {
		for _, f := range g.Fields {
			switch {
			case f.Kind == kindList:
				maps.Copy(values, s.itemInputValues(f))
			case f.Kind != kindBool && f.Kind != kindSelect && s.ed.text[f.Path] == "":
				values[fieldID(f)] = ""
			}
		}
	}
	s.ctx.Defer(func(goapp.Context) { setInputValues(values) })
	s.publish(true)
}

func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

// loadPreset loads preset i.
func (s *studyPanel) loadPreset(i int) {
	if err := s.ed.applyPreset(i); err != nil {
		s.setLoadMsg(true, "The preset could not be loaded: "+oneLine(err))
		return
	}
	s.afterLoad()
	s.preset = i
	s.setLoadMsg(false, "Preset loaded: "+presets[i].Title+". "+presets[i].About)
}

// Arrow keys and the like move through the preset list without loading
// each study on the way (a closed list changes its value at every key):
// the study chosen loads on Enter or when the list loses focus. A pick with
// the pointer loads at once.
func (s *studyPanel) onPresetKey(ctx goapp.Context, e goapp.Event) {
	switch e.Get("key").String() {
	case "Enter":
		if s.chosen >= 0 {
			e.PreventDefault()
			s.loadPreset(s.chosen)
		}
		s.browsing = false
	case "Tab", "Escape", "Shift", "Control", "Alt", "Meta":
		s.browsing = false
		ctx.PreventUpdate()
	default:
		s.browsing = true
		ctx.PreventUpdate()
	}
}

func (s *studyPanel) onPresetChange(ctx goapp.Context, e goapp.Event) {
	key := ctx.JSSrc().Get("value").String()
	i := slices.IndexFunc(presets, func(p preset) bool { return p.Key == key })
	if i < 0 {
		// The placeholder is no study: the list goes back to the preset
		// loaded, if the study still is one.
		s.chosen = -1
		if s.preset >= 0 {
			k := presets[s.preset].Key
			ctx.Defer(func(goapp.Context) { setInputValues(map[string]string{"preset": k}) })
		}
		return
	}
	if s.browsing {
		s.chosen = i
		return
	}
	s.loadPreset(i)
}

func (s *studyPanel) onPresetBlur(ctx goapp.Context, e goapp.Event) {
	s.browsing = false
	if s.chosen >= 0 && s.chosen != s.preset {
		s.loadPreset(s.chosen)
		return
	}
	ctx.PreventUpdate()
}

func (s *studyPanel) share(ctx goapp.Context) {
	if s.ed.cfg == nil {
		return
	}
	frag := EncodeShare(s.ed.cfg.CanonicalJSON())
	replaceFragment(frag)
	s.shareURL = pageURLWithoutFragment() + "#" + frag
	s.shareNote = ""
	copyToClipboard(s.shareURL, func(ok bool) {
		ctx.Dispatch(func(goapp.Context) {
			if ok {
				s.shareNote = "Copied"
			} else {
				s.shareNote = "The browser did not let the page copy: copy the link from the field below."
			}
		})
	})
}

func (s *studyPanel) Render() goapp.UI {
	showPreset := s.preset
	if s.chosen >= 0 {
		showPreset = s.chosen
	}
	return goapp.Section().ID("study").Class("card editor").Aria("labelledby", "study-h").Body(
		goapp.H2().ID("study-h").Text("Study"),
		// The message comes and goes inside a holder that stays, so the
		// controls after it keep their elements (go-app matches children by
		// position: a new child before the preset list would replace it,
		// losing its selection and focus).
		goapp.Div().ID("load-msg-box").Body(
			goapp.If(s.loadMsg != "", func() goapp.UI {
				role, class := "status", "note ok"
				if s.loadFailed {
					role, class = "alert", "note bad"
				}
				return goapp.P().ID("load-msg").Role(role).Class(class).Text(s.loadMsg)
			}),
		),
		goapp.Div().Class("row").Body(
			goapp.Label().For("preset").Text("Preset"),
			goapp.Select().ID("preset").Aria("describedby", "preset-help").
				OnKeyDown(s.onPresetKey).OnChange(s.onPresetChange).OnBlur(s.onPresetBlur).
				OnMouseDown(func(ctx goapp.Context, e goapp.Event) { s.browsing = false; ctx.PreventUpdate() }).
				Body(
					selected(goapp.Option().Value("none"), showPreset < 0).Text("Choose a preset…"),
					goapp.Range(presets).Slice(func(i int) goapp.UI {
						return selected(goapp.Option().Value(presets[i].Key), i == showPreset).Title(presets[i].About).Text(presets[i].Title)
					}),
				),
			goapp.Small().ID("preset-help").Class("help").Text(s.presetHelp()),
		),
		goapp.Range(formGroups).Slice(func(i int) goapp.UI {
			return staged(s.Stage, groupStage(i), "group-"+formGroups[i].Key, func() goapp.UI { return s.renderGroup(formGroups[i]) })
		}),
		goapp.If(len(s.ed.other) > 0, func() goapp.UI {
			return goapp.Div().Role("alert").Class("note bad").Body(
				goapp.P().Text("Problems in options not shown in the form:"),
				goapp.Ul().Body(goapp.Range(s.ed.other).Slice(func(i int) goapp.UI { return goapp.Li().Text(s.ed.other[i]) })),
			)
		}),
		s.renderJSONBox(),
		goapp.Div().Class("row share").Body(
			disabled(goapp.Button().ID("share"), s.ed.cfg == nil).Text("Copy share link").
				OnClick(func(ctx goapp.Context, e goapp.Event) { s.share(ctx) }),
			goapp.Span().ID("share-note").Role("status").Aria("live", "polite").Class("help").Text(s.shareNote),
			goapp.If(s.shareURL != "", func() goapp.UI {
				return goapp.Div().Class("grow").Body(
					goapp.Label().For("share-url").Text("Share link"),
					goapp.Input().ID("share-url").Type("text").ReadOnly(true).Value(s.shareURL),
				)
			}),
		),
	)
}

func (s *studyPanel) presetHelp() string {
	if s.chosen >= 0 && s.chosen != s.preset {
		return "Press Enter to load " + presets[s.chosen].Title + "."
	}
	return "Loads a whole study; the arrow keys move through the list, Enter loads."
}

func (s *studyPanel) renderGroup(g fieldGroup) goapp.UI {
	var main, more []field
	for _, f := range g.Fields {
		if f.Main {
			main = append(main, f)
		} else {
			more = append(more, f)
		}
	}
	return goapp.FieldSet().ID("group-"+g.Key).Body(
		goapp.Legend().Text(g.Title),
		goapp.Range(main).Slice(func(j int) goapp.UI { return s.renderField(main[j]) }),
		goapp.If(len(more) > 0, func() goapp.UI {
			shown := 0
			for _, f := range more {
				if s.visible(f) {
					shown++
				}
			}
			// Open while the user keeps it open, or while it holds a
			// problem; fixing the problem must not close it under the
			// user's typing. Its fields exist only while it is open: the
			// "More … options" are most of the form's elements (about 450
			// of the page's 770), which the first render would create and
			// wire one by one for nobody.
			open := s.moreOpen[g.Key] || slices.ContainsFunc(more, s.hasProblem)
			return opened(hidden(goapp.Details().ID("more-"+g.Key).Class("more"), shown == 0), open).
				OnToggle(func(ctx goapp.Context, e goapp.Event) {
					open := ctx.JSSrc().Get("open").Bool()
					if open == s.moreOpen[g.Key] {
						ctx.PreventUpdate()
						return
					}
					s.moreOpen[g.Key] = open
				}).Body(
				goapp.Summary().Text(fmt.Sprintf("More %s options (%d)", strings.ToLower(g.Title), shown)),
				goapp.If(open, func() goapp.UI {
					return goapp.Range(more).Slice(func(j int) goapp.UI { return s.renderField(more[j]) })
				}),
			)
		}),
	)
}

func (s *studyPanel) renderJSONBox() goapp.UI {
	ed := s.ed
	return goapp.Details().OnToggle(func(ctx goapp.Context, e goapp.Event) {
		if ctx.JSSrc().Get("open").Bool() {
			ed.needYAML() // the YAML export is in view
		}
	}).Body(
		goapp.Summary().Text("All options (the study as JSON or YAML)"),
		goapp.Label().For("config-json").Text("The study as JSON (or paste YAML): every option of the schema"),
		goapp.Textarea().ID("config-json").Rows(16).Spellcheck(false).
			Text(s.jsonBoxText()).
			OnInput(func(ctx goapp.Context, e goapp.Event) {
				s.jsonText, s.jsonDirty = ctx.JSSrc().Get("value").String(), true
				ctx.PreventUpdate()
			}),
		goapp.Div().Class("row").Body(
			goapp.Button().ID("apply-json").Text("Apply").OnClick(func(ctx goapp.Context, e goapp.Event) {
				if len(s.jsonText) > MaxShareConfig {
					s.setLoadMsg(true, "The JSON is larger than 256 KiB.")
					return
				}
				name := "config.json"
				if t := strings.TrimSpace(s.jsonText); t != "" && t[0] != '{' {
					name = "config.yaml" // the box takes YAML too
				}
				ed.loadFile(name, []byte(s.jsonText), func(err error) {
					if err != nil {
						s.setLoadMsg(true, "The study was not applied: "+oneLine(err)+".")
						return
					}
					s.afterLoad()
					s.setLoadMsg(false, "Study applied.")
				})
			}),
			goapp.Label().For("import").Class("button").Text("Import a study (YAML or JSON)…"),
			goapp.Input().ID("import").Class("visually-hidden").Type("file").Accept(".yaml,.yml,.json,application/json,application/yaml,text/yaml").
				OnChange(func(ctx goapp.Context, e goapp.Event) {
					readFileInput("import", func(name string, data []byte, errText string) {
						ctx.Dispatch(func(goapp.Context) {
							if errText != "" {
								s.setLoadMsg(true, name+" could not be read: "+errText+".")
								return
							}
							ed.loadFile(name, data, func(err error) {
								if err != nil {
									s.setLoadMsg(true, name+" was not loaded: "+oneLine(err)+".")
									return
								}
								s.afterLoad()
								s.setLoadMsg(false, name+" loaded.")
							})
						})
					})
				}),
			goapp.If(ed.cfg != nil, func() goapp.UI {
				return goapp.A().ID("export-json").Class("button").Download("lir-config.json").
					Href("data:application/json;charset=utf-8," + url.PathEscape(ed.JSON())).
					Text("Export config (JSON)")
			}),
			goapp.If(ed.YAML() != "", func() goapp.UI {
				return goapp.A().ID("export-yaml").Class("button").Download("lir-config.yaml").
					Href("data:application/yaml;charset=utf-8," + url.PathEscape(ed.YAML())).
					Text("Export config (YAML)")
			}).ElseIf(ed.cfg != nil, func() goapp.UI {
				return goapp.Button().Disabled(true).Text("Preparing the YAML…")
			}),
		),
	)
}

// visible reports whether a field is shown: one of a section's variants
// only while selected, or while it has a problem. Hidden fields keep their
// elements (hidden attribute), so go-app never moves one field's element to
// another.
func (s *studyPanel) visible(f field) bool {
	return f.WhenPath == "" || s.ed.text[f.WhenPath] == f.WhenValue || s.hasProblem(f)
}

// hasProblem reports whether field f, or an item of list f, has a problem.
func (s *studyPanel) hasProblem(f field) bool {
	if s.ed.problems[f.Path] != "" {
		return true
	}
	if f.Kind == kindList {
		for path, msg := range s.ed.problems {
			if msg != "" && strings.HasPrefix(path, f.Path+"[") {
				return true
			}
		}
	}
	return false
}

func (s *studyPanel) jsonBoxText() string {
	if s.jsonDirty {
		return s.jsonText
	}
	return s.ed.JSON()
}

// edited tells the others after a change typed in the form: the study is
// no longer the preset it was loaded from.
func (s *studyPanel) edited() {
	s.preset, s.chosen = -1, -1
	s.publish(false)
}

// onFieldInput handles input in any form field. The field comes from the
// element's data-path, not from a closure: go-app keeps the first handler of
// a reused element when the new one is the same function literal, so a
// closure over the field would go stale when the form's layout shifts.
func (s *studyPanel) onFieldInput(ctx goapp.Context, e goapp.Event) {
	src := ctx.JSSrc()
	f, ok := fieldByPath(src.Get("dataset").Get("path").String())
	if !ok {
		return
	}
	v := src.Get("value").String()
	if f.Kind == kindBool {
		v = strconv.FormatBool(src.Get("checked").Bool())
	}
	s.ed.set(f, v)
	s.edited()
}

// fieldID is the element id of a form field's control.
func fieldID(f field) string { return "f-" + strings.ReplaceAll(f.Path, ".", "-") }

// itemInputID is the element id of field sub of item i of list f.
func itemInputID(f field, i int, sub field) string {
	return fmt.Sprintf("%s-%d-%s", fieldID(f), i, sub.Path)
}

// itemInputValues are the texts of list f's item inputs by element id.
func (s *studyPanel) itemInputValues(f field) map[string]string {
	out := map[string]string{}
	for i := range s.ed.items(f) {
		for _, sub := range f.Elem {
			if sub.Kind != kindSelect && sub.Kind != kindBool {
				out[itemInputID(f, i, sub)] = s.ed.text[itemPath(f.Path, i, sub.Path)]
			}
		}
	}
	return out
}

// renderList edits a list of the config (custom rules, profit tiers): a
// row of fields per item, each with its own problem, Remove per item and
// Add at the end.
func (s *studyPanel) renderList(f field) goapp.UI {
	noun := "item"
	switch {
	case strings.HasSuffix(f.Path, "_rules"):
		noun = "rule"
	case strings.HasSuffix(f.Path, "_tiers"):
		noun = "tier"
	}
	items := s.ed.items(f)
	addID := fieldID(f) + "-add"
	changed := func() {
		values := s.itemInputValues(f)
		s.ctx.Defer(func(goapp.Context) { setInputValues(values) })
		s.edited()
	}
	return hidden(goapp.FieldSet().ID(fieldID(f)).Class("list"), !s.visible(f)).Body(
		goapp.Legend().Text(f.Label),
		goapp.Small().Class("help").Text(f.Help),
		goapp.Range(items).Slice(func(i int) goapp.UI {
			return goapp.Div().Class("item").Body(
				goapp.Range(f.Elem).Slice(func(j int) goapp.UI { return s.renderItemField(f, i, f.Elem[j], noun) }),
				goapp.Button().Class("remove").Aria("label", fmt.Sprintf("Remove %s %d", noun, i+1)).Text("Remove").
					OnClick(func(ctx goapp.Context, e goapp.Event) {
						s.ed.removeItem(f, i)
						changed()
						// The button is gone with its item: focus goes to Add,
						// not to the page.
						ctx.Defer(func(goapp.Context) { focusIfLost(addID) })
					}),
			)
		}),
		goapp.Button().ID(addID).Class("add").Text("Add "+noun).Aria("label", "Add "+noun+": "+f.Label).
			OnClick(func(goapp.Context, goapp.Event) {
				s.ed.addItem(f)
				changed()
			}),
	)
}

func (s *studyPanel) renderItemField(f field, i int, sub field, noun string) goapp.UI {
	id := itemInputID(f, i, sub)
	path := itemPath(f.Path, i, sub.Path)
	problem := s.ed.problems[path]
	text := s.ed.text[path]
	onInput := func(ctx goapp.Context, e goapp.Event) {
		s.ed.setItem(f, i, sub, ctx.JSSrc().Get("value").String())
		s.edited()
	}
	var control goapp.UI
	if sub.Kind == kindSelect {
		control = goapp.Select().ID(id).Aria("invalid", strconv.FormatBool(problem != "")).OnChange(onInput).Body(
			goapp.Range(sub.Options).Slice(func(k int) goapp.UI {
				return selected(goapp.Option().Value(sub.Options[k]), sub.Options[k] == text).Text(optionLabel(sub.Options[k]))
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

func (s *studyPanel) renderField(f field) goapp.UI {
	if f.Kind == kindList {
		return s.renderList(f)
	}
	id := fieldID(f)
	problem := s.ed.problems[f.Path]
	text := s.ed.text[f.Path]
	var described []string
	if f.Help != "" {
		described = append(described, id+"-help")
	}
	if problem != "" {
		described = append(described, id+"-err")
	}
	var control goapp.UI
	switch f.Kind {
	case kindBool:
		control = checked(goapp.Input().ID(id).Type("checkbox"), text == "true").DataSet("path", f.Path).
			Aria("describedby", strings.Join(described, " ")).OnChange(s.onFieldInput)
	case kindSelect:
		opts := f.Options
		if !slices.Contains(opts, text) {
			opts = append([]string{text}, opts...)
		}
		control = goapp.Select().ID(id).DataSet("path", f.Path).Aria("describedby", strings.Join(described, " ")).
			Aria("invalid", strconv.FormatBool(problem != "")).OnChange(s.onFieldInput).Body(
			goapp.Range(opts).Slice(func(i int) goapp.UI {
				return selected(goapp.Option().Value(opts[i]), opts[i] == text).Text(optionLabel(opts[i]))
			}),
		)
	default:
		mode := "decimal"
		if f.Kind == kindInt || f.Kind == kindOptInt || f.Kind == kindSeed {
			mode = "numeric"
		}
		control = goapp.Input().ID(id).DataSet("path", f.Path).Type("text").Attr("inputmode", mode).Attr("autocomplete", "off").
			Value(text).Aria("describedby", strings.Join(described, " ")).
			Aria("invalid", strconv.FormatBool(problem != "")).OnInput(s.onFieldInput)
	}
	return hidden(goapp.Div().Class("field"), !s.visible(f)).Body(
		goapp.Label().For(id).Text(f.Label),
		control,
		goapp.If(f.Help != "", func() goapp.UI { return goapp.Small().ID(id + "-help").Class("help").Text(f.Help) }),
		goapp.If(problem != "", func() goapp.UI { return goapp.Small().ID(id + "-err").Class("error").Text(problem) }),
	)
}
