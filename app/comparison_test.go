package app

import (
	"os"
	"strings"
	"testing"
)

// testdata/compare.json is `lir compare --json --sessions 500` of the basic,
// aggressive and conservative presets.
func TestParseComparison(t *testing.T) {
	data, err := os.ReadFile("testdata/compare.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := parseComparison(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Configs) != 3 || len(v.Pairs) != 3 {
		t.Fatalf("%d configs, %d pairs", len(v.Configs), len(v.Pairs))
	}
	if got := v.Pairs[0]; got[0] != "Basic strategy − Aggressive strategy" || len(got) != len(comparisonPairHead) {
		t.Errorf("first pair %q", got)
	}
	if got := v.Configs[0][2]; got != "31.60% (27.68% – 35.80%)" {
		t.Errorf("win rate cell %q", got)
	}
	if _, err := parseComparison([]byte(`{"schema_version":2,"seed":"1"}`)); err == nil || !strings.Contains(err.Error(), "lir compare") {
		t.Errorf("a results document was read as a comparison: %v", err)
	}
}
