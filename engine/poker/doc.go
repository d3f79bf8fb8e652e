// Package poker classifies five-card hands into the Let It Ride pay
// categories and three-card hands into the Three Card Bonus categories.
// Slow, obviously right classifiers are the oracle; the fast bit-trick ones
// the hot loop uses are checked against them on every possible hand.
package poker
