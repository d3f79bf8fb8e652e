package betting

import (
	"math"
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/rules"
)

// BankrollConditional by its definition: each condition, then tiers,
// percentage of the profit or the fixed amount. Cents; start $1,000.
func TestBankrollConditional(t *testing.T) {
	const start = 100000
	base := BankrollConditional{Amount: 500, MinProfit: math.MinInt64, MaxDrawdown: NoLimit}
	cases := []struct {
		name           string
		b              BankrollConditional
		bankroll, peak int64
		want           int64
	}{
		{"no condition", base, 60000, 0, 500},
		{"min profit 0, behind by a cent", with(base, func(b *BankrollConditional) { b.MinProfit = 0 }), start - 1, 0, 0},
		{"min profit 0, even", with(base, func(b *BankrollConditional) { b.MinProfit = 0 }), start, 0, 500},
		// Fell $25 from a $50 peak: more than the $20 allowed.
		{"drawdown", with(base, func(b *BankrollConditional) { b.MaxDrawdown = 2000 }), start + 2500, 5000, 0},
		{"drawdown at the limit", with(base, func(b *BankrollConditional) { b.MaxDrawdown = 2000 }), start + 3000, 5000, 500},
		// 80% of $1,000 is $800.
		{"ratio below", with(base, func(b *BankrollConditional) { b.MinRatioPPM = 800000 }), 79999, 0, 0},
		{"ratio at", with(base, func(b *BankrollConditional) { b.MinRatioPPM = 800000 }), 80000, 0, 500},
		// Tiers: $1 from profit 0, $3 from profit $50; below every tier no bet.
		{"below the tiers", with(base, func(b *BankrollConditional) { b.Tiers = []Tier{{0, 100}, {5000, 300}} }), start - 1, 0, 0},
		{"first tier", with(base, func(b *BankrollConditional) { b.Tiers = []Tier{{0, 100}, {5000, 300}} }), start + 4999, 4999, 100},
		{"second tier", with(base, func(b *BankrollConditional) { b.Tiers = []Tier{{0, 100}, {5000, 300}} }), start + 5000, 5000, 300},
		// 10% of the profit: $23.45 → $2.34; none unless ahead.
		{"percentage", with(base, func(b *BankrollConditional) { b.PctPPM = 100000 }), start + 2345, 2345, 234},
		{"percentage, even", with(base, func(b *BankrollConditional) { b.PctPPM = 100000 }), start, 0, 0},
	}
	for _, c := range cases {
		if got := c.b.Want(nil, &View{Bankroll: c.bankroll, Start: start, Peak: c.peak}); got != c.want {
			t.Errorf("%s: bonus %d, want %d", c.name, got, c.want)
		}
	}
}

func with(b BankrollConditional, f func(*BankrollConditional)) BankrollConditional {
	f(&b)
	return b
}

// bonusBets plays a bonus strategy through main-game results and returns
// the bonus before each hand and after the last.
func bonusBets(b Bonus, results string) []int64 {
	st := b.Start()
	var out []int64
	for _, c := range results {
		out = append(out, b.Want(&st, &View{}))
		b.Settle(&st, map[rune]Result{'W': Win, 'L': Loss, 'P': Push}[c])
	}
	return append(out, b.Want(&st, &View{}))
}

// StreakBased by its definition: each time Length trigger results in a row
// are reached the action applies and the count restarts; the reset event
// returns to the start; another result only breaks the run.
func TestStreakBased(t *testing.T) {
	cases := []struct {
		name    string
		s       StreakBased
		results string
		want    []int64
	}{
		// Two losses double it (up to $5); a win (not the trigger) resets.
		{"multiply", StreakBased{Amount: 100, Trigger: Loss, Length: 2, Action: ActMultiply, ResetOn: ResetOpposite, MultPPM: 2e6, MaxAmount: 500}, "LLLLLLW",
			[]int64{100, 100, 200, 200, 400, 400, 500, 100}},
		// Each win adds 50 up to 180; a push breaks the run, only a loss resets.
		{"increase", StreakBased{Amount: 100, Trigger: Win, Length: 1, Action: ActIncrease, ResetOn: ResetLoss, Step: 50, MaxAmount: 180}, "WWWPL",
			[]int64{100, 150, 180, 180, 180, 100}},
		{"decrease", StreakBased{Amount: 100, Trigger: Loss, Length: 1, Action: ActDecrease, ResetOn: ResetWin, Step: 60, MaxAmount: NoLimit}, "LLPW",
			[]int64{100, 40, 0, 0, 100}},
		{"stop", StreakBased{Amount: 100, Trigger: Loss, Length: 2, Action: ActStop, ResetOn: ResetWin, MaxAmount: NoLimit}, "LLLW",
			[]int64{100, 100, 0, 0, 100}},
		{"start", StreakBased{Amount: 100, Trigger: Win, Length: 2, Action: ActStart, ResetOn: ResetOpposite, MaxAmount: NoLimit}, "WWL",
			[]int64{0, 0, 100, 0}},
		// A push between two losses: no run of two.
		{"a push breaks the run", StreakBased{Amount: 100, Trigger: Loss, Length: 2, Action: ActMultiply, ResetOn: ResetWin, MultPPM: 2e6, MaxAmount: NoLimit}, "LPLL",
			[]int64{100, 100, 100, 100, 200}},
	}
	for _, c := range cases {
		if got := bonusBets(&c.s, c.results); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s on %s: bonus %v, want %v", c.name, c.results, got, c.want)
		}
	}
}

// SessionConditional: the first rule that matches, absent rules skipped.
// Win and loss limits $100; cents.
func TestSessionConditional(t *testing.T) {
	s := SessionConditional{EarlyHands: 5, EarlyAmount: 100, WinLimit: 10000, NearWin: 2000, NearWinAmount: 500,
		LossLimit: 10000, NearLoss: 1000, NearLossAmount: 0, Default: 200}
	noNear := s
	noNear.NearWin = -1
	for _, c := range []struct {
		name          string
		s             SessionConditional
		hands, profit int64
		want          int64
	}{
		{"early", s, 4, 9500, 100},
		{"near the win limit", s, 5, 8000, 500},
		{"just outside it", s, 5, 7999, 200},
		{"near the loss limit", s, 5, -9000, 0},
		{"just outside it", s, 5, -8999, 200},
		{"near win absent", noNear, 5, 8000, 200},
	} {
		if got := c.s.Want(nil, &View{Bankroll: 50000 + c.profit, Start: 50000, Hands: c.hands}); got != c.want {
			t.Errorf("%s (hands %d, profit %d): bonus %d, want %d", c.name, c.hands, c.profit, got, c.want)
		}
	}
}

// CustomBonus: below Min no bet, capped at Max, not a number no bet.
func TestCustomBonus(t *testing.T) {
	e, err := rules.Compile("session_profit > 0 ? session_profit / 10 : 0.5", rules.Float, rules.BonusContext)
	if err != nil {
		t.Fatal(err)
	}
	c := &CustomBonus{Custom{Expr: e, Inc: 1, Min: 100, Max: 2000}}
	for _, x := range []struct {
		profit float64
		want   int64
	}{
		{-5, 0},          // 0.50 is below the $1 minimum: no bet
		{25, 250},        // $2.50
		{1000, 2000},     // $100, capped at $20
		{math.Inf(1), 0}, // not a finite number
	} {
		var env rules.Env
		env[rules.SessionProfit] = x.profit
		if got := c.Want(nil, &View{Env: &env}); got != x.want {
			t.Errorf("profit %v: bonus %d, want %d", x.profit, got, x.want)
		}
	}
}

// The Python tool's streak events (its StreakBasedBonusStrategy,
// _matches_trigger and _should_reset), as a truth table over the six kinds
// of hand: main won or not, bonus paid, lost or not placed. Checked as a
// trigger (the count grows) and as a reset (the count clears).
func TestPyStreakEvents(t *testing.T) {
	hands := []struct {
		mainWon bool
		bonus   int8
	}{{true, 1}, {true, -1}, {true, 0}, {false, 1}, {false, -1}, {false, 0}}
	table := []struct {
		name  string
		event int
		fires [6]bool
	}{
		{"main_win", PyMainWin, [6]bool{true, true, true, false, false, false}},
		{"main_loss", PyMainLoss, [6]bool{false, false, false, true, true, true}},
		{"bonus_win", PyBonusWin, [6]bool{true, false, false, true, false, false}},
		{"bonus_loss", PyBonusLoss, [6]bool{false, true, false, false, true, false}},
		{"any_win", PyAnyWin, [6]bool{true, true, true, true, false, false}},
		{"any_loss", PyAnyLoss, [6]bool{false, true, false, true, true, true}},
		{"never", PyNever, [6]bool{}},
	}
	for _, e := range table {
		for i, h := range hands {
			trig := &PyStreak{Amount: 100, Length: 10, Trigger: e.event, ResetOn: PyNever, Action: ActMultiply, Value: 2, CountCap: math.MaxInt64}
			st := trig.Start()
			trig.SettleHand(&st, h.mainWon, h.bonus)
			if (st.Count == 1) != e.fires[i] {
				t.Errorf("trigger %s, main won %v, bonus %d: count %d, want it counted: %v", e.name, h.mainWon, h.bonus, st.Count, e.fires[i])
			}
			reset := &PyStreak{Amount: 100, Length: 10, Trigger: PyNever, ResetOn: e.event, Action: ActMultiply, Value: 2, CountCap: math.MaxInt64}
			st = BonusState{Count: 3}
			reset.SettleHand(&st, h.mainWon, h.bonus)
			if (st.Count == 0) != e.fires[i] {
				t.Errorf("reset_on %s, main won %v, bonus %d: count %d, want it cleared: %v", e.name, h.mainWon, h.bonus, st.Count, e.fires[i])
			}
		}
	}
}

// Its bet after a count (its _calculate_bet): base below one streak, then
// with t = count / length: base × value^t capped at × max_multiplier,
// base + value × t capped at base × max_multiplier, base − value × t down
// to 0. Cents; value in cents for increase and decrease.
func TestPyStreakBetAt(t *testing.T) {
	mul := &PyStreak{Amount: 100, Length: 3, Action: ActMultiply, Value: 2, MaxMult: 8}
	inc := &PyStreak{Amount: 100, Length: 3, Action: ActIncrease, Value: 50, MaxMult: 3}
	dec := &PyStreak{Amount: 100, Length: 3, Action: ActDecrease, Value: 40}
	for _, c := range []struct {
		name  string
		s     *PyStreak
		count int64
		want  int64
	}{
		{"multiply, no streak yet", mul, 2, 100},
		{"multiply, one streak", mul, 3, 200},
		{"multiply, one streak and a bit", mul, 5, 200},
		{"multiply, three", mul, 9, 800},
		{"multiply, capped at × 8", mul, 12, 800},
		{"increase, one", inc, 3, 150},
		{"increase, capped at × 3", inc, 15, 300},
		{"decrease, one", dec, 3, 60},
		{"decrease, two", dec, 6, 20},
		{"decrease, not below 0", dec, 9, 0},
	} {
		if got := c.s.BetAt(c.count); got != c.want {
			t.Errorf("%s: BetAt(%d) = %d, want %d", c.name, c.count, got, c.want)
		}
	}
	// The count past which the bet no longer changes: × 8 at t = 3 (count
	// 9); +50 reaches × 3 at t = 4 (count 12), or the ceiling 250 at t = 3.
	if got := PyStreakCountCap(mul, NoLimit); got != 9 {
		t.Errorf("multiply: count cap %d, want 9", got)
	}
	if got := PyStreakCountCap(inc, NoLimit); got != 12 {
		t.Errorf("increase: count cap %d, want 12", got)
	}
	if got := PyStreakCountCap(inc, 250); got != 9 {
		t.Errorf("increase under a 250 ceiling: count cap %d, want 9", got)
	}
}

// stop and start with its reset checked first: stop bets nothing from the
// first streak until the reset event; start bets only from the first
// streak until it.
func TestPyStreakStopStart(t *testing.T) {
	stop := &PyStreak{Amount: 300, Length: 2, Trigger: PyBonusLoss, ResetOn: PyMainWin, Action: ActStop, CountCap: math.MaxInt64}
	st := stop.Start()
	var got []int64
	for _, h := range []struct {
		mainWon bool
		bonus   int8
	}{{false, -1}, {false, -1}, {false, 0}, {true, 0}} {
		got = append(got, stop.Want(&st, nil))
		stop.SettleHand(&st, h.mainWon, h.bonus)
	}
	got = append(got, stop.Want(&st, nil))
	if want := []int64{300, 300, 0, 0, 300}; !reflect.DeepEqual(got, want) {
		t.Errorf("stop: bonus %v, want %v", got, want)
	}
	start := &PyStreak{Amount: 300, Length: 2, Trigger: PyMainLoss, ResetOn: PyBonusWin, Action: ActStart, CountCap: math.MaxInt64}
	st, got = start.Start(), nil
	for _, h := range []struct {
		mainWon bool
		bonus   int8
	}{{false, 0}, {false, 0}, {false, -1}, {true, 1}} {
		got = append(got, start.Want(&st, nil))
		start.SettleHand(&st, h.mainWon, h.bonus)
	}
	got = append(got, start.Want(&st, nil))
	if want := []int64{0, 0, 300, 300, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("start: bonus %v, want %v", got, want)
	}
}
