package config

import (
	"strings"
	"testing"
)

// Configs whose statistics' power sums could leave the engine's exact
// integers (Σx² in 128 bits, Σx⁴ in 256) are refused at load, naming the
// bound; the two of the report that gave impossible figures (a null
// standard deviation, kurtosis −6.63, a negative bonus variance) are among
// them, and ordinary large studies are not.
func TestPowerSumsBound(t *testing.T) {
	million := `"paytables": {"main_game": {"type": "custom", "custom": {"royal_flush": 1000000, "straight_flush": 1000000,
	    "four_of_a_kind": 1000000, "full_house": 1000000, "flush": 1000000, "straight": 1000000,
	    "three_of_a_kind": 1000000, "two_pair": 1000000, "pair_tens_or_better": 1000000}}}`
	for name, js := range map[string]string{
		"1e6:1 table, $1e6 bet": `{"simulation": {"num_sessions": 10000, "hands_per_session": 2000},
		  "bankroll": {"starting_amount": 1000000000, "base_bet": 1000000, "stop_conditions": {"win_limit": null, "loss_limit": null}}, ` + million + `}`,
		"$1e7 bonus on 1e6:1": `{"simulation": {"num_sessions": 10000, "hands_per_session": 200},
		  "bankroll": {"starting_amount": 1000000000, "base_bet": 1, "stop_conditions": {"win_limit": null, "loss_limit": null}},
		  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 10000000}},
		  "paytables": {"bonus": {"type": "custom", "custom": {"mini_royal": 1000000, "straight_flush": 1000000, "three_of_a_kind": 1000000, "straight": 1000000, "flush": 1000000, "pair": 1000000}}}}`,
	} {
		if msg := decodeErr(t, js); !strings.Contains(msg, "simulation.num_sessions") || !strings.Contains(msg, "exact") {
			t.Errorf("%s: %q", name, msg)
		}
	}
	for _, js := range []string{
		`{}`,
		`{"simulation": {"num_sessions": 1000000000, "hands_per_session": 10000}, "table": {"num_seats": 7}}`,
		`{"simulation": {"hands_per_session": 10000}, "bankroll": {"starting_amount": 1000000, "base_bet": 1000, "table_max": 5000}}`,
	} {
		if msg := decodeErr(t, js); msg != "" {
			t.Errorf("%s refused: %s", js, msg)
		}
	}
}
