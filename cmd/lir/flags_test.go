package main

import (
	"io"
	"reflect"
	"strings"
	"testing"
)

// TestParseFlags: flags anywhere among the arguments, "--" ending them, -h
// exiting 0 and a bad flag 2.
func TestParseFlags(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		pos    []string
		json   bool
		report string
	}{
		{[]string{"a", "b", "--json"}, []string{"a", "b"}, true, ""},
		{[]string{"--json", "a", "--report", "r.html", "b"}, []string{"a", "b"}, true, "r.html"},
		{[]string{"a", "--", "--json", "-x"}, []string{"a", "--json", "-x"}, false, ""},
		{[]string{"--report=r.html"}, nil, false, "r.html"},
	} {
		fs := newFlags("t", "t", io.Discard)
		asJSON := fs.Bool("json", false, "")
		report := fs.String("report", "", "")
		pos, _, ok := parseFlags(fs, tc.args)
		if !ok || !reflect.DeepEqual(pos, tc.pos) || *asJSON != tc.json || *report != tc.report {
			t.Errorf("%q: positional %q, json %v, report %q, ok %v", tc.args, pos, *asJSON, *report, ok)
		}
	}
	for args, want := range map[string]int{"a -h": 0, "--help": 0, "a --nope": 2} {
		var out strings.Builder
		fs := newFlags("t", "t FILE...", &out)
		if _, status, ok := parseFlags(fs, strings.Fields(args)); ok || status != want {
			t.Errorf("%q: ok %v, status %d, want %d", args, ok, status, want)
		}
		if want == 0 && !strings.Contains(out.String(), "usage: lir t FILE...") {
			t.Errorf("%q printed %q", args, out.String())
		}
	}
}
