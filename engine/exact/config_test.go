package exact_test

import (
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
)

// TestSessionRulesBonusTypes: a bonus bet fixed in advance maps onto the
// chain; one that follows the session is refused with the field named,
// never a crash.
func TestSessionRulesBonusTypes(t *testing.T) {
	ratio := 0.5
	amount := config.Money(300)
	for _, tc := range []struct {
		typ     string
		set     func(*config.BonusStrategy)
		bet     int64 // wanted bonus bet with the default $5 base bet
		refused bool
	}{
		{typ: "always", bet: 100},
		{typ: "static", set: func(b *config.BonusStrategy) { b.Static.Amount = &amount }, bet: 300},
		{typ: "static", set: func(b *config.BonusStrategy) { b.Static.Ratio = &ratio }, bet: 250},
		{typ: "bankroll_conditional", refused: true},
		{typ: "streak_based", refused: true},
		{typ: "session_conditional", refused: true},
		{typ: "custom", set: func(b *config.BonusStrategy) { b.Custom.Expression = "1" }, refused: true},
	} {
		c := config.Default()
		c.BonusStrategy.Enabled = true
		c.BonusStrategy.Type = tc.typ
		if tc.set != nil {
			tc.set(&c.BonusStrategy)
		}
		r, err := exact.SessionRulesFromConfig(c)
		switch {
		case tc.refused && (err == nil || !strings.Contains(err.Error(), "bonus_strategy.type")):
			t.Errorf("%s: got %v, want a refusal naming bonus_strategy.type", tc.typ, err)
		case !tc.refused && err != nil:
			t.Errorf("%s: %v", tc.typ, err)
		case !tc.refused && r.BonusBet != tc.bet:
			t.Errorf("%s: bonus bet %d, want %d", tc.typ, r.BonusBet, tc.bet)
		}
	}
}
