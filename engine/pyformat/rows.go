package pyformat

import (
	"strconv"

	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/sim"
)

// sessionRow is one player session, as its SessionResult holds it.
type sessionRow struct {
	table        uint64
	seat         int
	hands        int64
	start        int64 // cents, as every amount here
	profit       int64
	wagered      int64 // Σ bets at risk on the main game
	bonusWagered int64
	bonusNet     int64
	peak         int64 // highest bankroll, the start included
	drawdown     int64 // largest fall from a running peak
	peakAtDD     int64 // the peak that fall started from
	reason       rulebook.Stop
}

// stopName is its StopReason value for ours: a table that closes is its
// "table_rounds_complete"; a time limit, which it does not have, keeps
// our name.
func stopName(s rulebook.Stop) string {
	if s == rulebook.StopTableClosed {
		return "table_rounds_complete"
	}
	return s.String()
}

func outcome(profit int64) string {
	switch {
	case profit > 0:
		return sim.OutcomeNames[sim.OutcomeWin]
	case profit < 0:
		return sim.OutcomeNames[sim.OutcomeLoss]
	}
	return sim.OutcomeNames[sim.OutcomePush]
}

// drawdownPct is its max_drawdown_pct: the largest fall as a percentage
// of the peak it fell from, 0.0 when that peak is 0.
func (r *sessionRow) drawdownPct() float64 {
	if r.peakAtDD == 0 {
		return 0
	}
	return dollars(r.drawdown) / dollars(r.peakAtDD) * 100
}

// values returns the row's fields in SessionFields order, each as Python
// spells it; table and seat are None (empty) in a one-seat run.
func (r *sessionRow) values(multiSeat bool) [13][]byte {
	var v [13][]byte
	if multiSeat {
		v[0] = strconv.AppendUint(nil, r.table, 10)
		v[1] = strconv.AppendInt(nil, int64(r.seat), 10)
	}
	v[2] = []byte(outcome(r.profit))
	v[3] = []byte(stopName(r.reason))
	v[4] = strconv.AppendInt(nil, r.hands, 10)
	v[5] = appendDollars(nil, r.start)
	v[6] = appendDollars(nil, r.start+r.profit)
	v[7] = appendDollars(nil, r.profit)
	v[8] = appendDollars(nil, r.wagered)
	v[9] = appendDollars(nil, r.bonusWagered)
	v[10] = appendDollars(nil, r.peak)
	v[11] = appendDollars(nil, r.drawdown)
	v[12] = appendFloat(nil, r.drawdownPct())
	return v
}

// appendSessionCSV appends the row as a CSV line (CRLF, as Python's csv
// module ends rows).
func appendSessionCSV(b []byte, r *sessionRow, multiSeat bool) []byte {
	for i, f := range r.values(multiSeat) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, f...)
	}
	return append(b, '\r', '\n')
}

// appendSessionJSON appends the row as a JSON object in its to_dict's
// key order; None is null, strings are quoted.
func appendSessionJSON(b []byte, r *sessionRow, multiSeat bool, f *jsonFormat, depth int) []byte {
	v := r.values(multiSeat)
	b = f.open(b, '{')
	for i, name := range SessionFields {
		b = f.key(b, i, depth+1, name)
		switch {
		case v[i] == nil:
			b = append(b, "null"...)
		case i == 2 || i == 3:
			b = appendJSONString(b, string(v[i]))
		default:
			b = append(b, v[i]...)
		}
	}
	return f.close(b, '}', depth, len(SessionFields))
}

// appendHandCSV appends one hand as a row of PREFIX_hands.csv: hand_id
// from 0 within the session, session_id the session's index from 0,
// shoe_id None (one deck), payouts the winnings (0 on a loss), as its
// HandRecord.
func appendHandCSV(b []byte, h *sim.HandRecord) []byte {
	b = strconv.AppendInt(b, h.Hand-1, 10)
	b = append(b, ',')
	b = strconv.AppendUint(b, h.Session, 10)
	b = append(b, ',', ',')
	for i, c := range h.Cards {
		switch i {
		case 0:
		case 3:
			b = append(b, ',')
		default:
			b = append(b, ' ')
		}
		b = append(b, c.String()...)
	}
	for _, ride := range [2]bool{h.RideBet1, h.RideBet2} {
		if ride {
			b = append(b, ",ride"...)
		} else {
			b = append(b, ",pull"...)
		}
	}
	b = append(b, ',')
	b = append(b, h.Category.String()...)
	b = append(b, ',')
	b = appendDollars(b, h.Bet)
	b = append(b, ',')
	b = appendDollars(b, atRisk(h))
	b = append(b, ',')
	b = appendDollars(b, max(h.MainNet, 0))
	b = append(b, ',')
	b = appendDollars(b, h.BonusBet)
	b = append(b, ',')
	if h.BonusBet > 0 {
		b = append(b, h.Category3.String()...)
	}
	b = append(b, ',')
	b = appendDollars(b, max(h.BonusNet, 0))
	b = append(b, ',')
	b = appendDollars(b, h.Bankroll)
	return append(b, '\r', '\n')
}

// atRisk is its bets_at_risk: the circles still riding at the showdown
// (bet 3 always), each of the per-circle bet.
func atRisk(h *sim.HandRecord) int64 {
	n := int64(1)
	if h.RideBet1 {
		n++
	}
	if h.RideBet2 {
		n++
	}
	return n * h.Bet
}
