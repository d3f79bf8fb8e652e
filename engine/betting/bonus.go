package betting

import "math"

// BonusState is one seat's bonus-strategy state.
type BonusState struct {
	Amount int64 // current bonus bet, cents (streak_based)
	Count  int64 // trigger results in a row (streak_based)
	Off    bool  // betting suspended (streak_based stop/start)
}

// Bonus sizes the Three Card Bonus bet before the cards are dealt; the
// simulator then applies bonus_strategy.limits and the bankroll cover.
// Settle sees the main-game result of each hand.
type Bonus interface {
	Start() BonusState
	Want(st *BonusState, v *View) int64
	Settle(st *BonusState, r Result)
	// ReadsBankroll is System.ReadsBankroll for the bonus bet.
	ReadsBankroll() bool
}

// Tier is a profit tier of BankrollConditional.
type Tier struct{ MinProfit, Amount int64 }

// BankrollConditional bets only while the session is going well enough:
// profit ≥ MinProfit, bankroll ≥ MinRatioPPM/10^6 × the starting bankroll,
// and the fall from the session's peak profit ≤ MaxDrawdown (each
// condition off when absent). The bet is then: from the highest Tier
// reached (none reached: no bet), else PctPPM/10^6 of the profit (no bet
// unless ahead), else Amount.
type BankrollConditional struct {
	Amount      int64
	MinProfit   int64 // math.MinInt64 when absent
	MinRatioPPM int64 // 0 when absent
	MaxDrawdown int64 // NoLimit when absent
	PctPPM      int64 // 0 when absent
	Tiers       []Tier
}

func (b *BankrollConditional) Start() BonusState          { return BonusState{} }
func (b *BankrollConditional) Settle(*BonusState, Result) {}
func (b *BankrollConditional) ReadsBankroll() bool        { return true }
func (b *BankrollConditional) Want(_ *BonusState, v *View) int64 {
	profit := v.Bankroll - v.Start
	if profit < b.MinProfit || v.Peak-profit > b.MaxDrawdown {
		return 0
	}
	if b.MinRatioPPM > 0 && mulPPM(v.Start, b.MinRatioPPM, 1, NoLimit) > v.Bankroll {
		return 0
	}
	if len(b.Tiers) > 0 {
		amount := int64(0)
		for _, t := range b.Tiers { // sorted by MinProfit
			if profit >= t.MinProfit {
				amount = t.Amount
			}
		}
		return amount
	}
	if b.PctPPM > 0 {
		if profit <= 0 {
			return 0
		}
		return mulPPM(profit, b.PctPPM, 1, NoLimit)
	}
	return b.Amount
}

// Streak actions.
const (
	ActMultiply = iota
	ActIncrease
	ActDecrease
	ActStop
	ActStart
)

// Reset events of StreakBased.
const (
	ResetOpposite = iota // any hand whose result is not the trigger
	ResetWin
	ResetLoss
)

// StreakBased counts main-game results equal to Trigger in a row; each
// time the count reaches Length the action applies and the count restarts:
// multiply the bet by MultPPM/10^6 or add Step (both up to MaxAmount),
// take away Step (down to no bet), stop betting, or start betting (the
// bet is off until then). The ResetOn event — a different result from the
// trigger, which validation ensures — returns to the starting state, so
// every state leads back to the start and none is dead.
type StreakBased struct {
	Amount    int64
	Trigger   Result
	Length    int64
	Action    int
	ResetOn   int
	MultPPM   int64
	Step      int64
	MaxAmount int64
}

func (s *StreakBased) Start() BonusState {
	return BonusState{Amount: s.Amount, Off: s.Action == ActStart}
}

func (s *StreakBased) ReadsBankroll() bool { return false }

func (s *StreakBased) Want(st *BonusState, _ *View) int64 {
	if st.Off {
		return 0
	}
	return st.Amount
}

func (s *StreakBased) Settle(st *BonusState, r Result) {
	reset := false
	switch s.ResetOn {
	case ResetOpposite:
		reset = r != s.Trigger
	case ResetWin:
		reset = r == Win
	case ResetLoss:
		reset = r == Loss
	}
	if reset {
		*st = s.Start()
		return
	}
	if r != s.Trigger {
		st.Count = 0
		return
	}
	st.Count++
	if st.Count < s.Length {
		return
	}
	st.Count = 0
	switch s.Action {
	case ActMultiply:
		st.Amount = mulPPM(st.Amount, s.MultPPM, 1, s.MaxAmount)
	case ActIncrease:
		st.Amount = min(st.Amount+s.Step, s.MaxAmount)
	case ActDecrease:
		st.Amount = max(st.Amount-s.Step, 0)
	case ActStop:
		st.Off = true
	case ActStart:
		st.Off = false
	}
}

// SessionConditional bets by where the session stands, first match wins:
// EarlyAmount during the first EarlyHands hands; NearWinAmount when the
// profit is within NearWin of the win limit; NearLossAmount when the loss
// is within NearLoss of the loss limit; otherwise Default. A rule whose
// parameter is absent (negative here) is skipped.
type SessionConditional struct {
	EarlyHands              int64
	EarlyAmount             int64
	WinLimit, NearWin       int64
	NearWinAmount           int64
	LossLimit, NearLoss     int64
	NearLossAmount, Default int64
}

func (s *SessionConditional) Start() BonusState          { return BonusState{} }
func (s *SessionConditional) Settle(*BonusState, Result) {}

// ReadsBankroll reports whether a near-limit rule is set (they read the
// profit); the early-session rule reads only the hands played.
func (s *SessionConditional) ReadsBankroll() bool { return s.NearWin >= 0 || s.NearLoss >= 0 }
func (s *SessionConditional) Want(_ *BonusState, v *View) int64 {
	profit := v.Bankroll - v.Start
	switch {
	case s.EarlyHands >= 0 && v.Hands < s.EarlyHands:
		return s.EarlyAmount
	case s.NearWin >= 0 && s.WinLimit-profit <= s.NearWin:
		return s.NearWinAmount
	case s.NearLoss >= 0 && s.LossLimit+profit <= s.NearLoss:
		return s.NearLossAmount
	}
	return s.Default
}

// CustomBonus bets the value of an expression over the session variables
// (currency units; it cannot read the cards, which are not dealt yet):
// below Min no bet, capped at Max; a value that is not a finite number
// places no bet.
type CustomBonus struct {
	Custom
}

func (c *CustomBonus) Start() BonusState          { return BonusState{} }
func (c *CustomBonus) Settle(*BonusState, Result) {}
func (c *CustomBonus) ReadsBankroll() bool        { return c.Custom.ReadsBankroll() }
func (c *CustomBonus) Want(_ *BonusState, v *View) int64 {
	x := c.Expr.Eval(v.Env)
	if math.IsNaN(x) || math.IsInf(x, 0) || x*100 < float64(c.Min) {
		return 0
	}
	return toCents(x, 1, c.Min, c.Max, 0)
}

// HandSettler is a Bonus that follows the main and the bonus result of
// each hand (instead of Settle): mainWon is whether the main game paid;
// bonus is 1 (a bonus bet paid), −1 (one was placed and did not pay) or 0
// (none placed).
type HandSettler interface {
	SettleHand(st *BonusState, mainWon bool, bonus int8)
}

// Python streak events.
const (
	PyMainWin = iota
	PyMainLoss
	PyBonusWin
	PyBonusLoss
	PyAnyWin
	PyAnyLoss
	PyNever
)

// PyStreak is the Python tool's streak_based bonus: Count counts the hands
// matching Trigger (not necessarily in a row) until a hand matching ResetOn
// (checked first) clears it; with t = Count / Length ≥ 1 the bet is
// Amount × Value^t (multiply, at most × MaxMult), Amount + Value × t
// (increase, at most Amount × MaxMult) or Amount − Value × t (decrease,
// down to 0); stop bets nothing from the first streak until a reset, start
// bets only from the first streak until a reset. Value is a factor
// (multiply) or cents. Count is held at CountCap, past which the bet no
// longer changes, so the states stay few.
type PyStreak struct {
	Amount   int64
	Length   int64
	Trigger  int
	ResetOn  int
	Action   int
	Value    float64
	MaxMult  float64 // 0: none
	CountCap int64
}

func (s *PyStreak) Start() BonusState { return BonusState{Off: s.Action == ActStart} }

func (s *PyStreak) Settle(*BonusState, Result) {}
func (s *PyStreak) ReadsBankroll() bool        { return false }

func (s *PyStreak) Want(st *BonusState, _ *View) int64 {
	if st.Off {
		return 0
	}
	return s.BetAt(st.Count)
}

// BetAt is the bet after count trigger results.
func (s *PyStreak) BetAt(count int64) int64 {
	if count < s.Length {
		return s.Amount
	}
	t := float64(count / s.Length)
	a := float64(s.Amount)
	var bet float64
	switch s.Action {
	case ActMultiply:
		m := math.Pow(s.Value, t)
		if s.MaxMult > 0 {
			m = math.Min(m, s.MaxMult)
		}
		bet = a * m
	case ActIncrease:
		bet = a + s.Value*t
		if s.MaxMult > 0 {
			bet = math.Min(bet, a*s.MaxMult)
		}
	case ActDecrease:
		bet = math.Max(0, a-s.Value*t)
	default:
		return s.Amount
	}
	if bet >= float64(NoLimit) {
		return NoLimit
	}
	return int64(math.Floor(bet + 1e-9))
}

func pyEvent(ev int, mainWon bool, bonus int8) bool {
	switch ev {
	case PyMainWin:
		return mainWon
	case PyMainLoss:
		return !mainWon
	case PyBonusWin:
		return bonus > 0
	case PyBonusLoss:
		return bonus < 0
	case PyAnyWin:
		return mainWon || bonus > 0
	case PyAnyLoss:
		return !mainWon || bonus < 0
	}
	return false
}

func (s *PyStreak) SettleHand(st *BonusState, mainWon bool, bonus int8) {
	if pyEvent(s.ResetOn, mainWon, bonus) {
		st.Count = 0
		st.Off = s.Action == ActStart
		return
	}
	if !pyEvent(s.Trigger, mainWon, bonus) {
		return
	}
	if st.Count < s.CountCap {
		st.Count++
	}
	if st.Count >= s.Length {
		switch s.Action {
		case ActStop:
			st.Off = true
		case ActStart:
			st.Off = false
		}
	}
}

// PyStreakCountCap returns the count past which s's bet no longer changes
// (at least Length), bets above ceiling counting as equal: the bet moves
// monotonically in t towards its limit, so the cap is where it gets there.
// A bet that does not get there within 100,000 streaks is not capped.
func PyStreakCountCap(s *PyStreak, ceiling int64) int64 {
	a := float64(s.Amount)
	limit := a
	switch {
	case s.Action == ActMultiply && s.Value > 1, s.Action == ActIncrease && s.Value > 0:
		limit = float64(NoLimit)
		if s.MaxMult > 0 {
			limit = a * s.MaxMult
		}
	case s.Action == ActMultiply && s.Value < 1, s.Action == ActDecrease && s.Value > 0:
		limit = 0
	}
	end := ceiling
	if limit < float64(ceiling) {
		end = int64(math.Floor(limit + 1e-9))
	}
	for t := int64(1); t <= 100000; t++ {
		if min(s.BetAt(t*s.Length), ceiling) == end {
			return t * s.Length
		}
	}
	return math.MaxInt64
}
