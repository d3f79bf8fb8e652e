package rulebook

import (
	"cmp"

	"github.com/lir-lab/lir/engine/betting"
	"github.com/lir-lab/lir/engine/rules"
)

// State is one player's session between hands. It is a comparable value.
type State struct {
	Bankroll int64 // cents
	Hands    int64 // hands played
	Peak     int64 // highest profit so far (starts at 0)
	Trough   int64 // lowest profit so far
	Drawdown int64 // largest peak-to-current fall so far
	Bet      int64 // per-circle bet of the hand last sized by Prepare

	// Followed only when the Book is Dynamic.
	Streak  int64 // +n wins / −n losses in a row
	Last    int8  // last result: 1, −1, 0
	LastBet int64
	Prog    betting.State
	Strat   betting.BonusState
}

// Scratch is what sizers and rules read while a hand is sized; a caller
// keeps one per seat so that nothing escapes per hand.
type Scratch struct {
	View betting.View
	Env  rules.Env
}

// NewState returns a player's state at the start of a session.
func (k *Book) NewState() State {
	st := State{Bankroll: k.Start, LastBet: k.Base}
	if k.Sizer != nil {
		st.Prog = k.Sizer.Start()
	}
	if k.Strategy != nil {
		st.Strat = k.Strategy.Start()
	}
	return st
}

// Check returns the stop condition a player in state st meets before the
// next hand, other than insufficient funds, in SPEC order.
func (k *Book) Check(st *State) (Stop, bool) {
	profit := st.Bankroll - k.Start
	switch {
	case profit >= k.WinLimit:
		return StopWinLimit, true
	case -profit >= k.LossLimit:
		return StopLossLimit, true
	}
	return k.CheckHands(st.Hands)
}

// CheckHands returns the stop condition on the number of hands a player
// who has played hands meets: the conditions of Check after the money
// limits.
func (k *Book) CheckHands(hands int64) (Stop, bool) {
	switch {
	case hands >= k.HandsCap:
		return StopMaxHands, true
	case hands >= k.DurationCap:
		return StopMaxDuration, true
	}
	return 0, false
}

// Prepare checks the stop conditions before a hand, in SPEC order, and
// sizes the hand: it returns the per-circle bet (also kept in st.Bet) and
// the bonus bet, or the reason the player stops.
//
// The per-circle bet is the base bet, or what the betting system asks for
// in whole chips within the table limits and the Ceiling. When three bets
// do not fit in the bankroll it is reduced to a third of the bankroll in
// whole chips, and the player stops for insufficient funds when that is
// below the table minimum (StopOnInsufficient) or one chip. The bonus bet
// is the bonus strategy's, or the fixed bonus at that bet, after the bonus
// limits; when it does not fit beside the three bets it is reduced to what
// does, after the limits again.
func (k *Book) Prepare(st *State, sc *Scratch) (bet, bonus int64, stop Stop, stopped bool) {
	if stop, stopped = k.Check(st); stopped {
		return 0, 0, stop, true
	}
	return k.Size(st, sc)
}

// Size sizes the next hand of a player who meets no condition of Check,
// as Prepare does; it stops only for insufficient funds.
//
// When BankrollFree, a state played with a bankroll of at least Cover of
// the sizing it gets with an unlimited bankroll gets that sizing.
func (k *Book) Size(st *State, sc *Scratch) (bet, bonus int64, stop Stop, stopped bool) {
	bet = k.Base
	dynamic := k.Sizer != nil || k.Strategy != nil
	if dynamic {
		k.view(st, sc)
		if k.Sizer != nil {
			bet = min(k.limitBet(k.Sizer.Want(&st.Prog, &sc.View)), k.Ceiling)
		}
	}
	if Cover(bet, 0) > st.Bankroll {
		bet = st.Bankroll / 3 / k.Inc * k.Inc
		floor := k.MinBet
		if !k.StopOnInsufficient {
			floor = k.Inc
		}
		if bet < floor || bet <= 0 {
			return 0, 0, StopInsufficientFunds, true
		}
	}
	st.Bet = bet
	switch {
	case k.Strategy != nil:
		sc.View.Bet = bet
		sc.Env[rules.Bet] = float64(bet) / 100
		bonus = k.Bonus.Limit(min(k.Strategy.Want(&st.Strat, &sc.View), k.Ceiling))
	default:
		bonus = k.Bonus.For(bet)
	}
	if bonus > 0 && Cover(bet, bonus) > st.Bankroll {
		bonus = k.Bonus.Limit(st.Bankroll - Cover(bet, 0))
	}
	return bet, bonus, 0, false
}

// Cover is the bankroll a hand sized bet (per circle) and bonus needs to
// be played as sized: below it Size reduces the bets.
func Cover(bet, bonus int64) int64 { return 3*bet + bonus }

// BankrollFree reports whether no sizer reads the bankroll (its amount, the
// profit, the peak or the drawdown): the per-circle bet and the bonus bet
// asked for then depend on the session state but not on the bankroll,
// which only caps them (Cover).
func (k *Book) BankrollFree() bool {
	return (k.Sizer == nil || !k.Sizer.ReadsBankroll()) && (k.Strategy == nil || !k.Strategy.ReadsBankroll())
}

// NumClasses is the number of result classes of a hand (ResultClass).
const NumClasses = 27

// ResultClass returns the class of a hand that netted mainNet on the main
// bets and bonusNet on the bonus bet: the signs of the main, bonus and
// total nets, all that Settle reads of a hand besides the amount it adds
// to the bankroll (and so to the peak). States that differ only in
// bankroll reach states that differ only in bankroll after hands of one
// class.
func ResultClass(mainNet, bonusNet int64) int {
	return (cmp.Compare(mainNet, 0)+1)*9 + (cmp.Compare(bonusNet, 0)+1)*3 + cmp.Compare(mainNet+bonusNet, 0) + 1
}

// Settle moves st past a hand that netted mainNet on the main bets and
// bonusNet on the bonus bet, the hand sized by the last Prepare.
func (k *Book) Settle(st *State, mainNet, bonusNet int64) {
	net := mainNet + bonusNet
	if k.Dynamic() {
		res := betting.ResultOf(mainNet)
		if k.TotalBasis {
			res = betting.ResultOf(net)
		}
		switch {
		case res == betting.Push:
			st.Streak = 0
		case (res == betting.Win) == (st.Streak > 0):
			st.Streak += int64(res)
		default:
			st.Streak = int64(res)
		}
		st.Last = int8(res)
		st.LastBet = st.Bet
		if k.Sizer != nil {
			k.Sizer.Settle(&st.Prog, res)
		}
		if h, ok := k.Strategy.(betting.HandSettler); ok {
			// A bonus bet never nets 0 unless none was placed (a paytable
			// paying 0 to 1 is refused for these strategies).
			h.SettleHand(&st.Strat, mainNet > 0, int8(betting.ResultOf(bonusNet)))
		} else if k.Strategy != nil {
			k.Strategy.Settle(&st.Strat, betting.ResultOf(mainNet))
		}
	}
	st.Hands++
	st.Bankroll += net
	profit := st.Bankroll - k.Start
	st.Peak = max(st.Peak, profit)
	st.Trough = min(st.Trough, profit)
	st.Drawdown = max(st.Drawdown, st.Peak-profit)
}

// FillSession writes a player's session variables into env.
func (k *Book) FillSession(st *State, env *rules.Env) {
	profit := st.Bankroll - k.Start
	env[rules.Bankroll] = float64(st.Bankroll) / 100
	env[rules.StartingBankroll] = float64(k.Start) / 100
	env[rules.SessionProfit] = float64(profit) / 100
	env[rules.PeakProfit] = float64(st.Peak) / 100
	env[rules.Drawdown] = float64(st.Peak-profit) / 100
	env[rules.HandsPlayed] = float64(st.Hands)
	env[rules.Streak] = float64(st.Streak)
	env[rules.LastResult] = float64(st.Last)
	env[rules.BaseBet] = float64(k.Base) / 100
	env[rules.LastBet] = float64(st.LastBet) / 100
	env[rules.Bet] = float64(st.Bet) / 100
}

// view fills in what the sizers may know about a player before a hand.
func (k *Book) view(st *State, sc *Scratch) {
	if k.Env {
		k.FillSession(st, &sc.Env)
	}
	sc.View = betting.View{Bankroll: st.Bankroll, Start: k.Start, Peak: st.Peak, Hands: st.Hands, Bet: st.Bet, Env: &sc.Env}
}

// Mode returns the part of st that the rules can still read after the
// hand, other than Bankroll and Hands: fields no rule reads are zeroed, so
// two states that play alike compare equal (the exact engine's key).
func (k *Book) Mode(st State) State {
	st.Bankroll, st.Hands, st.Trough, st.Drawdown, st.Bet = 0, 0, 0, 0, 0
	if !k.peakRead {
		st.Peak = 0
	}
	if !k.Reads.Has(rules.Streak) {
		st.Streak = 0
	}
	if !k.Reads.Has(rules.LastResult) {
		st.Last = 0
	}
	if !k.Reads.Has(rules.LastBet) {
		st.LastBet = 0
	}
	return st
}

// PeakRead reports whether some rule reads the running peak, so that the
// state after a hand depends on its amount, not only on its result.
func (k *Book) PeakRead() bool { return k.peakRead }
