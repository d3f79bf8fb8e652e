// Package sim runs Let It Ride sessions: one table of 1–7 seats sharing a
// deck and community cards, each seat with its own bankroll, bets and stop
// conditions. A Runner plays a contiguous range of session indexes and
// returns an Aggregate that merges exactly with any other range's.
package sim
