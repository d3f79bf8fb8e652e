package exact

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
)

// BankrollProb is one point of the final-bankroll distribution.
type BankrollProb struct {
	Cents int64
	P     float64
}

// SessionResult is the exact outcome distribution of one player's
// session. The probabilities are float64 sums of products of exact
// per-hand probabilities (the state space is too large for rationals);
// their rounding error is far below 1e-12.
//
// On a replace-mode table a seat hosts a run of players until the table
// closes; the figures are then per player seated there (expected counts
// over the expected number of players, the ratio the simulator estimates).
type SessionResult struct {
	PWin, PPush, PLoss float64
	Stop               [rulebook.NumStops]float64
	ExpectedHands      float64
	ExpectedProfit     float64 // cents
	Final              []BankrollProb
	// Unfinished is the probability mass still in play when the chain was
	// cut off after MaxChainHands (0 for the sessions validation allows).
	Unfinished float64
	// Truncated is the total probability of states dropped because their
	// probability was below Negligible when reached (far-fetched runs of
	// royal flushes): a bound on every figure's truncation error.
	Truncated float64
	Start     int64
	// Players is the expected number of players a seat hosts (1 unless
	// the table replaces players who stop).
	Players float64
	// States is the largest number of live (session state, bankroll)
	// states in one hand of the chain; Modes the distinct session states
	// (betting and bonus progressions, streaks) met.
	States, Modes int
	// Steps is the elementary steps the chain took, counted against
	// MaxSteps: multiply-adds of a state's probability (addSteps).
	Steps int64
}

// MaxChainHands bounds a session's length in the chain.
const MaxChainHands = 1_000_000

// Negligible is the probability below which a state is dropped from the
// chain (and counted in SessionResult.Truncated). Without it a session with
// no win limit would track hundreds of thousands of states reachable only
// through several royal flushes.
const Negligible = 1e-22

// Bounds on the chain: MaxStates (session state, bankroll) cells are held
// at once, and at most MaxSteps elementary steps are taken: multiply-adds
// of a state's probability, one per result of a state played alone, and
// for a run one per bankroll it spans, one per bankroll and move that
// keeps it live, and about one per stop settled at once. A study past
// either is reported as Omitted with the count, never silently cut short.
const (
	MaxStates = 1 << 22
	MaxSteps  = 3_000_000_000
)

// Omitted says why the exact engine gives no session figures for a study,
// with the state or step count that passed a bound (0 when the reason is
// not a size).
type Omitted struct {
	Reason string
	Count  int64
}

func (o *Omitted) Error() string {
	if o.Count > 0 {
		return fmt.Sprintf("exact session omitted: %s (%d)", o.Reason, o.Count)
	}
	return "exact session omitted: " + o.Reason
}

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

// ProfitSD returns the standard deviation of the session profit in cents,
// from the final-bankroll distribution: √(E[X²] − E[X]²) with X the final
// bankroll less the start (0 when rounding makes the variance negative).
func (r *SessionResult) ProfitSD() float64 {
	var m1, m2 float64
	for _, b := range r.Final {
		x := float64(b.Cents - r.Start)
		m1 += b.P * x
		m2 += b.P * x * x
	}
	return math.Sqrt(math.Max(m2-m1*m1, 0))
}

// SessionChain is a hand's exact joint distribution prepared for session
// chains: main net units by three-card bonus category.
type SessionChain struct {
	units    [poker.NumCategories3][]int64
	probs    [poker.NumCategories3][]float64
	maxUnits int64 // the largest main net, in base bets
	entries  int   // (units, bonus category) pairs in all
}

// NewSessionChain prepares a chain from the per-hand distribution d under
// main paytable p.
func NewSessionChain(d *HandDistribution, p *paytable.Main) *SessionChain {
	c := &SessionChain{}
	total := float64(d.Total())
	for _, j := range d.Joint(p) {
		c.add(int(j.Bonus), j.Units, float64(j.Count)/total)
	}
	return c
}

// add is a main net of units base bets with probability p, the bonus in
// three-card category k. Every model is built through it, so maxUnits and
// entries, which size the chain's steps, hold for all.
func (c *SessionChain) add(k int, units int64, p float64) {
	c.units[k] = append(c.units[k], units)
	c.probs[k] = append(c.probs[k], p)
	c.maxUnits = max(c.maxUnits, units)
	c.entries++
}

// Study is a session the chain solves: a rulebook, and for a replace-mode
// table the rounds it plays (0: the player leaves or sits out when done).
type Study struct {
	Book        *rulebook.Book
	TableRounds int64
	// MaxSteps bounds the chain's elementary steps, multiply-adds of a
	// state's probability (0: the package's MaxSteps); past it the study
	// is Omitted.
	MaxSteps int64
	// Progress, if not nil, is called after each hand of the chain with
	// the hands done and the most there can be.
	Progress func(done, total int64)
	// Policy, if not nil, is play that follows the session (goal-optimal
	// play, rules over session variables); the chain's own distribution is
	// then unused.
	Policy Policy
	// Visit, if not nil, is called with every state about to play a hand,
	// the bonus bet its rules size, and its probability.
	Visit func(st *rulebook.State, bonus int64, p float64)
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

// outcomes is one hand's results for one sizing: by result class
// (rulebook.ResultClass), the total results in lattice steps (sorted,
// merged) and their probabilities, with a representative main and bonus
// net for Settle.
type outcomes struct {
	groups []group
	steps  int // outcomes in all
	min    int // smallest delta
	max    int // largest delta
}

type group struct {
	main, bonus int64 // a representative result of the class
	delta       []int // total net, lattice steps, ascending
	prob        []float64
}

// outcomes returns the results of a hand sized bet and bonus on lattice
// g, or the finer lattice a result needs.
func (c *SessionChain) outcomes(k *rulebook.Book, g, bet, bonus int64) (*outcomes, int64) {
	type key struct {
		cls   int
		delta int64
	}
	type val struct {
		p           float64
		main, bonus int64
	}
	byKey := map[key]*val{}
	var order []key
	for b := range c.units {
		var bon int64
		if bonus > 0 {
			bon = k.Bonus.Net(poker.Category3(b), bonus, k.Bonus.StartMicro)
		}
		for j, u := range c.units[b] {
			main := u * bet
			d := main + bon
			if d%g != 0 {
				return nil, gcd(g, d)
			}
			kk := key{rulebook.ResultClass(main, bon), d}
			v := byKey[kk]
			if v == nil {
				v = &val{main: main, bonus: bon}
				byKey[kk] = v
				order = append(order, kk)
			}
			v.p += c.probs[b][j]
		}
	}
	slices.SortFunc(order, func(a, b key) int {
		if a.cls != b.cls {
			return a.cls - b.cls
		}
		return cmp.Compare(a.delta, b.delta)
	})
	o := &outcomes{min: int(order[0].delta / g), max: int(order[0].delta / g)}
	last := -1
	for _, kk := range order {
		v := byKey[kk]
		if kk.cls != last {
			o.groups = append(o.groups, group{main: v.main, bonus: v.bonus})
			last = kk.cls
		}
		gr := &o.groups[len(o.groups)-1]
		d := int(kk.delta / g)
		gr.delta = append(gr.delta, d)
		gr.prob = append(gr.prob, v.p)
		o.steps++
		o.min, o.max = min(o.min, d), max(o.max, d)
	}
	return o, 0
}
