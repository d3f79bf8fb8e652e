package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/lir-lab/lir/internal/standin/config"
)

// fieldKind says how a form field reads and writes its config value.
type fieldKind int

const (
	kindInt      fieldKind = iota // whole number
	kindOptInt                    // whole number, or empty for null
	kindMoney                     // amount with up to two decimals
	kindOptMoney                  // amount, or empty for null
	kindSeed                      // uint64 as decimal, or empty to draw one
	kindSelect                    // one of Options
	kindBool                      // checkbox
)

// field is one form control bound to a config path. Adding an option to the
// form is adding a field here: the editor reads, writes and validates it by
// its Path through the engine's schema.
type field struct {
	Path    string
	Label   string
	Kind    fieldKind
	Options []string
	Help    string
}

type fieldGroup struct {
	Title  string
	Fields []field
}

// formGroups lays the form out as SPEC §10 lays out the config. Options not
// listed here are still editable in the JSON box under "All options".
var formGroups = []fieldGroup{
	{"Simulation", []field{
		{Path: "simulation.num_sessions", Label: "Sessions", Kind: kindInt},
		{Path: "simulation.random_seed", Label: "Seed", Kind: kindSeed, Help: "Empty: a seed is drawn and reported, so the run can be replayed."},
		{Path: "simulation.hands_per_session", Label: "Hands per session", Kind: kindInt},
	}},
	{"Table", []field{
		{Path: "table.num_seats", Label: "Seats", Kind: kindInt, Help: "1 to 7 players sharing the deck and community cards."},
		{Path: "table.seat_mode", Label: "When a seat stops", Kind: kindSelect, Options: []string{"sit_out", "leave", "replace"}},
	}},
	{"Bankroll and limits", []field{
		{Path: "bankroll.starting_amount", Label: "Starting bankroll", Kind: kindMoney},
		{Path: "bankroll.base_bet", Label: "Base bet (per circle)", Kind: kindMoney},
		{Path: "bankroll.stop_conditions.win_limit", Label: "Win limit (profit)", Kind: kindOptMoney, Help: "Empty: no win limit."},
		{Path: "bankroll.stop_conditions.loss_limit", Label: "Loss limit", Kind: kindOptMoney, Help: "Empty: no loss limit."},
		{Path: "bankroll.stop_conditions.max_hands", Label: "Max hands", Kind: kindOptInt, Help: "Empty: no cap other than hands per session."},
	}},
	{"Strategy", []field{
		{Path: "strategy.type", Label: "Playing strategy", Kind: kindSelect, Options: []string{"basic", "optimal", "always_ride", "always_pull", "conservative", "aggressive", "custom"}},
	}},
	{"Three Card Bonus", []field{
		{Path: "bonus_strategy.enabled", Label: "Bet the bonus", Kind: kindBool},
		{Path: "bonus_strategy.type", Label: "Bonus strategy", Kind: kindSelect, Options: []string{"never", "always", "static", "bankroll_conditional", "streak_based", "session_conditional", "custom"}},
		{Path: "bonus_strategy.static.amount", Label: "Bonus amount", Kind: kindMoney},
	}},
	{"Paytables", []field{
		{Path: "paytables.main_game.type", Label: "Main game paytable", Kind: kindSelect, Options: []string{"standard", "bgc_lirx02", "bgc_lirx03", "custom"}},
		{Path: "paytables.bonus.type", Label: "Bonus paytable", Kind: kindSelect, Options: []string{"paytable_a", "paytable_b", "paytable_c", "custom"}},
	}},
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
}

func newEditor() *editor {
	e := &editor{}
	if err := e.load(config.Default().CanonicalJSON()); err != nil {
		panic(fmt.Sprintf("the default config does not load: %v", err))
	}
	return e
}

// load replaces the config with data (a JSON config document) when it is
// valid; otherwise it keeps the current config and returns the problems.
func (e *editor) load(data []byte) error {
	cfg, err := config.DecodeJSON(data)
	if err != nil {
		return err
	}
	tree, err := decodeTree(cfg.CanonicalJSON())
	if err != nil {
		return err
	}
	e.tree, e.cfg = tree, cfg
	e.problems, e.other = map[string]string{}, nil
	e.text = map[string]string{}
	for _, g := range formGroups {
		for _, f := range g.Fields {
			e.text[f.Path] = formatValue(f, getPath(e.tree, f.Path))
		}
	}
	return nil
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
		e.validate()
		e.problems[f.Path] = err.Error()
		e.cfg = nil
		return
	}
	setPath(e.tree, f.Path, v)
	e.validate()
}

// validate runs the engine's schema over the tree and files each problem
// under its field path.
func (e *editor) validate() {
	e.problems, e.other = map[string]string{}, nil
	data, _ := json.Marshal(e.tree)
	cfg, err := config.DecodeJSON(data)
	e.cfg = cfg
	if err == nil {
		return
	}
	var errs config.Errors
	if !errors.As(err, &errs) {
		e.other = append(e.other, err.Error())
		return
	}
	shown := map[string]bool{}
	for _, g := range formGroups {
		for _, f := range g.Fields {
			shown[f.Path] = true
		}
	}
	for _, pe := range errs {
		if shown[pe.Path] {
			if e.problems[pe.Path] != "" {
				e.problems[pe.Path] += "; "
			}
			e.problems[pe.Path] += "Allowed: " + pe.Allowed + " (got " + pe.Value + ")"
		} else {
			e.other = append(e.other, pe.Error())
		}
	}
}

// JSON is the config as the JSON box shows it.
func (e *editor) JSON() string {
	if e.cfg != nil {
		var b bytes.Buffer
		json.Indent(&b, e.cfg.CanonicalJSON(), "", "  ")
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
	case kindSelect:
		return text, nil
	case kindOptInt, kindOptMoney, kindSeed:
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

// preset is a named starting point: a change applied to the default config.
type preset struct {
	Name  string
	Apply func(tree map[string]any)
}

var presets = []preset{
	{"Default: basic strategy, $5 bets, stop at +$250 / −$200 / 200 hands", func(map[string]any) {}},
	{"Baseline: always ride", func(t map[string]any) { setPath(t, "strategy.type", "always_ride") }},
	{"Baseline: always pull", func(t map[string]any) { setPath(t, "strategy.type", "always_pull") }},
	{"Bonus study: $5 Three Card Bonus every hand", func(t map[string]any) {
		setPath(t, "bonus_strategy.enabled", true)
		setPath(t, "bonus_strategy.type", "static")
		setPath(t, "bonus_strategy.static.amount", json.Number("5"))
	}},
	{"Multi-seat: 3 seats at one table", func(t map[string]any) { setPath(t, "table.num_seats", json.Number("3")) }},
	{"Walk-away study: no win limit, $100 loss limit", func(t map[string]any) {
		setPath(t, "bankroll.stop_conditions.win_limit", nil)
		setPath(t, "bankroll.stop_conditions.loss_limit", json.Number("100"))
	}},
}

// applyPreset loads the default config changed by preset i.
func (e *editor) applyPreset(i int) error {
	tree, err := decodeTree(config.Default().CanonicalJSON())
	if err != nil {
		return err
	}
	presets[i].Apply(tree)
	data, _ := json.Marshal(tree)
	return e.load(data)
}
