package exact

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sync"

	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/strategy"
)

// Goal-optimal play maximises the probability of a goal for the session
// as a whole, not the EV of each hand: Dubins and Savage's question ("how
// to gamble if you must", 1965), whose answer in a subfair casino is bold
// play — stake big when behind and the end is near. Here the player's
// choices are Let It Ride's own: ride or pull each of bets 1 and 2, and
// place or skip the configured bonus bet, in every state of the session.
//
// The solution is backward induction over the session's states (hand,
// session state of the rulebook, bankroll): the value of a state is the
// probability of the goal from there under the best play, and
//
//	V(s) = max over bonus on/off of Σ_t3 P(t3) · max_r1 Σ_t4 P(t4 | t3) ·
//	       max_r2 Σ_p P(p | t4) · V(s after a hand netting (1+r1+r2)·bet·pay_p + bonus)
//
// over the hand types of HandTypes (the cards matter only through them).
// States that stop take the goal's value at once: 1 when it is met, 0
// otherwise.

// Objective is what goal-optimal play maximises.
type Objective uint8

// Objectives.
const (
	GoalAhead    Objective = iota // P(the session ends with a profit)
	GoalWinLimit                  // P(the session stops at its win limit)
)

// ObjectiveNames are the objectives' names in configs and documents.
var ObjectiveNames = [...]string{GoalAhead: "ahead", GoalWinLimit: "win_limit"}

func (o Objective) String() string { return ObjectiveNames[o] }

// ParseObjective returns the objective named name (ObjectiveNames), or
// false.
func ParseObjective(name string) (Objective, bool) {
	for o, n := range ObjectiveNames {
		if n == name {
			return Objective(o), true
		}
	}
	return 0, false
}

// goalTie is the relative margin within which two choices count as equally
// good for the goal; ties go to the EV-optimal choice (the better EV for
// bets 1 and 2, the configured bonus bet). It keeps decisions the same on
// every platform whatever the last bits of rounding.
const goalTie = 1e-12

// GoalStudy is a session to play goal-optimally: its rulebook (on which
// bets and the bonus amount are sized as the config says; the policy only
// chooses rides and whether to place the bonus), the hand types of its
// paytable, and the objective.
type GoalStudy struct {
	Book      *rulebook.Book
	Types     *HandTypes
	Objective Objective
	Ties      strategy.Ties // EV ties, as for the optimal strategy
	// Fixed, if not nil, plays this table in every state instead of
	// optimising (and the bonus as configured): the same induction then
	// evaluates a fixed strategy, which checks it against the forward chain.
	// The table must decide every holding of a type alike.
	Fixed *strategy.Table
	// Progress, if not nil, is called as hands of the induction are done.
	Progress func(done, total int64)
	// MaxStates bounds the states decided (0: MaxStates).
	MaxStates int64
}

// GoalDecision is the play of one state: the ride decisions by hand type
// and whether the bonus bet is placed.
type GoalDecision struct {
	Bonus bool
	ride1 []uint64 // by three-card type
	ride2 []uint64 // by pair × 2 + r1
	ty    *HandTypes
}

// Ride1 reports whether bet 1 rides on three-card type t3.
func (d *GoalDecision) Ride1(t3 int32) bool { return bit(d.ride1, int(t3)) }

// Ride2 reports whether bet 2 rides on pair pr when bet 1 rode (r1 = 1)
// or not.
func (d *GoalDecision) Ride2(pr int32, r1 int) bool { return bit(d.ride2, int(pr)*2+r1) }

// Rides returns the decisions on the hand whose first three cards walk to
// handstate state s3 and first four to s4 (the simulator's walk).
func (d *GoalDecision) Rides(s3, s4 uint16) (r1, r2 int) {
	ty := d.ty
	t3 := ty.Of3State[s3]
	r1 = int(d.ride1[t3>>6] >> (t3 & 63) & 1)
	pr := ty.PairOf[ty.T3[t3].Bonus][ty.Of4State[s4]]
	i := int(pr)*2 + r1
	return r1, int(d.ride2[i>>6] >> (i & 63) & 1)
}

func bit(b []uint64, i int) bool { return b[i>>6]>>(i&63)&1 != 0 }

func setBit(b []uint64, i int) { b[i>>6] |= 1 << (i & 63) }

// GoalPolicy is solved goal-optimal play: a decision for every state the
// session can reach, the probability of the goal under it, and the hand
// model of each decision for the forward chain (it implements Policy).
type GoalPolicy struct {
	// PGoal is the probability of the objective from the start.
	PGoal     float64
	Objective Objective
	// States counts the (hand, session state, bankroll) states decided;
	// Decisions the distinct plays among them.
	States, Decisions int

	k      *rulebook.Book
	ty     *HandTypes
	g      int64
	layers int64
	// certain is the most a hand can lose (objective ahead with a bounded
	// bet): a player further ahead than the hands left can lose has met
	// the goal whatever happens; 0 when there is no such bound.
	certain int64
	modes   []rulebook.State
	index   map[rulebook.State]int32
	at      [][]span // by hand, by mode
	decs    []*GoalDecision
	def     int32 // the EV-optimal play with the bonus as configured

	mu     sync.Mutex
	models []*SessionChain
}

// span is a mode's decided bankrolls in one hand, on the lattice: dense
// from lo (at nil), or the sorted indices at when few of their range are
// reachable (a bet cut to a third of an odd bankroll can make the lattice
// one cent wide); ids are their decisions, in the same order.
type span struct {
	lo  int
	at  []int32
	ids []int32
}

// pos returns the position of bankroll index i in the span, or −1.
func (sp *span) pos(i int) int {
	if sp.at == nil {
		if x := i - sp.lo; x >= 0 && x < len(sp.ids) {
			return x
		}
		return -1
	}
	if x, ok := slices.BinarySearch(sp.at, int32(i)); ok {
		return x
	}
	return -1
}

// index returns the bankroll index at position x.
func (sp *span) index(x int) int {
	if sp.at == nil {
		return sp.lo + x
	}
	return int(sp.at[x])
}

// reach is the set of bankroll indices of one mode some play reaches in a
// hand: bits from lo while their range is moderate, a map beyond
// (rare big wins can spread a few states over a vast range).
type reach struct {
	lo     int
	words  []uint64
	sparse map[int]struct{}
	n      int // indices in the set
}

// maxReachWords bounds a reach set's bits (8 MiB).
const maxReachWords = 1 << 20

// add puts i in the set and reports whether it is new.
func (r *reach) add(i int) bool {
	if r.sparse != nil {
		if _, ok := r.sparse[i]; ok {
			return false
		}
		r.sparse[i] = struct{}{}
		r.n++
		return true
	}
	if r.words == nil {
		r.lo = i &^ 63
		r.words = make([]uint64, 1)
	}
	lo, hi := min(r.lo, i&^63), max(r.lo+64*len(r.words), (i&^63)+64)
	if (hi-lo)/64 > maxReachWords {
		r.sparse = make(map[int]struct{}, r.n+1)
		for _, x := range r.indices() {
			r.sparse[int(x)] = struct{}{}
		}
		r.words = nil
		return r.add(i)
	}
	if i < r.lo {
		n := (r.lo - lo) / 64
		r.words = append(make([]uint64, n, n+len(r.words)), r.words...)
		r.lo = lo
	}
	x := i - r.lo
	for x>>6 >= len(r.words) {
		r.words = append(r.words, 0)
	}
	if r.words[x>>6]&(1<<(x&63)) != 0 {
		return false
	}
	r.words[x>>6] |= 1 << (x & 63)
	r.n++
	return true
}

// indices returns the set's indices in ascending order.
func (r *reach) indices() []int32 {
	at := make([]int32, 0, r.n)
	if r.sparse != nil {
		for i := range r.sparse {
			at = append(at, int32(i))
		}
		slices.Sort(at)
		return at
	}
	for w, b := range r.words {
		for b != 0 {
			at = append(at, int32(r.lo+64*w+bits.TrailingZeros64(b)))
			b &= b - 1
		}
	}
	return at
}

// span returns the set as a span: dense when at least a quarter of its
// range is reached.
func (r *reach) span() span {
	at := r.indices()
	first, last := int(at[0]), int(at[len(at)-1])
	if len(at) >= (last-first+1)/4 {
		return span{lo: first, ids: make([]int32, last-first+1)}
	}
	return span{lo: first, at: at, ids: make([]int32, len(at))}
}

// goalSolver is one induction's working state.
type goalSolver struct {
	GoalStudy
	lattice
	pol        *GoalPolicy
	ev4, ev3   []int64
	fixed1     []bool // Fixed's decisions by three-card type
	fixed2     []bool // and by four-card type
	finer      int64
	omitted    *Omitted
	keys       map[string]int32
	tmplCache  map[tmplKey][]target
	stored     int64
	scratchKey []byte
	// scratch for one state's evaluation
	w          []float64
	a0, a1     []float64
	d0, d1     []bool
	a4, b4     []float64
	e4, f4     []bool
	v1, v2, v3 []float64
}

type tmplKey struct {
	mode       int32
	bet, bonus int64
}

// target is one hand result's move: the mode after it and the bankroll
// change in lattice steps, by (u−1, bonus category, pay index).
type target struct {
	mode  int32
	delta int
}

// SolveGoal computes goal-optimal play for s.
func SolveGoal(s GoalStudy) (*GoalPolicy, error) {
	k := s.Book
	if err := checkBook(k); err != nil {
		return nil, err
	}
	if s.Objective == GoalWinLimit && k.WinLimit == rulebook.NoLimit {
		return nil, fmt.Errorf("the objective win_limit needs a win limit")
	}
	return onLattice(k, func(g int64) (*GoalPolicy, int64, error) { return solveGoal(s, g) })
}

// solveGoal solves s on lattice g: the policy, or a finer lattice ≠ 0
// when g does not hold every bankroll reached.
func solveGoal(s GoalStudy, g int64) (*GoalPolicy, int64, error) {
	k := s.Book
	ty := s.Types
	sv := &goalSolver{GoalStudy: s, lattice: newLattice(k, g), keys: map[string]int32{}, tmplCache: map[tmplKey][]target{}}
	sv.ev4, sv.ev3 = ty.evSums()
	if s.Fixed != nil {
		if err := sv.fixTable(s.Fixed); err != nil {
			return nil, 0, err
		}
	}
	layers := maxHands(k)
	pol := &GoalPolicy{Objective: s.Objective, k: k, ty: ty, g: g, layers: layers, index: map[rulebook.State]int32{}}
	sv.pol = pol
	if s.Objective == GoalAhead {
		pol.certain = maxHandLoss(k)
	}
	nP, nPairs := len(ty.Pays), len(ty.Pairs)
	sv.w = make([]float64, 3*int(poker.NumCategories3)*nP)
	sv.a0, sv.a1 = make([]float64, nPairs), make([]float64, nPairs)
	sv.d0, sv.d1 = make([]bool, nPairs), make([]bool, nPairs)
	n4 := len(ty.Hist4)
	sv.a4, sv.b4 = make([]float64, n4), make([]float64, n4)
	sv.e4, sv.f4 = make([]bool, n4), make([]bool, n4)
	sv.v1, sv.v2, sv.v3 = make([]float64, nPairs), make([]float64, nPairs), make([]float64, nPairs)
	pol.def = sv.intern(sv.defaultKey())

	sv.sweep(layers)
	switch {
	case sv.omitted != nil:
		return nil, 0, sv.omitted
	case sv.finer != 0:
		return nil, sv.finer, nil
	}
	v := sv.induct(layers)
	if sv.finer != 0 {
		return nil, sv.finer, nil
	}
	pol.PGoal = v
	pol.Decisions = len(pol.decs)
	pol.States = int(sv.stored)
	pol.models = make([]*SessionChain, len(pol.decs))
	return pol, 0, nil
}

// maxHandLoss bounds what one hand can lose: three bets and the bonus at
// their largest (0 when the bet follows the bankroll without a bound).
func maxHandLoss(k *rulebook.Book) int64 {
	bet := k.Base
	if k.Sizer != nil {
		bet = min(k.MaxBet, k.Ceiling)
		if bet >= rulebook.NoLimit/8 {
			return 0
		}
	}
	worst := int64(1)
	for _, x := range k.Pays {
		worst = max(worst, -x)
	}
	loss := 3 * bet * worst
	if k.Bonus.On {
		b := k.Bonus.For(bet)
		if k.Strategy != nil {
			b = min(k.Bonus.Max, k.Ceiling)
		}
		if b >= rulebook.NoLimit/8 {
			return 0
		}
		bw := int64(1)
		for _, x := range k.Bonus.Pays {
			bw = max(bw, -x)
		}
		loss += b * bw
	}
	return loss
}

// isCertain reports whether bankroll index i at hand layer has met the
// goal whatever the remaining hands bring.
func (p *GoalPolicy) isCertain(layer int64, i int) bool {
	if p.certain == 0 {
		return false
	}
	profit := int64(i)*p.g - p.k.Start
	left := p.layers - layer
	if left > 0 && p.certain > (math.MaxInt64-1)/left {
		return false
	}
	return profit > left*p.certain
}

// fixTable reads a fixed table's decisions by type, refusing a table that
// splits a type.
func (sv *goalSolver) fixTable(t *strategy.Table) error {
	var err error
	ty := sv.Types
	if sv.fixed1, err = decisionsByType(ty.Of3, len(ty.T3), t.RideBet1); err != nil {
		return fmt.Errorf("strategy %s decides bet 1 differently on holdings of one type", t.Name)
	}
	if sv.fixed2, err = decisionsByType(ty.Of4, len(ty.Hist4), t.RideBet2); err != nil {
		return fmt.Errorf("strategy %s decides bet 2 differently on holdings of one type", t.Name)
	}
	return nil
}

// errSplitType is decisionsByType's refusal.
var errSplitType = errors.New("a type's holdings decided differently")

// decisionsByType is ride's decision for each of n types, where holding i
// has type of[i]; an error when two holdings of one type differ.
func decisionsByType(of []int32, n int, ride func(int) bool) ([]bool, error) {
	d, seen := make([]bool, n), make([]bool, n)
	for i, t := range of {
		r := ride(i)
		if seen[t] && d[t] != r {
			return nil, errSplitType
		}
		seen[t], d[t] = true, r
	}
	return d, nil
}

func (sv *goalSolver) modeOf(st rulebook.State) int32 {
	p := sv.pol
	key := sv.Book.Mode(st)
	if m, ok := p.index[key]; ok {
		return m
	}
	m := int32(len(p.modes))
	p.modes = append(p.modes, key)
	p.index[key] = m
	return m
}

// live reports whether bankroll index i is inside the money limits and
// short of the goal's certainty at hand layer: a state the induction keeps.
func (sv *goalSolver) live(layer int64, i int) bool {
	return i > sv.lossIdx && i < sv.winIdx && layer < sv.pol.layers && !sv.pol.isCertain(layer, i)
}

// terminal is the goal's value of a state that is not kept: past a money
// limit, certain, or out of hands.
func (sv *goalSolver) terminal(layer int64, i int) float64 {
	switch {
	case i >= sv.winIdx:
		return 1 // the win limit is a profit, so both goals are met
	case i <= sv.lossIdx:
		return 0
	case sv.pol.isCertain(layer, i):
		return 1
	case layer >= sv.pol.layers:
		if sv.Objective == GoalAhead && int64(i)*sv.g > sv.Book.Start {
			return 1
		}
		return 0
	}
	panic(fmt.Sprintf("exact: goal state (hand %d, bankroll index %d) neither kept nor settled", layer, i))
}

// stopValue is the goal's value of a player who stops for reason with
// bankroll index i.
func (sv *goalSolver) stopValue(reason rulebook.Stop, i int) float64 {
	if sv.Objective == GoalWinLimit {
		if reason == rulebook.StopWinLimit {
			return 1
		}
		return 0
	}
	if int64(i)*sv.g > sv.Book.Start {
		return 1
	}
	return 0
}

// options returns the bonus bets a player may choose between before a
// hand sized bonus: the configured one, and none.
func (sv *goalSolver) options(bonus int64) []int64 {
	if bonus == 0 || sv.Fixed != nil {
		return []int64{bonus}
	}
	return []int64{bonus, 0}
}

// targets returns the moves of a hand sized bet and bonus from mode m
// (st one of its states, after Prepare), by (u−1, bonus category, pay);
// nil when the lattice must be finer. Without a peak read they depend on
// the mode and sizing only and are cached.
func (sv *goalSolver) targets(m int32, st *rulebook.State, bet, bonus int64) []target {
	k := sv.Book
	key := tmplKey{m, bet, bonus}
	if !k.PeakRead() {
		if t, ok := sv.tmplCache[key]; ok {
			return t
		}
	}
	ty := sv.Types
	nK := 1
	if bonus > 0 {
		nK = int(poker.NumCategories3)
	}
	nP := len(ty.Pays)
	out := make([]target, 3*nK*nP)
	byClass := map[int]int32{}
	for u := int64(1); u <= 3; u++ {
		for kk := range nK {
			var bon int64
			if bonus > 0 {
				bon = k.Bonus.Net(poker.Category3(kk), bonus, k.Bonus.StartMicro)
			}
			for p, pay := range ty.Pays {
				main := u * bet * pay
				d := main + bon
				if d%sv.g != 0 {
					sv.finer = gcd(sv.g, d)
					return nil
				}
				cls := rulebook.ResultClass(main, bon)
				t, ok := byClass[cls]
				if !ok || k.PeakRead() {
					st2 := *st
					k.Settle(&st2, main, bon)
					t = sv.modeOf(st2)
					byClass[cls] = t
				}
				out[(int(u-1)*nK+kk)*nP+p] = target{t, int(d / sv.g)}
			}
		}
	}
	if !k.PeakRead() {
		sv.tmplCache[key] = out
	}
	return out
}

// state returns the full state of mode m with bankroll index i at hand
// layer.
func (sv *goalSolver) state(m int32, layer int64, i int) rulebook.State {
	st := sv.pol.modes[m]
	st.Bankroll = int64(i) * sv.g
	st.Hands = layer
	return st
}

// setLayer turns the reached sets of hand layer into its spans, counting
// them against MaxStates.
func (sv *goalSolver) setLayer(layer int64, reached map[int32]*reach) {
	row := make([]span, len(sv.pol.modes))
	for m, r := range reached {
		row[m] = r.span()
		sv.stored += int64(len(row[m].ids))
	}
	sv.pol.at[layer] = row
	if sv.stored > sv.maxStates() {
		sv.tooMany(sv.stored)
	}
}

func (sv *goalSolver) maxStates() int64 {
	if sv.MaxStates > 0 {
		return sv.MaxStates
	}
	return MaxStates
}

// tooMany records that the states passed MaxStates (n so far).
func (sv *goalSolver) tooMany(n int64) {
	if sv.omitted == nil {
		sv.omitted = &Omitted{Reason: fmt.Sprintf("goal-optimal play: more than %d (hand, session state, bankroll) states on a %d-cent step; a win limit, a loss limit or fewer hands bound them", sv.maxStates(), sv.g), Count: n}
	}
}

// sweep finds, hand by hand, the states some play can reach: every ride
// and bonus choice, every result.
func (sv *goalSolver) sweep(layers int64) {
	p := sv.pol
	k := sv.Book
	p.at = make([][]span, layers+1)
	fresh := sv.modeOf(k.NewState())
	if !sv.live(0, sv.startIdx) {
		return
	}
	start := &reach{}
	start.add(sv.startIdx)
	sv.setLayer(0, map[int32]*reach{fresh: start})
	var sc rulebook.Scratch
	for layer := int64(0); layer < layers && sv.omitted == nil; layer++ {
		if sv.Progress != nil {
			sv.Progress(layer, 2*layers)
		}
		reached := map[int32]*reach{}
		var pending int64 // states reached in hand layer+1 so far
		for m := range p.at[layer] {
			sp := &p.at[layer][m]
			for x := range sp.ids {
				i := sp.index(x)
				st := sv.state(int32(m), layer, i)
				bet, bonus, _, stopped := k.Prepare(&st, &sc)
				if stopped {
					continue
				}
				for _, b := range sv.options(bonus) {
					tg := sv.targets(int32(m), &st, bet, b)
					if tg == nil {
						return
					}
					for _, t := range tg {
						if j := i + t.delta; sv.live(layer+1, j) {
							r := reached[t.mode]
							if r == nil {
								r = &reach{}
								reached[t.mode] = r
							}
							if r.add(j) {
								if pending++; sv.stored+pending > sv.maxStates() {
									sv.tooMany(sv.stored + pending)
									return
								}
							}
						}
					}
				}
			}
		}
		sv.setLayer(layer+1, reached)
	}
}

// induct decides every kept state, last hand first, and returns the
// goal's probability from the start.
func (sv *goalSolver) induct(layers int64) float64 {
	p := sv.pol
	k := sv.Book
	var sc rulebook.Scratch
	var next [][]float64 // values of hand layer+1 by mode, over its span
	for layer := layers - 1; layer >= 0; layer-- {
		if sv.Progress != nil {
			sv.Progress(2*layers-1-layer, 2*layers)
		}
		cur := make([][]float64, len(p.at[layer]))
		for m, sp := range p.at[layer] {
			if sp.ids == nil {
				continue
			}
			vals := make([]float64, len(sp.ids))
			for x := range sp.ids {
				i := sp.index(x)
				st := sv.state(int32(m), layer, i)
				bet, bonus, reason, stopped := k.Prepare(&st, &sc)
				if stopped {
					vals[x] = sv.stopValue(reason, i)
					sp.ids[x] = p.def
					continue
				}
				best, bestID := -1.0, int32(0)
				for n, b := range sv.options(bonus) {
					tg := sv.targets(int32(m), &st, bet, b)
					if tg == nil {
						return 0
					}
					v, key := sv.evaluate(tg, b > 0, bonus > 0, next, layer+1, i)
					// The configured bonus bet (first) keeps ties.
					if n == 0 || v > best+goalTie {
						best, bestID = v, sv.intern(key)
					}
				}
				vals[x] = best
				sp.ids[x] = bestID
			}
			cur[m] = vals
		}
		next = cur
	}
	if len(next) > 0 && next[0] != nil {
		return next[0][p.at[0][0].pos(sv.startIdx)]
	}
	return sv.terminal(0, sv.startIdx)
}

// value returns the goal's value of mode m, bankroll index i at hand
// layer, from the values of that hand.
func (sv *goalSolver) value(vals [][]float64, layer int64, m int32, i int) float64 {
	if int(m) < len(vals) && vals[m] != nil {
		if x := sv.pol.at[layer][m].pos(i); x >= 0 {
			return vals[m][x]
		}
	}
	return sv.terminal(layer, i)
}

// evaluate returns the value of playing best (or the fixed table) a hand
// whose moves are tg, with a bonus bet placed or not, and the decision
// key. next holds the values of the following hand.
func (sv *goalSolver) evaluate(tg []target, placed, configured bool, next [][]float64, layer int64, i int) (float64, []byte) {
	ty := sv.Types
	nP := len(ty.Pays)
	nK := 1
	if placed {
		nK = int(poker.NumCategories3)
	}
	w := sv.w[:len(tg)]
	for x, t := range tg {
		w[x] = sv.value(next, layer, t.mode, i+t.delta)
	}
	tiesRide := sv.Ties == strategy.TiesRide
	evRide := func(ev int64) bool { return ev > 0 || (ev == 0 && tiesRide) }
	// Four-card level: v_u = Σ_p n_p·W[u][k][p] (a sum over 48 fifth cards).
	four := func(t4 int32, kk int, out1, out2, out3 *float64) {
		var s1, s2, s3 float64
		b1, b2, b3 := kk*nP, (nK+kk)*nP, (2*nK+kk)*nP
		for _, c := range ty.Hist4[t4] {
			n := float64(c.N)
			s1 += float64(n * w[b1+int(c.I)])
			s2 += float64(n * w[b2+int(c.I)])
			s3 += float64(n * w[b3+int(c.I)])
		}
		*out1, *out2, *out3 = s1, s2, s3
	}
	choose := func(pull, ride, scale float64, ev bool) (float64, bool) {
		switch d := ride - pull; {
		case d > goalTie*scale:
			return ride, true
		case d < -goalTie*scale:
			return pull, false
		case ev:
			return ride, true
		}
		return pull, false
	}
	fixed := sv.Fixed != nil
	if nK == 1 {
		for t4 := range ty.Hist4 {
			var v1, v2, v3 float64
			four(int32(t4), 0, &v1, &v2, &v3)
			if fixed {
				r := sv.fixed2[t4]
				sv.a4[t4], sv.e4[t4] = pick(v1, v2, r), r
				sv.b4[t4], sv.f4[t4] = pick(v2, v3, r), r
				continue
			}
			ev := evRide(sv.ev4[t4])
			sv.a4[t4], sv.e4[t4] = choose(v1, v2, 48, ev)
			sv.b4[t4], sv.f4[t4] = choose(v2, v3, 48, ev)
		}
		for pr, pair := range ty.Pairs {
			sv.a0[pr], sv.d0[pr] = sv.a4[pair.T4], sv.e4[pair.T4]
			sv.a1[pr], sv.d1[pr] = sv.b4[pair.T4], sv.f4[pair.T4]
		}
	} else {
		for pr, pair := range ty.Pairs {
			var v1, v2, v3 float64
			four(pair.T4, int(pair.Bonus), &v1, &v2, &v3)
			if fixed {
				r := sv.fixed2[pair.T4]
				sv.a0[pr], sv.d0[pr] = pick(v1, v2, r), r
				sv.a1[pr], sv.d1[pr] = pick(v2, v3, r), r
				continue
			}
			ev := evRide(sv.ev4[pair.T4])
			sv.a0[pr], sv.d0[pr] = choose(v1, v2, 48, ev)
			sv.a1[pr], sv.d1[pr] = choose(v2, v3, 48, ev)
		}
	}
	key := sv.scratchKey[:0]
	if placed == configured {
		key = append(key, 1)
	} else {
		key = append(key, 0)
	}
	var total float64
	for t, t3 := range ty.T3 {
		var s0, s1 float64
		for _, c := range t3.Next {
			n := float64(c.N)
			s0 += float64(n * sv.a0[c.I])
			s1 += float64(n * sv.a1[c.I])
		}
		var v float64
		var r bool
		if fixed {
			r = sv.fixed1[t]
			v = pick(s0, s1, r)
		} else {
			v, r = choose(s0, s1, 49*48, evRide(sv.ev3[t]))
		}
		total += float64(float64(t3.Holdings) * v)
		key = append(key, b2u(r))
	}
	for pr := range ty.Pairs {
		key = append(key, b2u(sv.d0[pr]), b2u(sv.d1[pr]))
	}
	sv.scratchKey = key
	return total / Deals, key
}

func pick(pull, ride float64, r bool) float64 {
	if r {
		return ride
	}
	return pull
}

func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// defaultKey is the EV-optimal play with the bonus bet as configured: the
// play of states whose goal is settled whatever happens.
func (sv *goalSolver) defaultKey() []byte {
	ty := sv.Types
	tiesRide := sv.Ties == strategy.TiesRide
	evRide := func(ev int64) bool { return ev > 0 || (ev == 0 && tiesRide) }
	key := []byte{1}
	for t := range ty.T3 {
		r := evRide(sv.ev3[t])
		if sv.Fixed != nil {
			r = sv.fixed1[t]
		}
		key = append(key, b2u(r))
	}
	for _, pair := range ty.Pairs {
		r := evRide(sv.ev4[pair.T4])
		if sv.Fixed != nil {
			r = sv.fixed2[pair.T4]
		}
		key = append(key, b2u(r), b2u(r))
	}
	return key
}

// intern returns the id of the decision with key (see evaluate).
func (sv *goalSolver) intern(key []byte) int32 {
	if id, ok := sv.keys[string(key)]; ok {
		return id
	}
	p := sv.pol
	ty := sv.Types
	id := int32(len(p.decs))
	sv.keys[string(key)] = id
	d := &GoalDecision{Bonus: key[0] == 1, ty: ty,
		ride1: make([]uint64, (len(ty.T3)+63)/64), ride2: make([]uint64, (2*len(ty.Pairs)+63)/64)}
	for t := range ty.T3 {
		if key[1+t] == 1 {
			setBit(d.ride1, t)
		}
	}
	for x := range 2 * len(ty.Pairs) {
		if key[1+len(ty.T3)+x] == 1 {
			setBit(d.ride2, x)
		}
	}
	p.decs = append(p.decs, d)
	return id
}

// decisionAt returns the decision id of a player in state st.
func (p *GoalPolicy) decisionAt(st *rulebook.State) int32 {
	var m int32
	if len(p.modes) > 1 {
		var ok bool
		if m, ok = p.index[p.k.Mode(*st)]; !ok {
			return p.unknown(st)
		}
	}
	if st.Hands >= int64(len(p.at)) || st.Bankroll%p.g != 0 {
		return p.unknown(st)
	}
	row := p.at[st.Hands]
	i := int(st.Bankroll / p.g)
	if int(m) < len(row) {
		if x := row[m].pos(i); x >= 0 {
			return row[m].ids[x]
		}
	}
	return p.unknown(st)
}

// unknown is the decision of a state the induction did not keep: one whose
// goal is settled whatever happens (the EV-optimal play). Any other is a
// bug: every reachable state is kept.
func (p *GoalPolicy) unknown(st *rulebook.State) int32 {
	if st.Bankroll%p.g == 0 && p.isCertain(st.Hands, int(st.Bankroll/p.g)) {
		return p.def
	}
	panic(fmt.Sprintf("exact: goal-optimal play has no decision for a state it cannot reach (hand %d, bankroll %d cents)", st.Hands, st.Bankroll))
}

// Decide returns the play of a player in state st whose hand Prepare sized
// with bonus bet bonus: the ride decisions and the bonus bet placed.
func (p *GoalPolicy) Decide(st *rulebook.State, bonus int64) (*GoalDecision, int64) {
	d := p.decs[p.decisionAt(st)]
	if !d.Bonus {
		bonus = 0
	}
	return d, bonus
}

// Play implements Policy.
func (p *GoalPolicy) Play(st *rulebook.State, bet, bonus int64) (int32, int64, error) {
	id := p.decisionAt(st)
	if !p.decs[id].Bonus {
		bonus = 0
	}
	return id, bonus, nil
}

// Model implements Policy: the joint distribution of the main result and
// the three-card category under decision m.
func (p *GoalPolicy) Model(m int32) *SessionChain {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.models[m]; c != nil {
		return c
	}
	c := p.ty.chain(p.decs[m])
	p.models[m] = c
	return c
}

// chain returns the hand model of decision d: for each three-card
// category, the main results (units of the per-circle bet) and their
// probabilities.
func (ty *HandTypes) chain(d *GoalDecision) *SessionChain {
	np := len(ty.Pays)
	n := make([]int64, int(poker.NumCategories3)*4*np) // deals by bonus category, units in action, pay index
	for t, t3 := range ty.T3 {
		r1 := 0
		if d.Ride1(int32(t)) {
			r1 = 1
		}
		for _, c := range t3.Next {
			u := 1 + r1
			if d.Ride2(c.I, r1) {
				u++
			}
			row := n[(int(t3.Bonus)*4+u)*np:]
			for _, h := range ty.Hist4[ty.Pairs[c.I].T4] {
				row[h.I] += t3.Holdings * c.N * h.N
			}
		}
	}
	return modelOf(n, ty.Pays)
}
