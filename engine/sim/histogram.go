package sim

// histogramCap is the most distinct keys a Histogram keeps. Past it, values
// are grouped into buckets of a power-of-two width; memory stays bounded
// however many sessions run.
const histogramCap = 1 << 14

// Histogram counts integer values (cents, hands) exactly while they take at
// most histogramCap distinct values, and in buckets of width 2^k otherwise
// (key = floor(v / 2^k)·2^k, the bucket's lowest value). The width is the
// smallest power of two that fits the cap for the union of all values seen,
// whatever order they arrive or merge in, so merged results are identical
// for any split of the work.
type Histogram struct {
	Shift  uint // bucket width is 1 << Shift
	Counts map[int64]uint64
	// Lo and Hi are the exact smallest and largest values counted (valid
	// when Counts is not empty), kept even when the counts are bucketed.
	Lo, Hi int64
}

func (h *Histogram) key(v int64) int64 { return v >> h.Shift << h.Shift }

// Add counts one value.
func (h *Histogram) Add(v int64) {
	if len(h.Counts) == 0 {
		h.Counts = make(map[int64]uint64)
		h.Lo, h.Hi = v, v
	}
	h.Lo, h.Hi = min(h.Lo, v), max(h.Hi, v)
	h.Counts[h.key(v)]++
	if len(h.Counts) > histogramCap {
		h.coarsen(h.Shift + 1)
	}
}

// coarsen regroups the counts into buckets of width 1 << shift, doubling
// further until they fit the cap.
func (h *Histogram) coarsen(shift uint) {
	for {
		h.Shift = shift
		next := make(map[int64]uint64, len(h.Counts))
		for k, n := range h.Counts {
			next[h.key(k)] += n
		}
		h.Counts = next
		if len(next) <= histogramCap {
			return
		}
		shift++
	}
}

// Merge adds another histogram's counts.
func (h *Histogram) Merge(o *Histogram) {
	if len(o.Counts) == 0 {
		return
	}
	if len(h.Counts) == 0 {
		h.Counts = make(map[int64]uint64)
		h.Lo, h.Hi = o.Lo, o.Hi
	}
	h.Lo, h.Hi = min(h.Lo, o.Lo), max(h.Hi, o.Hi)
	if o.Shift > h.Shift {
		h.coarsen(o.Shift)
	}
	for k, n := range o.Counts {
		h.Counts[h.key(k)] += n
	}
	if len(h.Counts) > histogramCap {
		h.coarsen(h.Shift + 1)
	}
}

// Total returns the number of values counted.
func (h *Histogram) Total() uint64 {
	var n uint64
	for _, c := range h.Counts {
		n += c
	}
	return n
}
