package main

import "testing"

// A boolean attribute go-app wrote as "false" is dropped (HTML reads any
// value as true); true ones, other attributes that hold "false" and text
// are left alone.
func TestFixBooleanAttributes(t *testing.T) {
	in := `<details class="more" hidden="false" open="false"><summary aria-expanded="false">hidden="false"</summary>` +
		`<input type="checkbox" checked="false" disabled aria-invalid="false" spellcheck="false">` +
		`<option value="a" selected="false" title="x">a</option><button disabled="false">Run</button></details>`
	want := `<details class="more"><summary aria-expanded="false">hidden="false"</summary>` +
		`<input type="checkbox" disabled aria-invalid="false" spellcheck="false">` +
		`<option value="a" title="x">a</option><button>Run</button></details>`
	if got := string(fixBooleanAttributes([]byte(in))); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
