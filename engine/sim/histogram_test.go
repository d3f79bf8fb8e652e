package sim

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// Merging partial histograms in any grouping gives the histogram of all
// values, including when the cap forces buckets.
func TestHistogramMergeIsSplitFree(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vals := make([]int64, 60000)
	for i := range vals {
		vals[i] = int64(r.Uint64()>>20) - 1<<43
	}
	var whole Histogram
	for _, v := range vals {
		whole.Add(v)
	}
	if whole.Shift == 0 {
		t.Fatal("test data did not force buckets")
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	if whole.Lo != lo || whole.Hi != hi {
		t.Errorf("bucketed extremes %d, %d; exact %d, %d", whole.Lo, whole.Hi, lo, hi)
	}
	for _, parts := range []int{2, 3, 7} {
		var merged Histogram
		for p := parts - 1; p >= 0; p-- {
			var h Histogram
			for i := p * len(vals) / parts; i < (p+1)*len(vals)/parts; i++ {
				h.Add(vals[i])
			}
			merged.Merge(&h)
		}
		if merged.Shift != whole.Shift || !reflect.DeepEqual(merged.Counts, whole.Counts) || merged.Lo != lo || merged.Hi != hi {
			t.Errorf("%d parts: shift %d vs %d", parts, merged.Shift, whole.Shift)
		}
	}
}
