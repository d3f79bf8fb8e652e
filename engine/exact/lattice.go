package exact

import (
	"math"

	"github.com/lir-lab/lir/engine/rulebook"
)

// lattice is the bankroll lattice one chain or one goal induction runs on:
// bankrolls are the multiples of g cents, held by index i = bankroll/g.
// The win limit is met at or past winIdx = ⌈(Start+WinLimit)/g⌉ (MaxInt:
// no win limit, or one no bankroll can reach), the loss limit at or below
// lossIdx = ⌊(Start−LossLimit)/g⌋ (−1: none, the limit is past the
// start). The forward chain and the induction stop the same states
// because both take them from here.
type lattice struct {
	g                         int64
	startIdx, winIdx, lossIdx int
}

func newLattice(k *rulebook.Book, g int64) lattice {
	l := lattice{g: g, startIdx: int(k.Start / g), winIdx: math.MaxInt, lossIdx: -1}
	if k.WinLimit < rulebook.NoLimit-k.Start {
		l.winIdx = int((k.Start + k.WinLimit + g - 1) / g)
	}
	if k.LossLimit <= k.Start {
		l.lossIdx = int((k.Start - k.LossLimit) / g)
	}
	return l
}

// maxHands is the most hands one player's session lasts: its hand and
// duration caps, and MaxChainHands.
func maxHands(k *rulebook.Book) int64 { return min(k.HandsCap, k.DurationCap, MaxChainHands) }

// onLattice runs solve on the coarsest lattice every bankroll could lie
// on, gcd(Start, Base), and again on each finer lattice a run asks for
// (finer ≠ 0: a bet or a payout off the lattice) until one holds every
// bankroll reached.
func onLattice[T any](k *rulebook.Book, solve func(g int64) (res T, finer int64, err error)) (T, error) {
	g := gcd(k.Start, k.Base)
	for {
		res, finer, err := solve(g)
		if err != nil {
			var zero T
			return zero, err
		}
		if finer == 0 {
			return res, nil
		}
		g = finer
	}
}
