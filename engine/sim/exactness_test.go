package sim

import (
	"math"
	"strings"
	"testing"
)

// CheckExact's bound at its edge: one player session of one hand, so the
// widest sums are Σ hand² + Σ profit² ≤ 2·M². M = 2^63 − 1 keeps that
// below 2^127; M = 2^63 (the bankroll one cent higher) reaches 2^127,
// which a signed 128-bit sum cannot hold. With bonus bets the session's
// bonus net may be H·M, so 200 hands need M 200 times smaller.
func TestCheckExactEdge(t *testing.T) {
	agg := func(start, peak int64, hands int64, bonus bool) *Aggregate {
		a := NewAggregate(1)
		s := &a.Seats[0]
		s.PlayerSessions, s.Hands = 1, uint64(hands)
		s.PeakHist.Add(peak)
		s.HandsHist.Add(hands)
		if bonus {
			s.BonusHands = 1
		}
		a.Sessions = 1
		return a
	}
	const half = 1 << 62
	if err := CheckExact(agg(half, half-1, 1, false), half, 0); err != nil {
		t.Errorf("M = 2^63 − 1: %v", err)
	}
	if err := CheckExact(agg(half+1, half-1, 1, false), half+1, 0); err == nil || !strings.Contains(err.Error(), "not even one session") {
		t.Errorf("M = 2^63: %v", err)
	}
	// Σ bonus net² ≤ (200·M)² < 2^127 needs M < 2^63.5 / 200.
	m := int64(math.Floor(math.Pow(2, 63.5) / 200 * (1 - 1e-9)))
	if err := CheckExact(agg(m, 0, 200, true), m, 0); err != nil {
		t.Errorf("200 hands with bonus bets, M = %d: %v", m, err)
	}
	if err := CheckExact(agg(m*2, 0, 200, true), m*2, 0); err == nil {
		t.Errorf("200 hands with bonus bets, M = %d: accepted", m*2)
	}
}
