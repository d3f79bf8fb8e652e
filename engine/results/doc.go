// Package results turns a merged sim.Aggregate into the results document
// (docs/RESULTS.md): counts, exact money sums, derived statistics with
// confidence intervals, and the comparison with the exact engine. Everything
// outside the timing key is a pure function of (config, seed), byte for byte.
package results
