// Package rulebook is the one definition of what a seat does between
// hands: the stop conditions, checked in SPEC order; the betting system's
// state and the next per-circle bet; the bonus strategy's state and the
// next bonus bet; the session variables custom rules read. The simulator
// (engine/sim) steps a Book with sampled hands and the exact engine
// (engine/exact) enumerates its reachable States with exact hand
// probabilities; neither re-implements a rule.
//
// All money is integer cents. A Book is immutable after FromConfig and may
// serve many goroutines; a State is one player's session and is a
// comparable value, so the exact engine can use it as a map key.
package rulebook
