package main

import (
	"strconv"
	"strings"
	"testing"
)

// A flag given an empty value (an unset shell variable: --seed "$SEED")
// is refused, not taken for an absent flag; compare refuses --sessions 0
// and negative --workers as run does; url decode -h is the usage.
func TestEmptyAndOutOfRangeFlagsRefused(t *testing.T) {
	for _, args := range [][]string{
		{"run", "--seed", ""},
		{"run", "--shard", "", "--json"},
		{"run", "--preset", ""},
		{"run", "--config="},
		{"compare", "a.yaml", "b.yaml", "--seed", ""},
		{"exact", "--config", ""},
		{"url", "encode", "--preset", ""},
	} {
		code, out, errs := lir(t, args...)
		if code != 2 || out != "" || !strings.Contains(errs, "empty") {
			t.Errorf("%q: exit %d, %d bytes of stdout, stderr %q", args, code, len(out), errs)
		}
	}
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml", "simulation: {num_sessions: 20, hands_per_session: 5}\n")
	// A flag's value out of its range is a wrong command line: status 2
	// (SAFETY.md), in every command alike.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", a, a, "--sessions", "0"}, "--sessions: 0 is not allowed"},
		{[]string{"compare", a, a, "--workers", "-3"}, "--workers: -3 is not allowed"},
		{[]string{"compare", a, a, "--workers", "0"}, "--workers: 0 is not allowed"},
		{[]string{"compare", a, a, "--seed", "x"}, "--seed"},
		{[]string{"run", "--sessions", "0"}, "--sessions: 0 is not allowed"},
		{[]string{"run", "--workers", "-3"}, "--workers: -3 is not allowed"},
		{[]string{"run", "--seed", "abc"}, "--seed"},
		{[]string{"run", "--trajectories", "1001"}, "--trajectories"},
		{[]string{"run", "--shard", "5/2", "--json"}, "--shard"},
		{[]string{"study", a, "--sessions", "0"}, "--sessions"},
		{[]string{"exact", "hand", "Ah Kh Qh", "--ties", "never"}, "--ties"},
		{[]string{"exact", "hand", "Ah Kh Qh", "--paytable", "nope"}, "--paytable"},
		{[]string{"exact", "hand", "Zz Kh Qh"}, "holding"},
		{[]string{"exact", "walkaway", "--win-limits", "-5"}, "--win-limits"},
		{[]string{"bench", "--seconds", "0"}, "--seconds"},
	} {
		code, out, errs := lir(t, c.args...)
		if code != 2 || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, %d bytes of stdout, stderr %q", c.args, code, len(out), errs)
		}
	}
	for _, h := range []string{"-h", "--help"} {
		code, _, errs := lir(t, "url", "decode", h)
		if code != 0 || !strings.Contains(errs, "usage") || strings.Contains(errs, "not a share link") {
			t.Errorf("url decode %s: exit %d, %q", h, code, errs)
		}
	}
}

// lir url encode makes only links lir url decode reads: a base that is
// not an http(s) address, or holds a control character, is refused, and
// so is a link over the size decode accepts.
func TestURLEncodeOnlyDecodableLinks(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml", "table: {num_seats: 2}\n")
	for _, base := range []string{"javascript:alert(1)//", "https://lab.example.org/\n", "https://lab\x1b[2J.example.org/", "lab.example.org", "data:text/html,x"} {
		code, out, errs := lir(t, "url", "encode", "--base", base, a)
		if code == 0 || out != "" || !strings.Contains(errs, "--base") {
			t.Errorf("base %q: exit %d, %q, stderr %q", base, code, out, errs)
		}
	}
	for _, base := range []string{"https://lab.example.org/", "http://localhost:8080/lab/"} {
		link := strings.TrimSpace(string(lirOut(t, "url", "encode", "--base", base, a)))
		lirOut(t, "url", "decode", link)
	}
	var rules strings.Builder
	rules.WriteString("strategy:\n  type: custom\n  custom:\n    bet1_rules:\n")
	x := uint64(1)
	for range 300 {
		// Conditions on pseudo-random numbers, which deflate cannot shrink
		// much: the link grows past 32 KB.
		var cond []string
		for range 40 {
			x = x*6364136223846793005 + 1442695040888963407
			cond = append(cond, "strength == "+strconv.FormatUint(x>>40, 10))
		}
		rules.WriteString("      - {condition: \"" + strings.Join(cond, " || ") + "\", action: ride}\n")
	}
	big := writeFile(t, dir, "big.yaml", rules.String())
	code, out, errs := lir(t, "url", "encode", big)
	if code == 0 || out != "" || !strings.Contains(errs, "at most") {
		t.Errorf("oversized link: exit %d, %d bytes, stderr %q", code, len(out), errs)
	}
}

// --sessions is held to the bound the config's amounts set on exact
// statistics, as simulation.num_sessions is at load.
func TestSessionsFlagKeepsStatisticsExact(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "big.yaml", "simulation: {num_sessions: 10, hands_per_session: 200}\nbankroll: {starting_amount: 1000000000, base_bet: 1, stop_conditions: {win_limit: null, loss_limit: null}}\nbonus_strategy: {enabled: true, type: always, always: {amount: 10000000}}\npaytables: {bonus: {type: custom, custom: {mini_royal: 1000000, straight_flush: 1000000, three_of_a_kind: 1000000, straight: 1000000, flush: 1000000, pair: 1000000}}}\n")
	for _, args := range [][]string{
		{"run", "--config", cfg, "--sessions", "10000", "--json"},
		{"compare", cfg, cfg, "--sessions", "10000", "--json"},
	} {
		code, out, errs := lir(t, args...)
		if code == 0 || out != "" || !strings.Contains(errs, "stay exact for at most 21 sessions") {
			t.Errorf("%q: exit %d, %d bytes, stderr %q", args, code, len(out), errs)
		}
	}
}

// lir merge checks each shard's figures against its config where they can
// be checked: the same edit of hands_per_session (up or down) or of
// max_hands made to every shard's config is refused, as the sessions'
// lengths give it away. (An edited seed cannot be told without running
// the shards again.)
func TestMergeRefusesEditedConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "c.yaml", "simulation: {num_sessions: 40, hands_per_session: 20}\nbankroll: {stop_conditions: {win_limit: null, loss_limit: null}}\n")
	var docs []string
	for _, s := range []string{"0/2", "1/2"} {
		docs = append(docs, string(lirOut(t, "run", "--config", cfg, "--seed", "7", "--shard", s, "--json")))
	}
	for _, edit := range [][2]string{
		{`"hands_per_session": 20`, `"hands_per_session": 30`},
		{`"hands_per_session": 20`, `"hands_per_session": 10`},
		{`"max_hands": null`, `"max_hands": 15`},
	} {
		var files []string
		for i, d := range docs {
			if !strings.Contains(d, edit[0]) {
				t.Fatalf("the document has no %s", edit[0])
			}
			files = append(files, writeFile(t, dir, "p"+strconv.Itoa(i)+".json", strings.ReplaceAll(d, edit[0], edit[1])))
		}
		if e := lirFails(t, append([]string{"merge", "--json"}, files...)...); !strings.Contains(e, "hands") {
			t.Errorf("%s: %q", edit[1], e)
		}
	}
}
