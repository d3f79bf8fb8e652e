package config

import (
	"strings"
	"testing"
)

// A betting system's amount below the table minimum would be raised to it
// without a word (every bet is kept at or above table_min, the base bet
// when null); validation refuses it instead, naming the minimum.
func TestBelowTableMinimumRefused(t *testing.T) {
	const nullMin = "below the table minimum 5 (bankroll.table_min, null: the base bet); set table_min to allow smaller bets"
	for js, want := range map[string]string{
		`{"bankroll": {"betting_system": {"type": "proportional", "proportional": {"bankroll_percentage": 0.3, "min_bet": 2}}}}`: "bankroll.betting_system.proportional.min_bet: 2 is not allowed; " + nullMin,
		`{"bankroll": {"betting_system": {"type": "proportional", "proportional": {"max_bet": 4.5}}}}`:                           "bankroll.betting_system.proportional.max_bet: 4.5 is not allowed; " + nullMin,
		`{"bankroll": {"betting_system": {"type": "custom", "custom": {"expression": "2", "min_bet": 1}}}}`:                      "bankroll.betting_system.custom.min_bet: 1 is not allowed; " + nullMin,
		`{"bankroll": {"betting_system": {"type": "custom", "custom": {"expression": "2", "max_bet": 3}}}}`:                      "bankroll.betting_system.custom.max_bet: 3 is not allowed; " + nullMin,
		`{"bankroll": {"betting_system": {"type": "fibonacci", "fibonacci": {"unit": 1}}}}`:                                      "bankroll.betting_system.fibonacci.unit: 1 is not allowed; " + nullMin,
		`{"bankroll": {"betting_system": {"type": "fibonacci", "fibonacci": {"max_bet": 2}}}}`:                                   "bankroll.betting_system.fibonacci.max_bet: 2 is not allowed; " + nullMin,
		`{"bankroll": {"betting_system": {"type": "dalembert", "dalembert": {"min_bet": 2}}}}`:                                   "bankroll.betting_system.dalembert.min_bet: 2 is not allowed; " + nullMin,
		`{"bankroll": {"table_min": 3, "betting_system": {"type": "fibonacci", "fibonacci": {"unit": 2}}}}`:                      "bankroll.betting_system.fibonacci.unit: 2 is not allowed; below the table minimum 3 (bankroll.table_min); lower table_min to allow smaller bets",
	} {
		if msg := decodeErr(t, js); !strings.Contains(msg, want) {
			t.Errorf("%s:\n got %q\nwant %q", js, msg, want)
		}
	}
	// With table_min low enough the same amounts are honoured; a section
	// of a system not chosen is not checked.
	for _, js := range []string{
		`{"bankroll": {"table_min": 1, "betting_system": {"type": "proportional", "proportional": {"bankroll_percentage": 0.3, "min_bet": 2}}}}`,
		`{"bankroll": {"table_min": 1, "betting_system": {"type": "custom", "custom": {"expression": "2", "min_bet": 1}}}}`,
		`{"bankroll": {"table_min": 1, "betting_system": {"type": "fibonacci", "fibonacci": {"unit": 1}}}}`,
		`{"bankroll": {"betting_system": {"type": "flat", "fibonacci": {"unit": 1}}}}`,
	} {
		if msg := decodeErr(t, js); msg != "" {
			t.Errorf("%s refused: %s", js, msg)
		}
	}
}

// Goal-optimal play is solved over one player's own session states before
// the run: what would decide the session from outside them is refused,
// naming the field.
func TestGoalOptimalRefusals(t *testing.T) {
	for js, want := range map[string]string{
		`{"bankroll": {"stop_conditions": {"win_limit": null}}, "strategy": {"type": "goal_optimal", "goal_optimal": {"objective": "win_limit"}}}`:      "strategy.goal_optimal.objective: win_limit is not allowed; needs bankroll.stop_conditions.win_limit set",
		`{"table": {"num_seats": 2, "seat_mode": "replace", "table_rounds": 100}, "strategy": {"type": "goal_optimal"}}`:                                "table.seat_mode: replace is not allowed; sit_out or leave with strategy.type goal_optimal",
		`{"strategy": {"type": "goal_optimal"}, "bonus_strategy": {"enabled": true, "type": "always"}, "paytables": {"bonus": {"type": "paytable_c"}}}`: "paytables.bonus.progressive.contribution_rate: 0.15 is not allowed; 0, with reset_amount = starting_jackpot, for strategy.type goal_optimal",
		`{"strategy": {"type": "goal_optimal", "goal_optimal": {"objective": "profit"}}}`:                                                               "strategy.goal_optimal.objective",
	} {
		if msg := decodeErr(t, js); !strings.Contains(msg, want) {
			t.Errorf("%s:\n got %q\nwant %q", js, msg, want)
		}
	}
	for _, js := range []string{
		`{"strategy": {"type": "goal_optimal"}}`,
		`{"strategy": {"type": "goal_optimal", "goal_optimal": {"objective": "win_limit"}}}`,
		`{"table": {"num_seats": 3, "seat_mode": "leave"}, "strategy": {"type": "goal_optimal"}, "bonus_strategy": {"enabled": true, "type": "always"},
		  "paytables": {"bonus": {"type": "paytable_c", "progressive": {"contribution_rate": 0}}}}`,
	} {
		if msg := decodeErr(t, js); msg != "" {
			t.Errorf("%s refused: %s", js, msg)
		}
	}
}
