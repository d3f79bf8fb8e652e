// Package exact solves Let It Ride by enumeration, with no sampling: the EV
// of riding each bet given the cards seen, the optimal strategy for any
// paytable, and the exact distribution of a hand's result under any
// strategy table. Counts are integers and probabilities exact rationals.
package exact
