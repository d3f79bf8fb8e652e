package sim

import (
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
)

// StopReason says why a player's session ended: the rulebook's reasons.
type StopReason = rulebook.Stop

// Stop reasons (rulebook.Stop), in the order they are checked.
const (
	StopWinLimit          = rulebook.StopWinLimit
	StopLossLimit         = rulebook.StopLossLimit
	StopMaxHands          = rulebook.StopMaxHands
	StopMaxDuration       = rulebook.StopMaxDuration
	StopInsufficientFunds = rulebook.StopInsufficientFunds
	StopTableClosed       = rulebook.StopTableClosed
	NumStopReasons        = rulebook.NumStops
)

// Outcome of a player's session by the sign of its profit.
const (
	OutcomeWin = iota
	OutcomeLoss
	OutcomePush
	NumOutcomes
)

// OutcomeNames names outcomes in results documents.
var OutcomeNames = [NumOutcomes]string{"win", "loss", "push"}

// SeatStats is everything recorded about one seat over a range of sessions.
// Every field is a count, an exact integer sum or a Histogram, so Merge is
// exact, associative and commutative, and memory does not grow with hands.
type SeatStats struct {
	// Per player session (in replace mode a seat hosts several players).
	PlayerSessions uint64
	Outcomes       [NumOutcomes]uint64
	StopReasons    [NumStopReasons]uint64
	Profit         Moments   // session profit, cents
	ProfitHist     Histogram // session profit, cents
	HandsHist      Histogram // hands played per session
	PeakHist       Histogram // highest profit reached during the session, cents
	TroughHist     Histogram // lowest profit reached during the session, cents
	DrawdownHist   Histogram // largest fall from a running peak, cents
	// Overshoot of the limit by the hand that reached it, cents.
	WinOvershoot, LossOvershoot Overshoot

	// Per hand played.
	Hands uint64
	// Deals[c][2·r1+r2] counts hands ending in category c with bet 1
	// riding iff r1 = 1 and bet 2 iff r2 = 1.
	Deals        [poker.NumCategories][4]uint64
	BonusHands   uint64
	BonusCounts  [poker.NumCategories3]uint64
	JackpotsWon  uint64
	MainWagered  Int128 // stakes in action at settlement, cents
	MainWon      Int128 // paid back on them: stake plus winnings, cents
	MainNet2     Int128 // Σ (main net per hand)², cents²
	BonusWagered Int128
	BonusWon     Int128
	BonusNet2    Int128
	TotalNet2    Int128 // Σ (main + bonus net per hand)², cents²
	BaseBetUnits Int128 // Σ per-circle bet, cents (for the average bet)
	BaseBetSq    Int128 // Σ (per-circle bet)², cents² (for the standard error of EV per unit bet)

	// SessionBonus splits session profit into its bonus and main parts
	// (bonus impact on the variance of session results).
	SessionBonus BonusSums
}

// BonusSums are exact sums over player sessions of B, the session's net
// from bonus bets, with P its total profit: with Profit's sums they give
// var(B), cov(P, B) and var(P − B), the main game's share.
type BonusSums struct {
	SumB  Int128 // Σ B, cents
	SumB2 Int128 // Σ B², cents²
	SumPB Int128 // Σ P·B, cents²
}

func (b *BonusSums) add(bonus, profit int64) {
	b.SumB.Add(bonus)
	b.SumB2.AddSquare(bonus)
	b.SumPB.AddProduct(profit, bonus)
}

func (b *BonusSums) merge(o *BonusSums) {
	b.SumB.Merge(o.SumB)
	b.SumB2.Merge(o.SumB2)
	b.SumPB.Merge(o.SumPB)
}

// Moments holds exact power sums of integer observations.
type Moments struct {
	N      uint64
	Min    int64
	Max    int64
	S1, S2 Int128
	S3, S4 Int256
}

// Add records one observation.
func (m *Moments) Add(x int64) {
	if m.N == 0 || x < m.Min {
		m.Min = x
	}
	if m.N == 0 || x > m.Max {
		m.Max = x
	}
	m.N++
	m.S1.Add(x)
	m.S2.AddSquare(x)
	AddPowers(&m.S3, &m.S4, x)
}

// Merge adds another set of observations.
func (m *Moments) Merge(o *Moments) {
	if o.N == 0 {
		return
	}
	if m.N == 0 || o.Min < m.Min {
		m.Min = o.Min
	}
	if m.N == 0 || o.Max > m.Max {
		m.Max = o.Max
	}
	m.N += o.N
	m.S1.Merge(o.S1)
	m.S2.Merge(o.S2)
	m.S3.Merge(o.S3)
	m.S4.Merge(o.S4)
}

// Overshoot sums and bounds how far past a limit sessions ended.
type Overshoot struct {
	N   uint64
	Sum Int128
	Max int64
}

func (o *Overshoot) add(x int64) {
	o.N++
	o.Sum.Add(x)
	if x > o.Max {
		o.Max = x
	}
}

func (o *Overshoot) merge(p Overshoot) {
	o.N += p.N
	o.Sum.Merge(p.Sum)
	if p.Max > o.Max {
		o.Max = p.Max
	}
}

// Merge adds another range's figures for the same seat.
func (s *SeatStats) Merge(o *SeatStats) {
	s.PlayerSessions += o.PlayerSessions
	for i := range s.Outcomes {
		s.Outcomes[i] += o.Outcomes[i]
	}
	for i := range s.StopReasons {
		s.StopReasons[i] += o.StopReasons[i]
	}
	s.Profit.Merge(&o.Profit)
	s.ProfitHist.Merge(&o.ProfitHist)
	s.HandsHist.Merge(&o.HandsHist)
	s.PeakHist.Merge(&o.PeakHist)
	s.TroughHist.Merge(&o.TroughHist)
	s.DrawdownHist.Merge(&o.DrawdownHist)
	s.WinOvershoot.merge(o.WinOvershoot)
	s.LossOvershoot.merge(o.LossOvershoot)
	s.Hands += o.Hands
	for c := range s.Deals {
		for k := range s.Deals[c] {
			s.Deals[c][k] += o.Deals[c][k]
		}
	}
	s.BonusHands += o.BonusHands
	for c := range s.BonusCounts {
		s.BonusCounts[c] += o.BonusCounts[c]
	}
	s.JackpotsWon += o.JackpotsWon
	s.MainWagered.Merge(o.MainWagered)
	s.MainWon.Merge(o.MainWon)
	s.MainNet2.Merge(o.MainNet2)
	s.BonusWagered.Merge(o.BonusWagered)
	s.BonusWon.Merge(o.BonusWon)
	s.BonusNet2.Merge(o.BonusNet2)
	s.TotalNet2.Merge(o.TotalNet2)
	s.BaseBetUnits.Merge(o.BaseBetUnits)
	s.BaseBetSq.Merge(o.BaseBetSq)
	s.SessionBonus.merge(&o.SessionBonus)
}

// Aggregate is the mergeable result of a range of table sessions.
type Aggregate struct {
	Sessions uint64 // table sessions
	// Seats[i] holds seat i+1's figures.
	Seats []SeatStats
	// WinningSeatsSq is Σ over table sessions of T², T the number of its
	// player sessions that ended in profit: with the per-seat win counts it
	// gives Cochran's Q, the test of seat independence that allows for the
	// seats sharing their cards.
	WinningSeatsSq uint64
	// Trajectories are the per-hand bankroll paths of the sessions below
	// simulation.trajectories, in order of session, seat and player.
	Trajectories []Trajectory
}

// NewAggregate returns an empty aggregate for a table of n seats.
func NewAggregate(seats int) *Aggregate {
	return &Aggregate{Seats: make([]SeatStats, seats)}
}

// Merge adds another range's aggregate (of the same config).
func (a *Aggregate) Merge(o *Aggregate) {
	if len(a.Seats) != len(o.Seats) {
		panic("sim: merging aggregates of different tables")
	}
	a.Sessions += o.Sessions
	a.WinningSeatsSq += o.WinningSeatsSq
	a.Trajectories = mergeTrajectories(a.Trajectories, o.Trajectories)
	for i := range a.Seats {
		a.Seats[i].Merge(&o.Seats[i])
	}
}

// Total returns every seat's figures merged: the whole table.
func (a *Aggregate) Total() *SeatStats {
	t := &SeatStats{}
	for i := range a.Seats {
		t.Merge(&a.Seats[i])
	}
	return t
}
