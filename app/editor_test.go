package app

import (
	"strings"
	"testing"
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

func TestPresetsAreValid(t *testing.T) {
	e := newEditor()
	for i, p := range presets {
		if err := e.applyPreset(i); err != nil {
			t.Errorf("preset %q: %v", p.Name, err)
		}
	}
}

// A YAML file loads as the CLI reads it, exports as YAML and loads back to
// the same config; a custom rule expression is checked on load.
func TestEditorYAMLRoundTripAndRuleCheck(t *testing.T) {
	e := newEditor()
	src := "simulation:\n  num_sessions: 1234\ntable:\n  num_seats: 3\nstrategy:\n  type: custom\n  custom:\n    bet1_rules:\n      - {condition: \"has_pair or high_cards >= 3\", action: ride}\n"
	if err := e.loadFile("study.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	first := e.JSON()
	y := e.YAML()
	if !strings.Contains(y, "num_sessions: 1234") {
		t.Fatalf("exported YAML lacks the change:\n%s", y)
	}
	e2 := newEditor()
	if err := e2.loadFile("lir-config.yaml", []byte(y)); err != nil {
		t.Fatal(err)
	}
	if e2.JSON() != first {
		t.Errorf("YAML round trip changed the config:\n%s\nvs\n%s", e2.JSON(), first)
	}
	bad := strings.Replace(src, "has_pair or high_cards >= 3", "has_pair or", 1)
	err := e2.loadFile("bad.yaml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), "bet1_rules") {
		t.Errorf("a broken rule expression loaded (err %v)", err)
	}
	if e2.JSON() != first {
		t.Errorf("a rejected file changed the editor")
	}
}
