// Package results is a temporary stand-in for engine/results.
package results

import (
	"encoding/json"
	"strconv"

	"github.com/lir-lab/lir/internal/standin/config"
	"github.com/lir-lab/lir/internal/standin/sim"
)

type Document struct {
	SchemaVersion   int                `json:"schema_version"`
	Seed            string             `json:"seed"`
	Config          json.RawMessage    `json:"config"`
	Sessions        int64              `json:"sessions"`
	Hands           int64              `json:"hands"`
	SessionOutcomes map[string]int64   `json:"session_outcomes"`
	StopReasons     map[string]int64   `json:"stop_reasons"`
	HandCounts      map[string]int64   `json:"hand_counts"`
	Main            Money              `json:"main"`
	EVPerHand       float64            `json:"ev_per_hand"`
	EVPerHandUnits  float64            `json:"ev_per_hand_units"`
	SessionProfit   map[string]float64 `json:"session_profit"`
	ProfitHistogram []int64            `json:"session_profit_histogram"`
	Timing          map[string]any     `json:"timing,omitempty"`
}

type Money struct {
	Wagered float64 `json:"wagered"`
	Won     float64 `json:"won"`
	Net     float64 `json:"net"`
}

var handNames = []string{"royal_flush", "straight_flush", "four_of_a_kind", "full_house", "flush", "straight", "three_of_a_kind", "two_pair", "pair_tens_or_better", "pair_below_tens", "high_card"}

func Build(cfg *config.Config, seed uint64, agg *sim.Aggregate) *Document {
	d := &Document{SchemaVersion: 0, Seed: strconv.FormatUint(seed, 10), Config: cfg.CanonicalJSON(),
		Sessions: agg.Sessions, Hands: agg.Hands,
		SessionOutcomes: map[string]int64{"win": agg.Win, "loss": agg.Loss, "push": agg.Push},
		StopReasons:     map[string]int64{"win_limit": agg.StopReasons[0], "loss_limit": agg.StopReasons[1], "max_hands": agg.StopReasons[2], "insufficient_funds": agg.StopReasons[3]},
		HandCounts:      map[string]int64{},
		ProfitHistogram: agg.Histogram[:],
	}
	for i, n := range handNames {
		d.HandCounts[n] = agg.HandCounts[i]
	}
	d.Main = Money{float64(agg.Wagered) / 100, float64(agg.Won) / 100, float64(agg.Won-agg.Wagered) / 100}
	if agg.Hands > 0 {
		d.EVPerHand = d.Main.Net / float64(agg.Hands)
		d.EVPerHandUnits = d.EVPerHand / cfg.Bankroll.BaseBet
	}
	if agg.Sessions > 0 {
		d.SessionProfit = map[string]float64{"mean": float64(agg.ProfitSum) / 100 / float64(agg.Sessions), "min": float64(agg.ProfitMin) / 100, "max": float64(agg.ProfitMax) / 100}
	}
	return d
}

func (d *Document) JSON() ([]byte, error) { return json.MarshalIndent(d, "", "  ") }
