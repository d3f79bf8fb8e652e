package rng

// golden is 2^64 / φ, the SplitMix64 increment.
const golden = 0x9E3779B97F4A7C15

// Mix64 is the SplitMix64 finaliser (Stafford's variant 13): a bijection on
// uint64 whose output bits each depend on every input bit.
func Mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}

// SessionSeed derives session i's seed from the master seed by a
// counter-based mix: Mix64(Mix64(master) + (i+1)·golden). For one master the
// map i → seed is a bijection (a distinct counter through a bijection), so
// sessions never share a seed, and session i's cards depend on nothing but
// (master, i): not on which worker runs it or in what order.
func SessionSeed(master, i uint64) uint64 {
	return Mix64(Mix64(master) + (i+1)*golden)
}

// splitMix64 is the SplitMix64 generator, used to expand one seed into the
// state of a larger generator.
type splitMix64 uint64

func (s *splitMix64) next() uint64 {
	*s += golden
	return Mix64(uint64(*s))
}
