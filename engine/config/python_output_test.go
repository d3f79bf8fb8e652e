package config

import (
	"reflect"
	"testing"
)

// A partial output.python keeps the Python tool's defaults (its models.py)
// for the keys not given, and survives the canonical round trip.
func TestPythonOutputPartialKeepsItsDefaults(t *testing.T) {
	c, err := DecodeJSON([]byte(`{"output":{"python":{"csv":{"include_hands":true},"console":{"verbosity":0}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := PythonOutputDefaults()
	want.CSV.IncludeHands = true
	want.Console.Verbosity = 0
	if !reflect.DeepEqual(c.Output.Python, want) {
		t.Fatalf("got %+v, want %+v", c.Output.Python, want)
	}
	if back := c.Clone(); !reflect.DeepEqual(back.Output.Python, want) {
		t.Fatalf("round trip: %+v", back.Output.Python)
	}
	if d := Default(); d.Output.Python != nil {
		t.Fatal("our own files must default to null output.python")
	}
}
