package sim

import (
	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/strategy"
)

// CustomRules compiles a custom strategy's rule lists (rulebook.CustomRules).
func CustomRules(c *config.Config) (bet1, bet2 *strategy.Rules, err error) {
	return rulebook.CustomRules(c)
}

// decideDynamic makes a hand's decisions when a rule list reads session
// variables: such a list runs on this hand's cards and the seat's session;
// the other decision still comes from the table.
func (r *Runner) decideDynamic(st *seat, a, b, c, x cards.Card) (r1, r2 int) {
	p := r.p
	if p.Rules1 != nil {
		p.FillSession(&st.State, &st.sc.Env)
		h := [3]cards.Card{a, b, c}
		f := strategy.FeaturesOf(h[:])
		f.Fill(&st.sc.Env)
		r1 = b2i(p.Rules1.Decide(&st.sc.Env))
	} else {
		r1 = b2i(r.p.table.RideBet1(cards.Index3(a, b, c)))
	}
	if p.Rules2 != nil {
		p.FillSession(&st.State, &st.sc.Env)
		h := [4]cards.Card{a, b, c, x}
		f := strategy.FeaturesOf(h[:])
		f.Fill(&st.sc.Env)
		r2 = b2i(p.Rules2.Decide(&st.sc.Env))
	} else {
		r2 = b2i(r.p.table.RideBet2(cards.Index4(a, b, c, x)))
	}
	return r1, r2
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
