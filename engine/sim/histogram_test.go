package sim

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// Quantiles of an exact histogram equal the type-1 sample quantiles of the
// sorted values.
func TestHistogramQuantile(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var h Histogram
	var vals []int64
	for i := 0; i < 5001; i++ {
		v := int64(r.IntN(400)) - 200
		h.Add(v)
		vals = append(vals, v)
	}
	sort.Slice(vals, func(i, j int) bool { return vals[i] < vals[j] })
	for _, p := range []float64{0.05, 0.25, 0.5, 0.75, 0.95, 1} {
		k := int(p*float64(len(vals))+0.999999999) - 1 // ceil(p·n) − 1
		if got := h.Quantile(p); got != vals[k] {
			t.Errorf("Quantile(%v) = %d, want %d", p, got, vals[k])
		}
	}
}

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
	for _, parts := range []int{2, 3, 7} {
		var merged Histogram
		for p := parts - 1; p >= 0; p-- {
			var h Histogram
			for i := p * len(vals) / parts; i < (p+1)*len(vals)/parts; i++ {
				h.Add(vals[i])
			}
			merged.Merge(&h)
		}
		if merged.Shift != whole.Shift || !reflect.DeepEqual(merged.Counts, whole.Counts) {
			t.Errorf("%d parts: shift %d vs %d", parts, merged.Shift, whole.Shift)
		}
	}
}
