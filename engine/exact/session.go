package exact

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

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

// moveSet is one hand's possible results for one (bet, bonus) sizing, in
// lattice steps, merged by value and sorted.
type moveSet struct {
	delta    []int
	off      []int // delta - min
	prob     []float64
	min, max int
}

// moves returns the hand's results for per-circle bet bet and bonus bonus.
func (c *SessionChain) moves(r *SessionRules, g, bet, bonus int64) *moveSet {
	byDelta := map[int64]float64{}
	for b := range c.units {
		var bon int64
		if bonus > 0 {
			bon = c.bonus[b] * bonus
			if c.prog && poker.Category3(b) == poker.MiniRoyal3 {
				bon = r.Jackpot
			}
		}
		for k, u := range c.units[b] {
			byDelta[u*bet+bon] += c.probs[b][k]
		}
	}
	m := &moveSet{}
	keys := make([]int64, 0, len(byDelta))
	for d := range byDelta {
		if d%g != 0 {
			panic(fmt.Sprintf("exact: a hand's result %d is off the %d-cent lattice", d, g))
		}
		keys = append(keys, d)
	}
	slices.Sort(keys)
	for _, d := range keys {
		m.delta = append(m.delta, int(d/g))
		m.prob = append(m.prob, byDelta[d])
	}
	m.min, m.max = m.delta[0], m.delta[len(m.delta)-1]
	for _, d := range m.delta {
		m.off = append(m.off, d-m.min)
	}
	return m
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
	limit := hands
	if limit == 0 {
		limit = MaxChainHands
	}
	// State i is a bankroll of i × g cents. The arrays grow as the
	// reachable range does.
	start := int(r.Start / g)
	size := start + 1
	if r.WinLimit > 0 {
		size = int((r.Start+r.WinLimit)/g) + 1
	}
	size += size / 2
	if int64(size) > maxStates {
		return nil, fmt.Errorf("exact session: more than %d bankroll states (amounts share only a %d-cent step); set a win limit or use round amounts", maxStates, g)
	}
	cur := make([]float64, size)
	next := make([]float64, size)
	final := make([]float64, size)
	grow := func(need int) {
		if need < len(cur) {
			return
		}
		n := max(2*len(cur), need+1)
		if int64(n) > maxStates {
			panic(errTooManyStates)
		}
		cur = append(cur, make([]float64, n-len(cur))...)
		next = append(next, make([]float64, n-len(next))...)
		final = append(final, make([]float64, n-len(final))...)
	}
	res := &SessionResult{Start: r.Start}
	cur[start] = 1
	lo, hi := start, start // nonzero range of cur
	winIdx := 0            // first state at or past the win limit (0: none)
	if r.WinLimit > 0 {
		winIdx = int((r.Start + r.WinLimit + g - 1) / g)
	}
	type sizing struct{ bet, bonus int64 }
	cache := map[sizing]*moveSet{}
	base := c.moves(&r, g, r.BaseBet, r.BonusBet)
	cache[sizing{r.BaseBet, r.BonusBet}] = base
	var failed error
	func() {
		defer func() {
			if e := recover(); e != nil {
				if e != errTooManyStates {
					panic(e)
				}
				failed = fmt.Errorf("exact session: more than %d bankroll states (amounts share only a %d-cent step); set a win limit or use round amounts", maxStates, g)
			}
		}()
		for hand := 0; ; hand++ {
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
				// Stop checks, before the hand, in the documented order.
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
				m := base
				if bet != r.BaseBet || bonus != r.BonusBet {
					k := sizing{bet, bonus}
					if m = cache[k]; m == nil {
						m = c.moves(&r, g, bet, bonus)
						cache[k] = m
					}
				}
				grow(i + m.max)
				// Results at or past the win limit stop the session at the
				// next check, whatever else holds (it is checked first):
				// settle them now, so the live range stays below the limit.
				cut := len(m.delta)
				if winIdx > 0 {
					cut, _ = slices.BinarySearch(m.delta, winIdx-i)
					for k := cut; k < len(m.delta); k++ {
						q := p * m.prob[k]
						final[i+m.delta[k]] += q
						res.Stop[StopWinLimit] += q
					}
				}
				if cut == 0 {
					continue
				}
				nlo, nhi = min(nlo, i+m.min), max(nhi, i+m.delta[cut-1])
				dst := next[i+m.min:]
				prob := m.prob[:cut]
				for k, off := range m.off[:cut] {
					dst[off] += p * prob[k]
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
				return
			}
			cur, next = next, cur
			lo, hi = nlo, nhi
		}
	}()
	if failed != nil {
		return nil, failed
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
	return res, nil
}

var errTooManyStates = errors.New("too many states")

// WalkAwayCell is one cell of a walk-away grid.
type WalkAwayCell struct {
	WinLimit, LossLimit int64
	Result              *SessionResult
}

// DefaultWalkAwayLimits are the limits a walk-away map tries by default:
// 5%, 10%, …, 100% of the starting bankroll (cents, rounded down).
func DefaultWalkAwayLimits(start int64) []int64 {
	out := make([]int64, 20)
	for k := range out {
		out[k] = start * int64(k+1) / 20
	}
	return out
}

// WalkAway runs the chain for every win limit × loss limit pair, with the
// other rules from base. Rows follow winLimits, columns lossLimits. The
// cells are independent, so workers (at least 1) solve them in parallel;
// the result does not depend on workers.
func (c *SessionChain) WalkAway(base SessionRules, winLimits, lossLimits []int64, workers int) ([][]WalkAwayCell, error) {
	grid := make([][]WalkAwayCell, len(winLimits))
	for a := range grid {
		grid[a] = make([]WalkAwayCell, len(lossLimits))
	}
	n := len(winLimits) * len(lossLimits)
	errs := make([]error, n)
	var wg sync.WaitGroup
	var next atomic.Int64
	for range max(1, min(workers, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				a, b := k/len(lossLimits), k%len(lossLimits)
				r := base
				r.WinLimit, r.LossLimit = winLimits[a], lossLimits[b]
				res, err := c.Run(r)
				if err != nil {
					errs[k] = fmt.Errorf("win limit %d, loss limit %d: %w", r.WinLimit, r.LossLimit, err)
				}
				grid[a][b] = WalkAwayCell{r.WinLimit, r.LossLimit, res}
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return grid, nil
}
