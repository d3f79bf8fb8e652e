package config

import (
	"fmt"

	"github.com/lir-lab/lir/engine/cards"
)

// validate checks rules that involve more than one field. Single-field
// types and ranges were checked while decoding.
func (c *Config) validate() Errors {
	var es Errors
	b := &c.Bankroll
	sc := &b.StopConditions
	if b.StartingAmount < 3*b.BaseBet {
		es.add("bankroll.starting_amount", b.StartingAmount.String(),
			fmt.Sprintf("must cover one hand: at least 3 × bankroll.base_bet = %s", (3*b.BaseBet).String()))
	}
	if b.TableMin != nil && b.BaseBet < *b.TableMin {
		es.add("bankroll.base_bet", b.BaseBet.String(), "must be at least bankroll.table_min = "+b.TableMin.String())
	}
	if b.TableMax != nil && b.BaseBet > *b.TableMax {
		es.add("bankroll.base_bet", b.BaseBet.String(), "must be at most bankroll.table_max = "+b.TableMax.String())
	}
	if b.TableMin != nil && b.TableMax != nil && *b.TableMin > *b.TableMax {
		es.add("bankroll.table_min", b.TableMin.String(), "must be at most bankroll.table_max = "+b.TableMax.String())
	}
	if inc := b.ChipIncrement; inc != nil && *inc > 0 { // a non-positive one is reported by its range check
		for _, m := range []struct {
			path string
			v    *Money
		}{{"bankroll.base_bet", &b.BaseBet}, {"bankroll.table_min", b.TableMin}, {"bankroll.table_max", b.TableMax}} {
			if m.v != nil && *m.v%*inc != 0 {
				es.add(m.path, m.v.String(), "must be a whole multiple of bankroll.chip_increment = "+inc.String())
			}
		}
	}
	if sc.WinLimit == nil && sc.LossLimit == nil && sc.MaxHands == nil && sc.MaxDurationMinutes == nil &&
		c.Simulation.HandsPerSession <= 0 {
		es.add("bankroll.stop_conditions", "", "a session needs a hand cap: set simulation.hands_per_session or a stop condition")
	}
	if sc.MaxDurationMinutes != nil && int64(*sc.MaxDurationMinutes*sc.HandsPerHour/60) < 1 {
		es.add("bankroll.stop_conditions.max_duration_minutes", fmt.Sprint(*sc.MaxDurationMinutes),
			fmt.Sprintf("allows no hand at hands_per_hour = %v; allowed: at least %v minutes", sc.HandsPerHour, 60/sc.HandsPerHour))
	}
	seats := c.Table.NumSeats
	need := 3*seats + 2
	if c.Dealer.DiscardEnabled {
		need += c.Dealer.DiscardCards
	}
	if need > cards.NumCards {
		es.add("dealer.discard_cards", fmt.Sprint(c.Dealer.DiscardCards),
			fmt.Sprintf("%d seats need %d cards with %d discarded, more than a 52-card deck; allowed: at most %d", seats, need, c.Dealer.DiscardCards, cards.NumCards-3*seats-2))
	}
	if c.Table.SeatMode == "replace" && c.Table.TableRounds == nil {
		es.add("table.table_rounds", "null", "required when table.seat_mode is replace: the number of rounds the table plays")
	}
	if c.Table.SeatMode != "replace" && c.Table.TableRounds != nil {
		es.add("table.table_rounds", fmt.Sprint(*c.Table.TableRounds), "only used when table.seat_mode is replace; allowed here: null")
	}
	if c.Dealer.DiscardEnabled && c.Dealer.DiscardCards < 1 {
		es.add("dealer.discard_cards", "0", "at least 1 when dealer.discard_enabled is true")
	}
	bs := &c.BonusStrategy
	if bs.Enabled && bs.Type == "static" && (bs.Static.Amount == nil) == (bs.Static.Ratio == nil) {
		given := "neither amount nor ratio is set"
		if bs.Static.Amount != nil {
			given = "both amount and ratio are set"
		}
		es.add("bonus_strategy.static", "", given+"; set exactly one of them")
	}
	if bs.Enabled {
		// A fixed bonus that the limits always turn into no bet.
		l := bs.Limits
		inc, lo := Money(1), Money(1)
		if l.Increment != nil {
			inc = *l.Increment
		}
		if l.MinBet != nil {
			lo = *l.MinBet
		}
		fixed := map[string]*Money{"always": &bs.Always.Amount, "static": bs.Static.Amount}[bs.Type]
		if fixed != nil {
			x := *fixed
			if l.MaxBet != nil && x > *l.MaxBet {
				x = *l.MaxBet
			}
			if x = x / inc * inc; x < lo {
				es.add("bonus_strategy.limits", fmt.Sprintf("increment %s, min_bet %s", inc, lo),
					fmt.Sprintf("would turn the %s bonus of %s into no bet at all; allowed: limits that leave a bet", bs.Type, fixed.String()))
			}
		}
	}
	es = append(es, c.validateMagnitudes()...)
	if l := bs.Limits; l.MinBet != nil && l.MaxBet != nil && *l.MinBet > *l.MaxBet {
		es.add("bonus_strategy.limits.min_bet", l.MinBet.String(), "must be at most bonus_strategy.limits.max_bet = "+l.MaxBet.String())
	}
	es = append(es, c.validateOptions()...)
	es = append(es, c.validateOutput()...)
	return es
}
