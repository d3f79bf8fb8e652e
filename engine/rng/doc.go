// Package rng supplies the seeded randomness of a run: per-session seeds
// derived from (master seed, session index), the two card sources
// (xoshiro256++ for fisher_yates, ChaCha8 for cryptographic) and a Dealer
// that draws uniformly random cards without replacement.
package rng
