package results

import (
	"math"
	"math/big"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/engine/stats"
)

// BonusImpact splits results between the main game and the Three Card
// Bonus: their means, variances and covariance per hand and per session, in
// currency (variances in currency²), and each part's share of the variance
// of the total: var(total) = var(main) + var(bonus) + 2·cov(main, bonus).
type BonusImpact struct {
	ShareOfWagered Float       `json:"bonus_share_of_wagered"`
	PerHand        VarianceMix `json:"per_hand"`
	PerSession     VarianceMix `json:"per_session"`
}

// VarianceMix is the decomposition of one total into main and bonus parts.
// Sample (n − 1) variances, computed from exact sums.
type VarianceMix struct {
	N               uint64 `json:"n"`
	MainMean        Float  `json:"main_mean"`
	BonusMean       Float  `json:"bonus_mean"`
	MainStd         Float  `json:"main_std"`
	BonusStd        Float  `json:"bonus_std"`
	MainVariance    Float  `json:"main_variance"`
	BonusVariance   Float  `json:"bonus_variance"`
	Covariance      Float  `json:"covariance"`
	TotalVariance   Float  `json:"total_variance"`
	MainShare       Float  `json:"main_share_of_variance"`
	BonusShare      Float  `json:"bonus_share_of_variance"`
	CovarianceShare Float  `json:"covariance_share_of_variance"`
}

// sums2 are exact sums of two paired quantities.
type sums2 struct {
	n                     uint64
	sx, sy, sxx, syy, sxy *big.Int // cents, cents²
}

// covariance returns the sample covariance in currency² from exact sums
// in cents.
func covariance(n uint64, sx, sy, sxy *big.Int) float64 {
	return stats.Covariance(n, sx, sy, sxy) / (100 * 100)
}

func (s sums2) mix() VarianceMix {
	vm, vb, cv := covariance(s.n, s.sx, s.sx, s.sxx), covariance(s.n, s.sy, s.sy, s.syy), covariance(s.n, s.sx, s.sy, s.sxy)
	total := vm + vb + 2*cv
	return VarianceMix{
		N: s.n, MainMean: perUnit(s.sx, s.n), BonusMean: perUnit(s.sy, s.n),
		MainStd: Float(math.Sqrt(vm)), BonusStd: Float(math.Sqrt(vb)),
		MainVariance: Float(vm), BonusVariance: Float(vb), Covariance: Float(cv), TotalVariance: Float(total),
		MainShare: Float(vm / total), BonusShare: Float(vb / total), CovarianceShare: Float(2 * cv / total),
	}
}

func bonusImpact(s *sim.SeatStats) *BonusImpact {
	if s.BonusHands == 0 {
		return nil
	}
	mainNet := new(big.Int).Sub(s.MainWon.Big(), s.MainWagered.Big())
	bonusNet := new(big.Int).Sub(s.BonusWon.Big(), s.BonusWagered.Big())
	// Σ main·bonus per hand from (m + b)² = m² + 2mb + b².
	cross := new(big.Int).Sub(s.TotalNet2.Big(), s.MainNet2.Big())
	cross.Sub(cross, s.BonusNet2.Big())
	cross.Rsh(cross, 1)
	perHand := sums2{s.Hands, mainNet, bonusNet, s.MainNet2.Big(), s.BonusNet2.Big(), cross}

	// Per session: P = M + B with P the profit, B the bonus part.
	p1, p2 := s.Profit.S1.Big(), s.Profit.S2.Big()
	b1, b2, pb := s.SessionBonus.SumB.Big(), s.SessionBonus.SumB2.Big(), s.SessionBonus.SumPB.Big()
	m1 := new(big.Int).Sub(p1, b1)
	m2 := new(big.Int).Sub(p2, new(big.Int).Lsh(pb, 1))
	m2.Add(m2, b2)
	mb := new(big.Int).Sub(pb, b2)
	perSession := sums2{s.PlayerSessions, m1, b1, m2, b2, mb}

	wagered := new(big.Int).Add(s.MainWagered.Big(), s.BonusWagered.Big())
	share, _ := new(big.Rat).SetFrac(s.BonusWagered.Big(), wagered).Float64()
	return &BonusImpact{ShareOfWagered: Float(share), PerHand: perHand.mix(), PerSession: perSession.mix()}
}

// SeatIndependence tests whether the seats of a table fare alike.
type SeatIndependence struct {
	// ChiSquare: Pearson's test of independence of seat and session outcome
	// on the seats × {win, loss, push} table.
	ChiSquare ChiSquare `json:"chi_square"`
	// CochranQ: Cochran's Q on whether a seat's session was won, with each
	// table session a block. Absent in replace mode, where a seat hosts a
	// varying number of players per table session.
	CochranQ *ChiSquare `json:"cochran_q,omitempty"`
	Note     string     `json:"note"`
}

const seatIndependenceNote = "The chi-square test treats every player session as an independent observation. " +
	"The seats of one table session share the community cards, so their results are positively correlated; " +
	"that makes the chi-square test conservative for differences between seats (its p-values are too large), never liberal. " +
	"Cochran's Q allows for the sharing: it compares the seats' win rates within each table session " +
	"(k related binary samples) and assumes only that table sessions are independent, which they are."

func seatIndependence(c *config.Config, agg *sim.Aggregate) *SeatIndependence {
	if len(agg.Seats) < 2 {
		return nil
	}
	table := make([][]uint64, len(agg.Seats))
	wins := make([]uint64, len(agg.Seats))
	for i := range agg.Seats {
		o := agg.Seats[i].Outcomes
		table[i] = []uint64{o[sim.OutcomeWin], o[sim.OutcomeLoss], o[sim.OutcomePush]}
		wins[i] = o[sim.OutcomeWin]
	}
	r := stats.ChiSquareIndependence(table)
	si := &SeatIndependence{ChiSquare: ChiSquare{Approx(r.Stat), r.DF, Approx(r.PValue)}, Note: seatIndependenceNote}
	if c.Table.SeatMode != "replace" {
		q := stats.CochranQ(wins, agg.WinningSeatsSq)
		si.CochranQ = &ChiSquare{Approx(q.Stat), q.DF, Approx(q.PValue)}
	}
	return si
}

// RiskOfRuin is read from the distribution of each session's lowest
// profit (its trough).
type RiskOfRuin struct {
	StartingBankroll Cents `json:"starting_bankroll"`
	// LossCurve[k]: the probability that a session's bankroll falls to
	// (1 − percent/100) × the starting bankroll or below at some point,
	// within the session's rules (stop conditions, table), for percent
	// 10, 20, …, 100.
	LossCurve []LossPoint `json:"loss_curve"`
	// HandStake is one full hand's stake: three per-circle base bets and
	// the bonus bet. Ruin is the bankroll falling below it.
	HandStake Cents `json:"hand_stake"`
	// ByBankroll: P(ruin within a session) for starting bankrolls from one
	// hand's stake to the configured bankroll, from this one run. Empty when
	// the bets depend on the bankroll (not flat betting with a fixed bonus),
	// since then a different bankroll plays different sessions.
	ByBankroll []BankrollPoint `json:"by_bankroll"`
	// Approximate is true when the trough histogram had to group values in
	// buckets (over 16,384 distinct troughs); points inside a bucket are
	// interpolated linearly.
	Approximate bool   `json:"approximate"`
	Method      string `json:"method"`
}

// LossPoint is one point of the loss curve.
type LossPoint struct {
	Percent     int        `json:"percent"`
	Amount      Cents      `json:"amount"`
	Probability Proportion `json:"probability"`
}

// BankrollPoint is the risk of ruin for one starting bankroll.
type BankrollPoint struct {
	Bankroll    Cents      `json:"bankroll"`
	Probability Proportion `json:"probability"`
}

const ruinMethod = "Every player session's trough (lowest profit reached) is counted, so P(the bankroll falls to B0 − x) = P(trough ≤ −x) is exact for the configured bankroll B0. " +
	"Other bankrolls B ≤ B0 come from the same run when the bets do not depend on the bankroll (flat betting, fixed bonus bet): " +
	"a player starting with B plays exactly the hands of the B0 player until the bankroll falls below one hand's stake s, which happens iff trough < s − B. " +
	"Limits stated in money (win/loss limits) are the same for both; a loss limit at or beyond B − s simply never binds first. " +
	"Bankrolls above B0 need their own run: the B0 sessions stop at ruin, so they say nothing about deeper troughs."

// flatHandStake returns one full hand's stake and whether every hand's
// stake is that (flat betting, a bonus bet that does not follow the
// bankroll).
func flatHandStake(c *config.Config) (int64, bool) {
	base := int64(c.Bankroll.BaseBet)
	if c.Bankroll.BettingSystem.Type != "flat" {
		return 3 * base, false
	}
	bs := &c.BonusStrategy
	if !bs.Placed() {
		return 3 * base, true
	}
	var x int64
	switch bs.Type {
	case "always":
		x = int64(bs.Always.Amount)
	case "static":
		if bs.Static.Amount != nil {
			x = int64(*bs.Static.Amount)
		} else {
			x = base * int64(math.Round(*bs.Static.Ratio*1e6)) / 1e6
		}
	default:
		return 3 * base, false
	}
	lim := bs.Limits
	if lim.MaxBet != nil && x > int64(*lim.MaxBet) {
		x = int64(*lim.MaxBet)
	}
	inc := int64(1)
	if lim.Increment != nil {
		inc = int64(*lim.Increment)
	}
	x = x / inc * inc
	min := int64(1)
	if lim.MinBet != nil {
		min = int64(*lim.MinBet)
	}
	if x < min {
		x = 0
	}
	return 3*base + x, true
}

// countAtMost returns how many values of h are ≤ t, interpolating linearly
// inside a bucket that straddles t, and whether it had to.
func countAtMost(bins []stats.Bin, width int64, t int64) (float64, bool) {
	var n float64
	approx := false
	for _, b := range bins {
		switch {
		case b.Value+width-1 <= t:
			n += float64(b.Count)
		case b.Value <= t:
			n += float64(b.Count) * float64(t-b.Value+1) / float64(width)
			approx = true
		}
	}
	return n, approx
}

func riskOfRuin(c *config.Config, s *sim.SeatStats) *RiskOfRuin {
	if s.PlayerSessions == 0 {
		return nil
	}
	b0 := int64(c.Bankroll.StartingAmount)
	stake, flat := flatHandStake(c)
	bins := stats.SortedBins(s.TroughHist.Counts)
	width := int64(1) << s.TroughHist.Shift
	n := s.PlayerSessions
	rr := &RiskOfRuin{StartingBankroll: CentsOf(b0), HandStake: CentsOf(stake), Method: ruinMethod, ByBankroll: []BankrollPoint{}}
	prob := func(t int64) Proportion {
		x, approx := countAtMost(bins, width, t)
		rr.Approximate = rr.Approximate || approx
		return proportion(uint64(math.Round(x)), n)
	}
	for pct := 10; pct <= 100; pct += 10 {
		loss := b0 * int64(pct) / 100
		rr.LossCurve = append(rr.LossCurve, LossPoint{pct, CentsOf(loss), prob(-loss)})
	}
	if flat && b0 >= stake {
		// Twenty bankrolls from the stake to B0, in whole cents.
		const steps = 20
		for k := 0; k <= steps; k++ {
			b := stake + (b0-stake)*int64(k)/steps
			if k > 0 && b == rr.ByBankroll[len(rr.ByBankroll)-1].Bankroll.V.Int64() {
				continue
			}
			// Ruin: trough < stake − b, i.e. trough ≤ stake − b − 1.
			rr.ByBankroll = append(rr.ByBankroll, BankrollPoint{CentsOf(b), prob(stake - b - 1)})
		}
	}
	return rr
}

// TrajectoryPath is one player's bankroll through one of the first
// simulation.trajectories sessions, thinned to a bounded number of points:
// bankroll[i] is the bankroll after hand HandAt(i) = min(i × step, hands),
// so bankroll[0] is the start and the last point the end.
type TrajectoryPath struct {
	Session  uint64    `json:"session"`
	Seat     int       `json:"seat"`
	Player   int       `json:"player"`
	Hands    int64     `json:"hands"`
	Step     int64     `json:"step"`
	Bankroll CentsList `json:"bankroll"`
}

// HandAt returns the hand after which point i was taken. Documents of
// schema version 2 have neither step nor hands: a point per hand.
func (p *TrajectoryPath) HandAt(i int) int64 {
	x := int64(i) * max(p.Step, 1)
	if p.Hands > 0 && x > p.Hands {
		return p.Hands
	}
	return x
}

func trajectories(agg *sim.Aggregate) []TrajectoryPath {
	var out []TrajectoryPath
	for _, t := range agg.Trajectories {
		out = append(out, TrajectoryPath{Session: t.Session, Seat: t.Seat, Player: t.Player, Hands: t.Hands, Step: t.Step,
			Bankroll: CentsList(t.Bankroll)})
	}
	return out
}
