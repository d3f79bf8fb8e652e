package betting

import (
	"math"
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/rules"
)

// bets plays a system through results ("W", "L", "P" per hand) and
// returns the bet it asks for before each hand and after the last.
func bets(s System, results string) []int64 {
	st := s.Start()
	var out []int64
	for _, c := range results {
		out = append(out, s.Want(&st, &View{}))
		s.Settle(&st, map[rune]Result{'W': Win, 'L': Loss, 'P': Push}[c])
	}
	return append(out, s.Want(&st, &View{}))
}

// Each system on a fixed sequence of results; the expected bets are worked
// out by hand from the system's definition (its doc comment and
// docs/CONFIG.md), amounts in cents.
func TestSystemsBetByTheirDefinition(t *testing.T) {
	cases := []struct {
		name    string
		s       System
		results string
		want    []int64
	}{
		// Double after a loss, back to the base bet after a win; a push changes nothing.
		{"martingale", &Martingale{Base: 500, Inc: 1, Max: NoLimit, MultPPM: 2e6, ResetOnWin: true}, "LLPLWL",
			[]int64{500, 1000, 2000, 2000, 4000, 500, 1000}},
		// × 1.5 rounded down to the $1 chip: 5 → 7.50 → 7; 7 → 10.50 → 10.
		{"martingale chip", &Martingale{Base: 500, Inc: 100, Max: NoLimit, MultPPM: 1.5e6, ResetOnWin: true}, "LL",
			[]int64{500, 700, 1000}},
		// Two raises, then the next loss returns to the base bet.
		{"martingale max_progressions reset", &Martingale{Base: 500, Inc: 1, Max: NoLimit, MultPPM: 2e6, ResetOnWin: true, MaxProgressions: 2}, "LLLL",
			[]int64{500, 1000, 2000, 500, 1000}},
		// Two raises, then the bet holds until a win.
		{"martingale max_progressions hold", &Martingale{Base: 500, Inc: 1, Max: NoLimit, MultPPM: 2e6, ResetOnWin: true, MaxProgressions: 2, Hold: true}, "LLLLWL",
			[]int64{500, 1000, 2000, 2000, 2000, 500, 1000}},
		{"martingale max_bet", &Martingale{Base: 500, Inc: 1, Max: 1500, MultPPM: 2e6, ResetOnWin: true}, "LLL",
			[]int64{500, 1000, 1500, 1500}},
		// reset_on_win false: a win keeps the bet.
		{"martingale no reset", &Martingale{Base: 500, Inc: 1, Max: NoLimit, MultPPM: 2e6}, "LWL",
			[]int64{500, 1000, 1000, 2000}},
		// Double after a win; the third win in a row banks the streak.
		{"reverse martingale", &ReverseMartingale{Base: 500, Inc: 1, Max: NoLimit, MultPPM: 2e6, ResetOnLoss: true, TargetStreak: 3}, "WWWWL",
			[]int64{500, 1000, 2000, 500, 1000, 500}},
		// reset_on_loss false: a loss only ends the streak, the bet stays.
		{"reverse martingale no reset", &ReverseMartingale{Base: 500, Inc: 1, Max: NoLimit, MultPPM: 2e6, TargetStreak: 3}, "WWLW",
			[]int64{500, 1000, 2000, 2000, 4000}},
		{"reverse martingale no target", &ReverseMartingale{Base: 500, Inc: 1, Max: 5000, MultPPM: 2e6, ResetOnLoss: true}, "WWWW",
			[]int64{500, 1000, 2000, 4000, 5000}},
		// Three wins in a row, or any loss, return to the base bet; a push keeps the streak.
		{"paroli", &Paroli{Base: 500, Inc: 1, Max: NoLimit, MultPPM: 2e6, WinsBeforeReset: 3}, "WPWWWL",
			[]int64{500, 1000, 1000, 2000, 500, 1000, 500}},
		// +5 after a loss up to 12, −2 after a win down to 3.
		{"dalembert", &Dalembert{Base: 500, Unit: 500, Decrease: 200, Min: 300, Max: 1200}, "LLLPWWWWW",
			[]int64{500, 1000, 1200, 1200, 1200, 1000, 800, 600, 400, 300}},
		// Unit × 1, 1, 2, 3, 5, 8 up to position 6; a win goes 2 positions back, to 1 at least.
		{"fibonacci", &Fibonacci{Unit: 500, Max: NoLimit, WinRegression: 2, MaxPosition: 6}, "LLLLLLPWWW",
			[]int64{500, 500, 1000, 1500, 2500, 4000, 4000, 4000, 1500, 500, 500}},
		// Down to position 1, not below: the loss after goes to position 2 (1 unit), not 3.
		{"fibonacci floor", &Fibonacci{Unit: 500, Max: NoLimit, WinRegression: 1, MaxPosition: 90}, "LLWWWL",
			[]int64{500, 500, 1000, 500, 500, 500, 500}},
		{"fibonacci max_bet", &Fibonacci{Unit: 500, Max: 2000, WinRegression: 1, MaxPosition: 90}, "LLLLW",
			[]int64{500, 500, 1000, 1500, 2000, 1500}},
		{"fibonacci unit above max_bet", &Fibonacci{Unit: 500, Max: 300, WinRegression: 1, MaxPosition: 90}, "L",
			[]int64{300, 300}},
	}
	for _, c := range cases {
		if got := bets(c.s, c.results); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s on %s: bets %v, want %v", c.name, c.results, got, c.want)
		}
	}
}

// Far along, Fibonacci's numbers pass any cap without overflowing: F(90)
// is the largest that fits in 63 bits.
func TestFibonacciTable(t *testing.T) {
	if fib[1] != 1 || fib[2] != 1 || fib[10] != 55 || fib[90] != 2880067194370816120 {
		t.Fatalf("F(1), F(2), F(10), F(90) = %d, %d, %d, %d; want 1, 1, 55, 2880067194370816120", fib[1], fib[2], fib[10], fib[90])
	}
	f := &Fibonacci{Unit: 1000, Max: NoLimit, WinRegression: 1, MaxPosition: MaxFibonacciPosition}
	st := f.Start()
	for range 100 {
		f.Settle(&st, Loss)
	}
	if st.Level != 90 || st.Bet != NoLimit {
		t.Fatalf("after 100 losses: position %d, bet %d; want 90 and the cap", st.Level, st.Bet)
	}
}

// Proportional: 3% of the bankroll, rounded down to $5, within $5…$50.
func TestProportional(t *testing.T) {
	p := &Proportional{PPM: 30000, RoundTo: 500, Min: 500, Max: 5000}
	for _, c := range []struct{ bankroll, want int64 }{
		{50000, 1500},   // $500 → $15
		{49999, 1000},   // $499.99 → $14.9997 → $10
		{10000, 500},    // $100 → $3 → $0, the minimum $5
		{1000000, 5000}, // $10,000 → $300, the maximum $50
	} {
		if got := p.Want(nil, &View{Bankroll: c.bankroll}); got != c.want {
			t.Errorf("bankroll %d: bet %d, want %d", c.bankroll, got, c.want)
		}
	}
}

// Custom: the expression in currency units, rounded down to the chip,
// within [Min, Max]; a value that is not a finite number bets Min.
func TestCustomBet(t *testing.T) {
	e, err := rules.Compile("bankroll / 100 / hands_played", rules.Float, rules.BetContext)
	if err != nil {
		t.Fatal(err)
	}
	m := &Custom{Expr: e, Inc: 100, Min: 100, Max: 1000}
	for _, c := range []struct {
		bankroll, hands float64
		want            int64
	}{
		{567.89, 1, 500},  // 5.6789 → $5
		{5000, 1, 1000},   // 50 → the maximum $10
		{50, 1, 100},      // 0.50 → the minimum $1
		{500, 0, 100},     // 500 / 100 / 0 = +Inf → the minimum
		{-500, 0, 100},    // −Inf → the minimum
		{0, 0, 100},       // NaN → the minimum
		{1234.56, 2, 600}, // 6.1728 → $6
	} {
		var env rules.Env
		env[rules.Bankroll], env[rules.HandsPlayed] = c.bankroll, c.hands
		if got := m.Want(nil, &View{Env: &env}); got != c.want {
			t.Errorf("bankroll %v, hands %v: bet %d, want %d", c.bankroll, c.hands, got, c.want)
		}
	}
}

// ResultOf judges a hand by the sign of its net; mulPPM rounds down to the
// increment and caps instead of overflowing.
func TestResultOfAndMulPPM(t *testing.T) {
	if ResultOf(1) != Win || ResultOf(-1) != Loss || ResultOf(0) != Push {
		t.Error("ResultOf: want Win, Loss, Push for +1, −1, 0")
	}
	for _, c := range []struct{ x, ppm, inc, limit, want int64 }{
		{500, 1.5e6, 1, NoLimit, 750},
		{500, 1.5e6, 100, NoLimit, 700},
		{333, 333333, 1, NoLimit, 110}, // 110.99989 → 110
		{math.MaxInt64 / 2, 3e6, 1, NoLimit, NoLimit},
		{math.MaxInt64, 1e12, 1, 9000, 9000},
		{1000, 2e6, 1, 1500, 1500},
	} {
		if got := mulPPM(c.x, c.ppm, c.inc, c.limit); got != c.want {
			t.Errorf("mulPPM(%d, %d, %d, %d) = %d, want %d", c.x, c.ppm, c.inc, c.limit, got, c.want)
		}
	}
}
