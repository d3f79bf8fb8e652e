// Package betting sizes bets from hand to hand: the betting systems of the
// main game (proportional, martingale, paroli, …) and the strategies of the
// Three Card Bonus bet. Each is a small immutable value plus a per-seat
// State the simulator keeps by value, so sizing a hand never allocates.
package betting
