package sim

import (
	"reflect"
	"strings"
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

// Its bonus bets: always.amount and static.amount every hand, whatever a
// progression does to the main bet.
func TestPythonBonusBetsAsItsCode(t *testing.T) {
	for _, c := range []struct {
		name, bonus string
		want        int64
	}{
		{"always", "  enabled: true\n  type: always\n  always: {amount: 3}\n", 300},
		{"static amount", "  enabled: true\n  type: static\n  static: {amount: 5}\n", 500},
		{"static default", "  enabled: true\n  type: static\n  static: {}\n", 100},
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

// bonusSequence plays the given main-game nets (in dollars, bonus lost
// each hand) and returns the bonus bets in cents.
func bonusSequence(t *testing.T, file string, mains ...float64) []int64 {
	t.Helper()
	cf, err := configyaml.Decode("f.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	r := mustRunner(t, cf)
	st := r.newSeat()
	var out []int64
	for _, m := range append(mains, 0) {
		r.prepare(&st)
		out = append(out, st.bonus)
		r.p.Settle(&st.State, int64(m*100), -st.bonus)
	}
	return out
}

// static.ratio with one seat: a share of the bet the betting system asks
// for this hand (session.py gives it as the context's base_bet), no bet
// below 1 (its hard-coded minimum); with several seats a bonus fixed at
// the start, ratio × the base bet (controller.py, calculate_bonus_bet).
func TestPythonStaticRatioAsItsCode(t *testing.T) {
	one := "simulation: {workers: \"auto\"}\nbankroll:\n  starting_amount: 10000\n  betting_system: {type: martingale, martingale: {max_bet: 1000}}\n" +
		"bonus_strategy: {enabled: true, type: static, static: {amount: null, ratio: 0.5}}\n"
	// Main bets 5, 10, 20, 40 after losses: bonus 2.50, 5, 10, 20.
	if got, want := bonusSequence(t, one, -5, -10, -20), dollars(2.5, 5, 10, 20); !reflect.DeepEqual(got, want) {
		t.Errorf("one seat: bonus %v, want %v", got, want)
	}
	small := strings.Replace(one, "ratio: 0.5", "ratio: 0.1", 1) // 0.50 < 1: no bet; then 1, 2
	if got, want := bonusSequence(t, small, -5, -10), dollars(0, 1, 2); !reflect.DeepEqual(got, want) {
		t.Errorf("below its minimum: bonus %v, want %v", got, want)
	}
	cf, err := configyaml.Decode("f.yaml", []byte(strings.Replace(one, "simulation:", "table: {num_seats: 3}\nsimulation:", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if a := cf.BonusStrategy.Static; a.Ratio != nil || *a.Amount != 250 {
		t.Errorf("several seats: %+v, want a fixed 2.50", a)
	}
}

// bankroll_conditional as its code (strategy/bonus.py): no bet when the
// session profit is below min_session_profit or the loss from the
// starting bankroll is above max_drawdown; else the first tier on
// [min_profit, max_profit), else base_amount; profit_percentage × profit
// replaces it when ahead; below 1 no bet.
func TestPythonBankrollConditionalAsItsCode(t *testing.T) {
	file := func(extra string) string {
		return "simulation: {workers: \"auto\"}\nbankroll: {starting_amount: 1000, base_bet: 5}\nbonus_strategy:\n  enabled: true\n  type: bankroll_conditional\n" +
			"  bankroll_conditional:\n    base_amount: 2\n    max_drawdown: 0.2\n" + extra +
			"    scaling:\n      enabled: true\n      tiers:\n        - {min_profit: 0, max_profit: 50, bet_amount: 1}\n        - {min_profit: 50, bet_amount: 3}\n"
	}
	// Profit 0 → tier 1; +60−1 = 59 → tier 2; −100−3 = −44 → below 0: none;
	// +44 → 0 → tier 1; −250−1 = −251 → none (and the drawdown is 25%).
	if got, want := bonusSequence(t, file(""), 60, -100, 44, -250), dollars(1, 3, 0, 1, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("tiers: bonus %v, want %v", got, want)
	}
	// min_session_profit null: only the drawdown (loss from the start ≤ 20%) decides; −44 → tier? no tier
	// matches below 0, so base_amount 2; then −150−2 → −196: 19.6% → base 2; −10−2 → −208: none.
	if got, want := bonusSequence(t, file("    min_session_profit: null\n"), 60, -100, -150, -10), dollars(1, 3, 2, 2, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("drawdown: bonus %v, want %v", got, want)
	}
	// profit_percentage 0.1: 59 ahead → 5.90; 0.01: 0.59 → below 1, none.
	if got, want := bonusSequence(t, file("    profit_percentage: 0.1\n"), 60), dollars(1, 5.9); !reflect.DeepEqual(got, want) {
		t.Errorf("profit_percentage: bonus %v, want %v", got, want)
	}
	if got, want := bonusSequence(t, file("    profit_percentage: 0.01\n"), 60), dollars(1, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("profit_percentage below its minimum: bonus %v, want %v", got, want)
	}
}

// streak_based as its code (strategy/bonus.py StreakBasedBonusStrategy):
// the count of trigger hands (not necessarily in a row) clears only on
// reset_on, checked first; with t = count // streak_length the bet is
// base × value^t capped at × max_multiplier (multiply), base + value × t
// (increase), base − value × t (decrease); stop and start switch betting.
// Each hand here: main result (W: the main game paid, L: not) and, when a
// bonus is placed, the bonus result (w / l).
func TestPythonStreakBasedAsItsCode(t *testing.T) {
	file := func(sb string) string {
		return "simulation: {workers: \"auto\"}\nbankroll: {starting_amount: 10000, base_bet: 5}\nbonus_strategy:\n  enabled: true\n  type: streak_based\n  streak_based:\n" + sb
	}
	cases := []struct {
		name, sb, hands string
		want            []int64
	}{
		// Its defaults: bonus_loss × 5 → × 2, reset on bonus_win, cap × 5 (base 1).
		{"defaults", "    base_amount: 1\n", "LlLlLlWlLlLlLlLlLlLlLlLlLlLlLlLw", dollars(1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 5, 1)},
		// A main win between losses does not clear the count.
		{"not in a row", "    base_amount: 2\n    trigger: main_loss\n    streak_length: 2\n    reset_on: bonus_win\n    action: {type: increase, value: 3}\n    max_multiplier: 3\n",
			"LlWlLlLlLl", dollars(2, 2, 2, 5, 5, 6)},
		{"decrease", "    base_amount: 5\n    trigger: any_loss\n    streak_length: 1\n    reset_on: never\n    action: {type: decrease, value: 2}\n",
			"LlLlLlL", dollars(5, 3, 1, 0, 0)},
		// stop: no bonus from the first streak until a main win resets.
		{"stop", "    base_amount: 3\n    trigger: bonus_loss\n    streak_length: 2\n    reset_on: main_win\n    action: {type: stop}\n",
			"LlLlLLW", dollars(3, 3, 0, 0, 0, 3)},
		// start: no bonus until two main losses; a bonus win resets.
		{"start", "    base_amount: 3\n    trigger: main_loss\n    streak_length: 2\n    reset_on: bonus_win\n    action: {type: start}\n    max_multiplier: null\n",
			"LLLlWw", dollars(0, 0, 3, 3, 0)},
	}
	for _, c := range cases {
		cf, err := configyaml.Decode("f.yaml", []byte(file(c.sb)))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		r := mustRunner(t, cf)
		st := r.newSeat()
		var got []int64
		hands := c.hands
		for {
			r.prepare(&st)
			got = append(got, st.bonus)
			if hands == "" {
				break
			}
			main := int64(-500)
			if hands[0] == 'W' {
				main = 500
			}
			hands = hands[1:]
			bonus := int64(0)
			if hands != "" && (hands[0] == 'w' || hands[0] == 'l') {
				if st.bonus == 0 {
					t.Fatalf("%s: a bonus result given for a hand without a bonus bet", c.name)
				}
				bonus = -st.bonus
				if hands[0] == 'w' {
					bonus = st.bonus
				}
				hands = hands[1:]
			} else if st.bonus != 0 {
				t.Fatalf("%s: bonus %d placed, no result given", c.name, st.bonus)
			}
			r.p.Settle(&st.State, main, bonus)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: bonus %v, want %v (its code)", c.name, got, c.want)
		}
	}
}
