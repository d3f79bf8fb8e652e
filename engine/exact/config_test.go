package exact_test

import (
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/exact"
	"github.com/lir-lab/lir/engine/strategy"
)

// TestStudyBonusTypes: a fixed bonus bet maps onto the rulebook at the
// amount the config names; every bonus strategy, the ones that follow the
// session included, gets an exact session.
func TestStudyBonusTypes(t *testing.T) {
	d := exact.Distribution(strategy.Basic(strategy.TiesPull), exact.NewCompletions4())
	for _, tc := range []struct {
		typ, js string
		bet     int64 // fixed bonus bet with the default $5 base bet (-1: follows the session)
	}{
		{"always", `"always": {"amount": 1}`, 100},
		{"static", `"static": {"amount": 3}`, 300},
		{"static", `"static": {"ratio": 0.5}`, 250},
		{"bankroll_conditional", `"bankroll_conditional": {"amount": 1, "min_session_profit": 10}`, -1},
		{"streak_based", `"streak_based": {"amount": 1, "trigger": "loss", "streak_length": 2, "action": "increase", "step": 1}`, -1},
		{"session_conditional", `"session_conditional": {"early_session": {"hands": 5, "amount": 2}, "default": 1}`, -1},
		{"custom", `"custom": {"expression": "1"}`, -1},
	} {
		c, err := config.DecodeJSON([]byte(`{"simulation": {"hands_per_session": 30},
			"bonus_strategy": {"enabled": true, "type": "` + tc.typ + `", ` + tc.js + `}}`))
		if err != nil {
			t.Fatalf("%s: %v", tc.typ, err)
		}
		s, err := exact.StudyFromConfig(c)
		if err != nil {
			t.Fatalf("%s: %v", tc.typ, err)
		}
		if tc.bet >= 0 && s.Book.Bonus.For(s.Book.Base) != tc.bet {
			t.Errorf("%s: bonus bet %d, want %d", tc.typ, s.Book.Bonus.For(s.Book.Base), tc.bet)
		}
		res, err := exact.SolveSession(c, d, nil)
		if err != nil {
			t.Errorf("%s: %v", tc.typ, err)
			continue
		}
		if res.ExpectedHands <= 0 || res.PWin <= 0 {
			t.Errorf("%s: E[hands] %g, P(win) %g", tc.typ, res.ExpectedHands, res.PWin)
		}
	}
}
