package rng

import (
	"math"
	"testing"

	"github.com/lir-lab/lir/engine/cards"
)

// Reference output of xoshiro256++ for state {1, 2, 3, 4}, from the authors'
// C implementation (xoshiro256plusplus.c): the first values are
// 41943041, 58720359, 3588806011781223, 3591011842654386.
func TestXoshiroReference(t *testing.T) {
	x := &Xoshiro256{s: [4]uint64{1, 2, 3, 4}}
	for i, want := range []uint64{41943041, 58720359, 3588806011781223, 3591011842654386} {
		if got := x.Uint64(); got != want {
			t.Fatalf("output %d = %d, want %d", i, got, want)
		}
	}
}

// Session seeds are distinct across many indexes of one master.
func TestSessionSeedsDistinct(t *testing.T) {
	seen := map[uint64]bool{}
	for i := uint64(0); i < 100000; i++ {
		s := SessionSeed(42, i)
		if seen[s] {
			t.Fatalf("session %d repeats a seed", i)
		}
		seen[s] = true
	}
	if SessionSeed(1, 0) == SessionSeed(2, 0) {
		t.Fatal("masters 1 and 2 give the same first session seed")
	}
}

// Every card is equally likely in every dealt position: a chi-square test
// on 52 × 7 cells over 200,000 seven-card deals from each source. With 51
// degrees of freedom per position the statistic has mean 51 and sd 10.1; the
// bound 51 + 6 sd = 112 fails a correct dealer with probability < 1e-6.
func TestDealUniform(t *testing.T) {
	for _, a := range []Algorithm{FisherYates, Cryptographic} {
		d := &Dealer{}
		d.Seed(a, 7)
		const n = 200000
		var counts [7][cards.NumCards]float64
		hand := make([]cards.Card, 7)
		for i := 0; i < n; i++ {
			d.Deal(hand)
			var seen uint64
			for p, c := range hand {
				if seen&(1<<c) != 0 {
					t.Fatalf("%s: deal %d repeats %v", a, i, c)
				}
				seen |= 1 << c
				counts[p][c]++
			}
		}
		exp := float64(n) / cards.NumCards
		for p := range counts {
			chi := 0.0
			for _, o := range counts[p] {
				chi += (o - exp) * (o - exp) / exp
			}
			if chi > 51+6*math.Sqrt(2*51) {
				t.Errorf("%s: position %d chi-square %.1f", a, p, chi)
			}
		}
	}
}

var sinkCards [7]cards.Card

func BenchmarkDeal5(b *testing.B) {
	for _, a := range []Algorithm{FisherYates, Cryptographic} {
		b.Run(string(a), func(b *testing.B) {
			d := NewDealer(NewSource(a, 1))
			for i := 0; i < b.N; i++ {
				d.Deal(sinkCards[:5])
			}
		})
	}
}

// Seeding a dealer in place draws the same cards as a new source.
func TestSeedMatchesNewSource(t *testing.T) {
	for _, a := range []Algorithm{FisherYates, Cryptographic} {
		var x, y [20]cards.Card
		d := NewDealer(NewSource(a, 99))
		d.Deal(x[:])
		e := &Dealer{}
		e.Seed(FisherYates, 1)
		e.Deal(y[:])
		e.Seed(a, 99)
		e.Deal(y[:])
		if x != y {
			t.Errorf("%s: Seed deals %v, NewSource deals %v", a, y, x)
		}
	}
}

// refDealer is the dealer's definition written plainly: a 16-bit chunk at
// a time from the low bits of each word, Lemire's rejection, one swap per
// card.
type refDealer struct {
	deck     [cards.NumCards]cards.Card
	src      Source
	cur      uint64
	left     int
	rejected int
}

func newRefDealer(src Source) *refDealer {
	r := &refDealer{src: src}
	for i := range r.deck {
		r.deck[i] = cards.Card(i)
	}
	return r
}

func (r *refDealer) deal(out []cards.Card) {
	for i := range out {
		n := uint64(cards.NumCards - i)
		for {
			if r.left == 0 {
				r.cur, r.left = r.src.Uint64(), 4
			}
			m := (r.cur & 0xFFFF) * n
			r.cur >>= 16
			r.left--
			if m&0xFFFF < 0x10000%n {
				r.rejected++
				continue
			}
			j := i + int(m>>16)
			r.deck[i], r.deck[j] = r.deck[j], r.deck[i]
			out[i] = r.deck[i]
			break
		}
	}
}

// Deal and DealHands draw exactly what the plain definition draws, for
// every hand size, batches of whole hands, and rejections (which the
// plain dealer counts, so the test knows it met them).
func TestDealMatchesDefinition(t *testing.T) {
	for _, a := range []Algorithm{FisherYates, Cryptographic} {
		for _, n := range []int{1, 2, 3, 5, 7, 8, 11, 23, 32, 52} {
			d := NewDealer(NewSource(a, uint64(n)))
			ref := newRefDealer(NewSource(a, uint64(n)))
			var got Batch
			want := make([]cards.Card, n)
			for round := 0; round < 3000; round++ {
				hands := 1 + round%(MaxBatch/n) // one hand, then batches of every size
				if round%2 == 0 {
					hands = 1
					d.Deal(got[:n])
				} else {
					d.DealHands(&got, hands, n)
				}
				for h := 0; h < hands; h++ {
					ref.deal(want)
					if g := got[h*n : h*n+n]; string(cardBytes(g)) != string(cardBytes(want)) {
						t.Fatalf("%s, %d cards, round %d, hand %d: dealt %v, want %v", a, n, round, h, g, want)
					}
				}
			}
			if ref.rejected == 0 && n >= 8 {
				t.Errorf("%s, %d cards: no rejection met", a, n)
			}
		}
	}
}

func cardBytes(h []cards.Card) []byte {
	b := make([]byte, len(h))
	for i, c := range h {
		b[i] = byte(c)
	}
	return b
}

// BenchmarkDealHands deals batches of eight-card hands (the default
// study's deal: three seat cards, three discards, two community cards)
// and reports the time per hand.
func BenchmarkDealHands(b *testing.B) {
	d := NewDealer(NewSource(FisherYates, 1))
	var out Batch
	for i := 0; i < b.N; i += 8 {
		d.DealHands(&out, 8, 8)
	}
}
