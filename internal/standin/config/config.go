// Package config is a temporary stand-in for engine/config.
package config

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

type Config struct {
	Simulation    Simulation    `json:"simulation"`
	Table         Table         `json:"table"`
	Bankroll      Bankroll      `json:"bankroll"`
	Strategy      Strategy      `json:"strategy"`
	BonusStrategy BonusStrategy `json:"bonus_strategy"`
	Paytables     Paytables     `json:"paytables"`
}

type Simulation struct {
	NumSessions     int     `json:"num_sessions"`
	HandsPerSession int     `json:"hands_per_session"`
	RandomSeed      *uint64 `json:"random_seed"`
}

type Table struct {
	NumSeats int    `json:"num_seats"`
	SeatMode string `json:"seat_mode"`
}

type Bankroll struct {
	StartingAmount float64 `json:"starting_amount"`
	BaseBet        float64 `json:"base_bet"`
	StopConditions Stops   `json:"stop_conditions"`
}

type Stops struct {
	WinLimit  *float64 `json:"win_limit"`
	LossLimit *float64 `json:"loss_limit"`
	MaxHands  *int     `json:"max_hands"`
}

type Strategy struct {
	Type string `json:"type"`
}

type BonusStrategy struct {
	Enabled bool   `json:"enabled"`
	Type    string `json:"type"`
	Static  struct {
		Amount float64 `json:"amount"`
	} `json:"static"`
}

type Paytables struct {
	MainGame struct {
		Type string `json:"type"`
	} `json:"main_game"`
	Bonus struct {
		Type string `json:"type"`
	} `json:"bonus"`
}

func Default() *Config {
	w, l, m := 250.0, 200.0, 200
	c := &Config{}
	c.Simulation.NumSessions = 10000
	c.Simulation.HandsPerSession = 200
	c.Table.NumSeats = 1
	c.Table.SeatMode = "sit_out"
	c.Bankroll.StartingAmount = 500
	c.Bankroll.BaseBet = 5
	c.Bankroll.StopConditions = Stops{WinLimit: &w, LossLimit: &l, MaxHands: &m}
	c.Strategy.Type = "basic"
	c.BonusStrategy.Type = "static"
	c.BonusStrategy.Static.Amount = 5
	c.Paytables.MainGame.Type = "standard"
	c.Paytables.Bonus.Type = "paytable_b"
	return c
}

// Error is one problem found in a config.
type Error struct {
	Path    string
	Value   string
	Allowed string
}

func (e Error) Error() string {
	return fmt.Sprintf("%s: %s is not allowed (allowed: %s)", e.Path, e.Value, e.Allowed)
}

// Errors lists every problem found.
type Errors []Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func DecodeJSON(data []byte) (*Config, error) {
	c := Default()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		return nil, Errors{{Path: "(document)", Value: fmt.Sprintf("%q", err.Error()), Allowed: "a JSON object of the config schema"}}
	}
	var es Errors
	if n := c.Simulation.NumSessions; n < 1 || n > 1e9 {
		es = append(es, Error{"simulation.num_sessions", fmt.Sprint(n), "1 to 1000000000"})
	}
	if n := c.Table.NumSeats; n < 1 || n > 7 {
		es = append(es, Error{"table.num_seats", fmt.Sprint(n), "1 to 7"})
	}
	if b := c.Bankroll.BaseBet; b <= 0 {
		es = append(es, Error{"bankroll.base_bet", fmt.Sprint(b), "more than 0"})
	}
	if s := c.Bankroll.StartingAmount; s < 3*c.Bankroll.BaseBet {
		es = append(es, Error{"bankroll.starting_amount", fmt.Sprint(s), "at least 3 × bankroll.base_bet"})
	}
	switch c.Strategy.Type {
	case "basic", "always_ride", "always_pull":
	default:
		es = append(es, Error{"strategy.type", fmt.Sprintf("%q", c.Strategy.Type), "basic, always_ride, always_pull"})
	}
	if len(es) > 0 {
		return nil, es
	}
	return c, nil
}

func (c *Config) CanonicalJSON() []byte {
	b, err := json.Marshal(c)
	if err != nil {
		panic(err)
	}
	return b
}
