package pyformat

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
)

// recorder keeps a copy of every record (the simulator reuses them), from
// any number of workers.
type recorder struct {
	mu       sync.Mutex
	hands    []sim.HandRecord
	sessions []sim.SessionRecord
}

func (r *recorder) Hand(h *sim.HandRecord) {
	r.mu.Lock()
	r.hands = append(r.hands, *h)
	r.mu.Unlock()
}

func (r *recorder) Session(s *sim.SessionRecord) {
	r.mu.Lock()
	r.sessions = append(r.sessions, *s)
	r.mu.Unlock()
}

type tee [2]sim.Observer

func (t tee) Hand(h *sim.HandRecord)       { t[0].Hand(h); t[1].Hand(h) }
func (t tee) Session(s *sim.SessionRecord) { t[0].Session(s); t[1].Session(s) }

func decode(t testing.TB, yaml string) *config.Config {
	t.Helper()
	c, err := configyaml.Decode("t.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// run writes the files of c's sessions with o into a new folder and
// returns the folder, the run's aggregate and (when rec) every record.
func run(t *testing.T, c *config.Config, o Options, workers int, rec *recorder) (string, *sim.Aggregate) {
	t.Helper()
	w, agg := runWriter(t, c, o, workers, rec)
	return w.o.Directory, agg
}

// runWriter is run, returning the writer.
func runWriter(t testing.TB, c *config.Config, o Options, workers int, rec *recorder) (*Writer, *sim.Aggregate) {
	t.Helper()
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	if o.Directory == Defaults().Directory { // never the working folder
		o.Directory = filepath.Join(t.TempDir(), "out")
	}
	run := Run{Seats: int(c.Table.NumSeats), StartingBankroll: int64(c.Bankroll.StartingAmount), Config: []byte(`{"simulation": {"num_sessions": 1}}`), Version: "test"}
	if l := c.Bankroll.StopConditions.WinLimit; l != nil {
		run.WinLimit = (*int64)(l)
	}
	if l := c.Bankroll.StopConditions.LossLimit; l != nil {
		run.LossLimit = (*int64)(l)
	}
	w, err := New(o, run)
	if err != nil {
		t.Fatal(err)
	}
	sink := w.Sink()
	if inner := sink; rec != nil {
		sink = func(lo, hi int) (sim.Observer, func() error, error) {
			if inner == nil { // no file streams: the recorder alone
				return rec, func() error { return nil }, nil
			}
			obs, done, err := inner(lo, hi)
			return tee{obs, rec}, done, err
		}
	}
	agg, err := runner.RunObserved(r, 11, 0, int(c.Simulation.NumSessions), workers, nil, sink)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Finish(context.Background(), time.Now(), time.Now()); err != nil {
		t.Fatal(err)
	}
	return w, agg
}

// readCSV reads a file, checks its BOM, CRLF endings and header.
func readCSV(t *testing.T, path string, header []string, bom bool) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(b, []byte("\ufeff")) != bom {
		t.Fatalf("%s: BOM present = %v, want %v", path, !bom, bom)
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if n, m := bytes.Count(b, []byte("\n")), bytes.Count(b, []byte("\r\n")); n != m || n == 0 {
		t.Fatalf("%s: %d line ends, %d of them CRLF", path, n, m)
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(header, ",") {
		t.Fatalf("%s: header %v, want %v", path, recs[0], header)
	}
	return recs[1:]
}

func cents(t *testing.T, s string) int64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !strings.Contains(s, ".") {
		t.Fatalf("amount %q: want a Python float", s)
	}
	return int64(math.Round(f * 100))
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return f
}

const oneSeat = `
simulation: {num_sessions: 300, hands_per_session: 60}
bankroll: {starting_amount: 100, base_bet: 5, stop_conditions: {win_limit: 50, loss_limit: 60}}
bonus_strategy: {enabled: true, type: always, always: {amount: 1}}
`

// One seat: every session row reads back as the simulator's record
// (hands, profit, outcome, stop reason, start and final bankroll, bets at
// risk and bonus bets summed over its hands, peak and drawdown from its
// bankroll path); every hand row as its hand; the aggregate row as the
// run's aggregate; the JSON holds the same sessions and aggregate.
func TestOneSeatRoundTrip(t *testing.T) {
	c := decode(t, oneSeat)
	o := Defaults()
	o.CSV.IncludeHands = true
	rec := &recorder{}
	dir, agg := run(t, c, o, 3, rec)
	p := func(name string) string { return filepath.Join(dir, "simulation"+name) }

	// The records per session index, in the order the simulator made them.
	byIndex := map[uint64][]sim.HandRecord{}
	for _, h := range rec.hands {
		byIndex[h.Session] = append(byIndex[h.Session], h)
	}
	sessions := readCSV(t, p(SessionsName), SessionFields, true)
	if len(sessions) != 300 || len(rec.sessions) != 300 {
		t.Fatalf("%d rows, %d records", len(sessions), len(rec.sessions))
	}
	recBy := map[uint64]sim.SessionRecord{}
	for _, s := range rec.sessions {
		recBy[s.Session] = s
	}
	for i, row := range sessions {
		s := recBy[uint64(i)] // one seat: row i is session i
		hands := byIndex[uint64(i)]
		if row[0] != "" || row[1] != "" {
			t.Fatalf("row %d: one seat writes None for table and seat, got %q %q", i, row[0], row[1])
		}
		start, peak, bank, dd, peakAt := int64(10000), int64(10000), int64(10000), int64(0), int64(10000)
		var wag, bonus int64
		for _, h := range hands {
			n := int64(1)
			if h.RideBet1 {
				n++
			}
			if h.RideBet2 {
				n++
			}
			wag += n * h.Bet
			bonus += h.BonusBet
			bank = h.Bankroll
			peak = max(peak, bank)
			if peak-bank > dd {
				dd, peakAt = peak-bank, peak
			}
		}
		want := []int64{start, start + s.Profit, s.Profit, wag, bonus, peak, dd}
		for k, col := range []int{5, 6, 7, 8, 9, 10, 11} {
			if got := cents(t, row[col]); got != want[k] {
				t.Fatalf("row %d %s = %s, want %d cents", i, SessionFields[col], row[col], want[k])
			}
		}
		if dd != s.Drawdown || bank != start+s.Profit {
			t.Fatalf("row %d: drawdown %d vs record %d, bankroll %d vs %d", i, dd, s.Drawdown, bank, start+s.Profit)
		}
		if wantPct := float64(dd) / float64(peakAt) * 100; math.Abs(num(t, row[12])-wantPct) > 1e-12*wantPct {
			t.Fatalf("row %d max_drawdown_pct %s, want %v", i, row[12], wantPct)
		}
		if row[4] != strconv.FormatInt(s.Hands, 10) || row[3] != stopName(s.Reason) || row[2] != outcome(s.Profit) {
			t.Fatalf("row %d: %v for %+v", i, row, s)
		}
	}

	handRows := readCSV(t, p(HandsName), HandFields, true)
	if len(handRows) != len(rec.hands) {
		t.Fatalf("%d hand rows, %d hands", len(handRows), len(rec.hands))
	}
	k := 0
	for i := uint64(0); i < 300; i++ {
		for _, h := range byIndex[i] {
			row := handRows[k]
			k++
			cards := strings.Fields(row[3] + " " + row[4])
			if row[0] != strconv.FormatInt(h.Hand-1, 10) || row[1] != strconv.FormatUint(h.Session, 10) || row[2] != "" ||
				len(cards) != 5 || cards[0] != h.Cards[0].String() || cards[4] != h.Cards[4].String() ||
				row[7] != h.Category.String() || (row[5] == "ride") != h.RideBet1 || (row[6] == "ride") != h.RideBet2 ||
				row[12] != h.Category3.String() {
				t.Fatalf("hand row %v for %+v", row, h)
			}
			if cents(t, row[8]) != h.Bet || cents(t, row[10]) != max(h.MainNet, 0) || cents(t, row[11]) != h.BonusBet ||
				cents(t, row[13]) != max(h.BonusNet, 0) || cents(t, row[14]) != h.Bankroll {
				t.Fatalf("hand row amounts %v for %+v", row, h)
			}
		}
	}

	aggRows := readCSV(t, p(AggregateName), AggregateFields, true)
	a := aggRows[0]
	s := agg.Seats[0]
	mainW, bonusW := s.MainWagered.Big().Int64(), s.BonusWagered.Big().Int64()
	net := s.Profit.S1.Big().Int64()
	bonusNet := s.BonusWon.Big().Int64() - bonusW
	checks := []struct {
		col  int
		want float64
	}{
		{0, float64(s.PlayerSessions)}, {1, float64(s.Outcomes[sim.OutcomeWin])}, {2, float64(s.Outcomes[sim.OutcomeLoss])},
		{3, float64(s.Outcomes[sim.OutcomePush])}, {5, float64(s.Hands)},
		{6, float64(mainW+bonusW) / 100}, {7, float64(net+mainW+bonusW) / 100}, {8, float64(net) / 100},
		{9, float64(net) / 100 / float64(s.Hands)}, {10, float64(mainW) / 100}, {11, float64(s.MainWon.Big().Int64()) / 100},
		{13, float64(bonusW) / 100}, {14, float64(s.BonusWon.Big().Int64()) / 100}, {15, float64(bonusNet) / 100 / float64(s.Hands)},
		{16, float64(net) / 100 / 300}, {19, float64(s.Profit.Min) / 100}, {20, float64(s.Profit.Max) / 100},
	}
	for _, c := range checks {
		if got := num(t, a[c.col]); math.Abs(got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
			t.Errorf("%s = %s, want %v", AggregateFields[c.col], a[c.col], c.want)
		}
	}

	var doc struct {
		Metadata  map[string]any `json:"metadata"`
		Config    map[string]any `json:"config"`
		Timing    map[string]any `json:"simulation_timing"`
		Aggregate map[string]any `json:"aggregate_statistics"`
		Sessions  []map[string]any
	}
	b, err := os.ReadFile(p(JSONName))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &doc)
	json.Unmarshal(raw["session_results"], &doc.Sessions)
	if doc.Metadata["schema_version"] != "1.0" || doc.Config == nil || doc.Timing["total_hands"] != float64(s.Hands) {
		t.Fatalf("JSON head: %v %v %v", doc.Metadata, doc.Config, doc.Timing)
	}
	for i, name := range AggregateFields {
		if doc.Aggregate[name] != num(t, aggRows[0][i]) {
			t.Errorf("JSON %s = %v, CSV %s", name, doc.Aggregate[name], aggRows[0][i])
		}
	}
	if len(doc.Sessions) != 300 {
		t.Fatalf("%d JSON sessions", len(doc.Sessions))
	}
	for i, js := range doc.Sessions {
		for k, name := range SessionFields {
			want := any(nil)
			if v := sessions[i][k]; v != "" {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					want = f
				} else {
					want = v
				}
			}
			if js[name] != want {
				t.Fatalf("JSON session %d %s = %v, CSV %q", i, name, js[name], sessions[i][k])
			}
		}
	}
	if !bytes.HasPrefix(b, []byte("{\n  \"metadata\": {\n    \"schema_version\": \"1.0\",")) || !bytes.HasSuffix(b, []byte("\n  ]\n}\n")) {
		t.Errorf("JSON not spelled as json.dump(indent=2): %q ... %q", b[:60], b[len(b)-20:])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 4 {
		t.Errorf("the folder holds %d entries, want the four files and no temporary", len(entries))
	}
}

const threeSeats = `
simulation: {num_sessions: 200, hands_per_session: 40}
table: {num_seats: 3}
bankroll: {starting_amount: 100, base_bet: 5, stop_conditions: {win_limit: 50, loss_limit: 60}}
`

// Three seats: rows in table-session then seat order, the seat file's
// counts are those of the session rows, and the files do not depend on
// the number of workers.
func TestSeatsAndWorkers(t *testing.T) {
	c := decode(t, threeSeats)
	o := Defaults()
	o.CSV.IncludeSeatAggregate = true
	o.JSON.Pretty = false
	o.BOM = false
	dir1, _ := run(t, c, o, 1, nil)
	dir3, agg := run(t, c, o, 3, nil)
	for _, name := range []string{SessionsName, AggregateName, SeatAggregateName} {
		a, _ := os.ReadFile(filepath.Join(dir1, "simulation"+name))
		b, _ := os.ReadFile(filepath.Join(dir3, "simulation"+name))
		if !bytes.Equal(a, b) || len(a) == 0 {
			t.Errorf("%s differs between 1 and 3 workers", name)
		}
	}
	rows := readCSV(t, filepath.Join(dir3, "simulation"+SessionsName), SessionFields, false)
	if len(rows) != 600 {
		t.Fatalf("%d rows", len(rows))
	}
	var wins [4]int
	for i, r := range rows {
		if r[0] != strconv.Itoa(i/3) || r[1] != strconv.Itoa(i%3+1) {
			t.Fatalf("row %d is table %s seat %s", i, r[0], r[1])
		}
		if r[2] == "win" {
			wins[i%3+1]++
		}
	}
	seats := readCSV(t, filepath.Join(dir3, "simulation"+SeatAggregateName), SeatFields, false)
	if len(seats) != 4 || seats[3][0] != "SUMMARY" {
		t.Fatalf("seat rows %v", seats)
	}
	for i := 0; i < 3; i++ {
		if seats[i][2] != strconv.Itoa(wins[i+1]) || seats[i][2] != strconv.FormatUint(agg.Seats[i].Outcomes[sim.OutcomeWin], 10) {
			t.Errorf("seat %d wins %s, rows say %d", i+1, seats[i][2], wins[i+1])
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir3, "simulation"+JSONName))
	if bytes.Count(b, []byte("\n")) != 0 || !bytes.HasPrefix(b, []byte(`{"metadata": {"schema_version": "1.0", `)) {
		t.Errorf("compact JSON not as json.dump without indent: %q", b[:50])
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if n := len(v["session_results"].([]any)); n != 600 {
		t.Errorf("%d JSON sessions", n)
	}
}

// Its hands file has no seat column: asked for with several seats it is
// refused, naming the key; switched-off files are not written.
func TestRefusalsAndSwitches(t *testing.T) {
	o := Defaults()
	o.Directory = t.TempDir()
	o.CSV.IncludeHands = true
	if _, err := New(o, Run{Seats: 3, Config: []byte("{}")}); err == nil || !strings.Contains(err.Error(), "include_hands") {
		t.Errorf("hands with three seats: %v", err)
	}
	o = Defaults()
	o.CSV.IncludeAggregate = false
	o.JSON.Enabled = false
	dir, _ := run(t, decode(t, oneSeat), o, 2, nil)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "simulation"+SessionsName {
		t.Errorf("want only the sessions file, have %v", entries)
	}
	o = Defaults()
	o.CSV.Enabled = false
	o.JSON.Enabled = false
	w, err := New(o, Run{Seats: 1})
	if err != nil || w.Sink() != nil || len(w.Paths()) != 0 {
		t.Errorf("nothing asked for: %v %v", err, w.Paths())
	}
}

// A file already there is replaced whole, as its exporters replace it; a
// run that fails or is interrupted leaves it as it was, with no
// temporary beside it; a folder in the way is refused before the run.
func TestReplaceWholeOrNotAtAll(t *testing.T) {
	c := decode(t, oneSeat)
	dir := t.TempDir()
	o := Defaults()
	o.Directory = dir
	old := filepath.Join(dir, "simulation"+SessionsName)
	os.WriteFile(old, []byte("old\n"), 0o644)

	r, _ := sim.NewRunner(c)
	w, err := New(o, Run{Seats: 1, Config: []byte("{}")})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if _, err := runner.RunObserved(r, 1, 0, 300, 2, nil, w.Sink()); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := w.Finish(ctx, time.Now(), time.Now()); err != ErrInterrupted {
		t.Fatalf("Finish after the end of its context: %v", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "old\n" {
		t.Errorf("an interrupted run changed the file: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	run(t, c, o, 2, nil)
	if rows := readCSV(t, old, SessionFields, true); len(rows) != 300 {
		t.Errorf("replaced file has %d rows", len(rows))
	}
	os.Remove(filepath.Join(dir, "simulation"+AggregateName))
	os.Mkdir(filepath.Join(dir, "simulation"+AggregateName), 0o755)
	if _, err := New(o, Run{Seats: 1, Config: []byte("{}")}); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("a folder named as the aggregate file: %v", err)
	}
}

// Memory stays flat: ten times the sessions (and rows) raise the live
// heap, sampled after every chunk, by far less than the rows written.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 220,000 sessions")
	}
	c := decode(t, `
simulation: {num_sessions: 1, hands_per_session: 3}
bankroll: {starting_amount: 100, base_bet: 5, stop_conditions: {win_limit: 10000, loss_limit: 10000}}
`)
	peak := func(n int) (uint64, int64) {
		c.Simulation.NumSessions = int64(n)
		r, _ := sim.NewRunner(c)
		o := Defaults()
		o.Directory = t.TempDir()
		w, err := New(o, Run{Seats: 1, StartingBankroll: 10000, Config: []byte("{}")})
		if err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var most uint64
		sink := func(lo, hi int) (sim.Observer, func() error, error) {
			obs, done, err := w.Sink()(lo, hi)
			return obs, func() error {
				err := done()
				mu.Lock()
				defer mu.Unlock()
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				most = max(most, ms.HeapAlloc)
				return err
			}, err
		}
		if _, err := runner.RunObserved(r, 5, 0, n, 2, nil, sink); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Finish(context.Background(), time.Now(), time.Now()); err != nil {
			t.Fatal(err)
		}
		st, _ := os.Stat(filepath.Join(o.Directory, "simulation"+SessionsName))
		js, _ := os.Stat(filepath.Join(o.Directory, "simulation"+JSONName))
		return most, st.Size() + js.Size()
	}
	small, _ := peak(20000)
	large, written := peak(200000)
	if grow := int64(large) - int64(small); grow > written/20 {
		t.Errorf("heap %d bytes at 20,000 sessions, %d at 200,000 (%d bytes of files written)", small, large, written)
	}
	t.Logf("heap %d → %d bytes; files %d bytes", small, large, written)
}
