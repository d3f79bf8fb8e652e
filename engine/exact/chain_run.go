package exact

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/rules"
)

// Run computes the study's exact outcome distribution by stepping its
// rulebook over every reachable state: a forward chain, hand by hand, over
// (session state, bankroll), where the session state is what the rulebook
// can still read (betting and bonus progressions, streaks, the running peak
// when a rule reads it — rulebook.Book.Mode) and the bankroll lives on the
// coarsest lattice of cents every reachable bankroll is a multiple of
// (found as the chain runs: a finer step restarts it).
//
// States after hands of one result class (rulebook.ResultClass) share
// their session state, so the target of each (session state, class) is
// found once. When no sizer reads the bankroll (rulebook.Book.BankrollFree)
// every state of one session state that covers the hand's bets is sized
// alike: those states move together, a shifted multiply-add per result,
// and only the states short of the cover are sized one by one. Hands that
// reach the win or loss limit are settled at once (the next check stops
// them whatever else holds); their final bankrolls are added up after the
// last hand, from the probability each bankroll played each sizing with
// over all hands (as far as memory allows; past that, hand by hand).
func (c *SessionChain) Run(s Study) (*SessionResult, error) {
	k := s.Book
	if err := checkBook(k); err != nil {
		return nil, err
	}
	if (k.Rules1 != nil || k.Rules2 != nil) && s.Policy == nil {
		return nil, &Omitted{Reason: "custom playing rules read session variables, so each state plays its own strategy"}
	}
	return onLattice(k, func(g int64) (*SessionResult, int64, error) { return c.run(s, g) })
}

// runGap is the longest stretch of empty bankrolls a run spans: a run
// multiplies its empty entries too, so sparse stretches (early hands,
// rare big wins) are cheaper state by state.
const runGap = 4

// maxCached bounds the sizings whose moves are kept per session state;
// sizings past it (bets reduced to many different amounts by the cover)
// are played state by state.
const maxCached = 16

// sizing is a hand's per-circle bet and bonus bet, cents, and the hand
// model its decisions give (Study.Policy; 0 without one).
type sizing struct {
	bet, bonus int64
	model      int32
}

// trans is a hand of one sizing from one session state: its outcomes, the
// moves merged by target session state and, for deferred stops, the
// probability each bankroll index played it with, over all hands so far.
type trans struct {
	sizing
	o      *outcomes
	moves  []move
	played []float64 // by bankroll index; nil unless stops are deferred
	lo, hi int       // the indices of played that are set
}

// move is a hand's results that lead to one session state: total nets in
// lattice steps, ascending, with their probabilities.
type move struct {
	t     int32
	delta []int
	prob  []float64
}

// mergeMoves merges the groups of o by their target mode, adding the
// probabilities of equal nets.
func mergeMoves(o *outcomes, targets []int32) []move {
	byT := map[int32]map[int]float64{}
	var order []int32
	for j, gr := range o.groups {
		t := targets[j]
		m := byT[t]
		if m == nil {
			m = map[int]float64{}
			byT[t] = m
			order = append(order, t)
		}
		for x, d := range gr.delta {
			m[d] += gr.prob[x]
		}
	}
	out := make([]move, 0, len(order))
	for _, t := range order {
		m := byT[t]
		mv := move{t: t, delta: make([]int, 0, len(m))}
		for d := range m {
			mv.delta = append(mv.delta, d)
		}
		slices.Sort(mv.delta)
		for _, d := range mv.delta {
			mv.prob = append(mv.prob, m[d])
		}
		out = append(out, mv)
	}
	return out
}

// peakKey is a target session state reached by a hand that raised the
// running peak: the target had the peak stayed, and the new peak.
type peakKey struct {
	t    int32
	peak int64
}

// betKey is a target session state of a book that reads the last bet: the
// mode before the hand, the hand's result class and its per-circle bet.
type betKey struct {
	m, cls int32
	bet    int64
}

// chain is one run's working state.
type chain struct {
	lattice
	c       *SessionChain
	s       Study
	k       *rulebook.Book
	replace bool
	// runs: states of one mode sized alike move together (the book reads
	// no peak); together: the states of one mode that cover the sizing it
	// gets with an unlimited bankroll all get it (BankrollFree).
	runs, together bool

	modes     []rulebook.State
	index     map[rulebook.State]int32
	targets   [][rulebook.NumClasses]int32 // by mode and result class, the target mode had the peak stayed; -1 not yet known
	betT      map[betKey]int32             // targets instead, when the book reads the last bet
	plain     bool                         // the book reads neither the last bet nor the peak: targets say all
	peakT     map[peakKey]int32
	cache     [][]*trans  // by mode, the sizings met, at most maxCached
	pend      [][]pending // by mode and bankroll index, stops settled after the last hand; nil: none
	pendCells int
	cur, next [][]float64
	curLo     []int
	curHi     []int
	nextLo    []int
	nextHi    []int
	final     []float64         // final bankrolls, dense up to denseFinal
	beyond    map[int][]float64 // final bankrolls past that (big wins past the win limit), in chunks of beyondChunk by i/beyondChunk
	size      int

	res        SessionResult
	players    float64
	live       float64
	liveStates int
	steps      int64
	finer      int64
	omitted    *Omitted
	err        error // a Policy's
}

func (ch *chain) intern(st rulebook.State) int32 {
	key := ch.k.Mode(st)
	if ch.replace {
		key.Hands = st.Hands
	}
	if m, ok := ch.index[key]; ok {
		return m
	}
	m := int32(len(ch.modes))
	ch.modes = append(ch.modes, key)
	ch.index[key] = m
	ch.targets = append(ch.targets, [rulebook.NumClasses]int32{})
	for c := range ch.targets[m] {
		ch.targets[m][c] = -1
	}
	ch.cache = append(ch.cache, nil)
	ch.pend = append(ch.pend, nil)
	ch.cur = append(ch.cur, make([]float64, ch.size))
	ch.next = append(ch.next, make([]float64, ch.size))
	ch.curLo, ch.curHi = append(ch.curLo, math.MaxInt), append(ch.curHi, -1)
	ch.nextLo, ch.nextHi = append(ch.nextLo, math.MaxInt), append(ch.nextHi, -1)
	ch.checkSize(len(ch.modes), ch.size)
	return m
}

// target returns the session state that state st of mode m reaches after a
// hand of class cls, sized st.Bet, that netted main and bonus and ended at
// bankroll index x. The target depends on the mode and class only, unless
// a rule reads the last bet (then on the bet too) or the running peak (then
// on whether the hand raised it, and to what).
func (ch *chain) target(m int32, st *rulebook.State, cls int, main, bonus int64, x int) int32 {
	if t := ch.targets[m][cls]; t >= 0 && ch.plain {
		return t
	}
	return ch.targetSlow(m, st, cls, main, bonus, x)
}

func (ch *chain) targetSlow(m int32, st *rulebook.State, cls int, main, bonus int64, x int) int32 {
	settle := func() int32 {
		st2 := *st
		ch.k.Settle(&st2, main, bonus)
		st2.Peak = st.Peak
		return ch.intern(st2)
	}
	var t int32
	if ch.betT != nil {
		key := betKey{m, int32(cls), st.Bet}
		var ok bool
		if t, ok = ch.betT[key]; !ok {
			t = settle()
			ch.betT[key] = t
		}
	} else if t = ch.targets[m][cls]; t < 0 {
		t = settle()
		ch.targets[m][cls] = t
	}
	if !ch.k.PeakRead() {
		return t
	}
	profit := int64(x)*ch.g - ch.k.Start
	if profit <= st.Peak {
		return t
	}
	pk := peakKey{t, profit}
	u, ok := ch.peakT[pk]
	if !ok {
		st2 := ch.modes[t]
		st2.Peak = profit
		u = ch.intern(st2)
		ch.peakT[pk] = u
	}
	return u
}

func (ch *chain) checkSize(modes, size int) {
	if n := int64(modes) * int64(size); n > MaxStates && ch.omitted == nil {
		ch.omitted = &Omitted{Reason: fmt.Sprintf("more than %d (session state, bankroll) states: %d session states × %d bankrolls on a %d-cent step", MaxStates, modes, size, ch.g), Count: n}
	}
}

// grow makes room for bankroll index need.
func (ch *chain) grow(need int) {
	if need < ch.size {
		return
	}
	n := max(2*ch.size, need+1)
	ch.checkSize(len(ch.modes), n)
	if ch.omitted != nil {
		return
	}
	for m := range ch.cur {
		ch.cur[m] = append(ch.cur[m], make([]float64, n-ch.size)...)
		ch.next[m] = append(ch.next[m], make([]float64, n-ch.size)...)
		for _, tr := range ch.cache[m] {
			if tr.played != nil {
				tr.played = append(tr.played, make([]float64, n-ch.size)...)
				ch.pendCells += n - ch.size
			}
		}
		if ch.pend[m] != nil {
			ch.pend[m] = append(ch.pend[m], make([]pending, n-ch.size)...)
			ch.pendCells += n - ch.size
		}
	}
	ch.size = n
	ch.growFinal(n - 1)
}

// denseFinal is how far past the live range final bankrolls are kept
// dense; rarer, bigger wins past the win limit are kept sparse.
func (ch *chain) denseFinal() int { return 2*ch.size + 1<<12 }

// growFinal makes room for final bankroll index i, reporting false when
// i is past the dense range.
func (ch *chain) growFinal(i int) bool {
	if i < len(ch.final) {
		return true
	}
	if i >= ch.denseFinal() {
		return false
	}
	ch.final = append(ch.final, make([]float64, min(max(i+1, 2*len(ch.final)), ch.denseFinal())-len(ch.final))...)
	return true
}

// beyondChunk is the length of the sparse final range's chunks.
const beyondChunk = 1024

// beyondAt returns the sparse final range from index i to the end of
// its chunk.
func (ch *chain) beyondAt(i int) []float64 {
	c := ch.beyond[i/beyondChunk]
	if c == nil {
		c = make([]float64, beyondChunk)
		ch.beyond[i/beyondChunk] = c
	}
	return c[i%beyondChunk:]
}

func (ch *chain) stop(reason rulebook.Stop, i int, p float64) {
	ch.res.Stop[reason] += p
	if ch.growFinal(i) {
		ch.final[i] += p
	} else {
		ch.beyondAt(i)[0] += p
	}
	ch.players += p
}

// stopRun stops, for reason, the states at indices lo…hi of a run starting
// at a (probabilities src) whose hand moved them d steps with probability q.
func (ch *chain) stopRun(reason rulebook.Stop, src []float64, a, lo, hi, d int, q float64) {
	if lo > hi {
		return
	}
	if !ch.growFinal(hi + d) {
		sum := 0.0
		for i := lo; i <= hi; {
			dst := ch.beyondAt(i + d)
			s := src[i-a : min(hi, i+len(dst)-1)-a+1]
			for k, p := range s {
				v := p * q
				dst[k] += v
				sum += v
			}
			i += len(s)
		}
		ch.res.Stop[reason] += sum
		ch.players += sum
		return
	}
	s := src[lo-a : hi-a+1]
	axpy(ch.final[lo+d:hi+d+1], s, q)
	sum := 0.0
	for _, p := range s {
		sum += p
	}
	sum *= q
	ch.res.Stop[reason] += sum
	ch.players += sum
}

// axpy adds q × x to y (of x's length): the chain's inner loop, unrolled.
func axpy(y, x []float64, q float64) {
	y = y[:len(x)]
	k := 0
	for ; k+4 <= len(x); k += 4 {
		y0, y1, y2, y3 := y[k]+q*x[k], y[k+1]+q*x[k+1], y[k+2]+q*x[k+2], y[k+3]+q*x[k+3]
		y[k], y[k+1], y[k+2], y[k+3] = y0, y1, y2, y3
	}
	for ; k < len(x); k++ {
		y[k] += q * x[k]
	}
}

// stopAll stops every state of mode m at indices lo…hi for reason.
func (ch *chain) stopAll(reason rulebook.Stop, m int, lo, hi int) {
	src := ch.cur[m][lo : hi+1]
	ch.stopRun(reason, src, lo, lo, hi, 0, 1)
	clear(src)
}

// transFor returns the cached moves of a hand sized z from mode m (st one
// of its states): nil when the lattice must be finer, or when the cache of
// m is full (the caller then plays state by state).
func (ch *chain) transFor(m int32, st *rulebook.State, z sizing) *trans {
	for _, tr := range ch.cache[m] {
		if tr.sizing == z {
			return tr
		}
	}
	if len(ch.cache[m]) >= maxCached {
		return nil
	}
	o, finer := ch.model(z.model).outcomes(ch.k, ch.g, z.bet, z.bonus)
	if finer != 0 {
		ch.finer = finer
		return nil
	}
	tr := &trans{sizing: z, o: o, lo: math.MaxInt, hi: -1}
	targets := make([]int32, len(o.groups))
	for j, gr := range o.groups {
		targets[j] = ch.target(m, st, rulebook.ResultClass(gr.main, gr.bonus), gr.main, gr.bonus, 0)
	}
	tr.moves = mergeMoves(o, targets)
	ch.cache[m] = append(ch.cache[m], tr)
	return tr
}

// addSteps counts n steps (multiply-adds of a probability) against the
// study's bound.
func (ch *chain) addSteps(n int) {
	ch.steps += int64(n)
	if bound := cmp.Or(ch.s.MaxSteps, MaxSteps); ch.steps > bound && ch.omitted == nil {
		ch.omitted = &Omitted{Reason: fmt.Sprintf("more than %d steps (multiply-adds of a state's probability)", bound), Count: ch.steps}
	}
}

// growFor makes room for the bankrolls a hand whose largest result is
// maxDelta steps can reach from indices up to hi. Live bankrolls stay below
// the win limit: results past it are settled at once, kept sparse.
func (ch *chain) growFor(maxDelta, hi int) {
	if ch.replace || ch.winIdx == math.MaxInt {
		ch.grow(hi + maxDelta)
	} else {
		ch.grow(min(hi+maxDelta, ch.winIdx))
	}
}

// playRun moves the states of mode m at bankroll indices a…b (their
// probabilities in ch.cur[m], zero where there is none), all sized as tr,
// through one hand into ch.next, and clears them. The targets of a hand's
// result classes do not depend on the bankroll (the book reads no peak),
// so each (target, result) moves the whole run as one shifted multiply-add.
// The results past a limit are only noted in tr.played (settleDeferred
// adds them up after the last hand) when there is room for it
// (maxPending); else they are settled at once.
func (ch *chain) playRun(m int32, a, b int, tr *trans) {
	src := ch.cur[m][a : b+1]
	n := 0
	for _, p := range src {
		if p != 0 {
			ch.live += p
			n++
		}
	}
	ch.liveStates += n
	o := tr.o
	if a+o.min < 0 {
		panic("exact: a hand's result takes the bankroll below zero") // the cover in Size prevents it
	}
	ch.growFor(o.max, b)
	if ch.omitted != nil {
		return
	}
	src = ch.cur[m][a : b+1] // grow may have moved it
	deferStops := true
	if tr.played == nil {
		if ch.replace || ch.pendCells+ch.size > maxPending {
			deferStops = false
		} else {
			tr.played = make([]float64, ch.size)
			ch.pendCells += ch.size
		}
	}
	if deferStops {
		dst := tr.played[a : b+1]
		for k, p := range src {
			dst[k] += p
		}
		tr.lo, tr.hi = min(tr.lo, a), max(tr.hi, b)
	}
	steps := b - a + 1
	if !deferStops {
		steps += n * o.steps // the stops, roughly
	}
	for j := range tr.moves {
		mv := &tr.moves[j]
		t := mv.t
		dst := ch.next[t]
		for x, d := range mv.delta {
			q := mv.prob[x]
			lo, hi := a, b // bankroll indices before the hand that stay live
			if !ch.replace {
				if ch.winIdx < math.MaxInt && hi+d >= ch.winIdx {
					if !deferStops {
						ch.stopRun(rulebook.StopWinLimit, src, a, max(lo, ch.winIdx-d), hi, d, q)
					}
					hi = min(hi, ch.winIdx-d-1)
				}
				if ch.lossIdx >= 0 && lo+d <= ch.lossIdx {
					if !deferStops {
						ch.stopRun(rulebook.StopLossLimit, src, a, lo, min(hi, ch.lossIdx-d), d, q)
					}
					lo = max(lo, ch.lossIdx-d+1)
				}
			}
			if lo > hi {
				continue
			}
			axpy(dst[lo+d:hi+d+1], src[lo-a:hi-a+1], q)
			steps += hi - lo + 1
			ch.nextLo[t] = min(ch.nextLo[t], lo+d)
			ch.nextHi[t] = max(ch.nextHi[t], hi+d)
		}
	}
	ch.addSteps(steps)
	clear(src)
}

// settleDeferred adds up the stops deferred by playRun: each bankroll
// index that played tr with total probability w stops at the win (loss)
// limit with probability w × q for each result of probability q that
// takes it there.
func (ch *chain) settleDeferred() {
	for m := range ch.cache {
		for _, tr := range ch.cache[m] {
			if tr.played == nil || tr.lo > tr.hi {
				continue
			}
			a, b := tr.lo, tr.hi
			src := tr.played[a : b+1]
			for j := range tr.moves {
				mv := &tr.moves[j]
				for x, d := range mv.delta {
					q := mv.prob[x]
					if ch.winIdx < math.MaxInt && b+d >= ch.winIdx {
						ch.stopRun(rulebook.StopWinLimit, src, a, max(a, ch.winIdx-d), b, d, q)
					}
					if ch.lossIdx >= 0 && a+d <= ch.lossIdx {
						ch.stopRun(rulebook.StopLossLimit, src, a, a, min(b, ch.lossIdx-d), d, q)
					}
				}
			}
		}
	}
}

// hand is one sizing's results read straight from its hand model's joint
// distribution: the per-circle bet in lattice steps and the bonus nets by
// category, with the largest total in lattice steps.
type hand struct {
	c        *SessionChain // the hand model
	betG     int64
	bonusNet [poker.NumCategories3]int64 // cents
	maxDelta int
}

// handFor returns the results of a hand sized z, or false (ch.finer set)
// when the lattice must be finer.
func (ch *chain) handFor(z sizing) (h hand, ok bool) {
	bet, bonus := z.bet, z.bonus
	k, g := ch.k, ch.g
	if bet%g != 0 {
		ch.finer = gcd(g, bet)
		return h, false
	}
	h = hand{c: ch.model(z.model), betG: bet / g}
	top := int64(0)
	if bonus > 0 {
		top = math.MinInt64
		for b := range h.bonusNet {
			x := k.Bonus.Net(poker.Category3(b), bonus, k.Bonus.StartMicro)
			if x%g != 0 {
				ch.finer = gcd(g, x)
				return h, false
			}
			h.bonusNet[b] = x
			top = max(top, x/g)
		}
	}
	h.maxDelta = int(h.c.maxUnits*h.betG + top)
	return h, true
}

// pending is a bankroll index's mass whose stops at a limit are settled
// after the last hand, and the sizing it played.
type pending struct {
	p float64
	z sizing
}

// maxPending bounds the bankroll cells that keep deferred stops (pending
// ones, and the played arrays of runs); past it stops are settled as they
// happen.
const maxPending = MaxStates / 2

// pendingFor returns mode m's pending stops, nil when there is no room.
func (ch *chain) pendingFor(m int32) []pending {
	if ch.replace {
		return nil
	}
	if ch.pend[m] == nil && ch.pendCells+ch.size <= maxPending {
		ch.pend[m] = make([]pending, ch.size)
		ch.pendCells += ch.size
	}
	return ch.pend[m]
}

// playOne moves probability p of state st (mode m, bankroll index i), sized
// bet and bonus, through one hand into ch.next, straight from the hand's
// joint distribution. The results that stop the session at a limit are
// noted in ch.pend (settlePending adds them up after the last hand; a
// bankroll index that plays another sizing meanwhile settles its old one
// first), or settled at once when there is no room for that.
func (ch *chain) playOne(m int32, st *rulebook.State, i int, p float64, z sizing) {
	h, ok := ch.handFor(z)
	if !ok {
		return
	}
	c := h.c
	ch.live += p
	ch.liveStates++
	ch.addSteps(c.entries)
	ch.growFor(h.maxDelta, i)
	if ch.omitted != nil {
		return
	}
	pend := ch.pendingFor(m)
	if pend != nil {
		pd := &pend[i]
		if pd.p != 0 && pd.z != z {
			ch.settleOne(i, pd.p, ch.handOf(pd))
			pd.p = 0
		}
		pd.p += p
		pd.z = z
	}
	for b := range c.units {
		bn := h.bonusNet[b]
		bnG := int(bn / ch.g)
		probs := c.probs[b]
		for j, u := range c.units[b] {
			x := i + int(u*h.betG) + bnG
			if x < 0 {
				panic("exact: a hand's result takes the bankroll below zero") // the cover in Size prevents it
			}
			if !ch.replace && (x >= ch.winIdx || x <= ch.lossIdx) {
				if pend == nil {
					ch.stopAt(x, p*probs[j])
				}
				continue
			}
			main := u * z.bet
			t := ch.target(m, st, rulebook.ResultClass(main, bn), main, bn, x)
			ch.next[t][x] += p * probs[j]
			ch.nextLo[t] = min(ch.nextLo[t], x)
			ch.nextHi[t] = max(ch.nextHi[t], x)
		}
	}
}

// handOf returns the hand a pending cell played (its lattice was checked
// when it did).
func (ch *chain) handOf(pd *pending) hand {
	h, _ := ch.handFor(pd.z)
	return h
}

// stopAt stops probability q at bankroll index x, past the win or the loss
// limit.
func (ch *chain) stopAt(x int, q float64) {
	if x >= ch.winIdx {
		ch.stop(rulebook.StopWinLimit, x, q)
	} else {
		ch.stop(rulebook.StopLossLimit, x, q)
	}
}

// settleOne settles the stops of probability p at bankroll index i played
// as h: each result that takes it to a limit.
func (ch *chain) settleOne(i int, p float64, h hand) {
	c := h.c
	for b := range c.units {
		bnG := int(h.bonusNet[b] / ch.g)
		for j, u := range c.units[b] {
			if x := i + int(u*h.betG) + bnG; x >= ch.winIdx || x <= ch.lossIdx {
				ch.stopAt(x, p*c.probs[b][j])
			}
		}
	}
}

// settlePending settles every pending stop (see playOne).
func (ch *chain) settlePending() {
	for _, pend := range ch.pend {
		for i := range pend {
			if pd := &pend[i]; pd.p != 0 {
				ch.settleOne(i, pd.p, ch.handOf(pd))
			}
		}
	}
}

// unlimited is the bankroll a state is sized with to find the sizing every
// bankroll that covers it gets (rulebook.Book.BankrollFree).
const unlimited = math.MaxInt64 / 4

// modePlan is how one hand sizes the live states of one mode.
type modePlan struct {
	m     int32
	layer int64
	// inside: every live state lies strictly between the money limits
	// (hands that reach one are settled at once). It holds on a table that
	// does not replace players; a table that does keeps a result past a
	// limit live until the player's next check, so there it is false.
	inside     bool
	allStop    rulebook.Stop // the condition on hands every state meets, if allStopped
	allStopped bool
	// The states from bankroll index coverIdx on take sizing z0, the sizing
	// of st0 (the mode with an unlimited bankroll): no sizer reads the
	// bankroll, and theirs covers it. MaxInt: each state is sized alone.
	coverIdx int
	st0      rulebook.State
	z0       sizing
}

// planMode returns the plan of mode m, whose live states lie at bankroll
// indices lo…hi, for hand layer+1 (handsStop, handsStopped as in
// playMode).
func (ch *chain) planMode(m int32, lo, hi int, layer int64, handsStop rulebook.Stop, handsStopped bool, sc *rulebook.Scratch) modePlan {
	pl := modePlan{m: m, layer: layer, coverIdx: math.MaxInt,
		inside: !ch.replace && ch.lossIdx < lo && hi < ch.winIdx}
	if pl.inside && handsStopped {
		pl.allStop, pl.allStopped = handsStop, true
		return pl
	}
	if pl.inside && ch.together {
		pl.st0 = ch.modes[m]
		pl.st0.Hands, pl.st0.Bankroll = layer, unlimited
		if bet, bonus, _, stopped := ch.k.Size(&pl.st0, sc); !stopped {
			pl.z0 = sizing{bet: bet, bonus: bonus}
			pl.coverIdx = int((rulebook.Cover(bet, bonus) + ch.g - 1) / ch.g)
		}
	}
	return pl
}

// sizeAt fills st with the state of the plan's mode at bankroll index i
// before the hand, of probability p, and returns its sizing, or the reason
// it stops.
func (ch *chain) sizeAt(pl *modePlan, i int, p float64, st *rulebook.State, sc *rulebook.Scratch) (sizing, rulebook.Stop, bool) {
	if i >= pl.coverIdx {
		*st = pl.st0
		st.Bankroll = int64(i) * ch.g
		return pl.z0, 0, false
	}
	*st = ch.modes[pl.m]
	st.Bankroll = int64(i) * ch.g
	if !ch.replace {
		st.Hands = pl.layer
	}
	bet, bonus, reason, stopped := ch.k.Prepare(st, sc)
	if stopped {
		return sizing{}, reason, true
	}
	return ch.decide(st, bet, bonus, p), 0, false
}

// decide returns the sizing of state st, of probability p, whose rules
// sized its hand bet and bonus: the hand model and the bonus bet the
// study's Policy plays there (Study.Visit sees the state first). A policy's
// error ends the chain (ch.err).
func (ch *chain) decide(st *rulebook.State, bet, bonus int64, p float64) sizing {
	if ch.s.Visit != nil {
		ch.s.Visit(st, bonus, p)
	}
	z := sizing{bet: bet, bonus: bonus}
	if ch.s.Policy != nil {
		var err error
		if z.model, z.bonus, err = ch.s.Policy.Play(st, bet, bonus); err != nil && ch.err == nil {
			ch.err = err
		}
	}
	return z
}

// model returns hand model m: the study's Policy's, or the chain's own.
func (ch *chain) model(m int32) *SessionChain {
	if ch.s.Policy != nil {
		return ch.s.Policy.Model(m)
	}
	return ch.c
}

// playMode moves the live states of mode m through hand layer+1 (or
// stops them). handsStop is the condition on hands the layer meets, if
// handsStopped; a stopped player's mass
// on a replace-mode table is added to freshMass (a new player sits down).
func (ch *chain) playMode(m int32, layer int64, handsStop rulebook.Stop, handsStopped bool, sc *rulebook.Scratch, freshMass *float64) {
	lo, hi := ch.curLo[m], ch.curHi[m]
	ch.curLo[m], ch.curHi[m] = math.MaxInt, -1
	if lo > hi {
		return
	}
	// cur is re-read after every hand played: growing the lattice (grow)
	// moves ch.cur[m], and a stale cur would clear the old array, leaving
	// the played mass in the new one to be played again.
	cur := ch.cur[m]
	pl := ch.planMode(m, lo, hi, layer, handsStop, handsStopped, sc)
	switch {
	case pl.inside && layer >= MaxChainHands:
		for i := lo; i <= hi; i++ {
			ch.res.Unfinished += cur[i]
			ch.final[i] += cur[i]
		}
		clear(cur[lo : hi+1])
		return
	case pl.allStopped:
		ch.stopAll(pl.allStop, int(m), lo, hi)
		return
	}
	coverIdx := pl.coverIdx
	var tr0 *trans
	// A run: playable states a…b of this mode sized z, runSt the first.
	a, b := -1, -1
	var z sizing
	var runSt rulebook.State
	flush := func() {
		if a < 0 {
			return
		}
		var tr *trans
		if b > a {
			tr = ch.transFor(m, &runSt, z)
		}
		switch {
		case tr != nil:
			ch.playRun(m, a, b, tr)
			cur = ch.cur[m]
		case ch.finer == 0:
			for i := a; i <= b && !ch.failed(); i++ {
				if p := cur[i]; p != 0 {
					cur[i] = 0
					ch.playOne(m, &runSt, i, p, z)
					cur = ch.cur[m]
				}
			}
		}
		a = -1
	}
	var st rulebook.State // one, reused: Prepare takes its address
	for i := lo; i <= hi && !ch.failed(); i++ {
		p := cur[i]
		if p == 0 {
			continue
		}
		if p < Negligible {
			cur[i] = 0
			ch.res.Truncated += p
			continue
		}
		if i >= coverIdx {
			if tr0 == nil {
				flush()
				if tr0 = ch.transFor(m, &pl.st0, pl.z0); tr0 == nil {
					coverIdx = math.MaxInt // the lattice is finer, or the cache is full
					i--
					continue
				}
				a, b = i, i
				continue
			}
			if i-b > runGap {
				ch.playRun(m, a, b, tr0)
				cur = ch.cur[m]
				a = i
			}
			b = i
			continue
		}
		if ch.replace && layer == ch.s.TableRounds {
			cur[i] = 0
			ch.stop(rulebook.StopTableClosed, i, p)
			continue
		}
		if layer >= MaxChainHands {
			cur[i] = 0
			ch.res.Unfinished += p
			ch.final[i] += p
			continue
		}
		zi, reason, stopped := ch.sizeAt(&pl, i, p, &st, sc)
		if stopped {
			cur[i] = 0
			ch.stop(reason, i, p)
			if ch.replace {
				*freshMass += p
			}
			continue
		}
		if ch.failed() {
			break
		}
		if ch.runs {
			if a >= 0 && zi == z && i-b <= runGap {
				b = i
				continue
			}
			flush()
			a, b, z, runSt = i, i, zi, st
			continue
		}
		cur[i] = 0
		ch.playOne(m, &st, i, p, zi)
		cur = ch.cur[m]
	}
	if ch.failed() {
		return
	}
	if tr0 != nil {
		if a >= 0 {
			ch.playRun(m, a, b, tr0)
		}
		return
	}
	flush()
}

func (ch *chain) failed() bool { return ch.finer != 0 || ch.omitted != nil || ch.err != nil }

// newChain returns a chain for study s on lattice g, holding nothing yet.
func (c *SessionChain) newChain(s Study, g int64) *chain {
	k := s.Book
	ch := &chain{c: c, s: s, k: k, lattice: newLattice(k, g), replace: s.TableRounds > 0,
		index: map[rulebook.State]int32{}, peakT: map[peakKey]int32{}, beyond: map[int][]float64{}}
	if k.Reads.Has(rules.LastBet) {
		ch.betT = map[betKey]int32{}
	}
	ch.plain = ch.betT == nil && !k.PeakRead()
	// Runs: without a peak read, the state after a hand depends on its
	// result class only, so states of one mode sized alike move together.
	ch.runs = !k.PeakRead()
	// together: the states of one mode that cover the sizing it gets with
	// an unlimited bankroll all get that sizing.
	ch.together = ch.runs && k.BankrollFree() && !ch.replace && s.Policy == nil && s.Visit == nil
	ch.size = ch.startIdx + 1
	if ch.winIdx < math.MaxInt {
		ch.size = ch.winIdx + 1
	}
	ch.size += ch.size / 2
	ch.final = make([]float64, ch.size)
	return ch
}

func (c *SessionChain) run(s Study, g int64) (*SessionResult, int64, error) {
	k := s.Book
	ch := c.newChain(s, g)
	layers := maxHands(k)
	if ch.replace {
		layers = s.TableRounds
	}
	var sc rulebook.Scratch
	fresh := k.NewState()
	freshMode := ch.intern(fresh)
	ch.cur[freshMode][ch.startIdx] = 1
	ch.curLo[freshMode], ch.curHi[freshMode] = ch.startIdx, ch.startIdx
	for layer := int64(0); ; layer++ {
		if s.Progress != nil {
			s.Progress(layer, layers)
		}
		ch.live, ch.liveStates = 0, 0
		freshMass := 0.0
		handsStop, handsStopped := k.CheckHands(layer)
		for m := 0; m < len(ch.modes) && !ch.failed(); m++ {
			ch.playMode(int32(m), layer, handsStop, handsStopped, &sc, &freshMass)
		}
		if freshMass > 0 && !ch.failed() {
			st := fresh
			bet, bonus, reason, stopped := k.Prepare(&st, &sc)
			if stopped {
				return nil, 0, fmt.Errorf("exact: a fresh player cannot play (%s)", reason) // validation prevents it
			}
			if z := ch.decide(&st, bet, bonus, freshMass); ch.err == nil {
				ch.playOne(freshMode, &st, ch.startIdx, freshMass, z)
			}
		}
		switch {
		case ch.err != nil:
			return nil, 0, ch.err
		case ch.finer != 0:
			return nil, ch.finer, nil
		case ch.omitted != nil:
			return nil, 0, ch.omitted
		}
		ch.res.States = max(ch.res.States, ch.liveStates)
		ch.res.ExpectedHands += ch.live
		if ch.live == 0 {
			break
		}
		ch.cur, ch.next = ch.next, ch.cur
		ch.curLo, ch.nextLo = ch.nextLo, ch.curLo
		ch.curHi, ch.nextHi = ch.nextHi, ch.curHi
	}
	ch.settleDeferred()
	ch.settlePending()
	if s.Progress != nil {
		s.Progress(layers, layers)
	}
	res := &ch.res
	res.Start = k.Start
	res.Modes = len(ch.modes)
	res.Steps = ch.steps
	res.Players = 1
	if ch.replace {
		res.Players = ch.players
		for r := range res.Stop {
			res.Stop[r] /= ch.players
		}
		res.ExpectedHands /= ch.players
		res.Truncated /= ch.players
	}
	idx := make([]int, 0, len(ch.beyond))
	for c, ps := range ch.beyond {
		for x, p := range ps {
			if i := c*beyondChunk + x; p != 0 && i < len(ch.final) { // the dense range grew past it
				ch.final[i] += p
				ps[x] = 0
			}
		}
		idx = append(idx, c)
	}
	slices.Sort(idx)
	point := func(i int, p float64) {
		if p == 0 {
			return
		}
		if ch.replace {
			p /= ch.players
		}
		x := int64(i) * g
		res.Final = append(res.Final, BankrollProb{x, p})
		res.ExpectedProfit += p * float64(x-k.Start)
		switch {
		case x > k.Start:
			res.PWin += p
		case x == k.Start:
			res.PPush += p
		default:
			res.PLoss += p
		}
	}
	for i, p := range ch.final {
		point(i, p)
	}
	for _, c := range idx {
		for x, p := range ch.beyond[c] {
			point(c*beyondChunk+x, p)
		}
	}
	return res, 0, nil
}

// checkBook refuses a rulebook no chain over its states can follow.
func checkBook(k *rulebook.Book) error {
	switch {
	case k.Base <= 0:
		return fmt.Errorf("base bet %d cents: must be positive", k.Base)
	case !k.Bonus.FixedJackpot():
		return &Omitted{Reason: "the progressive jackpot grows with every bonus bet, so its size is part of the session's state, without bound"}
	}
	return nil
}
