// Package strategy holds Let It Ride playing decisions compiled into tables:
// one bit per three-card hand for bet 1 and per four-card hand for bet 2,
// indexed by cards.Index3 and cards.Index4. The hot loop does a lookup; all
// analysis happens once, when a table is built.
package strategy
