package config

import (
	"fmt"
	"math/big"

	"github.com/lir-lab/lir/engine/paytable"
)

// MoneyCeiling is the largest amount, in cents, the engine lets a bankroll
// or a jackpot reach: 2^62 cents (about 4.6 × 10^16 currency units), so that
// every sum of a hand's results stays exact in 64-bit integers.
const MoneyCeiling = 1 << 62

// validateMagnitudes rejects configs whose amounts could carry a bankroll or
// a jackpot past MoneyCeiling within one session: the starting bankroll plus
// the hand cap times the most one hand can win (three of the largest bets at
// the paytable's top payout plus the largest bonus at its top payout).
func (c *Config) validateMagnitudes() Errors {
	var es Errors
	b := &c.Bankroll
	hands := c.Simulation.HandsPerSession
	if m := b.StopConditions.MaxHands; m != nil && *m < hands {
		hands = *m
	}
	maxBet := int64(b.BaseBet)
	if b.TableMax != nil && int64(*b.TableMax) > maxBet {
		maxBet = int64(*b.TableMax)
	}
	maxPay := maxOf(c.mainPays())
	perHand := new(big.Int).Mul(big.NewInt(3*maxBet), big.NewInt(maxPay))
	bonus, bonusPay := c.maxBonus(maxBet)
	perHand.Add(perHand, new(big.Int).Mul(big.NewInt(bonus), big.NewInt(bonusPay)))
	total := new(big.Int).Mul(perHand, big.NewInt(hands))
	total.Add(total, big.NewInt(int64(b.StartingAmount)))
	if c.BonusStrategy.Placed() && c.Paytables.Bonus.Type == "paytable_c" {
		pr := &c.Paytables.Bonus.Progressive
		// The jackpot grows by at most every seat's largest bonus each round.
		growth := new(big.Int).Mul(big.NewInt(bonus), big.NewInt(hands*c.Table.NumSeats))
		jack := new(big.Int).Add(growth, big.NewInt(max(int64(pr.StartingJackpot), int64(pr.ResetAmount))))
		// One jackpot can be won on a hand as well.
		total.Add(total, new(big.Int).Mul(jack, big.NewInt(hands)))
	}
	if total.Cmp(big.NewInt(MoneyCeiling)) > 0 {
		es.add("bankroll.base_bet", b.BaseBet.String(), fmt.Sprintf(
			"with up to %d hands a session and a top payout of %d to 1, a bankroll could pass %s, the most the engine counts exactly; lower the bet (or bankroll.table_max, the bonus), the payouts or the hand cap",
			hands, maxPay, Money(MoneyCeiling).String()))
		return es
	}
	es = append(es, c.validatePowerSums(total)...)
	return es
}

// SumLimit2 and SumLimit4 are the widths of the exact power sums the
// statistics are computed from (package sim: Σx and Σx² in signed 128-bit
// integers, Σx³ and Σx⁴ in signed 256-bit): a sum is exact while its
// magnitude stays below them, 2^127 and 2^255. Validation here and sim's
// check of a run's own extremes both bound the sums by them.
var (
	SumLimit2 = new(big.Int).Lsh(big.NewInt(1), 127)
	SumLimit4 = new(big.Int).Lsh(big.NewInt(1), 255)
)

// validatePowerSums refuses a config whose statistics could overflow their
// power sums: every observation (a hand's or a session's result, a
// bankroll) is at most bound cents, and there are at most num_sessions ×
// seats × hands of them, so N·bound² must stay below 2^127 and N·bound⁴
// below 2^255. It names the largest num_sessions that is exact.
func (c *Config) validatePowerSums(bound *big.Int) Errors {
	var es Errors
	per := c.Table.NumSeats * c.Simulation.HandsPerSession
	if r := c.Table.TableRounds; c.Table.SeatMode == "replace" && r != nil && *r > c.Simulation.HandsPerSession {
		per = c.Table.NumSeats * *r
	}
	b2 := new(big.Int).Mul(bound, bound)
	b4 := new(big.Int).Mul(b2, b2)
	most := new(big.Int).Quo(SumLimit2, b2)
	if m := new(big.Int).Quo(SumLimit4, b4); m.Cmp(most) < 0 {
		most = m
	}
	most.Quo(most, big.NewInt(max(per, 1)))
	if most.Sign() == 0 {
		es.add("simulation.num_sessions", fmt.Sprint(c.Simulation.NumSessions), fmt.Sprintf(
			"with these amounts one result can reach %s, too large for the statistics (standard deviations, skewness, kurtosis) of even one session of %d seat(s) × %d hands to be exact (Σx² below 2^127, Σx⁴ below 2^255); lower the bets, the payouts or the hand cap",
			Money(bound.Int64()).String(), c.Table.NumSeats, per/max(c.Table.NumSeats, 1)))
	} else if most.Cmp(big.NewInt(c.Simulation.NumSessions)) < 0 {
		es.add("simulation.num_sessions", fmt.Sprint(c.Simulation.NumSessions), fmt.Sprintf(
			"with these amounts one result can reach %s, and the statistics (standard deviations, skewness, kurtosis) stay exact for at most %s sessions of %d seat(s) × %d hands (Σx² below 2^127, Σx⁴ below 2^255); run fewer sessions, or lower the bets, the payouts or the hand cap",
			Money(bound.Int64()).String(), most.String(), c.Table.NumSeats, per/max(c.Table.NumSeats, 1)))
	}
	return es
}

// CheckSessions re-checks, after simulation.num_sessions was changed (by
// a command-line flag), that the statistics of that many sessions stay
// exact.
func (c *Config) CheckSessions() error {
	return c.validateMagnitudes().err()
}

// mainPays returns the net pay per unit of each paying main category.
func (c *Config) mainPays() []int64 {
	pt := c.Paytables.MainGame
	if pt.Type == "custom" {
		x := pt.Custom
		return []int64{x.RoyalFlush, x.StraightFlush, x.FourOfAKind, x.FullHouse, x.Flush, x.Straight, x.ThreeOfAKind, x.TwoPair, x.PairTensOrBetter}
	}
	p, err := paytable.MainByName(pt.Type)
	if err != nil {
		return []int64{0}
	}
	return p.Pays[:]
}

// maxBonus returns the largest bonus bet the config can place (0 if none)
// and the largest N-to-1 payout of its bonus paytable.
func (c *Config) maxBonus(maxBet int64) (int64, int64) {
	bs := &c.BonusStrategy
	if !bs.Placed() {
		return 0, 0
	}
	// Without a cap, a bonus can at most take what is left of a bankroll
	// after the main bets; bound it by the largest configured amount.
	x := int64(bs.Always.Amount)
	if a := bs.Static.Amount; a != nil && int64(*a) > x {
		x = int64(*a)
	}
	if r := bs.Static.Ratio; r != nil {
		if y := int64(float64(maxBet) * *r); y > x {
			x = y
		}
	}
	switch bs.Type {
	case "always", "static":
	default:
		// A bonus strategy's bets follow the session; like the bets of a
		// betting system they stop at the ceiling (package rulebook), which
		// is never below maxBet and, when it is maxBet, bounds them.
		x = max(x, maxBet)
	}
	if m := bs.Limits.MaxBet; m != nil {
		x = int64(*m)
	}
	pt := c.Paytables.Bonus
	var pays []int64
	if pt.Type == "custom" {
		y := pt.Custom
		pays = []int64{y.MiniRoyal, y.StraightFlush, y.ThreeOfAKind, y.Straight, y.Flush, y.Pair}
	} else if p, err := paytable.BonusByName(pt.Type); err == nil {
		pays = p.Pays[:]
	}
	return x, maxOf(pays)
}

func maxOf(xs []int64) int64 {
	var m int64
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
