package config

import (
	"strings"
	"testing"
)

func decodeErr(t *testing.T, js string) string {
	t.Helper()
	_, err := DecodeJSON([]byte(js))
	if err == nil {
		return ""
	}
	return err.Error()
}

// Amounts that could carry a bankroll past the exact-integer ceiling are
// refused; ordinary large studies are not.
func TestMagnitudeCeiling(t *testing.T) {
	huge := `{"simulation": {"hands_per_session": 100000},
	  "bankroll": {"starting_amount": 1000000000, "base_bet": 10000000, "stop_conditions": {"win_limit": null, "loss_limit": null}},
	  "paytables": {"main_game": {"type": "custom", "custom": {"royal_flush": 1000000, "straight_flush": 1000000,
	    "four_of_a_kind": 1000000, "full_house": 1000000, "flush": 1000000, "straight": 1000000,
	    "three_of_a_kind": 1000000, "two_pair": 1000000, "pair_tens_or_better": 1000000}}}}`
	if msg := decodeErr(t, huge); !strings.Contains(msg, "bankroll.base_bet: 10000000 is not allowed; with up to 100000 hands") {
		t.Errorf("huge amounts accepted or misreported: %q", msg)
	}
	big := `{"simulation": {"hands_per_session": 10000},
	  "bankroll": {"starting_amount": 1000000, "base_bet": 1000, "table_max": 5000}}`
	if msg := decodeErr(t, big); msg != "" {
		t.Errorf("a large but safe study was refused: %s", msg)
	}
	jackpot := `{"simulation": {"hands_per_session": 10000000}, "table": {"num_seats": 7},
	  "bankroll": {"starting_amount": 1000000000, "base_bet": 1},
	  "bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 10000000}},
	  "paytables": {"bonus": {"type": "paytable_c"}}}`
	if msg := decodeErr(t, jackpot); !strings.Contains(msg, "bankroll.base_bet") {
		t.Errorf("a jackpot that could overflow was accepted: %q", msg)
	}
}

// Options that only mean something together are refused alone.
func TestCombinations(t *testing.T) {
	for js, want := range map[string]string{
		`{"table": {"table_rounds": 50}}`:                                                              "table.table_rounds: 50 is not allowed; only used when table.seat_mode is replace",
		`{"dealer": {"discard_enabled": true, "discard_cards": 0}}`:                                    "dealer.discard_cards: 0 is not allowed; at least 1",
		`{"bonus_strategy": {"enabled": true, "type": "static", "static": {"amount": 1, "ratio": 1}}}`: "bonus_strategy.static: both amount and ratio are set; set exactly one of them",
		`{"bankroll": {"starting_amount": 10, "base_bet": "x"}}`:                                       `bankroll.base_bet: "x" is not allowed`,
	} {
		if msg := decodeErr(t, js); !strings.Contains(msg, want) {
			t.Errorf("%s: got %q, want %q", js, msg, want)
		}
	}
	// A rule about a field that failed to decode is not reported twice.
	if msg := decodeErr(t, `{"bankroll": {"starting_amount": 10, "base_bet": "x"}}`); strings.Contains(msg, "3 × bankroll.base_bet") {
		t.Errorf("a consequence of a rejected field was reported: %q", msg)
	}
	if msg := decodeErr(t, `{"dealer": {"discard_enabled": false, "discard_cards": 0}}`); msg != "" {
		t.Errorf("discard_cards 0 with discards off was refused: %s", msg)
	}
}

// A key given twice is refused rather than silently taking the last value,
// and a fixed bonus that the limits round away is refused.
func TestDuplicateKeysAndDeadBonus(t *testing.T) {
	if msg := decodeErr(t, `{"table": {"num_seats": 2, "num_seats": 3}}`); !strings.Contains(msg, "table.num_seats: this key appears twice") {
		t.Errorf("duplicate key: %q", msg)
	}
	if msg := decodeErr(t, `{"a": 1} {"b": 2}`); !strings.Contains(msg, "one JSON object") {
		t.Errorf("two documents: %q", msg)
	}
	dead := `{"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 5}, "limits": {"increment": 10}}}`
	if msg := decodeErr(t, dead); !strings.Contains(msg, "bonus_strategy.limits: increment 10, min_bet 0.01 is not allowed; would turn the always bonus of 5 into no bet") {
		t.Errorf("dead bonus: %q", msg)
	}
	if msg := decodeErr(t, `{"bonus_strategy": {"enabled": true, "type": "always", "always": {"amount": 20}, "limits": {"increment": 10}}}`); msg != "" {
		t.Errorf("a bonus the limits allow was refused: %s", msg)
	}
}
