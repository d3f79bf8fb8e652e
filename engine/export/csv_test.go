package export_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/export"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/sim"
)

// parseCents reads AppendCents' text back into cents: digits, a point and
// exactly two decimals, with an optional minus sign.
func parseCents(t *testing.T, s string) int64 {
	t.Helper()
	i := strings.IndexByte(s, '.')
	if i < 0 || len(s)-i != 3 {
		t.Fatalf("amount %q: want two decimals", s)
	}
	v, err := strconv.ParseInt(s[:i]+s[i+1:], 10, 64)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return v
}

// AppendCents round-trips every amount, the extremes of int64 included.
func TestAppendCentsRoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 5, -5, 99, 100, -100, 101, 12345, -12345, 1 << 40, math.MaxInt64, math.MinInt64} {
		s := string(export.AppendCents(nil, v))
		if got := parseCents(t, s); got != v {
			t.Errorf("AppendCents(%d) = %q, reads back as %d", v, s, got)
		}
	}
	if s := string(export.AppendCents([]byte("x"), -5)); s != "x-0.05" {
		t.Errorf("AppendCents appends: %q", s)
	}
}

// recorder keeps a copy of every record (the simulator reuses them).
type recorder struct {
	hands    []sim.HandRecord
	sessions []sim.SessionRecord
}

func (r *recorder) Hand(h *sim.HandRecord)       { r.hands = append(r.hands, *h) }
func (r *recorder) Session(s *sim.SessionRecord) { r.sessions = append(r.sessions, *s) }

// tee passes each record to both observers.
type tee [2]sim.Observer

func (t tee) Hand(h *sim.HandRecord)       { t[0].Hand(h); t[1].Hand(h) }
func (t tee) Session(s *sim.SessionRecord) { t[0].Session(s); t[1].Session(s) }

// A study with three seats in replace mode (several players per seat and
// session) and a bonus bet on some hands only.
const study = `
simulation: {num_sessions: 40}
table: {num_seats: 3, seat_mode: replace, table_rounds: 60}
bankroll:
  starting_amount: 60
  base_bet: 5
  stop_conditions: {win_limit: 40, loss_limit: 30}
bonus_strategy:
  enabled: true
  type: bankroll_conditional
  bankroll_conditional: {amount: 1, min_bankroll_ratio: 1.2}
`

func rows(t *testing.T, data, header string) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(header + data))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Split(strings.TrimSuffix(header, "\n"), ","); strings.Join(recs[0], ",") != strings.Join(want, ",") {
		t.Fatalf("header %q", recs[0])
	}
	return recs[1:]
}

// Every row of both files reads back as the record the simulator passed
// to the observer: same session, seat, counts, amounts to the cent, cards,
// decisions, categories and stop reason; player numbers count the players
// of a seat within a session from 0; and each player's hand nets sum to
// the session's profit.
func TestCSVRoundTrip(t *testing.T) {
	c, err := configyaml.Decode("study.yaml", []byte(study))
	if err != nil {
		t.Fatal(err)
	}
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	var sessions, hands bytes.Buffer
	w := export.NewCSV(&sessions, &hands)
	rec := &recorder{}
	r.RunObserved(7, 0, 40, nil, tee{w, rec})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	srows, hrows := rows(t, sessions.String(), export.SessionHeader), rows(t, hands.String(), export.HandHeader)
	if len(srows) != len(rec.sessions) || len(hrows) != len(rec.hands) {
		t.Fatalf("%d session rows for %d sessions, %d hand rows for %d hands", len(srows), len(rec.sessions), len(hrows), len(rec.hands))
	}
	u := func(s string) uint64 {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	cat := map[string]poker.Category{}
	for _, k := range poker.Categories() {
		cat[k.String()] = k
	}
	cat3 := map[string]poker.Category3{}
	for k := poker.Category3(0); k < poker.NumCategories3; k++ {
		cat3[k.String()] = k
	}

	var bonusHands, noBonusHands, replaced int
	for i, h := range rec.hands {
		f := hrows[i]
		cs, err := cards.ParseHand(f[3])
		if err != nil || len(cs) != 5 {
			t.Fatalf("hand row %d: cards %q: %v", i, f[3], err)
		}
		got := sim.HandRecord{
			Session: u(f[0]), Seat: int(u(f[1])), Hand: int64(u(f[2])), Cards: [5]cards.Card(cs),
			Bet: parseCents(t, f[4]), BonusBet: parseCents(t, f[5]), RideBet1: f[6] == "1", RideBet2: f[7] == "1",
			Category: cat[f[8]], MainNet: parseCents(t, f[10]), BonusNet: parseCents(t, f[11]), Bankroll: parseCents(t, f[12]),
			StartMoney: h.StartMoney,
		}
		if h.BonusBet > 0 {
			got.Category3 = cat3[f[9]]
			bonusHands++
		} else {
			if f[9] != "" {
				t.Errorf("hand row %d: bonus category %q without a bonus bet", i, f[9])
			}
			got.Category3 = h.Category3
			noBonusHands++
		}
		if got != h || (f[6] != "0" && f[6] != "1") || (f[7] != "0" && f[7] != "1") {
			t.Fatalf("hand row %d: %q reads as\n%+v, the record was\n%+v", i, f, got, h)
		}
	}
	if bonusHands == 0 || noBonusHands == 0 {
		t.Fatalf("%d hands with a bonus bet, %d without: the study must have both", bonusHands, noBonusHands)
	}

	// Hands of one player session are contiguous among the records of its
	// seat; sum their nets per (session, seat, player).
	type player struct {
		session uint64
		seat    int
		n       int
	}
	net := map[player]int64{}
	next := map[[2]uint64]int{} // (session, seat) → the player now playing
	for i, s := range rec.sessions {
		f := srows[i]
		got := sim.SessionRecord{
			Session: u(f[0]), Seat: int(u(f[1])), Hands: int64(u(f[3])), Profit: parseCents(t, f[4]),
			Peak: parseCents(t, f[5]), Trough: parseCents(t, f[6]), Drawdown: parseCents(t, f[7]), Bonus: parseCents(t, f[8]),
			Reason: s.Reason,
		}
		if got != s || f[10] != s.Reason.String() {
			t.Fatalf("session row %d: %q reads as\n%+v, the record was\n%+v", i, f, got, s)
		}
		outcome := map[bool]string{true: "win"}[s.Profit > 0]
		if s.Profit < 0 {
			outcome = "loss"
		} else if s.Profit == 0 {
			outcome = "push"
		}
		if f[9] != outcome {
			t.Errorf("session row %d: outcome %q for profit %d", i, f[9], s.Profit)
		}
		key := [2]uint64{s.Session, uint64(s.Seat)}
		if p := int(u(f[2])); p != next[key] {
			t.Errorf("session row %d: player %d, want %d", i, p, next[key])
		}
		if next[key] > 0 {
			replaced++
		}
		net[player{s.Session, s.Seat, next[key]}] = s.Profit
		next[key]++
	}
	if replaced == 0 {
		t.Fatal("no seat hosted a second player: replace mode untested")
	}
	// Each player's hands: walk the hand records per seat, starting a new
	// player when the hand number restarts at 1.
	sum := map[player]int64{}
	cur := map[[2]uint64]int{}
	for _, h := range rec.hands {
		key := [2]uint64{h.Session, uint64(h.Seat)}
		if h.Hand == 1 {
			if _, seen := cur[key]; seen {
				cur[key]++
			} else {
				cur[key] = 0
			}
		}
		sum[player{h.Session, h.Seat, cur[key]}] += h.MainNet + h.BonusNet
	}
	for p, profit := range net {
		if sum[p] != profit {
			t.Errorf("session %d seat %d player %d: hand nets sum to %d, profit %d", p.session, p.seat, p.n, sum[p], profit)
		}
	}
}
