package exact

import (
	"errors"
	"fmt"
	"math"

	"github.com/lir-lab/lir/engine/config"
)

// SessionRulesFromConfig maps a validated run config onto the session
// chain's rules, the same way engine/sim sizes bets, or explains why the
// session is not a flat-betting Markov chain this package solves exactly:
// a progressive jackpot that grows (its size becomes part of the state), or
// a replace-mode table (a seat's last player is cut off by the table
// closing). Each seat of a sit_out or leave table plays the single-player
// session below: dealing more seats, or burning cards, changes which cards
// a seat gets but not their distribution.
func SessionRulesFromConfig(c *config.Config) (SessionRules, error) {
	b := &c.Bankroll
	sc := &b.StopConditions
	r := SessionRules{
		Start:         int64(b.StartingAmount),
		BaseBet:       int64(b.BaseBet),
		ChipIncrement: derefMoney(b.ChipIncrement, 1),
		MinBet:        derefMoney(b.TableMin, int64(b.BaseBet)),
		ShrinkToChip:  !sc.StopOnInsufficientFunds,
		WinLimit:      derefMoney(sc.WinLimit, 0),
		LossLimit:     derefMoney(sc.LossLimit, 0),
		MaxHands:      int(c.Simulation.HandsPerSession),
	}
	if sc.MaxHands != nil && (r.MaxHands == 0 || int(*sc.MaxHands) < r.MaxHands) {
		r.MaxHands = int(*sc.MaxHands)
	}
	if sc.MaxDurationMinutes != nil {
		r.DurationHands = int(*sc.MaxDurationMinutes * sc.HandsPerHour / 60)
	}
	if b.BettingSystem.Type != "flat" {
		return r, fmt.Errorf("bankroll.betting_system.type %q: exact sessions need flat betting", b.BettingSystem.Type)
	}
	if c.Table.SeatMode == "replace" {
		return r, errors.New("table.seat_mode replace: a seat's sessions end when the table closes, which the single-player chain does not model; use sit_out or leave")
	}
	bs := &c.BonusStrategy
	if bs.Enabled && bs.Type != "never" {
		r.BonusMin = derefMoney(bs.Limits.MinBet, 1)
		r.BonusMax = derefMoney(bs.Limits.MaxBet, 0)
		r.BonusIncrement = derefMoney(bs.Limits.Increment, 1)
		switch {
		case bs.Type == "always":
			r.BonusBet = r.bonusLimit(int64(bs.Always.Amount))
		case bs.Type == "static" && bs.Static.Amount != nil:
			r.BonusBet = r.bonusLimit(int64(*bs.Static.Amount))
		case bs.Type == "static" && bs.Static.Ratio != nil:
			r.BonusRatioPPM = int64(math.Round(*bs.Static.Ratio * 1e6))
			r.BonusBet = r.bonusLimit(r.BaseBet * r.BonusRatioPPM / 1e6)
		default:
			return r, fmt.Errorf("bonus_strategy.type %q: exact sessions need a bonus bet fixed in advance (never, always or static); this one follows the session", bs.Type)
		}
		if pt := &c.Paytables.Bonus; pt.Type == "paytable_c" {
			if pr := &pt.Progressive; pr.ContributionRate != 0 || pr.ResetAmount != pr.StartingJackpot {
				return r, fmt.Errorf("paytables.bonus.progressive: exact sessions need a fixed jackpot (contribution_rate 0 and reset_amount = starting_jackpot; got %v and %s vs %s); the per-hand bonus figures apply at any jackpot",
					pr.ContributionRate, pr.ResetAmount, pr.StartingJackpot)
			}
			r.Jackpot = int64(pt.Progressive.StartingJackpot)
		}
	}
	return r, nil
}

func derefMoney(m *config.Money, def int64) int64 {
	if m == nil {
		return def
	}
	return int64(*m)
}
