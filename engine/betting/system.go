package betting

import (
	"math"
	"math/bits"

	"github.com/lir-lab/lir/engine/rules"
)

// Result is how a hand went for a progression: judged on the main game or
// on main plus bonus (betting_system.progression_basis).
type Result int8

// Results.
const (
	Loss Result = -1
	Push Result = 0
	Win  Result = 1
)

// ResultOf returns the result of a hand whose net was net cents.
func ResultOf(net int64) Result {
	switch {
	case net > 0:
		return Win
	case net < 0:
		return Loss
	}
	return Push
}

// NoLimit is an absent maximum.
const NoLimit = math.MaxInt64

// View is what a sizer may know before a hand is dealt. Amounts are cents.
type View struct {
	Bankroll int64
	Start    int64
	Peak     int64 // highest profit so far
	Hands    int64
	Bet      int64 // this hand's per-circle bet (for bonus sizing)
	// Env holds the session variables, filled only for expressions.
	Env *rules.Env
}

// State is one seat's progression state. Systems give its fields their
// own meaning; the zero State is never used: sessions begin with Start().
type State struct {
	Bet   int64 // the per-circle bet the system asks for next, cents
	Level int64 // progressions made, wins in a row, or Fibonacci position
}

// System sizes the per-circle bet. Want is called before each hand and
// Settle after it; the simulator then applies the table limits (chip
// increment, table_min, table_max) and the bankroll cover.
type System interface {
	Start() State
	Want(st *State, v *View) int64
	Settle(st *State, r Result)
	// ReadsBankroll reports whether Want reads the bankroll (its amount,
	// the profit, the peak or the drawdown) rather than only st, the
	// hands played and the bet.
	ReadsBankroll() bool
}

// mulPPM returns x × ppm / 10^6 (x, ppm ≥ 0) rounded down to a multiple
// of inc and capped at limit, without overflowing.
func mulPPM(x, ppm, inc, limit int64) int64 {
	hi, lo := bits.Mul64(uint64(x), uint64(ppm))
	if hi >= 1e6 {
		return limit
	}
	q, _ := bits.Div64(hi, lo, 1e6)
	if q > uint64(limit) {
		return limit
	}
	return int64(q) / inc * inc
}

// Martingale multiplies the bet after each loss and returns to the base bet
// after a win (reset_on_win). After MaxProgressions increases in a row
// (0: no limit) the next loss returns to the base bet, or with Hold keeps
// the bet as it is. A push changes nothing.
type Martingale struct {
	Base, Inc, Max  int64
	MultPPM         int64
	ResetOnWin      bool
	MaxProgressions int64
	Hold            bool
}

func (m *Martingale) Start() State                  { return State{Bet: m.Base} }
func (m *Martingale) Want(st *State, _ *View) int64 { return st.Bet }
func (m *Martingale) ReadsBankroll() bool           { return false }
func (m *Martingale) Settle(st *State, r Result) {
	switch r {
	case Loss:
		if m.MaxProgressions > 0 && st.Level >= m.MaxProgressions {
			if !m.Hold {
				*st = m.Start()
			}
			return
		}
		st.Bet = mulPPM(st.Bet, m.MultPPM, m.Inc, m.Max)
		if m.MaxProgressions > 0 {
			st.Level++ // counted only to be capped, so equal bets are equal states
		}
	case Win:
		if m.ResetOnWin {
			*st = m.Start()
		}
	}
}

// ReverseMartingale multiplies the bet after each win; after
// ProfitTargetStreak wins in a row (0: never) it banks the streak and
// returns to the base bet, as it does after a loss when ResetOnLoss.
type ReverseMartingale struct {
	Base, Inc, Max int64
	MultPPM        int64
	ResetOnLoss    bool
	TargetStreak   int64
}

func (m *ReverseMartingale) Start() State                  { return State{Bet: m.Base} }
func (m *ReverseMartingale) Want(st *State, _ *View) int64 { return st.Bet }
func (m *ReverseMartingale) ReadsBankroll() bool           { return false }
func (m *ReverseMartingale) Settle(st *State, r Result) {
	switch r {
	case Win:
		if m.TargetStreak > 0 {
			st.Level++ // counted only to bank the streak
			if st.Level >= m.TargetStreak {
				*st = m.Start()
				return
			}
		}
		st.Bet = mulPPM(st.Bet, m.MultPPM, m.Inc, m.Max)
	case Loss:
		if m.ResetOnLoss {
			*st = m.Start()
		} else {
			st.Level = 0
		}
	}
}

// Paroli multiplies the bet after each win and returns to the base bet
// after WinsBeforeReset wins in a row or any loss.
type Paroli struct {
	Base, Inc, Max  int64
	MultPPM         int64
	WinsBeforeReset int64
}

func (m *Paroli) Start() State                  { return State{Bet: m.Base} }
func (m *Paroli) Want(st *State, _ *View) int64 { return st.Bet }
func (m *Paroli) ReadsBankroll() bool           { return false }
func (m *Paroli) Settle(st *State, r Result) {
	switch r {
	case Win:
		st.Level++
		if st.Level >= m.WinsBeforeReset {
			*st = m.Start()
			return
		}
		st.Bet = mulPPM(st.Bet, m.MultPPM, m.Inc, m.Max)
	case Loss:
		*st = m.Start()
	}
}

// Dalembert adds Unit after a loss and takes away Decrease after a win,
// keeping the bet within [Min, Max].
type Dalembert struct {
	Base, Unit, Decrease int64
	Min, Max             int64
}

func (m *Dalembert) Start() State                  { return State{Bet: m.Base} }
func (m *Dalembert) Want(st *State, _ *View) int64 { return st.Bet }
func (m *Dalembert) ReadsBankroll() bool           { return false }
func (m *Dalembert) Settle(st *State, r Result) {
	switch r {
	case Loss:
		if st.Bet > m.Max-m.Unit {
			st.Bet = m.Max
		} else {
			st.Bet += m.Unit
		}
	case Win:
		st.Bet -= m.Decrease
	}
	st.Bet = max(m.Min, min(st.Bet, m.Max))
}

// Fibonacci bets Unit × F(position), F = 1, 1, 2, 3, 5, 8, …, starting at
// position 1: a loss moves one position up (to at most MaxPosition), a win
// WinRegression positions down (to at least 1).
type Fibonacci struct {
	Unit, Max     int64
	WinRegression int64
	MaxPosition   int64 // at most len(fib)
}

// fib[p] is F(p) for positions 1…90 (fib[0] unused); F(90) < 2^63.
var fib = func() (f [91]int64) {
	f[1], f[2] = 1, 1
	for i := 3; i < len(f); i++ {
		f[i] = f[i-1] + f[i-2]
	}
	return f
}()

// MaxFibonacciPosition is the highest position a Fibonacci system reaches.
const MaxFibonacciPosition = 90

func (m *Fibonacci) Start() State                  { return State{Level: 1, Bet: min(m.Unit, m.Max)} }
func (m *Fibonacci) Want(st *State, _ *View) int64 { return st.Bet }
func (m *Fibonacci) ReadsBankroll() bool           { return false }
func (m *Fibonacci) Settle(st *State, r Result) {
	switch r {
	case Loss:
		st.Level = min(st.Level+1, m.MaxPosition)
	case Win:
		st.Level = max(st.Level-m.WinRegression, 1)
	default:
		return
	}
	f := fib[st.Level]
	if f > m.Max/m.Unit {
		st.Bet = m.Max
	} else {
		st.Bet = min(m.Unit*f, m.Max)
	}
}

// Proportional bets PPM millionths of the bankroll, rounded down to RoundTo
// and kept within [Min, Max].
type Proportional struct {
	PPM, RoundTo, Min, Max int64
}

func (m *Proportional) Start() State { return State{} }
func (m *Proportional) Want(_ *State, v *View) int64 {
	x := mulPPM(v.Bankroll, m.PPM, m.RoundTo, NoLimit)
	return max(m.Min, min(x, m.Max))
}
func (m *Proportional) Settle(*State, Result) {}
func (m *Proportional) ReadsBankroll() bool   { return true }

// Custom bets the value of an expression over the session variables, in
// currency units, rounded down to Inc and kept within [Min, Max]; a value
// that is not a finite number bets Min.
type Custom struct {
	Expr          *rules.Expr
	Inc, Min, Max int64
}

func (m *Custom) Start() State { return State{} }
func (m *Custom) Want(_ *State, v *View) int64 {
	return toCents(m.Expr.Eval(v.Env), m.Inc, m.Min, m.Max, m.Min)
}
func (m *Custom) Settle(*State, Result) {}
func (m *Custom) ReadsBankroll() bool   { return m.Expr.Uses()&rules.BankrollVars != 0 }

// toCents converts an amount in currency units to cents rounded down to
// inc, within [lo, hi]; a value that is not a finite number (x/0 gives ±Inf
// or NaN) gives nan.
func toCents(x float64, inc, lo, hi, nan int64) int64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nan
	}
	c := math.Floor(x*100 + 1e-9)
	switch {
	case c >= float64(hi):
		return hi
	case c <= float64(lo):
		return lo
	}
	return max(lo, int64(c)/inc*inc)
}
