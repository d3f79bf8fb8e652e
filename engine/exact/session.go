package exact

import (
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
)

// JointCount is one point of the joint per-hand distribution of the main
// game's net result (in base-bet units) and the Three Card Bonus category:
// Count of the Deals deals.
type JointCount struct {
	Units int64
	Bonus poker.Category3
	Count int64
}

// Joint returns the joint distribution of (main net units, bonus category)
// under paytable p, sorted by bonus category then units. The bonus is
// settled on the same three cards that drive the ride decisions, so the
// two results are dependent: this comes from the enumeration itself
// (HandDistribution.ByBonus), not from multiplying marginals.
func (d *HandDistribution) Joint(p *paytable.Main) []JointCount {
	var out []JointCount
	for b := range d.ByBonus {
		for _, nc := range netDistribution(&d.ByBonus[b], p) {
			out = append(out, JointCount{Units: nc.Units, Bonus: poker.Category3(b), Count: nc.Count})
		}
	}
	return out
}
