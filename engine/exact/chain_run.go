package exact

import (
	"fmt"
	"math"
	"slices"

	"github.com/lir-lab/lir/engine/rulebook"
)

// Run computes the study's exact outcome distribution by stepping its
// rulebook over every reachable state: a forward chain, hand by hand, over
// (session state, bankroll), where the session state is what the rulebook
// can still read (betting and bonus progressions, streaks, the running peak
// when a rule reads it — rulebook.Book.Mode) and the bankroll lives on the
// coarsest lattice of cents every reachable bankroll is a multiple of
// (found as the chain runs: a finer step restarts it). States after hands
// of one result class (signs of the main and total nets) share their
// session state, so each (state, sizing) costs one Settle per class and one
// multiply-add per outcome. Hands that reach the win or loss limit are
// settled at once (the next check stops them whatever else holds).
func (c *SessionChain) Run(s Study) (*SessionResult, error) {
	k := s.Book
	if err := checkBook(k); err != nil {
		return nil, err
	}
	if (k.Rules1 != nil || k.Rules2 != nil) && s.Policy == nil {
		return nil, &Omitted{Reason: "custom playing rules read session variables, so each state plays its own strategy"}
	}
	g := gcd(k.Start, k.Base)
	for {
		res, finer, err := c.run(s, g)
		if err != nil {
			return nil, err
		}
		if finer == 0 {
			return res, nil
		}
		g = finer
	}
}

// runGap is the longest stretch of empty bankrolls a run spans: a run
// multiplies its empty entries too, so sparse stretches (early hands,
// rare big wins) are cheaper state by state.
const runGap = 4

type transKey struct {
	mode, model int32
	bet, bonus  int64
}

type trans struct {
	o       *outcomes
	targets []int32 // by group; nil when the target depends on the amount
	moves   []move  // the groups merged by target (when targets are set)
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

// chain is one run's working state.
type chain struct {
	c       *SessionChain
	s       Study
	k       *rulebook.Book
	g       int64
	replace bool

	modes      []rulebook.State
	index      map[rulebook.State]int32
	cur, next  [][]float64
	curLo      []int
	curHi      []int
	nextLo     []int
	nextHi     []int
	final      []float64         // final bankrolls, dense up to denseFinal
	beyond     map[int][]float64 // final bankrolls past that (big wins past the win limit), in chunks of beyondChunk by i/beyondChunk
	size       int
	transCache map[transKey]*trans

	winIdx, lossIdx int
	res             SessionResult
	players         float64
	live            float64
	liveStates      int
	steps           int64
	finer           int64
	omitted         *Omitted
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
	ch.cur = append(ch.cur, make([]float64, ch.size))
	ch.next = append(ch.next, make([]float64, ch.size))
	ch.curLo, ch.curHi = append(ch.curLo, math.MaxInt), append(ch.curHi, -1)
	ch.nextLo, ch.nextHi = append(ch.nextLo, math.MaxInt), append(ch.nextHi, -1)
	ch.checkSize(len(ch.modes), ch.size)
	return m
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
	s, dst := src[lo-a:hi-a+1], ch.final[lo+d:hi+d+1]
	sum := 0.0
	for k, p := range s {
		v := p * q
		dst[k] += v
		sum += v
	}
	ch.res.Stop[reason] += sum
	ch.players += sum
}

// transFor returns the moves of a hand sized bet and bonus from mode m
// (st one of its states) under hand model model, or nil when the lattice
// must be finer.
func (ch *chain) transFor(m int32, st *rulebook.State, model int32, bet, bonus int64) *trans {
	k := ch.k
	key := transKey{m, model, bet, bonus}
	tr := ch.transCache[key]
	if tr == nil {
		hm := ch.c
		if ch.s.Policy != nil {
			hm = ch.s.Policy.Model(model)
		}
		o, finer := hm.outcomes(k, ch.g, bet, bonus)
		if finer != 0 {
			ch.finer = finer
			return nil
		}
		tr = &trans{o: o}
		if !k.PeakRead() {
			tr.targets = make([]int32, len(o.groups))
			for j := range o.groups {
				st2 := *st
				k.Settle(&st2, o.groups[j].main, o.groups[j].bonus)
				tr.targets[j] = ch.intern(st2)
			}
			tr.moves = mergeMoves(o, tr.targets)
		}
		ch.transCache[key] = tr
	}
	return tr
}

// addSteps counts n states' hand outcomes against MaxSteps.
func (ch *chain) addSteps(o *outcomes, n int) {
	ch.steps += int64(o.steps) * int64(n)
	if ch.steps > MaxSteps && ch.omitted == nil {
		ch.omitted = &Omitted{Reason: fmt.Sprintf("more than %d steps (hand outcomes from states)", int64(MaxSteps)), Count: ch.steps}
	}
}

// growFor makes room for the bankrolls a hand can reach from indices
// up to hi. Live bankrolls stay below the win limit: results past it are
// settled at once, kept sparse.
func (ch *chain) growFor(o *outcomes, hi int) {
	if ch.replace || ch.winIdx == math.MaxInt {
		ch.grow(hi + o.max)
	} else {
		ch.grow(min(hi+o.max, ch.winIdx))
	}
}

// playRun moves the states of mode m at bankroll indices a…b (their
// probabilities in ch.cur[m], zero where there is none), all sized bet and
// bonus, through one hand into ch.next, and clears them. st is one of the
// states; the targets of a hand's result classes do not depend on the
// bankroll (the book reads no peak), so each (class, outcome) moves the
// whole run as one shifted multiply-add.
func (ch *chain) playRun(m int32, st *rulebook.State, a, b int, model int32, bet, bonus int64) {
	src := ch.cur[m][a : b+1]
	n := 0
	for _, p := range src {
		if p != 0 {
			ch.live += p
			n++
		}
	}
	ch.liveStates += n
	tr := ch.transFor(m, st, model, bet, bonus)
	if tr == nil {
		return
	}
	o := tr.o
	ch.addSteps(o, n)
	if a+o.min < 0 {
		panic("exact: a hand's result takes the bankroll below zero") // Prepare's cover prevents it
	}
	ch.growFor(o, b)
	if ch.omitted != nil {
		return
	}
	src = ch.cur[m][a : b+1] // grow may have moved it
	for j := range tr.moves {
		mv := &tr.moves[j]
		t := mv.t
		dst := ch.next[t]
		for x, d := range mv.delta {
			q := mv.prob[x]
			lo, hi := a, b // bankroll indices before the hand that stay live
			if !ch.replace {
				if ch.winIdx < math.MaxInt && hi+d >= ch.winIdx {
					ch.stopRun(rulebook.StopWinLimit, src, a, max(lo, ch.winIdx-d), hi, d, q)
					hi = min(hi, ch.winIdx-d-1)
				}
				if ch.lossIdx >= 0 && lo+d <= ch.lossIdx {
					ch.stopRun(rulebook.StopLossLimit, src, a, lo, min(hi, ch.lossIdx-d), d, q)
					lo = max(lo, ch.lossIdx-d+1)
				}
			}
			if lo > hi {
				continue
			}
			s, dd := src[lo-a:hi-a+1], dst[lo+d:hi+d+1]
			for k, p := range s {
				dd[k] += p * q
			}
			ch.nextLo[t] = min(ch.nextLo[t], lo+d)
			ch.nextHi[t] = max(ch.nextHi[t], hi+d)
		}
	}
	clear(src)
}

// play moves probability p of state st (mode m, bankroll index i), sized
// bet and bonus, through one hand into ch.next.
func (ch *chain) play(m int32, st *rulebook.State, i int, p float64, model int32, bet, bonus int64) {
	ch.live += p
	ch.liveStates++
	k := ch.k
	tr := ch.transFor(m, st, model, bet, bonus)
	if tr == nil {
		return
	}
	o := tr.o
	ch.addSteps(o, 1)
	if i+o.min < 0 {
		panic("exact: a hand's result takes the bankroll below zero") // Prepare's cover prevents it
	}
	ch.growFor(o, i)
	if ch.omitted != nil {
		return
	}
	for j := range o.groups {
		gr := &o.groups[j]
		lo, hi := 0, len(gr.delta)
		if !ch.replace {
			if ch.winIdx < math.MaxInt {
				cut, _ := slices.BinarySearch(gr.delta, ch.winIdx-i)
				for x := cut; x < hi; x++ {
					ch.stop(rulebook.StopWinLimit, i+gr.delta[x], p*gr.prob[x])
				}
				hi = cut
			}
			if ch.lossIdx >= 0 {
				cut, _ := slices.BinarySearch(gr.delta, ch.lossIdx-i+1)
				cut = min(cut, hi)
				for x := lo; x < cut; x++ {
					ch.stop(rulebook.StopLossLimit, i+gr.delta[x], p*gr.prob[x])
				}
				lo = cut
			}
		}
		if lo >= hi {
			continue
		}
		if tr.targets == nil {
			for x := lo; x < hi; x++ {
				st2 := *st
				k.Settle(&st2, gr.main, gr.bonus)
				st2.Bankroll = int64(i+gr.delta[x]) * ch.g
				st2.Peak = max(st.Peak, st2.Bankroll-k.Start)
				t := ch.intern(st2)
				ch.add(t, i+gr.delta[x], p*gr.prob[x])
			}
			continue
		}
		t := tr.targets[j]
		dst := ch.next[t]
		for x := lo; x < hi; x++ {
			dst[i+gr.delta[x]] += p * gr.prob[x]
		}
		ch.nextLo[t] = min(ch.nextLo[t], i+gr.delta[lo])
		ch.nextHi[t] = max(ch.nextHi[t], i+gr.delta[hi-1])
	}
}

func (ch *chain) add(t int32, i int, q float64) {
	ch.next[t][i] += q
	ch.nextLo[t] = min(ch.nextLo[t], i)
	ch.nextHi[t] = max(ch.nextHi[t], i)
}

func (c *SessionChain) run(s Study, g int64) (*SessionResult, int64, error) {
	k := s.Book
	ch := &chain{c: c, s: s, k: k, g: g, replace: s.TableRounds > 0,
		index: map[rulebook.State]int32{}, transCache: map[transKey]*trans{}, beyond: map[int][]float64{},
		winIdx: math.MaxInt, lossIdx: -1}
	startIdx := int(k.Start / g)
	ch.size = startIdx + 1
	if k.WinLimit < rulebook.NoLimit-k.Start {
		ch.winIdx = int((k.Start + k.WinLimit + g - 1) / g)
		ch.size = ch.winIdx + 1
	}
	if k.LossLimit <= k.Start {
		ch.lossIdx = int((k.Start - k.LossLimit) / g)
	}
	ch.size += ch.size / 2
	ch.final = make([]float64, ch.size)
	layers := min(k.HandsCap, k.DurationCap, MaxChainHands)
	if ch.replace {
		layers = s.TableRounds
	}
	var sc rulebook.Scratch
	var st rulebook.State // one, reused: Prepare takes its address
	// Without a peak read, the state after a hand depends on its result
	// class only, so states of one mode sized alike move as runs.
	runs := !k.PeakRead()
	fresh := k.NewState()
	freshMode := ch.intern(fresh)
	ch.cur[freshMode][startIdx] = 1
	ch.curLo[freshMode], ch.curHi[freshMode] = startIdx, startIdx
	for layer := int64(0); ; layer++ {
		if s.Progress != nil {
			s.Progress(layer, layers)
		}
		ch.live, ch.liveStates = 0, 0
		freshMass := 0.0
		for m := 0; m < len(ch.modes); m++ {
			lo, hi := ch.curLo[m], ch.curHi[m]
			ch.curLo[m], ch.curHi[m] = math.MaxInt, -1
			// A run: playable states a…b of this mode sized alike
			// (runSt the first), moved together by playRun.
			a, b := -1, -1
			var runSt rulebook.State
			var runBet, runBonus int64
			var runModel int32
			flush := func() bool {
				if a < 0 {
					return true
				}
				ch.playRun(int32(m), &runSt, a, b, runModel, runBet, runBonus)
				a = -1
				return ch.finer == 0 && ch.omitted == nil
			}
			for i := lo; i <= hi; i++ {
				p := ch.cur[m][i]
				if p == 0 {
					continue
				}
				if p < Negligible {
					ch.cur[m][i] = 0
					ch.res.Truncated += p
					continue
				}
				st = ch.modes[m]
				st.Bankroll = int64(i) * g
				if !ch.replace {
					st.Hands = layer
				}
				if ch.replace && layer == s.TableRounds {
					ch.cur[m][i] = 0
					ch.stop(rulebook.StopTableClosed, i, p)
					continue
				}
				if layer >= MaxChainHands {
					ch.cur[m][i] = 0
					ch.res.Unfinished += p
					ch.final[i] += p
					continue
				}
				bet, bonus, reason, stopped := k.Prepare(&st, &sc)
				if stopped {
					ch.cur[m][i] = 0
					ch.stop(reason, i, p)
					if ch.replace {
						freshMass += p
					}
					continue
				}
				if s.Visit != nil {
					s.Visit(&st, bonus, p)
				}
				var model int32
				if s.Policy != nil {
					var err error
					if model, bonus, err = s.Policy.Play(&st, bet, bonus); err != nil {
						return nil, 0, err
					}
				}
				if runs {
					if a >= 0 && bet == runBet && bonus == runBonus && model == runModel && i-b <= runGap {
						b = i
						continue
					}
					if !flush() {
						break
					}
					a, b, runSt, runModel, runBet, runBonus = i, i, st, model, bet, bonus
					continue
				}
				ch.cur[m][i] = 0
				ch.play(int32(m), &st, i, p, model, bet, bonus)
				if ch.finer != 0 || ch.omitted != nil {
					break
				}
			}
			if runs {
				flush()
			}
			if ch.finer != 0 {
				return nil, ch.finer, nil
			}
			if ch.omitted != nil {
				return nil, 0, ch.omitted
			}
		}
		if freshMass > 0 {
			st := fresh
			bet, bonus, reason, stopped := k.Prepare(&st, &sc)
			if stopped {
				return nil, 0, fmt.Errorf("exact: a fresh player cannot play (%s)", reason) // validation prevents it
			}
			if s.Visit != nil {
				s.Visit(&st, bonus, freshMass)
			}
			var model int32
			if s.Policy != nil {
				var err error
				if model, bonus, err = s.Policy.Play(&st, bet, bonus); err != nil {
					return nil, 0, err
				}
			}
			ch.play(freshMode, &st, startIdx, freshMass, model, bet, bonus)
			if ch.finer != 0 {
				return nil, ch.finer, nil
			}
			if ch.omitted != nil {
				return nil, 0, ch.omitted
			}
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
	if s.Progress != nil {
		s.Progress(layers, layers)
	}
	res := &ch.res
	res.Start = k.Start
	res.Modes = len(ch.modes)
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
