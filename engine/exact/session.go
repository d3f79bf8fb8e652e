package exact

import (
	"errors"
	"fmt"
	"slices"

	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
)

// JointCount is one point of the joint per-hand distribution of the main
// game's net result (in base-bet units) and the Three Card Bonus category:
// Count of the Deals deals.
type JointCount struct {
	Units int64
	Bonus poker.Category3
	Count int64
}

// Joint returns the joint distribution of (main net units, bonus category)
// under paytable p, sorted by bonus category then units. The bonus is
// settled on the same three cards that drive the ride decisions, so the
// two results are dependent: this comes from the enumeration itself
// (HandDistribution.ByBonus), not from multiplying marginals.
func (d *HandDistribution) Joint(p *paytable.Main) []JointCount {
	var out []JointCount
	for b := range d.ByBonus {
		for _, nc := range netDistribution(&d.ByBonus[b], p) {
			out = append(out, JointCount{Units: nc.Units, Bonus: poker.Category3(b), Count: nc.Count})
		}
	}
	return out
}

// SessionRules are a flat-betting session's money and stop rules, all in
// integer cents, with the simulator's bet sizing. Stop conditions are
// checked before each hand in this order: win limit (profit ≥ WinLimit),
// loss limit (loss ≥ LossLimit), MaxHands, DurationHands (the hand cap of
// max_duration_minutes), and insufficient funds.
//
// Sizing a hand, as engine/sim does: the per-circle bet is BaseBet; when
// 3 × BaseBet exceeds the bankroll it is reduced to a third of the bankroll
// rounded down to ChipIncrement, and the session stops for insufficient
// funds when that is below MinBet (ShrinkToChip: below one chip). The
// bonus is BonusBet at the base bet (BonusRatioPPM: that many millionths
// of the per-circle bet, after the bonus limits); when the three bets and
// the bonus do not fit, the bonus is reduced to what is left after the
// three bets, rounded down to BonusIncrement, capped at BonusMax and
// dropped below BonusMin. A bankroll never goes negative.
type SessionRules struct {
	Start         int64 // starting bankroll
	BaseBet       int64 // per circle; 3 × BaseBet is staked on each hand
	MinBet        int64 // smallest per-circle bet (0: BaseBet — a short bankroll stops)
	ChipIncrement int64 // bets are multiples of this (0: one cent)
	ShrinkToChip  bool  // stop_on_insufficient_funds: false — play down to one chip

	BonusBet       int64 // bonus at the base bet, limits applied; 0: no bonus bet
	BonusRatioPPM  int64 // bonus as millionths of the per-circle bet (0: fixed BonusBet)
	BonusMin       int64 // smallest bonus bet placed (0: one cent)
	BonusMax       int64 // largest bonus bet (0: no cap)
	BonusIncrement int64 // bonus bets round down to a multiple (0: one cent)
	// Jackpot is what a mini royal wins (net, in cents) on a progressive
	// bonus table; the exact chain needs it fixed (no contribution).
	Jackpot int64

	WinLimit      int64 // 0: none
	LossLimit     int64 // 0: none
	MaxHands      int   // 0: none
	DurationHands int   // 0: none
}

// Stop reasons, in the order they are checked.
const (
	StopWinLimit = iota
	StopLossLimit
	StopMaxHands
	StopMaxDuration
	StopInsufficientFunds
	NumStopReasons
)

// StopReasonNames are the stop reasons' names in results.
var StopReasonNames = [NumStopReasons]string{"win_limit", "loss_limit", "max_hands", "max_duration", "insufficient_funds"}

// BankrollProb is one point of the final-bankroll distribution.
type BankrollProb struct {
	Cents int64
	P     float64
}

// SessionResult is the exact outcome distribution of a session. The
// probabilities are float64 sums of products of exact per-hand
// probabilities (the state space is too large for rationals); their
// rounding error is far below 1e-12.
type SessionResult struct {
	PWin, PPush, PLoss float64
	Stop               [NumStopReasons]float64
	ExpectedHands      float64
	ExpectedProfit     float64 // cents
	Final              []BankrollProb
	// Unfinished is the probability mass still in play when an unlimited
	// session was cut off after MaxChainHands (0 for capped sessions).
	Unfinished float64
	// Truncated is the total probability of bankroll states dropped because
	// their probability was below Negligible when reached (far-fetched runs
	// of royal flushes): a bound on every figure's truncation error.
	Truncated float64
	Start     int64
}

// MaxChainHands bounds a session with no hand limit: the chain stops once
// less than 1e-13 of the probability is still in play, or after this many
// hands.
const MaxChainHands = 1_000_000

// Negligible is the probability below which a bankroll state is dropped
// from the chain (and counted in SessionResult.Truncated). Without it a
// session with no win limit would track hundreds of thousands of states
// reachable only through several royal flushes.
const Negligible = 1e-22

// maxStates bounds the chain's state array.
const maxStates = 1 << 22

// PLossAtLeast returns the probability of ending the session at least
// cents below the starting bankroll (risk of losing that much).
func (r *SessionResult) PLossAtLeast(cents int64) float64 {
	var p float64
	for _, b := range r.Final {
		if r.Start-b.Cents >= cents {
			p += b.P
		}
	}
	return p
}

// SessionChain is a flat-betting session prepared for the Markov chain:
// the per-hand joint distribution with the paytables applied.
type SessionChain struct {
	units   [poker.NumCategories3][]int64 // main net units, by bonus category
	probs   [poker.NumCategories3][]float64
	bonus   [poker.NumCategories3]int64 // net per unit of bonus (progressive mini royal: see jackpot)
	prog    bool
	maxUnit int64 // largest main win in units
	maxBon  int64 // largest bonus win per unit
}

// NewSessionChain prepares a chain from the per-hand distribution d under
// main paytable p and bonus paytable bonus (nil: no bonus).
func NewSessionChain(d *HandDistribution, p *paytable.Main, bonus *paytable.Bonus) *SessionChain {
	c := &SessionChain{}
	total := float64(d.Total())
	for _, j := range d.Joint(p) {
		c.units[j.Bonus] = append(c.units[j.Bonus], j.Units)
		c.probs[j.Bonus] = append(c.probs[j.Bonus], float64(j.Count)/total)
		c.maxUnit = max(c.maxUnit, j.Units)
	}
	if bonus != nil {
		c.prog = bonus.Progressive
		for k := range c.bonus {
			c.bonus[k] = bonus.Net(poker.Category3(k))
			if !(c.prog && poker.Category3(k) == poker.MiniRoyal3) {
				c.maxBon = max(c.maxBon, c.bonus[k])
			}
		}
	}
	return c
}

func gcd(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Validate reports rules the chain cannot run.
func (r *SessionRules) Validate() error {
	switch {
	case r.BaseBet <= 0:
		return fmt.Errorf("base bet %d cents: must be positive", r.BaseBet)
	case r.Start < 3*r.BaseBet:
		return fmt.Errorf("starting bankroll %d cents: must cover 3 × base bet (%d cents)", r.Start, 3*r.BaseBet)
	case r.BonusBet < 0 || r.BonusRatioPPM < 0 || r.WinLimit < 0 || r.LossLimit < 0 || r.MaxHands < 0 || r.DurationHands < 0 ||
		r.MinBet < 0 || r.ChipIncrement < 0 || r.BonusMin < 0 || r.BonusMax < 0 || r.BonusIncrement < 0 || r.Jackpot < 0:
		return errors.New("session rules: amounts and limits must not be negative")
	case r.WinLimit == 0 && r.MaxHands == 0 && r.DurationHands == 0:
		return errors.New("exact session: needs a win limit or a hand limit (without either a bankroll can grow without bound)")
	}
	return nil
}

func orDefault(x, def int64) int64 {
	if x <= 0 {
		return def
	}
	return x
}

// bonusLimit applies the bonus limits to amount x.
func (r *SessionRules) bonusLimit(x int64) int64 {
	if r.BonusMax > 0 && x > r.BonusMax {
		x = r.BonusMax
	}
	x -= x % orDefault(r.BonusIncrement, 1)
	if x < orDefault(r.BonusMin, 1) {
		return 0
	}
	return x
}

// bets sizes the hand played with bankroll x, as engine/sim does; ok is
// false when the session stops for insufficient funds.
func (r *SessionRules) bets(x int64) (bet, bonus int64, ok bool) {
	bet = r.BaseBet
	if 3*bet > x {
		inc := orDefault(r.ChipIncrement, 1)
		bet = x / 3 / inc * inc
		floor := orDefault(r.MinBet, r.BaseBet)
		if r.ShrinkToChip {
			floor = inc
		}
		if bet < floor || bet <= 0 {
			return 0, 0, false
		}
	}
	switch {
	case r.BonusBet == 0 && r.BonusRatioPPM == 0:
	case bet == r.BaseBet:
		bonus = r.BonusBet
	case r.BonusRatioPPM > 0:
		bonus = r.bonusLimit(bet * r.BonusRatioPPM / 1e6)
	default:
		bonus = r.BonusBet
	}
	if bonus > 0 && 3*bet+bonus > x {
		bonus = r.bonusLimit(x - 3*bet)
	}
	return bet, bonus, true
}

// lattice returns a step that divides every bankroll the session can
// reach: the start and every hand's result are multiples of it.
func (r *SessionRules) lattice(prog bool) int64 {
	g := gcd(r.Start, r.BaseBet)
	if r.BonusBet > 0 || r.BonusRatioPPM > 0 {
		g = gcd(g, r.BonusBet)
		if prog {
			g = gcd(g, r.Jackpot)
		}
	}
	// Reduced bets and bonuses are multiples of their increments; a ratio
	// bonus on a reduced bet can be any cent.
	for range 3 {
		if orDefault(r.MinBet, r.BaseBet) < r.BaseBet || r.ShrinkToChip {
			g = gcd(g, orDefault(r.ChipIncrement, 1))
			if r.BonusRatioPPM > 0 {
				g = 1
			}
		}
		if (r.BonusBet > 0 || r.BonusRatioPPM > 0) && g%orDefault(r.BonusIncrement, 1) != 0 {
			g = gcd(g, orDefault(r.BonusIncrement, 1))
		}
	}
	return g
}

// Run computes the session's exact outcome distribution under rules r.
func (c *SessionChain) Run(r SessionRules) (*SessionResult, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	g := r.lattice(c.prog)
	hands := r.MaxHands
	if r.DurationHands > 0 && (hands == 0 || r.DurationHands < hands) {
		hands = r.DurationHands
	}
	bonusMax := max(r.BonusBet, r.BonusMax)
	if r.BonusRatioPPM > 0 {
		bonusMax = max(bonusMax, r.BaseBet*r.BonusRatioPPM/1e6)
	}
	maxWin := c.maxUnit*r.BaseBet + c.maxBon*bonusMax
	if c.prog && bonusMax > 0 {
		maxWin = max(maxWin, c.maxUnit*r.BaseBet+r.Jackpot)
	}
	// Live states lie below the win limit (or below Start + hands × maxWin
	// without one); one more hand can add maxWin.
	var top int64
	if r.WinLimit > 0 {
		top = r.Start + r.WinLimit - 1 + maxWin
	} else {
		top = r.Start + int64(hands)*maxWin
	}
	n := top/g + 1
	if n > maxStates {
		return nil, fmt.Errorf("exact session: %d bankroll states (amounts share only a %d-cent step); set a win limit or use round amounts", n, g)
	}
	cur := make([]float64, n)
	next := make([]float64, n)
	final := make([]float64, n)
	res := &SessionResult{Start: r.Start}
	start := int(r.Start / g)
	cur[start] = 1
	lo, hi := start, start // nonzero range of cur
	limit := hands
	if limit == 0 {
		limit = MaxChainHands
	}
	// Moves, in states, for each (bet, bonus) met; the base one first.
	type betKey struct{ bet, bonus int64 }
	moves := map[betKey]*[poker.NumCategories3][]int{}
	movesFor := func(bet, bonus int64) *[poker.NumCategories3][]int {
		k := betKey{bet, bonus}
		if m, ok := moves[k]; ok {
			return m
		}
		m := new([poker.NumCategories3][]int)
		for b := range m {
			var bon int64
			if bonus > 0 {
				bon = c.bonus[b] * bonus
				if c.prog && poker.Category3(b) == poker.MiniRoyal3 {
					bon = r.Jackpot
				}
			}
			m[b] = make([]int, len(c.units[b]))
			for k, u := range c.units[b] {
				d := u*bet + bon
				if d%g != 0 {
					panic(fmt.Sprintf("exact: a hand's result %d is off the %d-cent lattice", d, g))
				}
				m[b][k] = int(d / g)
			}
		}
		moves[k] = m
		return m
	}
	for hand := 0; ; hand++ {
		// Stop checks, before the hand, in the documented order.
		live := 0.0
		nlo, nhi := len(next), -1
		for i := lo; i <= hi; i++ {
			p := cur[i]
			if p == 0 {
				continue
			}
			cur[i] = 0
			if p < Negligible {
				res.Truncated += p
				continue
			}
			x := int64(i) * g
			reason := -1
			bet, bonus, ok := r.bets(x)
			switch {
			case r.WinLimit > 0 && x-r.Start >= r.WinLimit:
				reason = StopWinLimit
			case r.LossLimit > 0 && r.Start-x >= r.LossLimit:
				reason = StopLossLimit
			case r.MaxHands > 0 && hand >= r.MaxHands:
				reason = StopMaxHands
			case r.DurationHands > 0 && hand >= r.DurationHands:
				reason = StopMaxDuration
			case !ok:
				reason = StopInsufficientFunds
			}
			if reason >= 0 {
				res.Stop[reason] += p
				final[i] += p
				continue
			}
			if hand >= limit {
				res.Unfinished += p
				final[i] += p
				continue
			}
			live += p
			m := movesFor(bet, bonus)
			for b := range m {
				pb := c.probs[b]
				for k, dk := range m[b] {
					j := i + dk
					next[j] += p * pb[k]
					nlo, nhi = min(nlo, j), max(nhi, j)
				}
			}
		}
		res.ExpectedHands += live
		if live == 0 || (hands == 0 && live < 1e-13) {
			// Whatever little is left is reported as unfinished.
			for i := nlo; i <= nhi; i++ {
				if next[i] != 0 {
					res.Unfinished += next[i]
					final[i] += next[i]
					next[i] = 0
				}
			}
			break
		}
		cur, next = next, cur
		lo, hi = nlo, nhi
	}
	for i, p := range final {
		if p == 0 {
			continue
		}
		x := int64(i) * g
		res.Final = append(res.Final, BankrollProb{x, p})
		res.ExpectedProfit += p * float64(x-r.Start)
		switch {
		case x > r.Start:
			res.PWin += p
		case x == r.Start:
			res.PPush += p
		default:
			res.PLoss += p
		}
	}
	slices.SortFunc(res.Final, func(a, b BankrollProb) int { return cmpInt64(a.Cents, b.Cents) })
	return res, nil
}

// WalkAwayCell is one cell of a walk-away grid.
type WalkAwayCell struct {
	WinLimit, LossLimit int64
	Result              *SessionResult
}

// WalkAway runs the chain for every win limit × loss limit pair, with the
// other rules from base. Rows follow winLimits, columns lossLimits.
func (c *SessionChain) WalkAway(base SessionRules, winLimits, lossLimits []int64) ([][]WalkAwayCell, error) {
	grid := make([][]WalkAwayCell, len(winLimits))
	for a, w := range winLimits {
		grid[a] = make([]WalkAwayCell, len(lossLimits))
		for b, l := range lossLimits {
			r := base
			r.WinLimit, r.LossLimit = w, l
			res, err := c.Run(r)
			if err != nil {
				return nil, fmt.Errorf("win limit %d, loss limit %d: %w", w, l, err)
			}
			grid[a][b] = WalkAwayCell{w, l, res}
		}
	}
	return grid, nil
}
