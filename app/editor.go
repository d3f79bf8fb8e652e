//lint:file-ignore ST1005 these errors are sentences shown under form fields as they are

package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/config"
)

// fieldKind says how a form field reads and writes its config value.
type fieldKind int

const (
	kindInt      fieldKind = iota // whole number
	kindOptInt                    // whole number, or empty for null
	kindMoney                     // amount with up to two decimals
	kindOptMoney                  // amount, or empty for null
	kindFloat                     // decimal number
	kindOptFloat                  // decimal number, or empty for null
	kindSeed                      // uint64 as decimal, or empty to draw one
	kindSelect                    // one of Options
	kindBool                      // checkbox
	kindText                      // free text
	kindList                      // a list of items, each of the fields Elem (custom rules, profit tiers)
)

// field is one form control bound to a config path. The form is generated
// from the engine's schema (the struct tags of config.Config: json, doc,
// enum, min, max, null), so every option the engine gains appears here by
// itself; fieldLabels only gives the main ones friendlier names.
type field struct {
	Path    string
	Label   string
	Kind    fieldKind
	Options []string
	Help    string
	Main    bool // shown at once; the others are under "More options"
	// A field of one variant of a section (martingale's loss multiplier)
	// is shown only while the section's type selects it (or it has a
	// problem): WhenPath is that select, WhenValue the variant.
	WhenPath, WhenValue string
	// Elem are the fields of one item of a list (kindList); their Path
	// is their key in the item.
	Elem []field
}

// variantOf names the variant of the few sub-sections whose key is not one
// of their selector's options.
var variantOf = map[string]string{"paytables.bonus.progressive": "paytable_c"}

// markVariants sets WhenPath and WhenValue of the fields of a section's
// variants, and names them by their variant ("Martingale: loss
// multiplier": several variants have a max bet).
func markVariants(fields []field) {
	selects := map[string]field{}
	for _, f := range fields {
		if f.Kind == kindSelect && strings.HasSuffix(f.Path, ".type") {
			selects[strings.TrimSuffix(f.Path, ".type")] = f
		}
	}
	for i := range fields {
		f := &fields[i]
		for sec := f.Path; strings.Contains(sec, "."); {
			sec = sec[:strings.LastIndex(sec, ".")]
			j := strings.LastIndex(sec, ".")
			if j < 0 {
				break // a top-level section has no selector above it
			}
			parent, variant := sec[:j], sec[j+1:]
			sel, ok := selects[parent]
			if v, over := variantOf[sec]; over {
				variant = v
			}
			if ok && slices.Contains(sel.Options, variant) {
				f.WhenPath, f.WhenValue = sel.Path, variant
				if !f.Main {
					rest := strings.ReplaceAll(f.Path[len(sec)+1:], ".", " ")
					name := humanize(sec[len(parent)+1:])
					if name == "Custom" { // several sections have one
						name += " " + strings.ReplaceAll(parent[strings.LastIndex(parent, ".")+1:], "_", " ")
					}
					f.Label = name + ": " + strings.ToLower(humanize(rest))
				}
				break
			}
		}
	}
}

type fieldGroup struct {
	Title  string
	Key    string
	Fields []field
}

// fieldLabels names the fields shown first in each section; their order here
// is their order on the page.
var fieldLabels = []struct{ Path, Label, Help string }{
	{"simulation.num_sessions", "Sessions", ""},
	{"simulation.random_seed", "Seed", "Empty: a seed is drawn and reported, so the run can be replayed."},
	{"simulation.hands_per_session", "Hands per session", ""},
	{"table.num_seats", "Seats", ""},
	{"table.seat_mode", "When a seat stops", ""},
	{"bankroll.starting_amount", "Starting bankroll", ""},
	{"bankroll.base_bet", "Base bet (per circle)", ""},
	{"bankroll.stop_conditions.win_limit", "Win limit (profit)", "Empty: no win limit."},
	{"bankroll.stop_conditions.loss_limit", "Loss limit", "Empty: no loss limit."},
	{"bankroll.stop_conditions.max_hands", "Max hands", "Empty: no cap other than hands per session."},
	{"bankroll.betting_system.type", "Betting system", ""},
	{"strategy.type", "Playing strategy", ""},
	{"bonus_strategy.enabled", "Bet the bonus", ""},
	{"bonus_strategy.type", "Bonus strategy", ""},
	{"bonus_strategy.always.amount", "Bonus amount (always)", ""},
	{"bonus_strategy.static.amount", "Bonus amount (static)", ""},
	{"paytables.main_game.type", "Main game paytable", ""},
	{"paytables.bonus.type", "Bonus paytable", ""},
}

// labelOverrides rename fields outside the main set whose key alone would be
// unclear or clash with a page control.
var labelOverrides = map[string]string{
	"simulation.workers":           "Workers saved with the study (0: every core)",
	"simulation.progress_interval": "Progress interval (sessions)",
}

// sectionTitles are the form's sections, in page order; config sections not
// listed (output: what the CLI writes) stay in the JSON box only.
var sectionTitles = []struct{ Key, Title string }{
	{"simulation", "Simulation"},
	{"table", "Table"},
	{"bankroll", "Bankroll, bets and limits"},
	{"strategy", "Playing strategy"},
	{"bonus_strategy", "Three Card Bonus"},
	{"paytables", "Paytables"},
	{"dealer", "Dealer"},
	{"deck", "Deck"},
	{"metadata", "About this study"},
}

var formGroups = buildForm()

func buildForm() []fieldGroup {
	t := reflect.TypeOf(config.Config{})
	var groups []fieldGroup
	for _, s := range sectionTitles {
		sf, ok := fieldByJSONName(t, s.Key)
		if !ok {
			continue
		}
		g := fieldGroup{Title: s.Title, Key: s.Key}
		collectFields(&g.Fields, sf.Type, s.Key)
		markVariants(g.Fields)
		// Main fields first, in fieldLabels order; the rest in schema order.
		var main, more []field
		for _, l := range fieldLabels {
			for i, f := range g.Fields {
				if f.Path == l.Path {
					f.Main, f.Label = true, l.Label
					if l.Help != "" {
						f.Help = l.Help
					}
					main = append(main, f)
					g.Fields[i].Path = ""
				}
			}
		}
		for _, f := range g.Fields {
			if f.Path != "" {
				more = append(more, f)
			}
		}
		g.Fields = append(main, more...)
		groups = append(groups, g)
	}
	return groups
}

func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if jsonName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	return name
}

var (
	moneyType = reflect.TypeOf(config.Money(0))
)

func collectFields(out *[]field, t reflect.Type, prefix string) {
	for i := range t.NumField() {
		sf := t.Field(i)
		name := jsonName(sf)
		if name == "" || name == "-" {
			continue
		}
		path := prefix + "." + name
		f := field{Path: path, Label: humanize(name), Help: sf.Tag.Get("doc")}
		if l, ok := labelOverrides[path]; ok {
			f.Label = l
		}
		typ := sf.Type
		ptr := typ.Kind() == reflect.Pointer
		if ptr {
			typ = typ.Elem()
		}
		if ptr && typ.Kind() == reflect.Struct {
			// An optional section (the Python tool's rules, null unless a
			// file in its form sets them) has no form fields.
			continue
		}
		switch {
		case typ == moneyType:
			f.Kind = pick(ptr, kindOptMoney, kindMoney)
		case typ.Kind() == reflect.Struct:
			collectFields(out, typ, path)
			continue
		case typ.Kind() == reflect.Bool:
			f.Kind = kindBool
		case typ.Kind() == reflect.String && sf.Tag.Get("enum") != "":
			f.Kind, f.Options = kindSelect, strings.Split(sf.Tag.Get("enum"), "|")
		case typ.Kind() == reflect.String:
			f.Kind = kindText
		case typ.Kind() == reflect.Uint64:
			f.Kind = kindSeed
		case typ.Kind() == reflect.Int64 || typ.Kind() == reflect.Int:
			f.Kind = pick(ptr, kindOptInt, kindInt)
		case typ.Kind() == reflect.Float64:
			f.Kind = pick(ptr, kindOptFloat, kindFloat)
		case typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.Struct:
			f.Kind = kindList
			collectFields(&f.Elem, typ.Elem(), "")
			for i := range f.Elem {
				f.Elem[i].Path = strings.TrimPrefix(f.Elem[i].Path, ".")
			}
		default:
			continue
		}
		if ptr {
			// The schema's null is an empty field here.
			f.Help = strings.ReplaceAll(f.Help, "null:", "empty:")
		}
		f.Help = words(f.Help)
		if lo, hi := sf.Tag.Get("min"), sf.Tag.Get("max"); lo != "" && hi != "" && f.Kind != kindText {
			f.Help = strings.TrimSpace(f.Help + " Range " + lo + " to " + hi + ".")
		}
		*out = append(*out, f)
	}
}

func pick(ptr bool, a, b fieldKind) fieldKind {
	if ptr {
		return a
	}
	return b
}

// schemaKey matches a schema key or path in a sentence: "table_rounds",
// "stop_conditions.max_hands".
var schemaKey = regexp.MustCompile(`\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)*_[a-z0-9]+\b`)

// words puts the schema keys of a sentence (the schema's doc texts name
// other options by key) in words: "table_rounds" → "table rounds", a path
// by its last key.
func words(s string) string {
	return schemaKey.ReplaceAllStringFunc(s, func(k string) string {
		if i := strings.LastIndexByte(k, '.'); i >= 0 {
			k = k[i+1:]
		}
		return strings.ReplaceAll(k, "_", " ")
	})
}

// humanize turns a schema key into a label: "hands_per_hour" → "Hands per hour".
func humanize(key string) string {
	s := strings.ReplaceAll(key, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func fieldByPath(path string) (field, bool) {
	for _, g := range formGroups {
		for _, f := range g.Fields {
			if f.Path == path {
				return f, true
			}
		}
	}
	return field{}, false
}

// editor holds the config being edited as a JSON tree, the text of each
// form field, and the problems found in them.
type editor struct {
	tree     map[string]any
	text     map[string]string // form text by path
	problems map[string]string // message by path ("" key: not tied to a field)
	other    []string          // problems for paths the form does not show
	cfg      *config.Config    // the valid config, or nil
	cfgJSON  string            // cfg's canonical JSON, made once when cfg is set

	// checking counts expr-lang checks asked of the tools worker; a reply
	// to an older one is stale. While one is out, cfg is nil.
	checking int
	pending  bool
	// yaml is the config as a YAML file, made by the tools worker from
	// the canonical JSON yamlOf, once wantYAML (the export is in view).
	yaml, yamlOf string
	wantYAML     bool
	// dispatch runs f on the UI goroutine and redraws (the page sets it;
	// natively the tools answer at once, so f just runs).
	dispatch func(f func())
}

func newEditor() *editor {
	e := &editor{dispatch: func(f func()) { f() }}
	if err := e.load(config.Study().CanonicalJSON()); err != nil {
		panic(fmt.Sprintf("the default config does not load: %v", err))
	}
	return e
}

// load replaces the config with data (a JSON config document) when the
// schema accepts it; otherwise it keeps the current config and returns the
// problems. Rule expressions are then checked with expr-lang too, as the
// CLI does (validate).
func (e *editor) load(data []byte) error {
	cfg, err := config.DecodeJSON(data)
	if err != nil {
		return err
	}
	tree, err := decodeTree(cfg.CanonicalJSON())
	if err != nil {
		return err
	}
	e.tree = tree
	e.text = map[string]string{}
	for _, g := range formGroups {
		for _, f := range g.Fields {
			if f.Kind == kindList {
				e.fillItemText(f)
			} else {
				e.text[f.Path] = formatValue(f, getPath(e.tree, f.Path))
			}
		}
	}
	e.validate()
	return nil
}

// itemPath names key of item i of list path as the schema's problems do:
// "strategy.custom.bet1_rules[0].condition".
func itemPath(list string, i int, key string) string {
	return fmt.Sprintf("%s[%d].%s", list, i, key)
}

// items are the items of list f in the tree.
func (e *editor) items(f field) []any {
	l, _ := getPath(e.tree, f.Path).([]any)
	return l
}

// fillItemText sets the form text of every item of list f from the tree.
func (e *editor) fillItemText(f field) {
	for k := range e.text {
		if strings.HasPrefix(k, f.Path+"[") {
			delete(e.text, k)
		}
	}
	for i, it := range e.items(f) {
		m, _ := it.(map[string]any)
		for _, sub := range f.Elem {
			e.text[itemPath(f.Path, i, sub.Path)] = formatValue(sub, m[sub.Path])
		}
	}
}

// setItem takes the text of field sub of item i of list f.
func (e *editor) setItem(f field, i int, sub field, text string) {
	path := itemPath(f.Path, i, sub.Path)
	e.text[path] = text
	v, err := parseValue(sub, text)
	l := e.items(f)
	if err != nil || i >= len(l) {
		e.refuse(path, err)
		return
	}
	m, ok := l[i].(map[string]any)
	if !ok {
		m = map[string]any{}
		l[i] = m
	}
	m[sub.Path] = v
	e.validate()
}

// addItem appends an item to list f: selects at their first option,
// amounts at 0, text empty (to be filled in).
func (e *editor) addItem(f field) {
	m := map[string]any{}
	for _, sub := range f.Elem {
		switch sub.Kind {
		case kindSelect:
			m[sub.Path] = sub.Options[0]
		case kindText:
			m[sub.Path] = ""
		case kindBool:
			m[sub.Path] = false
		default:
			m[sub.Path] = json.Number("0")
		}
	}
	setPath(e.tree, f.Path, append(e.items(f), m))
	e.fillItemText(f)
	e.validate()
}

// removeItem removes item i of list f.
func (e *editor) removeItem(f field, i int) {
	l := e.items(f)
	if i >= len(l) {
		return
	}
	setPath(e.tree, f.Path, slices.Delete(slices.Clone(l), i, i+1))
	e.fillItemText(f)
	e.validate()
}

// isItemPath reports whether path names a field of an item of a list of
// the form ("strategy.custom.bet1_rules[2].condition").
func isItemPath(path string) bool {
	list, _, ok := strings.Cut(path, "[")
	if !ok {
		return false
	}
	f, ok := fieldByPath(list)
	return ok && f.Kind == kindList
}

// loadFile loads a config file as the CLI reads one (configyaml.Decode, in
// the tools worker): JSON for a .json name, YAML otherwise, every rule
// expression checked with expr-lang before the config is accepted. done
// gets nil, or why the file was refused (the editor is then unchanged).
func (e *editor) loadFile(name string, data []byte, done func(error)) {
	callTools(toolsDecode, name, string(data), func(r toolsReply) {
		e.dispatch(func() {
			if r.Err != "" {
				if len(r.Problems) > 0 {
					done(r.Problems)
				} else {
					done(errors.New(r.Err))
				}
				return
			}
			done(e.load([]byte(r.Text)))
		})
	})
}

func decodeTree(data []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree map[string]any
	if err := dec.Decode(&tree); err != nil {
		return nil, err
	}
	return tree, nil
}

// set takes the text of field f, writes it into the tree and revalidates.
func (e *editor) set(f field, text string) {
	e.text[f.Path] = text
	v, err := parseValue(f, text)
	if err != nil {
		e.refuse(f.Path, err)
		return
	}
	setPath(e.tree, f.Path, v)
	e.validate()
}

// refuse files a text that does not parse (err) as the problem of path; the
// config is invalid until it is fixed. A nil err is an item no longer
// there: the form is simply revalidated.
func (e *editor) refuse(path string, err error) {
	e.validate()
	if err == nil {
		return
	}
	e.problems[path] = err.Error()
	e.cfg = nil
	e.checking++ // a rule check now out is of a config the form no longer shows
	e.pending = false
}

// validate runs the engine's schema over the tree and files each problem
// under its field path. A config with rule expressions stays pending
// (cfg nil) until the tools worker has checked them with expr-lang.
func (e *editor) validate() {
	e.problems, e.other = map[string]string{}, nil
	e.checking++
	e.pending = false
	data, _ := json.Marshal(e.tree)
	cfg, err := config.DecodeJSON(data)
	e.cfg = nil
	if err != nil {
		e.file(err)
		return
	}
	if !hasExpressions(cfg) {
		e.accept(cfg)
		return
	}
	e.pending = true
	gen := e.checking
	callTools(toolsCheck, "", string(cfg.CanonicalJSON()), func(r toolsReply) {
		e.dispatch(func() {
			if gen != e.checking {
				return // the config changed meanwhile
			}
			e.pending = false
			switch {
			case len(r.Problems) > 0:
				e.file(r.Problems)
			case r.Err != "":
				e.other = append(e.other, "checking the rule expressions: "+r.Err)
			default:
				e.accept(cfg)
			}
		})
	})
}

// accept makes cfg the editor's valid config and, when its YAML is
// wanted, asks the tools worker for it.
func (e *editor) accept(cfg *config.Config) {
	e.cfg, e.cfgJSON = cfg, string(cfg.CanonicalJSON())
	e.makeYAML()
}

// needYAML asks for the config's YAML from now on.
func (e *editor) needYAML() {
	e.wantYAML = true
	e.makeYAML()
}

func (e *editor) makeYAML() {
	if !e.wantYAML || e.cfg == nil {
		return
	}
	js := e.cfgJSON
	if e.yamlOf == js {
		return
	}
	callTools(toolsEncode, "", js, func(r toolsReply) {
		e.dispatch(func() {
			if r.Err == "" {
				e.yaml, e.yamlOf = r.Text, js
			}
		})
	})
}

// file shows the problems of err under their fields.
func (e *editor) file(err error) {
	var errs config.Errors
	if !errors.As(err, &errs) {
		e.other = append(e.other, err.Error())
		return
	}
	for _, pe := range errs {
		// A problem of a field is shown under it, without the path; one of
		// a section (bonus_strategy.static) under the section's first field,
		// with the path.
		at, msg := pe.Path, strings.TrimPrefix(pe.Error(), pe.Path+": ")
		if _, ok := fieldByPath(at); !ok && !isItemPath(at) {
			at, msg = firstFieldUnder(pe.Path), pe.Error()
		}
		if at == "" {
			e.other = append(e.other, pe.Error())
			continue
		}
		if e.problems[at] != "" {
			e.problems[at] += "; "
		}
		e.problems[at] += msg
	}
}

// firstFieldUnder is the path of the first form field inside section
// path, or "".
func firstFieldUnder(path string) string {
	for _, g := range formGroups {
		for _, f := range g.Fields {
			if strings.HasPrefix(f.Path, path+".") {
				return f.Path
			}
		}
	}
	return ""
}

// YAML is the config as a YAML file, or "" while it is invalid or the
// tools worker has not made it yet.
func (e *editor) YAML() string {
	if e.cfg == nil || e.yamlOf != e.cfgJSON {
		return ""
	}
	return e.yaml
}

// JSON is the config as the JSON box shows it.
func (e *editor) JSON() string {
	if e.cfg != nil {
		var b bytes.Buffer
		json.Indent(&b, []byte(e.cfgJSON), "", "  ")
		return b.String()
	}
	b, _ := json.MarshalIndent(e.tree, "", "  ")
	return string(b)
}

func parseValue(f field, text string) (any, error) {
	text = strings.TrimSpace(text)
	switch f.Kind {
	case kindBool:
		return text == "true", nil
	case kindSelect, kindText:
		return text, nil
	case kindOptInt, kindOptMoney, kindOptFloat, kindSeed:
		if text == "" {
			return nil, nil
		}
	}
	switch f.Kind {
	case kindInt, kindOptInt:
		if _, err := strconv.ParseInt(text, 10, 64); err != nil {
			return nil, fmt.Errorf("Enter a whole number.")
		}
	case kindSeed:
		if _, err := strconv.ParseUint(text, 10, 64); err != nil {
			return nil, fmt.Errorf("Enter a whole number from 0 to 18446744073709551615, or leave empty.")
		}
	case kindFloat, kindOptFloat:
		if _, err := strconv.ParseFloat(text, 64); err != nil {
			return nil, fmt.Errorf("Enter a number, e.g. 0.5.")
		}
	case kindMoney, kindOptMoney:
		v, err := strconv.ParseFloat(text, 64)
		if err != nil || v != v {
			return nil, fmt.Errorf("Enter an amount, e.g. 5 or 2.50.")
		}
		if i := strings.IndexByte(text, '.'); i >= 0 && len(text)-i-1 > 2 {
			return nil, fmt.Errorf("Amounts have at most two decimals (cents).")
		}
	}
	return json.Number(text), nil
}

func formatValue(f field, v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case bool:
		return strconv.FormatBool(v)
	case json.Number:
		return v.String()
	case string:
		return v
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

func getPath(tree map[string]any, path string) any {
	var cur any = tree
	for _, k := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[k]
	}
	return cur
}

func setPath(tree map[string]any, path string, v any) {
	keys := strings.Split(path, ".")
	m := tree
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	m[keys[len(keys)-1]] = v
}

// preset is a starting point of the preset list: the default study, or one
// of the studies of configs/ (the files lir run --preset reads).
type preset struct {
	Key   string // "default", or the configs/ name
	Title string // its metadata.name
	About string // one line on what it studies
}

var presets = func() []preset {
	d := config.Study()
	out := []preset{{"default", d.Metadata.Name, "The default study: basic strategy, flat $5 bets, stop at +$250 / −$200 / 200 hands."}}
	for _, n := range configs.Names() {
		out = append(out, preset{n, configs.Title(n), words(configs.Description(n))})
	}
	return out
}()

// applyPreset loads preset i.
func (e *editor) applyPreset(i int) error {
	c := config.Study()
	if k := presets[i].Key; k != "default" {
		var err error
		if c, err = configs.Load(k); err != nil {
			return err
		}
	}
	return e.load(c.CanonicalJSON())
}

// optionNames are the schema's choices that humanize alone would not put
// in a player's words.
var optionNames = map[string]string{
	"dalembert":          "D'Alembert",
	"paytable_a":         "Paytable A",
	"paytable_b":         "Paytable B",
	"paytable_c":         "Paytable C (progressive)",
	"bgc_lirx02":         "BGC LIRX02",
	"bgc_lirx03":         "BGC LIRX03",
	"fisher_yates":       "Fisher–Yates shuffle",
	"cryptographic":      "Cryptographic shuffle",
	"sit_out":            "Sits out",
	"leave":              "Leaves the table",
	"replace":            "Is replaced by a new player",
	"reverse_martingale": "Reverse martingale",
	"main":               "Main game",
	"total":              "Main game and bonus",
	"any_win":            "Any win",
	"any_loss":           "Any loss",
}

// optionLabel is a choice of a select in words ("always_pull" → "Always
// pull"); the option's value stays the schema's.
func optionLabel(v string) string {
	if l, ok := optionNames[v]; ok {
		return l
	}
	return humanize(v)
}
