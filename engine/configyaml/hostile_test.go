package configyaml

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// Hostile or malformed input is refused, with a message saying
// what is wrong, and never crashes or hangs.
func TestHostileInputRefused(t *testing.T) {
	bomb := func(levels int) string {
		var b strings.Builder
		b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
		for i := 1; i <= levels; i++ {
			fmt.Fprintf(&b, "a%d: &a%d [", i, i)
			for j := 0; j < 10; j++ {
				if j > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "*a%d", i-1)
			}
			b.WriteString("]\n")
		}
		return b.String()
	}
	block := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%sk%d:\n", strings.Repeat("  ", i), i)
		}
		return b.String()
	}
	big := "metadata:\n  description: \"" + strings.Repeat("x", 10<<20) + "\"\n"
	cases := []struct {
		name, file, doc, want string
	}{
		{"alias bomb", "a.yaml", bomb(9), "expands to more than"},
		{"alias bomb under merge keys", "a.yaml", "a: &a {x: 1, y: 2}\nb: &b {<<: *a, c: *a, d: *a, e: *a}\n" + strings.Repeat("z: *b\n", 1), "unknown key"},
		{"deep flow nesting", "a.yaml", strings.Repeat("[", 100000), "nesting deeper"},
		{"deep block nesting", "a.yaml", block(300), "nesting deeper"},
		{"deep JSON nesting", "a.json", strings.Repeat("[", 100000), "nesting deeper than 32 levels"},
		{"10 MB file", "a.yaml", big, "at most 1048576 bytes"},
		{"NaN", "a.yaml", "bankroll:\n  base_bet: .nan\n", "bankroll.base_bet"},
		{"Inf", "a.yaml", "strategy:\n  conservative: {min_strength_bet1: .inf}\n", "strategy.conservative.min_strength_bet1"},
		{"NaN float", "a.yaml", "bankroll:\n  stop_conditions: {hands_per_hour: .nan}\n", "want a finite number"},
		{"negative amount", "a.yaml", "bankroll:\n  base_bet: -5\n", "out of range; allowed: 0.01 to 10000000"},
		{"absurd sessions", "a.yaml", "simulation:\n  num_sessions: 1000000000000\n", "simulation.num_sessions: 1000000000000 is not allowed; out of range"},
		{"absurd amount", "a.json", `{"bankroll": {"starting_amount": 1e300}}`, "bankroll.starting_amount"},
		{"unknown key", "a.yaml", "bankroll:\n  base_bett: 5\n", "bankroll.base_bett: unknown key; allowed here: starting_amount"},
		{"wrong type", "a.yaml", "bankroll:\n  base_bet: five\n", `bankroll.base_bet: "five" is not allowed; want an amount`},
		{"wrong type object", "a.json", `{"table": 3}`, "table: 3 is not allowed; want an object"},
		{"list for scalar", "a.yaml", "strategy:\n  type: [basic]\n", "strategy.type: a list is not allowed; want a string"},
		{"too many rules", "a.yaml", "strategy:\n  custom:\n    bet1_rules:\n" + strings.Repeat("      - {condition: 'true', action: ride}\n", 1001), "at most 1000 entries"},
		{"bad expression", "a.yaml", "strategy:\n  type: custom\n  custom:\n    bet1_rules:\n      - {condition: has_pair, action: ride}\n      - {condition: 'high_cards >=', action: ride}\n", "strategy.custom.bet1_rules[1].condition"},
		{"unknown variable", "a.yaml", "strategy:\n  custom:\n    bet2_rules:\n      - {condition: 'hgh_cards > 1', action: ride}\n", "unknown variable \"hgh_cards\" (did you mean high_cards?)"},
		{"card variable in bonus", "a.yaml", "bonus_strategy:\n  enabled: true\n  type: custom\n  custom: {expression: 'has_pair ? 5 : 0'}\n", "the bonus is placed before any card is seen"},
		{"binary junk", "a.yaml", "\x00\x01\x02\xff\xfe", "(document): not a text file"},
		{"an image as JSON", "a.json", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "(document): not a text file"},
		{"YAML syntax", "a.yaml", "a: [1\n", "(document): not valid YAML: line 1, column 4: "},
	}
	for _, c := range cases {
		_, err := Decode(c.file, []byte(c.doc))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q does not mention %q", c.name, trim(err.Error()), c.want)
		}
	}
}

func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// A modest use of anchors and aliases is fine.
func TestAliasesWithinBounds(t *testing.T) {
	doc := "x-rule: &r {condition: 'has_high_pair', action: ride}\n"
	if _, err := ParseTree([]byte(doc + "strategy: {custom: {bet1_rules: [*r, *r]}}\n")); err != nil {
		t.Fatal(err)
	}
	c, err := Decode("a.yaml", []byte("strategy:\n  type: custom\n  custom:\n    bet1_rules: [&r {condition: has_high_pair, action: ride}, *r]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Strategy.Custom.Bet1Rules) != 2 {
		t.Fatalf("rules %v", c.Strategy.Custom.Bet1Rules)
	}
	if !bytes.Contains(c.CanonicalJSON(), []byte("has_high_pair")) {
		t.Fatal("alias lost")
	}
}

// A second YAML document would be ignored by the decoder: refuse it.
func TestOneDocument(t *testing.T) {
	_, err := Decode("a.yaml", []byte("table: {num_seats: 2}\n---\ntable: {num_seats: 99}\n"))
	if err == nil || !strings.Contains(err.Error(), "one YAML document per config") {
		t.Errorf("two documents: %v", err)
	}
	if _, err := Decode("a.yaml", []byte("---\ntable: {num_seats: 2}\n")); err != nil {
		t.Errorf("a leading --- was refused: %v", err)
	}
}
