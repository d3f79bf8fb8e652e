package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// --seconds is the whole budget, split over 3 repeats per worker count:
// a budget that leaves a measurement under minMeasurement is refused with
// the least budget that would do; one that suffices measures every worker
// count up to --max-workers.
func TestBenchSecondsIsTheTotal(t *testing.T) {
	var out, errs strings.Builder
	if st := runBench([]string{"--seconds", "0.3", "--max-workers", "20"}, &out, &errs); st != 2 ||
		!strings.Contains(errs.String(), "3 × 20 measurements 5ms; give at least 0.6") {
		t.Fatalf("status %d, stderr %q; want 2 and the least budget", st, errs.String())
	}
	out.Reset()
	if st := runBench([]string{"--seconds", "0.3", "--max-workers", "2", "--json"}, &out, &errs); st != 0 {
		t.Fatalf("status %d: %s", st, errs.String())
	}
	var doc struct {
		Scaling []benchPoint `json:"scaling"`
	}
	if err := json.Unmarshal([]byte(out.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Scaling) != 2 || doc.Scaling[1].Workers != 2 || !(doc.Scaling[0].HandsPerSec > 0) {
		t.Fatalf("scaling %+v, want worker counts 1 and 2 with their rates", doc.Scaling)
	}
}
