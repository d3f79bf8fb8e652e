package sim

import (
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/configyaml"
)

// pyFile decodes a file in the Python tool's form (workers: "auto" marks
// it) with a large bankroll and the given bankroll.betting_system and
// bonus_strategy sections.
func pyFile(t *testing.T, base, system, bonus string) []byte {
	t.Helper()
	s := "simulation:\n  workers: \"auto\"\nbankroll:\n  starting_amount: 100000\n  base_bet: " + base + "\n  betting_system:\n" + system
	if bonus != "" {
		s += "bonus_strategy:\n" + bonus
	}
	return []byte(s)
}

// Same key, same meaning: for each of the Python tool's betting systems,
// the bets on one fixed sequence of results equal the ones its code
// (bankroll/betting_systems.py, get_bet and record_result) gives. The
// expected bets are worked out by hand from that code: martingale bets
// base × multiplier^level with level = min(level+1, max_progressions−1)
// after a loss and 0 after a win; fibonacci bets unit × F[position] with
// 0-based positions capped at min(max_position, 19); dalembert moves by
// unit both ways within min_bet…max_bet; its section defaults apply to
// keys not given (max_bet 500, max_progressions 6, unit 5, ...).
func TestPythonBettingSystemsBetAsItsCode(t *testing.T) {
	fib := []float64{1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765}
	longLoss := ""
	var fibBets []float64
	for i := 0; i < 21; i++ {
		longLoss += "L"
		fibBets = append(fibBets, fib[min(i, 19)])
	}
	fibBets = append(fibBets, fib[19])
	cases := []struct {
		name, base, system, results string
		want                        []int64
	}{
		{"flat", "5", "    type: flat\n", "LLWL", dollars(5, 5, 5, 5, 5)},
		// max_progressions 4: levels 0..3, the bet holds at 5 × 2^3 = 40.
		{"martingale hold", "5", "    type: martingale\n    martingale: {loss_multiplier: 2, max_bet: 80, max_progressions: 4}\n", "LLLLLWL",
			dollars(5, 10, 20, 40, 40, 40, 5, 10)},
		{"martingale defaults", "5", "    type: martingale\n    martingale: {}\n", "LLLLLLLP",
			dollars(5, 10, 20, 40, 80, 160, 160, 160, 160)},
		{"martingale max_bet", "5", "    type: martingale\n    martingale: {max_bet: 30}\n", "LLLL", dollars(5, 10, 20, 30, 30)},
		{"martingale one level", "5", "    type: martingale\n    martingale: {max_progressions: 1}\n", "LLW", dollars(5, 5, 5, 5)},
		{"martingale triple", "5", "    type: martingale\n    martingale: {loss_multiplier: 3, max_bet: 1000, max_progressions: 3}\n", "LLLW", dollars(5, 15, 45, 45, 5)},
		{"reverse martingale", "5", "    type: reverse_martingale\n    reverse_martingale: {}\n", "WWWWL", dollars(5, 10, 20, 5, 10, 5)},
		{"reverse martingale streak and cap", "5", "    type: reverse_martingale\n    reverse_martingale: {win_multiplier: 3, profit_target_streak: 4, max_bet: 100}\n", "WWWWPW",
			dollars(5, 15, 45, 100, 5, 5, 15)},
		{"paroli", "5", "    type: paroli\n    paroli: {win_multiplier: 2, wins_before_reset: 3, max_bet: 40}\n", "WWWWPL", dollars(5, 10, 20, 5, 10, 10, 5)},
		{"paroli cap", "10", "    type: paroli\n    paroli: {win_multiplier: 2, wins_before_reset: 5, max_bet: 25}\n", "WWW", dollars(10, 20, 25, 25)},
		{"dalembert", "5", "    type: dalembert\n    dalembert: {}\n", "LLWWW", dollars(5, 10, 15, 10, 5, 5)},
		// Its min_bet may be below the base bet: 10 → 7 → 4, floor 4.
		{"dalembert floor", "10", "    type: dalembert\n    dalembert: {unit: 3, decrease_unit: 3, min_bet: 4}\n", "WWWL", dollars(10, 7, 4, 4, 7)},
		{"dalembert cap", "5", "    type: dalembert\n    dalembert: {unit: 5, max_bet: 12}\n", "LLL", dollars(5, 10, 12, 12)},
		{"fibonacci", "5", "    type: fibonacci\n    fibonacci: {}\n", "LLLLW", dollars(5, 5, 10, 15, 25, 10)},
		// Its unit is not the base bet: unit 2 with base bet 5.
		{"fibonacci unit", "5", "    type: fibonacci\n    fibonacci: {unit: 2, win_regression: 1}\n", "LLLW", dollars(2, 2, 4, 6, 4)},
		{"fibonacci max_position", "5", "    type: fibonacci\n    fibonacci: {max_position: 2}\n", "LLLL", dollars(5, 5, 10, 10, 10)},
		// Its table holds 20 numbers: positions stop at 19 whatever max_position says.
		{"fibonacci past its table", "1", "    type: fibonacci\n    fibonacci: {unit: 1, max_bet: 100000, max_position: 40}\n", longLoss, dollars(fibBets...)},
		{"fibonacci max_bet", "5", "    type: fibonacci\n    fibonacci: {max_bet: 12}\n", "LLLL", dollars(5, 5, 10, 12, 12)},
	}
	for _, c := range cases {
		cf, err := configyaml.Decode("f.yaml", pyFile(t, c.base, c.system, ""))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := betSequence(t, cf, c.results); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: bets %v, want %v (its code)", c.name, got, c.want)
		}
	}
}

// Its progressions judge a hand by main plus bonus (session.py passes
// the hand's net result, bonus included, to record_result).
func TestPythonProgressionsJudgeMainPlusBonus(t *testing.T) {
	cf, err := configyaml.Decode("f.yaml", pyFile(t, "5", "    type: martingale\n    martingale: {}\n", ""))
	if err != nil {
		t.Fatal(err)
	}
	r := mustRunner(t, cf)
	st := r.newSeat()
	r.prepare(&st)
	r.p.Settle(&st.State, 500, -1500) // main won 5, bonus lost 15: a loss there
	r.prepare(&st)
	if st.Bet != 1000 {
		t.Fatalf("next bet %d cents, want 1000 (a loss on main plus bonus)", st.Bet)
	}
}

// Its bonus bets: always.amount and static.amount every hand; static.ratio
// is of the base bet and fixed for the session (simulation/utils.py
// calculate_bonus_bet), whatever a progression does to the main bet.
func TestPythonBonusBetsAsItsCode(t *testing.T) {
	for _, c := range []struct {
		name, bonus string
		want        int64
	}{
		{"always", "  enabled: true\n  type: always\n  always: {amount: 3}\n", 300},
		{"static amount", "  enabled: true\n  type: static\n  static: {amount: 5}\n", 500},
		{"static default", "  enabled: true\n  type: static\n  static: {}\n", 100},
		{"static ratio of the base bet", "  enabled: true\n  type: static\n  static: {amount: null, ratio: 0.5}\n", 250},
		{"disabled", "  enabled: false\n  type: always\n  always: {amount: 3}\n", 0},
	} {
		cf, err := configyaml.Decode("f.yaml", pyFile(t, "5", "    type: martingale\n    martingale: {}\n", c.bonus))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		r := mustRunner(t, cf)
		st := r.newSeat()
		for i, net := range []int64{-500, -1000, -2000} { // three losses: the main bet rises 5, 10, 20, 40
			r.prepare(&st)
			if st.bonus != c.want {
				t.Errorf("%s: hand %d bonus %d cents, want %d", c.name, i+1, st.bonus, c.want)
			}
			r.p.Settle(&st.State, net, -st.bonus)
		}
	}
}
