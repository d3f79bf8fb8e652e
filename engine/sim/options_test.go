package sim

import (
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
)

// cfg decodes a YAML fragment onto the defaults (with a $1,000,000
// bankroll and no limits unless the fragment says otherwise).
func cfg(t *testing.T, yaml string) *config.Config {
	t.Helper()
	base := "bankroll:\n  starting_amount: 1000000\n  stop_conditions: {win_limit: null, loss_limit: null}\n"
	tree, err := configyaml.ParseTree([]byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	btree, _ := configyaml.ParseTree([]byte(base))
	merged := merge(btree, tree)
	c, err := config.DecodeTree(merged)
	if err != nil {
		t.Fatalf("%v\n%s", err, yaml)
	}
	return c
}

func merge(a, b any) any {
	am, ok1 := a.(map[string]any)
	bm, ok2 := b.(map[string]any)
	if !ok1 || !ok2 {
		if b == nil {
			return a
		}
		return b
	}
	out := map[string]any{}
	for k, v := range am {
		out[k] = v
	}
	for k, v := range bm {
		out[k] = merge(out[k], v)
	}
	return out
}

// betSequence sizes a hand, applies the given main-game result (W, L or
// P, moving the bankroll by the bet on one circle), and repeats; it
// returns the per-circle bets in cents, and -1 where the seat stopped.
func betSequence(t *testing.T, c *config.Config, results string) []int64 {
	t.Helper()
	r := mustRunner(t, c)
	st := r.newSeat()
	var out []int64
	for _, ch := range results + "P" {
		if _, stop := r.prepare(&st); stop {
			out = append(out, -1)
			break
		}
		out = append(out, st.Bet)
		net := map[rune]int64{'W': 1, 'L': -1, 'P': 0}[ch] * st.Bet
		r.p.Settle(&st.State, net, 0)
	}
	return out
}

func dollars(xs ...float64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = int64(x * 100)
	}
	return out
}

// Each betting-system option changes the bets as docs/CONFIG.md says;
// the expected sequences are worked out by hand from the rules.
func TestBettingSystems(t *testing.T) {
	cases := []struct {
		name, yaml, results string
		want                []int64
	}{
		{"flat", "", "LLWL", dollars(5, 5, 5, 5, 5)},
		// Martingale doubling capped by the table maximum: 5 10 20 40 80
		// 100 100, then a win resets.
		{"martingale table max", "bankroll:\n  table_max: 100\n  betting_system: {type: martingale}\n", "LLLLLLWL",
			dollars(5, 10, 20, 40, 80, 100, 100, 5, 10)},
		{"martingale max_bet", "bankroll:\n  betting_system: {type: martingale, martingale: {max_bet: 30}}\n", "LLLL", dollars(5, 10, 20, 30, 30)},
		{"martingale loss_multiplier", "bankroll:\n  betting_system: {type: martingale, martingale: {loss_multiplier: 3}}\n", "LLW", dollars(5, 15, 45, 5)},
		{"martingale reset_on_win false", "bankroll:\n  betting_system: {type: martingale, martingale: {reset_on_win: false}}\n", "LLWL", dollars(5, 10, 20, 20, 40)},
		{"martingale max_progressions", "bankroll:\n  betting_system: {type: martingale, martingale: {max_progressions: 2}}\n", "LLLL", dollars(5, 10, 20, 5, 10)},
		// hold: after 2 raises the bet stays at 20 until a win.
		{"martingale max_progressions hold", "bankroll:\n  betting_system: {type: martingale, martingale: {max_progressions: 2, at_max_progressions: hold}}\n", "LLLLWL", dollars(5, 10, 20, 20, 20, 5, 10)},
		{"martingale chip increment", "bankroll:\n  base_bet: 5\n  chip_increment: 5\n  betting_system: {type: martingale, martingale: {loss_multiplier: 1.5}}\n", "LLL", dollars(5, 5, 5, 5)},
		{"martingale push", "bankroll:\n  betting_system: {type: martingale}\n", "LPL", dollars(5, 10, 10, 20)},
		{"reverse martingale", "bankroll:\n  betting_system: {type: reverse_martingale}\n", "WWLW", dollars(5, 10, 20, 5, 10)},
		{"reverse martingale target streak", "bankroll:\n  betting_system: {type: reverse_martingale, reverse_martingale: {profit_target_streak: 2}}\n", "WWW", dollars(5, 10, 5, 10)},
		{"reverse martingale keep on loss", "bankroll:\n  betting_system: {type: reverse_martingale, reverse_martingale: {reset_on_loss: false, win_multiplier: 3}}\n", "WLW", dollars(5, 15, 15, 45)},
		{"reverse martingale max_bet", "bankroll:\n  betting_system: {type: reverse_martingale, reverse_martingale: {max_bet: 12}}\n", "WW", dollars(5, 10, 12)},
		{"paroli", "bankroll:\n  betting_system: {type: paroli}\n", "WWWWL", dollars(5, 10, 20, 5, 10, 5)},
		{"paroli wins_before_reset", "bankroll:\n  betting_system: {type: paroli, paroli: {wins_before_reset: 2, win_multiplier: 3}}\n", "WWW", dollars(5, 15, 5, 15)},
		{"paroli max_bet", "bankroll:\n  betting_system: {type: paroli, paroli: {max_bet: 8}}\n", "WW", dollars(5, 8, 8)},
		{"dalembert", "bankroll:\n  betting_system: {type: dalembert}\n", "LLWWW", dollars(5, 10, 15, 10, 5, 5)},
		{"dalembert units", "bankroll:\n  betting_system: {type: dalembert, dalembert: {unit: 2, decrease_unit: 1, max_bet: 8}}\n", "LLLW", dollars(5, 7, 8, 8, 7)},
		{"dalembert min_bet", "bankroll:\n  base_bet: 10\n  table_min: 5\n  betting_system: {type: dalembert, dalembert: {unit: 3, min_bet: 6}}\n", "WW", dollars(10, 7, 6)},
		{"fibonacci", "bankroll:\n  betting_system: {type: fibonacci}\n", "LLLLW", dollars(5, 5, 10, 15, 25, 10)},
		{"fibonacci unit regression", "bankroll:\n  table_min: 1\n  betting_system: {type: fibonacci, fibonacci: {unit: 2, win_regression: 1}}\n", "LLLW", dollars(2, 2, 4, 6, 4)},
		{"fibonacci max_position", "bankroll:\n  betting_system: {type: fibonacci, fibonacci: {max_position: 3}}\n", "LLLL", dollars(5, 5, 10, 10, 10)},
		{"fibonacci max_bet", "bankroll:\n  betting_system: {type: fibonacci, fibonacci: {max_bet: 12}}\n", "LLLL", dollars(5, 5, 10, 12, 12)},
		{"proportional", "bankroll:\n  betting_system: {type: proportional, proportional: {bankroll_percentage: 1}}\n", "W", dollars(10000, 10100)},
		{"proportional bounds", "bankroll:\n  starting_amount: 1000\n  betting_system: {type: proportional, proportional: {bankroll_percentage: 1.37, min_bet: 6, max_bet: 50, round_to: 2}}\n", "WLL",
			// 1.37% of 1000 = 13.70 → 12 (round_to 2); +12 → 1012 → 13.86 → 12; 1000 → 12; 988 → 13.53 → 12
			dollars(12, 12, 12, 12)},
		{"proportional min_bet", "bankroll:\n  starting_amount: 100\n  betting_system: {type: proportional, proportional: {min_bet: 6}}\n", "", dollars(6)},
		{"custom", "bankroll:\n  betting_system: {type: custom, custom: {expression: 'streak <= -2 ? last_bet * 3 : base_bet + hands_played'}}\n", "LLLW",
			dollars(5, 6, 18, 54, 9)},
		{"custom bounds", "bankroll:\n  betting_system: {type: custom, custom: {expression: 'hands_played * 7', min_bet: 6, max_bet: 15}}\n", "PPP", dollars(6, 7, 14, 15)},
		// x/0: +Inf, −Inf and NaN all bet the minimum.
		{"custom infinite", "bankroll:\n  betting_system: {type: custom, custom: {expression: 'hands_played == 0 ? base_bet / (hands_played * 0) : (hands_played == 1 ? -base_bet / (hands_played * 0) : (hands_played * 0) / (hands_played * 0))', min_bet: 6}}\n", "PP", dollars(6, 6, 6)},
		// A unit below the base bet needs table_min lowered (validation
		// refuses it otherwise); then it is honoured from the first hand.
		{"fibonacci unit below the base bet", "bankroll:\n  table_min: 1\n  betting_system: {type: fibonacci, fibonacci: {unit: 1}}\n", "LLLLL", dollars(1, 1, 2, 3, 5, 8)},
		// Bankroll cover (each loss here costs one circle): 40 → 35 → 25;
		// martingale wants 20 but 25 covers 3 × 8.33; then 16.67 covers
		// 3 × 5.55; then 11.12 cannot cover 3 × 5, the minimum: stop.
		{"bankroll cover", "bankroll:\n  starting_amount: 40\n  betting_system: {type: martingale}\n", "LLLL", []int64{500, 1000, 833, 555, -1}},
		// With stop_on_insufficient_funds false the seat plays on with
		// smaller bets, down to one chip.
		{"play below the minimum", "bankroll:\n  starting_amount: 40\n  stop_conditions: {stop_on_insufficient_funds: false}\n  betting_system: {type: martingale}\n", "LLLL", []int64{500, 1000, 833, 555, 370}},
	}
	for _, c := range cases {
		got := betSequence(t, cfg(t, c.yaml), c.results)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: bets %v, want %v", c.name, got, c.want)
		}
	}
}

// progression_basis total judges a hand by main plus bonus.
func TestProgressionBasis(t *testing.T) {
	for _, basis := range []string{"main", "total"} {
		c := cfg(t, "bankroll:\n  betting_system: {type: martingale, progression_basis: "+basis+"}\n")
		r := mustRunner(t, c)
		st := r.newSeat()
		r.prepare(&st)
		r.p.Settle(&st.State, 500, -1500) // main won, bonus lost more
		r.prepare(&st)
		want := map[string]int64{"main": 500, "total": 1000}[basis]
		if st.Bet != want {
			t.Errorf("basis %s: next bet %d, want %d", basis, st.Bet, want)
		}
		if want := map[string]int64{"main": 1, "total": -1}[basis]; st.Streak != want {
			t.Errorf("basis %s: streak %d, want %d", basis, st.Streak, want)
		}
	}
}

// bonusAfter plays main-game results and returns the bonus bet before each
// hand (cents).
func bonusAfter(t *testing.T, c *config.Config, results string, setup func(*seat)) []int64 {
	t.Helper()
	r := mustRunner(t, c)
	st := r.newSeat()
	if setup != nil {
		setup(&st)
	}
	var out []int64
	for _, ch := range results + "P" {
		if _, stop := r.prepare(&st); stop {
			t.Fatal("stopped")
		}
		out = append(out, st.bonus)
		net := map[rune]int64{'W': 1, 'L': -1, 'P': 0}[ch] * st.Bet
		bankroll, peak := st.Bankroll, st.Peak
		r.p.Settle(&st.State, net, 0)
		st.Bankroll, st.Peak = bankroll, peak // the setup's bankroll and peak hold
	}
	return out
}

func TestBonusStrategies(t *testing.T) {
	on := "bonus_strategy:\n  enabled: true\n"
	at := func(bankroll, peak, hands int64) func(*seat) {
		return func(st *seat) { st.Bankroll, st.Peak, st.Hands = 100000000+bankroll*100, peak*100, hands }
	}
	cases := []struct {
		name, yaml, results string
		setup               func(*seat)
		want                []int64
	}{
		{"always", on + "  type: always\n  always: {amount: 3}\n", "", nil, dollars(3)},
		{"disabled", "bonus_strategy:\n  enabled: false\n  type: always\n", "", nil, dollars(0)},
		{"static ratio", on + "  type: static\n  static: {ratio: 0.5}\n", "", nil, dollars(2.5)},
		{"limits round and cap", on + "  type: static\n  static: {amount: 7.5}\n  limits: {increment: 2, max_bet: 5}\n", "", nil, dollars(4)},
		{"limits minimum", on + "  type: static\n  static: {ratio: 0.6}\n  limits: {min_bet: 4}\n", "", nil, dollars(0)},
		{"bankroll_conditional plain", on + "  type: bankroll_conditional\n  bankroll_conditional: {amount: 2}\n", "", nil, dollars(2)},
		{"min_session_profit not met", on + "  type: bankroll_conditional\n  bankroll_conditional: {min_session_profit: 10}\n", "", at(5, 5, 3), dollars(0)},
		{"min_session_profit met", on + "  type: bankroll_conditional\n  bankroll_conditional: {min_session_profit: 10}\n", "", at(10, 10, 3), dollars(1)},
		{"min_session_profit negative", on + "  type: bankroll_conditional\n  bankroll_conditional: {min_session_profit: -10}\n", "", at(-5, 0, 3), dollars(1)},
		{"min_bankroll_ratio", on + "  type: bankroll_conditional\n  bankroll_conditional: {min_bankroll_ratio: 1.0001}\n", "", at(50, 50, 3), dollars(0)},
		{"min_bankroll_ratio met", on + "  type: bankroll_conditional\n  bankroll_conditional: {min_bankroll_ratio: 1.0001}\n", "", at(150, 150, 3), dollars(1)},
		{"max_drawdown", on + "  type: bankroll_conditional\n  bankroll_conditional: {max_drawdown: 20}\n", "", at(10, 40, 3), dollars(0)},
		{"max_drawdown met", on + "  type: bankroll_conditional\n  bankroll_conditional: {max_drawdown: 30}\n", "", at(10, 40, 3), dollars(1)},
		{"profit_percentage", on + "  type: bankroll_conditional\n  bankroll_conditional: {profit_percentage: 10}\n", "", at(55, 55, 3), dollars(5.5)},
		{"profit_percentage behind", on + "  type: bankroll_conditional\n  bankroll_conditional: {profit_percentage: 10}\n", "", at(-5, 0, 3), dollars(0)},
		{"profit_tiers", on + "  type: bankroll_conditional\n  bankroll_conditional:\n    profit_tiers: [{min_profit: 0, amount: 1}, {min_profit: 50, amount: 5}]\n", "", at(60, 60, 3), dollars(5)},
		{"profit_tiers below", on + "  type: bankroll_conditional\n  bankroll_conditional:\n    profit_tiers: [{min_profit: 0, amount: 1}, {min_profit: 50, amount: 5}]\n", "", at(-1, 0, 3), dollars(0)},
		{"streak multiply", on + "  type: streak_based\n  streak_based: {amount: 1, streak_length: 2, max_multiplier: 4}\n", "LLLLLLW", nil, dollars(1, 1, 2, 2, 4, 4, 4, 1)},
		{"streak increase on wins", on + "  type: streak_based\n  streak_based: {amount: 1, trigger: win, streak_length: 1, action: increase, step: 0.5}\n", "WWL", nil, dollars(1, 1.5, 2, 1)},
		{"streak decrease", on + "  type: streak_based\n  streak_based: {amount: 2, streak_length: 1, action: decrease}\n", "LLW", nil, dollars(2, 0, 0, 2)},
		{"streak stop then reset", on + "  type: streak_based\n  streak_based: {amount: 1, streak_length: 2, action: stop}\n", "LLLPL", nil, dollars(1, 1, 0, 0, 1, 1)},
		{"streak start", on + "  type: streak_based\n  streak_based: {amount: 1, trigger: win, streak_length: 2, action: start, reset_on: loss}\n", "WWPWL", nil, dollars(0, 0, 1, 1, 1, 0)},
		{"streak reset_on win only", on + "  type: streak_based\n  streak_based: {amount: 1, streak_length: 1, reset_on: win}\n", "LPLW", nil, dollars(1, 2, 2, 4, 1)},
		{"streak multiplier", on + "  type: streak_based\n  streak_based: {amount: 1, streak_length: 1, multiplier: 3}\n", "LL", nil, dollars(1, 3, 8)},
		{"session early", on + "  type: session_conditional\n  session_conditional: {early_session: {hands: 2, amount: 3}, default: 1}\n", "PPP", nil, dollars(3, 3, 1, 1)},
		{"session near win", on + "  type: session_conditional\n  session_conditional: {near_win_limit: {within: 20, amount: 4}, default: 1}\nbankroll:\n  stop_conditions: {win_limit: 100}\n", "", at(85, 85, 5), dollars(4)},
		{"session near loss", on + "  type: session_conditional\n  session_conditional: {near_loss_limit: {within: 20, amount: 0}, default: 1}\nbankroll:\n  stop_conditions: {loss_limit: 100}\n", "", at(-85, 0, 5), dollars(0)},
		{"session default", on + "  type: session_conditional\n  session_conditional: {near_loss_limit: {within: 20, amount: 0}, default: 2}\nbankroll:\n  stop_conditions: {loss_limit: 100}\n", "", at(-50, 0, 5), dollars(2)},
		{"custom", on + "  type: custom\n  custom: {expression: 'session_profit > 0 ? bet / 5 : 0'}\n", "", at(10, 10, 1), dollars(1)},
		{"custom min", on + "  type: custom\n  custom: {expression: 'hands_played', min_bet: 3, max_bet: 4}\n", "PPPPP", nil, dollars(0, 0, 0, 3, 4, 4)},
		{"custom infinite", on + "  type: custom\n  custom: {expression: 'hands_played == 0 ? bet / (hands_played * 0) : (hands_played == 1 ? -bet / (hands_played * 0) : (hands_played * 0) / (hands_played * 0))'}\n", "PP", nil, dollars(0, 0, 0)},
	}
	for _, c := range cases {
		got := bonusAfter(t, cfg(t, c.yaml), c.results, c.setup)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: bonus bets %v, want %v", c.name, got, c.want)
		}
	}
}

// No session ends, or passes through, a negative bankroll: across a
// million seeded martingale sessions (play panics if a bankroll goes
// negative), with bonus bets competing for the same money.
func TestMartingaleNeverNegative(t *testing.T) {
	n := 1000000
	switch {
	case testing.Short():
		n = 20000
	case runtime.GOARCH == "wasm":
		n = 100000 // the native run covers the million; this keeps make test-wasm quick
	}
	c := cfg(t, "bankroll:\n  starting_amount: 100\n  base_bet: 5\n  stop_conditions: {win_limit: 100, stop_on_insufficient_funds: false}\n"+
		"  betting_system: {type: martingale, martingale: {loss_multiplier: 3}}\n"+
		"bonus_strategy: {enabled: true, type: streak_based, streak_based: {amount: 5, streak_length: 1}}\n")
	agg := mustRunner(t, c).Run(99, 0, n, nil)
	s := agg.Seats[0]
	if s.PlayerSessions != uint64(n) || s.Profit.Min < -10000 {
		t.Fatalf("sessions %d, lowest profit %d cents (start 10000)", s.PlayerSessions, s.Profit.Min)
	}
	if s.StopReasons[StopInsufficientFunds] == 0 {
		t.Fatal("no session ran out of money: the test does not exercise the cover rule")
	}
}

// Custom rules: card-only lists play exactly like the table they compile
// to; lists reading the session are run per hand and change play.
func TestCustomStrategyInSim(t *testing.T) {
	basic := mustRunner(t, cfg(t, "strategy: {type: basic}\n")).Run(5, 0, 300, nil)
	same := mustRunner(t, cfg(t, "strategy:\n  type: custom\n  custom:\n    bet1_rules: [{condition: 'strength >= 6', action: ride}]\n    bet2_rules: [{condition: 'strength >= 6', action: ride}]\n")).Run(5, 0, 300, nil)
	if !reflect.DeepEqual(basic, same) {
		t.Fatal("custom 'strength >= 6' plays differently from basic")
	}
	c := cfg(t, "bankroll: {stop_conditions: {win_limit: 100, loss_limit: 100}}\nstrategy:\n  type: custom\n  custom:\n    bet1_rules:\n      - {condition: 'session_profit < 0 and strength >= 5', action: ride}\n      - {condition: 'strength >= 6', action: ride}\n    bet2_rules: [{condition: 'strength >= 6', action: ride}]\n")
	r := mustRunner(t, c)
	if !r.p.dynamic || r.p.Rules1 == nil || r.p.Rules2 != nil {
		t.Fatal("session rule list not run per hand, or card-only list not tabled")
	}
	agg := r.Run(5, 0, 300, nil)
	ref := mustRunner(t, cfg(t, "bankroll: {stop_conditions: {win_limit: 100, loss_limit: 100}}\n")).Run(5, 0, 300, nil)
	ride1 := func(a *Aggregate) (n uint64) {
		for _, d := range a.Seats[0].Deals {
			n += d[2] + d[3]
		}
		return n
	}
	if ride1(agg) <= ride1(ref) {
		t.Fatalf("riding low pairs when behind did not add rides: %d vs %d", ride1(agg), ride1(ref))
	}
	// An observer sees the decisions the session rule took, not the
	// table's: its hands add up to the aggregate's counts.
	var rec recorder
	if got := r.RunObserved(5, 0, 300, nil, &rec); !reflect.DeepEqual(got, agg) {
		t.Fatal("observing changed the aggregate")
	}
	if rec.deals() != agg.Seats[0].Deals {
		t.Fatal("observed decisions differ from those played")
	}
}

// Bets that follow the bankroll stop at a ceiling that keeps every sum
// exact (config.MoneyCeiling), far above any real table.
func TestBetCeiling(t *testing.T) {
	c := cfg(t, "simulation: {hands_per_session: 10000000}\nbankroll:\n  starting_amount: 1000000000\n  betting_system: {type: proportional, proportional: {bankroll_percentage: 33}}\n")
	r := mustRunner(t, c)
	if got := betSequence(t, c, "")[0]; got != r.p.Ceiling || got >= 33_000_000_000 {
		t.Fatalf("first bet %d, ceiling %d", got, r.p.Ceiling)
	}
	if r.p.Ceiling < 10_000_00 {
		t.Fatalf("ceiling %d cents is lower than a real table's maximum", r.p.Ceiling)
	}
}

// TestExactRefusesSessionRules: custom rules that read session variables
// are no table of the cards, so the exact engine's entry points refuse
// them (naming the lists) while the simulator plays them; rules of the
// cards alone are solved.
func TestExactRefusesSessionRules(t *testing.T) {
	c := config.Default()
	c.Strategy.Type = "custom"
	c.Strategy.Custom.Bet1Rules = []config.Rule{{Condition: "has_paying_hand", Action: "ride"}}
	c.Strategy.Custom.Bet2Rules = []config.Rule{{Condition: "has_paying_hand || (streak <= -3 && is_flush_draw)", Action: "ride"}}
	if _, err := StrategyTable(c); !errors.Is(err, ErrSessionStrategy) || !strings.Contains(err.Error(), "strategy.custom.bet2_rules") || strings.Contains(err.Error(), "bet1_rules") {
		t.Errorf("StrategyTable: %v", err)
	}
	if _, _, err := ExactDistribution(c); !errors.Is(err, ErrSessionStrategy) {
		t.Errorf("ExactDistribution: %v", err)
	}
	if _, err := NewRunner(c); err != nil {
		t.Errorf("the simulator refused the rules: %v", err)
	}
	c.Strategy.Custom.Bet2Rules[0].Condition = "has_paying_hand || is_flush_draw"
	if _, _, err := ExactDistribution(c); err != nil {
		t.Errorf("card-only rules: %v", err)
	}
}
