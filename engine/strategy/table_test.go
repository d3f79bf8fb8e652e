package strategy

import (
	"testing"

	"github.com/lir-lab/lir/engine/cards"
)

func TestTableBits(t *testing.T) {
	r, p := AlwaysRide(), AlwaysPull()
	for i := 0; i < cards.NumHands3; i++ {
		if !r.RideBet1(i) || p.RideBet1(i) {
			t.Fatalf("bet 1 hand %d: always_ride %v, always_pull %v", i, r.RideBet1(i), p.RideBet1(i))
		}
	}
	for i := 0; i < cards.NumHands4; i++ {
		if !r.RideBet2(i) || p.RideBet2(i) {
			t.Fatalf("bet 2 hand %d: always_ride %v, always_pull %v", i, r.RideBet2(i), p.RideBet2(i))
		}
	}
	var x Table
	x.SetBet2(cards.NumHands4-1, true)
	x.SetBet1(64, true)
	if !x.RideBet2(cards.NumHands4-1) || !x.RideBet1(64) || x.RideBet1(63) || x.RideBet1(65) {
		t.Error("Set/Ride do not round-trip at word boundaries")
	}
	x.SetBet1(64, false)
	if x.RideBet1(64) || x.Equal(p) {
		t.Error("clearing a bit failed")
	}
}

// Spot checks of the basic chart's classes (the exhaustive proof is in
// engine/exact: TestBasicIsOptimal).
func TestBasicSpots(t *testing.T) {
	b := Basic(TiesPull)
	br := Basic(TiesRide)
	for hand, want := range map[string]bool{
		"Tc Td 2h": true, "9c 9d Ah": false, "Jh Qh Kh": true, "3s 4s 5s": true, "2s 3s 4s": false,
		"Ac 2c 3c": false, "8d Td Jd": true, "7d 8d Td": true, "5d 6d 8d": false, "2c 4c Ac": false, "9h Th Kh": true,
	} {
		h, _ := cards.ParseHand(hand)
		if got := b.RideBet1(cards.Index3(h[0], h[1], h[2])); got != want {
			t.Errorf("bet 1 %s: ride %v, want %v", hand, got, want)
		}
	}
	for hand, want := range map[string][2]bool{ // {ties pull, ties ride}
		"Tc Td 2h 5s": {true, true}, "2h 5h 9h Kh": {true, true}, "7c 8d 9h Ts": {true, true},
		"4c 5d 6h 7s": {false, true}, "Tc Jd Qh As": {false, true}, "9c Td Jh Ks": {false, false},
		"Kc Kd Ks Kh": {true, true}, "2c 2d 5h 7s": {false, false},
	} {
		h, _ := cards.ParseHand(hand)
		i := cards.Index4(h[0], h[1], h[2], h[3])
		if b.RideBet2(i) != want[0] || br.RideBet2(i) != want[1] {
			t.Errorf("bet 2 %s: ride %v/%v, want %v", hand, b.RideBet2(i), br.RideBet2(i), want)
		}
	}
}
