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
	switch {
	case k.Base <= 0:
		return nil, fmt.Errorf("base bet %d cents: must be positive", k.Base)
	case !k.Bonus.FixedJackpot():
		return nil, &Omitted{Reason: "the progressive jackpot grows with every bonus bet, so its size is part of the session's state, without bound"}
	case k.Rules1 != nil || k.Rules2 != nil:
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

type transKey struct {
	mode       int32
	bet, bonus int64
}

type trans struct {
	o       *outcomes
	targets []int32 // by group; nil when the target depends on the amount
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
	final      []float64
	beyond     map[int]float64 // final bankrolls at or past size (won past the win limit)
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
	ch.final = append(ch.final, make([]float64, n-ch.size)...)
	ch.size = n
}

func (ch *chain) stop(reason rulebook.Stop, i int, p float64) {
	ch.res.Stop[reason] += p
	if i < len(ch.final) {
		ch.final[i] += p
	} else {
		ch.beyond[i] += p
	}
	ch.players += p
}

// play moves probability p of state st (mode m, bankroll index i), sized
// bet and bonus, through one hand into ch.next.
func (ch *chain) play(m int32, st *rulebook.State, i int, p float64, bet, bonus int64) {
	ch.live += p
	ch.liveStates++
	k := ch.k
	key := transKey{m, bet, bonus}
	tr := ch.transCache[key]
	if tr == nil {
		o, finer := ch.c.outcomes(k, ch.g, bet, bonus)
		if finer != 0 {
			ch.finer = finer
			return
		}
		tr = &trans{o: o}
		if !k.PeakRead() {
			tr.targets = make([]int32, len(o.groups))
			for j := range o.groups {
				st2 := *st
				k.Settle(&st2, o.groups[j].main, o.groups[j].bonus)
				tr.targets[j] = ch.intern(st2)
			}
		}
		ch.transCache[key] = tr
	}
	o := tr.o
	ch.steps += int64(o.steps)
	if ch.steps > MaxSteps && ch.omitted == nil {
		ch.omitted = &Omitted{Reason: fmt.Sprintf("more than %d steps (hand outcomes from states)", int64(MaxSteps)), Count: ch.steps}
	}
	if i+o.min < 0 {
		panic("exact: a hand's result takes the bankroll below zero") // Prepare's cover prevents it
	}
	// Live bankrolls stay below the win limit: results past it are
	// settled at once (below), kept sparse.
	if ch.replace || ch.winIdx == math.MaxInt {
		ch.grow(i + o.max)
	} else {
		ch.grow(min(i+o.max, ch.winIdx))
	}
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
		index: map[rulebook.State]int32{}, transCache: map[transKey]*trans{}, beyond: map[int]float64{},
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
			for i := lo; i <= hi; i++ {
				p := ch.cur[m][i]
				if p == 0 {
					continue
				}
				ch.cur[m][i] = 0
				if p < Negligible {
					ch.res.Truncated += p
					continue
				}
				st := ch.modes[m]
				st.Bankroll = int64(i) * g
				if !ch.replace {
					st.Hands = layer
				}
				if ch.replace && layer == s.TableRounds {
					ch.stop(rulebook.StopTableClosed, i, p)
					continue
				}
				if layer >= MaxChainHands {
					ch.res.Unfinished += p
					ch.final[i] += p
					continue
				}
				bet, bonus, reason, stopped := k.Prepare(&st, &sc)
				if stopped {
					ch.stop(reason, i, p)
					if ch.replace {
						freshMass += p
					}
					continue
				}
				ch.play(int32(m), &st, i, p, bet, bonus)
				if ch.finer != 0 {
					return nil, ch.finer, nil
				}
				if ch.omitted != nil {
					return nil, 0, ch.omitted
				}
			}
		}
		if freshMass > 0 {
			st := fresh
			bet, bonus, reason, stopped := k.Prepare(&st, &sc)
			if stopped {
				return nil, 0, fmt.Errorf("exact: a fresh player cannot play (%s)", reason) // validation prevents it
			}
			ch.play(freshMode, &st, startIdx, freshMass, bet, bonus)
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
	for i := range ch.beyond {
		idx = append(idx, i)
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
	for _, i := range idx {
		point(i, ch.beyond[i])
	}
	return res, 0, nil
}
