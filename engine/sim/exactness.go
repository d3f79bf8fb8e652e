package sim

import (
	"fmt"
	"math/big"

	"github.com/lir-lab/lir/engine/config"
)

// Widest values the signed power sums hold (Int128, Int256): one below
// config's limits.
var (
	max127 = new(big.Int).Sub(config.SumLimit2, big.NewInt(1))
	max255 = new(big.Int).Sub(config.SumLimit4, big.NewInt(1))
)

// CheckExact reports, after a run, whether every power sum of a can be
// exact, for seats that start with start cents. Config validation proves
// it beforehand for fixed bets; bets that follow the bankroll can grow in
// ways no bound at load foresees, so the run's own extremes decide.
// table is, for lir compare, the most player sessions one table session
// holds (its profit is their sum); 0 when table-session sums are not kept.
//
// Let M be the largest bankroll any player held (start plus the highest
// peak profit), H the most hands of a session, and Nh, Ns and Nt the
// hands, player sessions and table sessions. A hand cannot win more than
// the bankroll it leaves nor lose more than the bankroll it had, and a bet
// is within the bankroll, so every hand's result and bet is at most M in
// magnitude, as is a player session's profit; a session's bonus net is at
// most H·M; a table session's profit at most table·M and a difference of
// two (lir compare) at most 2·table·M. Hence, with every sum in two's
// complement, the sums are exact when
//
//	(Nh + Ns + 4·Nt·table²)·M² < 2^127   (Σ hand², Σ profit², Σ paired difference²)
//	Ns·M⁴ < 2^255                     (Σ profit³, Σ profit⁴)
//	Ns·(H·M)² < 2^127                 (Σ bonus net², Σ profit·bonus net; only with bonus bets)
//
// a sufficient condition. The error names M and about how many sessions
// would stay exact.
func CheckExact(a *Aggregate, start, table int64) error {
	t := a.Total()
	if t.PlayerSessions == 0 {
		return nil
	}
	peak := int64(0)
	hands := int64(0)
	for i := range a.Seats {
		s := &a.Seats[i]
		if s.PlayerSessions > 0 {
			peak = max(peak, s.PeakHist.Hi)
			hands = max(hands, s.HandsHist.Hi)
		}
	}
	m := new(big.Int).Add(big.NewInt(start), big.NewInt(peak))
	m2 := new(big.Int).Mul(m, m)
	ns := new(big.Int).SetUint64(t.PlayerSessions)
	nh := new(big.Int).SetUint64(t.Hands)
	// share is the largest fraction of the sessions each sum allows.
	share := new(big.Rat).SetInt64(1)
	bound := func(lhs, limit *big.Int) {
		if lhs.Sign() > 0 {
			if r := new(big.Rat).SetFrac(limit, lhs); r.Cmp(share) < 0 {
				share = r
			}
		}
	}
	n := new(big.Int).Add(nh, ns)
	if table > 0 {
		nt := new(big.Int).SetUint64(a.Sessions)
		n.Add(n, nt.Mul(nt, big.NewInt(4*table*table)))
	}
	bound(n.Mul(n, m2), max127)
	bound(new(big.Int).Mul(ns, new(big.Int).Mul(m2, m2)), max255)
	if t.BonusHands > 0 {
		hm := new(big.Int).Mul(big.NewInt(hands), m)
		bound(new(big.Int).Mul(ns, hm.Mul(hm, hm)), max127)
	}
	if share.Cmp(big.NewRat(1, 1)) >= 0 {
		return nil
	}
	most := new(big.Int).Quo(new(big.Int).Mul(ns, share.Num()), share.Denom())
	exact := fmt.Sprintf("about %s sessions would be exact", most)
	if most.Sign() == 0 {
		exact = "not even one session is sure to be exact"
	}
	money := new(big.Rat).SetFrac(m, big.NewInt(100)).FloatString(2)
	return fmt.Errorf("a bankroll reached %s in %d sessions of up to %d hands, too much for the statistics (standard deviations, skewness, kurtosis) to stay exact (Σx² in 128 bits, Σx⁴ in 256); with bankrolls this large %s; run fewer sessions, or give the bets a maximum (bankroll.table_max, the betting system's max_bet)",
		money, t.PlayerSessions, hands, exact)
}

// CheckRun is CheckExact for a run of config c (lir run, merge and study,
// and the page): its seats start with its bankroll, and no table-session
// sums are kept.
func CheckRun(c *config.Config, a *Aggregate) error {
	return CheckExact(a, int64(c.Bankroll.StartingAmount), 0)
}
