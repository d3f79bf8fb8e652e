package results

import (
	"bytes"
	"encoding/csv"
	"strconv"
)

// csvColumns are the per-seat figures written to the CSV exports, in order.
var csvColumns = []string{
	"player_sessions", "hands", "wins", "losses", "pushes", "win_rate", "win_rate_ci95_low", "win_rate_ci95_high",
	"ev_per_hand", "ev_per_hand_ci95_low", "ev_per_hand_ci95_high", "ev_per_hand_units",
	"main_wagered", "main_won", "main_net", "bonus_wagered", "bonus_won", "bonus_net",
	"profit_mean", "profit_std", "profit_min", "profit_p5", "profit_p25", "profit_p50", "profit_p75", "profit_p95", "profit_max",
	"hands_per_session_mean", "ride_rate_bet1", "ride_rate_bet2",
}

func csvRow(f *Figures) []string {
	s := func(v any) string {
		switch x := v.(type) {
		case uint64:
			return strconv.FormatUint(x, 10)
		case Float:
			b, _ := x.MarshalJSON()
			return string(b)
		case Approx:
			b, _ := x.MarshalJSON()
			return string(b)
		case Cents:
			b, _ := x.MarshalJSON()
			return string(b)
		}
		panic("results: no CSV form")
	}
	o := f.SessionOutcomes
	p := f.SessionProfit
	return []string{
		s(f.PlayerSessions), s(f.Hands), s(o.Get("win")), s(o.Get("loss")), s(o.Get("push")),
		s(f.SessionWinRate.Value), s(f.SessionWinRate.CI95Lo), s(f.SessionWinRate.CI95Hi),
		s(f.EV.Total.Value), s(f.EV.Total.CI95Lo), s(f.EV.Total.CI95Hi), s(f.EVPerHandUnits),
		s(f.Main.Wagered), s(f.Main.Won), s(f.Main.Net), s(f.Bonus.Wagered), s(f.Bonus.Won), s(f.Bonus.Net),
		s(p.Mean), s(p.Std), s(p.Min), s(p.P5), s(p.P25), s(p.P50), s(p.P75), s(p.P95), s(p.Max),
		s(f.HandsPerSession.Mean), s(f.RideRateBet1), s(f.RideRateBet2),
	}
}

// SummaryCSV is a header and one row of the run's aggregate figures.
func SummaryCSV(d *Document) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(append([]string{"seed", "sessions"}, csvColumns...))
	w.Write(append([]string{d.Seed, strconv.FormatUint(d.Sessions, 10)}, csvRow(&d.Figures)...))
	w.Flush()
	return b.Bytes()
}

// SeatsCSV is a header and one row per seat (one row for a single seat).
func SeatsCSV(d *Document) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(append([]string{"seat"}, csvColumns...))
	if len(d.Seats) == 0 {
		w.Write(append([]string{"1"}, csvRow(&d.Figures)...))
	}
	for i := range d.Seats {
		w.Write(append([]string{strconv.Itoa(d.Seats[i].Seat)}, csvRow(&d.Seats[i].Figures)...))
	}
	w.Flush()
	return b.Bytes()
}
