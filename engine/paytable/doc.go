// Package paytable holds the Let It Ride main-game paytables and the Three
// Card Bonus paytables: what each final category pays, as "N to 1" on each
// bet still in action (the stake comes back too), or -1 when the bet loses.
package paytable
