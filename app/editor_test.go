package app

import (
	"bytes"
	"strings"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/config"
)

func TestEditorFieldsExistInDefaultConfig(t *testing.T) {
	e := newEditor()
	for _, g := range formGroups {
		for _, f := range g.Fields {
			if _, ok := lookup(e.tree, f.Path); !ok {
				t.Errorf("form field %s is not a key of the default config", f.Path)
			}
		}
	}
}

func lookup(tree map[string]any, path string) (any, bool) {
	keys := strings.Split(path, ".")
	m := tree
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			return nil, false
		}
		m = next
	}
	v, ok := m[keys[len(keys)-1]]
	return v, ok
}

func TestEditorInlineProblems(t *testing.T) {
	e := newEditor()
	seats := formGroups[1].Fields[0]
	e.set(seats, "9")
	if e.cfg != nil || !strings.Contains(e.problems["table.num_seats"], "1 to 7") {
		t.Fatalf("9 seats: cfg=%v problems=%v", e.cfg, e.problems)
	}
	e.set(seats, "abc")
	if !strings.Contains(e.problems["table.num_seats"], "whole number") {
		t.Fatalf("abc seats: problems=%v", e.problems)
	}
	e.set(seats, "3")
	if e.cfg == nil || len(e.problems) != 0 {
		t.Fatalf("3 seats: cfg=%v problems=%v", e.cfg, e.problems)
	}
	if !strings.Contains(string(e.cfg.CanonicalJSON()), `"num_seats":3`) {
		t.Fatalf("3 seats not in config: %s", e.cfg.CanonicalJSON())
	}
}

// The preset list is the default study then every study of configs/, each
// named by its metadata and loading exactly that config.
func TestPresetsAreTheConfigsStudies(t *testing.T) {
	if len(presets) != 1+len(configs.Names()) {
		t.Fatalf("%d presets for %d studies in configs/", len(presets), len(configs.Names()))
	}
	e := newEditor()
	for i, p := range presets {
		if err := e.applyPreset(i); err != nil {
			t.Errorf("preset %q: %v", p.Key, err)
			continue
		}
		want := config.Study()
		if i > 0 {
			var err error
			if want, err = configs.Load(p.Key); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(e.cfg.CanonicalJSON(), want.CanonicalJSON()) {
			t.Errorf("preset %q loads another config", p.Key)
		}
		if p.Title == "" || p.Title != want.Metadata.Name || p.About == "" {
			t.Errorf("preset %q: title %q, about %q", p.Key, p.Title, p.About)
		}
	}
}

// A YAML file loads as the CLI reads it, exports as YAML and loads back to
// the same config; a custom rule expression is checked on load.
func TestEditorYAMLRoundTripAndRuleCheck(t *testing.T) {
	e := newEditor()
	src := "simulation:\n  num_sessions: 1234\ntable:\n  num_seats: 3\nstrategy:\n  type: custom\n  custom:\n    bet1_rules:\n      - {condition: \"has_pair or high_cards >= 3\", action: ride}\n"
	if err := loadFile(e, "study.yaml", src); err != nil {
		t.Fatal(err)
	}
	first := e.JSON()
	if e.YAML() != "" {
		t.Fatal("YAML made before it was wanted")
	}
	e.needYAML()
	y := e.YAML()
	if !strings.Contains(y, "num_sessions: 1234") {
		t.Fatalf("exported YAML lacks the change:\n%s", y)
	}
	e2 := newEditor()
	if err := loadFile(e2, "lir-config.yaml", y); err != nil {
		t.Fatal(err)
	}
	if e2.JSON() != first {
		t.Errorf("YAML round trip changed the config:\n%s\nvs\n%s", e2.JSON(), first)
	}
	bad := strings.Replace(src, "has_pair or high_cards >= 3", "has_pair or", 1)
	err := loadFile(e2, "bad.yaml", bad)
	if err == nil || !strings.Contains(err.Error(), "bet1_rules") {
		t.Errorf("a broken rule expression loaded (err %v)", err)
	}
	if e2.JSON() != first {
		t.Errorf("a rejected file changed the editor")
	}
}

// loadFile loads a file into e and returns the outcome (natively the tools
// answer at once).
func loadFile(e *editor, name, data string) (err error) {
	called := false
	e.loadFile(name, []byte(data), func(x error) { err, called = x, true })
	if !called {
		panic("loadFile did not answer")
	}
	return err
}

// A config with rule expressions stays pending (not runnable) until the
// tools worker has checked them with expr-lang; a reply about an older
// version of the config is ignored.
func TestEditorWaitsForTheRuleCheck(t *testing.T) {
	e := newEditor()
	var later []func()
	e.dispatch = func(f func()) { later = append(later, f) }
	f, ok := fieldByPath("strategy.type")
	if !ok {
		t.Fatal("no strategy.type field")
	}
	e.set(f, "custom")
	tree := e.tree["strategy"].(map[string]any)["custom"].(map[string]any)
	tree["bet1_rules"] = []any{map[string]any{"condition": "strength >= 6", "action": "ride"}}
	e.validate()
	e.validate()
	if e.cfg != nil || !e.pending || len(later) != 2 {
		t.Fatalf("a config with rules is valid before expr-lang checked them (%d checks asked)", len(later))
	}
	later[0]()
	if e.cfg != nil || !e.pending {
		t.Fatal("a stale check made the config valid")
	}
	later[1]()
	if e.cfg == nil || e.pending {
		t.Fatalf("checked rules left the config invalid: %v %v", e.problems, e.other)
	}
}

// A field that does not parse keeps the config invalid even when a rule
// check of the rest of the tree answers afterwards.
func TestEditorBadFieldOutlivesRuleCheck(t *testing.T) {
	e := newEditor()
	var later []func()
	e.dispatch = func(f func()) { later = append(later, f) }
	f, _ := fieldByPath("strategy.type")
	e.set(f, "custom")
	tree := e.tree["strategy"].(map[string]any)["custom"].(map[string]any)
	tree["bet1_rules"] = []any{map[string]any{"condition": "strength >= 6", "action": "ride"}}
	sessions, ok := fieldByPath("simulation.num_sessions")
	if !ok {
		t.Fatal("no simulation.num_sessions field")
	}
	e.set(sessions, "many")
	for _, g := range later {
		g()
	}
	if e.cfg != nil || e.problems["simulation.num_sessions"] == "" {
		t.Fatalf("a field that does not parse left the config valid (problems %v)", e.problems)
	}
}

// A problem of a section, not of one field (a static bonus with neither
// amount nor ratio), is shown under the section's first field, so the
// form says why the study cannot run; a field's own problem reads as the
// CLI's message without the path.
func TestSectionProblemShownUnderItsField(t *testing.T) {
	e := newEditor()
	for path, v := range map[string]string{"bonus_strategy.enabled": "true", "bonus_strategy.type": "static"} {
		f, _ := fieldByPath(path)
		e.set(f, v)
	}
	at := firstFieldUnder("bonus_strategy.static")
	if e.cfg != nil || at == "" || !strings.Contains(e.problems[at], "bonus_strategy.static: neither amount nor ratio is set") || len(e.other) != 0 {
		t.Errorf("problems %q, other %q", e.problems, e.other)
	}
	f, _ := fieldByPath("simulation.num_sessions")
	e.set(f, "-5")
	if p := e.problems["simulation.num_sessions"]; !strings.HasPrefix(p, "-5 is not allowed; ") {
		t.Errorf("num_sessions problem %q", p)
	}
}

// The parameters of a section's variants (betting systems, bonus types,
// custom paytables) are shown only while their variant is selected, and
// named by it: no two visible fields share a label.
func TestVariantFieldsFollowTheirType(t *testing.T) {
	p := &studyPanel{}
	p.OnInit()
	visibleLabels := func() map[string]string {
		seen := map[string]string{}
		for _, g := range formGroups {
			for _, f := range g.Fields {
				if !p.visible(f) {
					continue
				}
				if other, dup := seen[f.Label]; dup {
					t.Errorf("%s and %s are both labelled %q", other, f.Path, f.Label)
				}
				seen[f.Label] = f.Path
			}
		}
		return seen
	}
	if _, ok := visibleLabels()["Martingale: max bet"]; ok {
		t.Error("martingale's fields shown under flat betting")
	}
	f, _ := fieldByPath("bankroll.betting_system.type")
	p.ed.set(f, "martingale")
	labels := visibleLabels()
	if labels["Martingale: max bet"] != "bankroll.betting_system.martingale.max_bet" {
		t.Errorf("martingale's max bet not shown when selected: %v", labels)
	}
	if _, ok := labels["Paroli: max bet"]; ok {
		t.Error("paroli's fields shown under martingale")
	}
	if labels["Session conditional: early session hands"] != "" {
		t.Error("a bonus type's fields shown while another is selected")
	}
	// Every section's custom variant at once: still no shared label.
	for _, path := range []string{"bankroll.betting_system.type", "strategy.type", "bonus_strategy.type", "paytables.main_game.type", "paytables.bonus.type"} {
		f, _ := fieldByPath(path)
		p.ed.set(f, "custom")
	}
	if labels := visibleLabels(); labels["Custom bonus strategy: expression"] == "" || labels["Custom betting system: expression"] == "" {
		t.Errorf("custom fields: %v", labels)
	}
}

// Lists of the config are edited in the form: items added, changed and
// removed; a problem of one item is filed under that item's field.
func TestListEditing(t *testing.T) {
	e := newEditor()
	f, _ := fieldByPath("strategy.type")
	e.set(f, "custom")
	rules, ok := fieldByPath("strategy.custom.bet1_rules")
	if !ok || rules.Kind != kindList || len(rules.Elem) != 2 {
		t.Fatalf("bet1_rules field: %+v", rules)
	}
	cond, action := rules.Elem[0], rules.Elem[1]
	if cond.Path != "condition" || action.Path != "action" || action.Kind != kindSelect {
		t.Fatalf("rule fields: %+v", rules.Elem)
	}
	e.addItem(rules)
	e.addItem(rules)
	// An empty condition is a problem of that item.
	if e.cfg != nil || e.problems["strategy.custom.bet1_rules[0].condition"] == "" {
		t.Errorf("empty condition: problems %q, other %q", e.problems, e.other)
	}
	e.setItem(rules, 0, cond, "has_paying_hand")
	e.setItem(rules, 1, cond, "strength >= 6")
	e.setItem(rules, 1, action, "pull")
	if e.cfg == nil {
		t.Fatalf("valid rules refused: %q %q", e.problems, e.other)
	}
	if got := e.cfg.Strategy.Custom.Bet1Rules; len(got) != 2 || got[1].Condition != "strength >= 6" || got[1].Action != "pull" {
		t.Errorf("rules %+v", got)
	}
	e.removeItem(rules, 0)
	if got := e.cfg.Strategy.Custom.Bet1Rules; len(got) != 1 || got[0].Condition != "strength >= 6" {
		t.Errorf("after removing the first: %+v", got)
	}
	if e.text["strategy.custom.bet1_rules[0].condition"] != "strength >= 6" || e.text["strategy.custom.bet1_rules[1].condition"] != "" {
		t.Errorf("texts after removal: %q", e.text)
	}
	// Profit tiers: amounts parsed as money.
	bs, _ := fieldByPath("bonus_strategy.bankroll_conditional.profit_tiers")
	e.addItem(bs)
	e.setItem(bs, 0, bs.Elem[1], "2.5x")
	if !strings.Contains(e.problems["bonus_strategy.bankroll_conditional.profit_tiers[0].amount"], "amount") {
		t.Errorf("bad tier amount: %q", e.problems)
	}
}

// A section's "More … options" fields exist only while it is open: the
// first render leaves them out (most of the form's elements), opening the
// section renders them, and a problem in one opens its section, so the
// problem is shown under its field.
func TestMoreOptionsRenderedWhenOpen(t *testing.T) {
	s := &studyPanel{Stage: lastStage}
	e := goapp.NewTestEngine()
	if err := e.Load(s); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	redraw := func() string {
		s.ctx.Dispatch(func(goapp.Context) {})
		e.ConsumeAll()
		return goapp.HTMLString(s)
	}
	html := goapp.HTMLString(s)
	for _, g := range formGroups {
		for _, f := range g.Fields {
			if has := strings.Contains(html, `id="`+fieldID(f)+`"`); has != f.Main {
				t.Errorf("closed form: field %s rendered %v, want %v (main field)", f.Path, has, f.Main)
			}
		}
	}
	if !strings.Contains(html, "More simulation options") {
		t.Error("no summary of the simulation's other options")
	}
	workers, _ := fieldByPath("simulation.workers")
	s.moreOpen["simulation"] = true
	if html := redraw(); !strings.Contains(html, `id="`+fieldID(workers)+`"`) {
		t.Error("opening the simulation's other options did not render them")
	}
	s.moreOpen["simulation"] = false
	s.ed.set(workers, "-1")
	html = redraw()
	// Its fields are rendered only while it is open.
	if !strings.Contains(html, `id="`+fieldID(workers)+`-err"`) {
		t.Errorf("a problem in a closed section is not shown: %q", between(html, `id="more-simulation"`, "</details>"))
	}
}

// The form's help texts read as sentences once their schema keys are put
// in words: no word twice in a row ("the table plays table_rounds rounds"
// read "table rounds rounds").
func TestHelpHasNoRepeatedWord(t *testing.T) {
	var check func(fs []field)
	check = func(fs []field) {
		for _, f := range fs {
			w := strings.Fields(strings.ToLower(f.Help))
			for i := 1; i < len(w); i++ {
				// Words only: "F = 1, 1, 2" repeats a number rightly.
				if w[i] == w[i-1] && strings.Trim(w[i], "abcdefghijklmnopqrstuvwxyz") == "" {
					t.Errorf("%s: %q twice in %q", f.Path, w[i], f.Help)
				}
			}
			check(f.Elem)
		}
	}
	for _, g := range formGroups {
		check(g.Fields)
	}
}
