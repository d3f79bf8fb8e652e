package strategy

import (
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/rules"
)

// Conservative rides only strong hands: bet 1 on three cards of
// Strength3 ≥ min1, bet 2 on four cards of Strength4 ≥ min2, and with
// madeOnly only when the cards already pay (HasPayingHand).
func Conservative(madeOnly bool, min1, min2 int) *Table {
	ok := func(f Features, min int) bool { return f.Strength >= min && (!madeOnly || f.HasPayingHand) }
	return Build("conservative",
		func(h [3]cards.Card) bool { return ok(FeaturesOf(h[:]), min1) },
		func(h [4]cards.Card) bool { return ok(FeaturesOf(h[:]), min2) })
}

// Aggressive is the basic strategy plus rides on draws: with rideOnDraws,
// bet 1 on any three to a straight flush and bet 2 on any four to an
// outside straight; with gutshots, bet 2 on any four to an inside
// straight; with backdoor, bet 1 on any three suited cards.
func Aggressive(ties Ties, rideOnDraws, gutshots, backdoor bool) *Table {
	tiesRide := ties == TiesRide
	return Build("aggressive",
		func(h [3]cards.Card) bool {
			f := FeaturesOf(h[:])
			return basicBet1(h) || rideOnDraws && f.IsStraightFlushDraw || backdoor && f.IsFlushDraw
		},
		func(h [4]cards.Card) bool {
			f := FeaturesOf(h[:])
			return basicBet2(h, tiesRide) || rideOnDraws && f.IsOpenStraightDraw || gutshots && f.IsInsideStraightDraw
		})
}

// Rule is one compiled custom rule: when When holds, ride if Ride.
type Rule struct {
	When *rules.Expr
	Ride bool
}

// Rules is an ordered rule list for one decision; the first rule whose
// condition holds decides, else Default.
type Rules struct {
	List    []Rule
	Default bool
}

// Decide runs the rules on env.
func (r *Rules) Decide(env *rules.Env) bool {
	for i := range r.List {
		if r.List[i].When.True(env) {
			return r.List[i].Ride
		}
	}
	return r.Default
}

// Uses returns the variables the rules read.
func (r *Rules) Uses() rules.Set {
	var s rules.Set
	for _, x := range r.List {
		s |= x.When.Uses()
	}
	return s
}

// CardOnly reports whether the rules read only card variables, so they
// compile to a table.
func (r *Rules) CardOnly() bool { return r.Uses()&rules.SessionVars == 0 }

// Custom compiles two rule lists into a table by running them on every
// three- and four-card hand. Rules that read session variables are run
// with those at zero; the simulator runs such lists per hand instead.
func Custom(bet1, bet2 *Rules) *Table {
	var env rules.Env
	return Build("custom",
		func(h [3]cards.Card) bool {
			f := FeaturesOf(h[:])
			f.Fill(&env)
			return bet1.Decide(&env)
		},
		func(h [4]cards.Card) bool {
			f := FeaturesOf(h[:])
			f.Fill(&env)
			return bet2.Decide(&env)
		})
}
