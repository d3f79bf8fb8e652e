package pyformat

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
	"github.com/lir-lab/lir/internal/outfile"
)

// Run is what the files say about the run besides its sessions.
type Run struct {
	Seats int
	// StartingBankroll is the bankroll of a player session that ended
	// before its first hand (cents); others take it from their hands.
	StartingBankroll int64
	// Config is the "config" member of the JSON (its model_dump of the
	// file), as JSON; needed when Options.JSON.IncludeConfig.
	Config []byte
	// Version is the JSON's metadata.simulator_version.
	Version string
	// WinLimit and LossLimit (cents, nil for none) are drawn on the
	// bankroll_trajectory chart.
	WinLimit, LossLimit *int64
}

// ErrInterrupted is returned by Finish when its context ends first.
var ErrInterrupted = errors.New("interrupted")

// Writer streams a run's files. Use Sink as the runner's sink, then
// Finish; Abort on any failure.
type Writer struct {
	o       Options
	run     Run
	json    jsonFormat
	scratch *outfile.Scratch

	mu        sync.Mutex
	chunks    []chunkInfo
	totals    totals
	cancelled bool
}

type chunkInfo struct {
	lo       int
	sessions int // session entries (for the JSON's separators)
}

// Streams kept per chunk, in this order.
const (
	streamSessions = iota // CSV rows
	streamHands           // CSV rows
	streamJSON            // session_results entries, each led by a separator
	numStreams
)

// New checks the options against the run, creates the output folder and
// a scratch folder in it for the chunks.
func New(o Options, run Run) (*Writer, error) {
	if run.Seats < 1 || run.Seats > maxSeats {
		return nil, fmt.Errorf("pyformat: %d seats", run.Seats)
	}
	if o.handsCSV() && run.Seats > 1 {
		return nil, fmt.Errorf("output.formats.csv.include_hands: the Python tool's %s has no seat column, so it cannot hold a table of %d seats; write the hands with --per-hand-csv instead", HandsName[1:], run.Seats)
	}
	if o.JSON.Enabled && o.JSON.IncludeConfig && len(run.Config) == 0 {
		return nil, errors.New("pyformat: the JSON is to include the config, and none was given")
	}
	if o.Prefix == "" || strings.ContainsAny(o.Prefix, `/\`) {
		return nil, fmt.Errorf("output.prefix: %q is not allowed; want a file name start without a folder", o.Prefix)
	}
	w := &Writer{o: o, run: run, json: jsonFormat{pretty: o.JSON.Pretty}}
	if err := w.o.checkCharts(); err != nil {
		return nil, err
	}
	if !w.any() {
		return w, nil
	}
	if err := os.MkdirAll(o.Directory, 0o755); err != nil {
		return nil, fmt.Errorf("output.directory: %w", err)
	}
	for _, p := range w.Paths() {
		if err := outfile.Check(p); err != nil {
			return nil, err
		}
	}
	if w.streams() != [numStreams]bool{} {
		s, err := outfile.NewScratch(o.Directory)
		if err != nil {
			return nil, err
		}
		w.scratch = s
	}
	return w, nil
}

func (w *Writer) any() bool {
	o := &w.o
	return o.sessionsCSV() || o.aggregateCSV() || o.handsCSV() || o.seatCSV(w.run.Seats) || o.JSON.Enabled
}

func (w *Writer) streams() [numStreams]bool {
	return [numStreams]bool{w.o.sessionsCSV(), w.o.handsCSV(), w.o.JSON.Enabled}
}

func (w *Writer) path(name string) string {
	return filepath.Join(w.o.Directory, w.o.Prefix+name)
}

// Paths returns the files Finish writes, in the order it writes them.
func (w *Writer) Paths() []string {
	var out []string
	o := &w.o
	for _, f := range []struct {
		on   bool
		name string
	}{
		{o.sessionsCSV(), SessionsName},
		{o.aggregateCSV(), AggregateName},
		{o.handsCSV(), HandsName},
		{o.seatCSV(w.run.Seats), SeatAggregateName},
		{o.JSON.Enabled, JSONName},
	} {
		if f.on {
			out = append(out, w.path(f.name))
		}
	}
	return out
}

func (w *Writer) chunkPath(k, lo int) string {
	return w.scratch.Join(fmt.Sprintf("%d-%012d", k, lo))
}

// Sink returns the runner's sink (nil when no file is written). Each
// chunk of sessions writes its rows to its own scratch files and adds
// its totals when it closes.
func (w *Writer) Sink() runner.Sink {
	if !w.any() {
		return nil
	}
	return func(lo, hi int) (sim.Observer, func() error, error) {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.cancelled {
			return nil, nil, ErrInterrupted
		}
		c := &chunk{w: w, lo: lo, multi: w.run.Seats > 1, table: ^uint64(0)}
		for k, on := range w.streams() {
			if !on {
				continue
			}
			f, err := os.Create(w.chunkPath(k, lo))
			if err != nil {
				c.closeFiles()
				return nil, nil, err
			}
			c.files[k] = f
			c.out[k] = bufio.NewWriterSize(f, 64<<10)
		}
		w.chunks = append(w.chunks, chunkInfo{lo: lo})
		return c, c.close, nil
	}
}

// chunk observes one range of sessions.
type chunk struct {
	w       *Writer
	lo      int
	multi   bool
	files   [numStreams]*os.File
	out     [numStreams]*bufio.Writer
	players [maxSeats + 1]player
	table   uint64       // table session of pending
	pending []sessionRow // its ended sessions, put in seat order when it ends
	totals  totals
	entries int
	buf     []byte
}

// player is the running state of a seat's current player session.
type player struct {
	started               bool
	start, bankroll, peak int64
	drawdown, peakAtDD    int64
	wagered, bonusWagered int64
}

func (c *chunk) Hand(h *sim.HandRecord) {
	p := &c.players[h.Seat]
	if !p.started {
		*p = player{started: true, start: h.StartMoney, bankroll: h.StartMoney, peak: h.StartMoney, peakAtDD: h.StartMoney}
	}
	p.wagered += atRisk(h)
	p.bonusWagered += h.BonusBet
	p.bankroll = h.Bankroll
	if p.bankroll > p.peak {
		p.peak = p.bankroll
	}
	if dd := p.peak - p.bankroll; dd > p.drawdown {
		p.drawdown, p.peakAtDD = dd, p.peak
	}
	if out := c.out[streamHands]; out != nil {
		c.buf = appendHandCSV(c.buf[:0], h)
		out.Write(c.buf)
	}
}

func (c *chunk) Session(s *sim.SessionRecord) {
	if s.Session != c.table {
		c.flushTable()
		c.table = s.Session
	}
	p := &c.players[s.Seat]
	if !p.started {
		start := c.w.run.StartingBankroll
		*p = player{start: start, peak: start, peakAtDD: start}
	}
	c.pending = append(c.pending, sessionRow{
		table: s.Session, seat: s.Seat, hands: s.Hands, start: p.start, profit: s.Profit,
		wagered: p.wagered, bonusWagered: p.bonusWagered, bonusNet: s.Bonus,
		peak: p.peak, drawdown: p.drawdown, peakAtDD: p.peakAtDD, reason: s.Reason,
	})
	*p = player{}
}

// flushTable writes the sessions of the table session that ended, in
// seat order, as its SimulationResults lists them.
func (c *chunk) flushTable() {
	slices.SortStableFunc(c.pending, func(a, b sessionRow) int { return cmp.Compare(a.seat, b.seat) })
	for i := range c.pending {
		r := &c.pending[i]
		c.totals.add(r)
		if out := c.out[streamSessions]; out != nil {
			c.buf = appendSessionCSV(c.buf[:0], r, c.multi)
			out.Write(c.buf)
		}
		if out := c.out[streamJSON]; out != nil {
			// Every entry is led by its separator; Finish drops the first.
			c.buf = c.w.json.sep(c.buf[:0], 1, 2)
			c.buf = appendSessionJSON(c.buf, r, c.multi, &c.w.json, 2)
			out.Write(c.buf)
			c.entries++
		}
	}
	c.pending = c.pending[:0]
}

func (c *chunk) close() error {
	c.flushTable()
	var err error
	for _, out := range c.out {
		if out != nil {
			if ferr := out.Flush(); err == nil {
				err = ferr
			}
		}
	}
	if cerr := c.closeFiles(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	c.w.mu.Lock()
	defer c.w.mu.Unlock()
	c.w.totals.merge(&c.totals)
	for i := range c.w.chunks {
		if c.w.chunks[i].lo == c.lo {
			c.w.chunks[i].sessions = c.entries
		}
	}
	return nil
}

func (c *chunk) closeFiles() error {
	var err error
	for k, f := range c.files {
		if f != nil {
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			c.files[k] = nil
		}
	}
	return err
}

// Finish writes the files from the chunks and the totals: every file is
// written to a temporary beside it, and all are renamed into place only
// when all are complete. start and end are the run's times for the JSON.
// It returns the paths written.
func (w *Writer) Finish(ctx context.Context, start, end time.Time) (paths []string, err error) {
	if !w.any() {
		return nil, nil
	}
	defer w.removeScratch()
	slices.SortFunc(w.chunks, func(a, b chunkInfo) int { return cmp.Compare(a.lo, b.lo) })
	var files []*outfile.File
	defer func() {
		if err != nil {
			for _, f := range files {
				f.Abort()
			}
		}
	}()
	create := func(name string) (*outfile.File, *bufio.Writer, error) {
		f, err := outfile.Create(w.path(name))
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
		return f, bufio.NewWriterSize(f, 64<<10), nil
	}
	csvStart := func(b *bufio.Writer, fields []string) {
		if w.o.BOM {
			b.WriteString(bom)
		}
		b.WriteString(strings.Join(fields, ","))
		b.WriteString("\r\n")
	}
	agg := w.totals.aggregate()
	if w.o.sessionsCSV() {
		_, b, err := create(SessionsName)
		if err != nil {
			return nil, err
		}
		csvStart(b, SessionFields)
		if err := w.join(ctx, b, streamSessions); err != nil {
			return nil, err
		}
	}
	if w.o.aggregateCSV() {
		_, b, err := create(AggregateName)
		if err != nil {
			return nil, err
		}
		csvStart(b, AggregateFields)
		b.Write(appendAggregateCSV(nil, &agg))
		if err := b.Flush(); err != nil {
			return nil, err
		}
	}
	if w.o.handsCSV() {
		_, b, err := create(HandsName)
		if err != nil {
			return nil, err
		}
		csvStart(b, HandFields)
		if err := w.join(ctx, b, streamHands); err != nil {
			return nil, err
		}
	}
	if w.o.seatCSV(w.run.Seats) {
		_, b, err := create(SeatAggregateName)
		if err != nil {
			return nil, err
		}
		csvStart(b, SeatFields)
		seats, test := w.totals.seatStats()
		b.Write(appendSeatCSV(nil, seats, test))
		if err := b.Flush(); err != nil {
			return nil, err
		}
	}
	if w.o.JSON.Enabled {
		_, b, err := create(JSONName)
		if err != nil {
			return nil, err
		}
		if err := w.writeJSON(ctx, b, &agg, start, end); err != nil {
			return nil, err
		}
	}
	if paths, err = commitAll(files); err != nil {
		return paths, err
	}
	files = nil
	return paths, nil
}

// commitAll renames the files into place in order and returns their
// paths, up to the first that fails.
func commitAll(files []*outfile.File) (paths []string, err error) {
	for _, f := range files {
		if err := f.Commit(); err != nil {
			return paths, err
		}
		paths = append(paths, f.Name())
	}
	return paths, nil
}

// join copies stream k of every chunk, in session order, to b and
// flushes it. For the JSON stream the first entry's separator is dropped.
func (w *Writer) join(ctx context.Context, b *bufio.Writer, k int) error {
	first := true
	for _, c := range w.chunks {
		if ctx.Err() != nil {
			return ErrInterrupted
		}
		in, err := os.Open(w.chunkPath(k, c.lo))
		if err != nil {
			return err
		}
		r := io.Reader(in)
		if k == streamJSON && first && c.sessions > 0 {
			lead := len(w.json.sep(nil, 1, 2)) - len(w.json.sep(nil, 0, 2))
			if _, err := io.CopyN(io.Discard, in, int64(lead)); err != nil {
				in.Close()
				return err
			}
			first = false
		}
		_, err = io.Copy(b, outfile.StopReader(ctx, r, ErrInterrupted))
		in.Close()
		os.Remove(w.chunkPath(k, c.lo))
		if err != nil {
			return err
		}
	}
	return b.Flush()
}

// Abort stops the chunks to come and removes the scratch folder; files
// already in place are not touched, none is half-written.
func (w *Writer) Abort() {
	w.mu.Lock()
	w.cancelled = true
	w.mu.Unlock()
	w.removeScratch()
}

func (w *Writer) removeScratch() {
	if w.scratch != nil {
		w.scratch.Remove()
	}
}

// appendAggregateCSV appends the aggregate row, in AggregateFields order.
func appendAggregateCSV(b []byte, a *aggregate) []byte {
	for i, v := range a.values() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, v...)
	}
	return append(b, '\r', '\n')
}

func (a *aggregate) values() [21][]byte {
	u := func(x uint64) []byte { return strconv.AppendUint(nil, x, 10) }
	f := func(x float64) []byte { return appendFloat(nil, x) }
	return [21][]byte{
		u(a.totalSessions), u(a.winning), u(a.losing), u(a.push), f(a.winRate),
		u(a.totalHands), f(a.totalWagered), f(a.totalWon), f(a.net), f(a.evHand),
		f(a.mainWagered), f(a.mainWon), f(a.mainEV),
		f(a.bonusWagered), f(a.bonusWon), f(a.bonusEV),
		f(a.mean), f(a.std), f(a.median), f(a.min), f(a.max),
	}
}

// appendSeatCSV appends the seat rows and the SUMMARY row with the test.
func appendSeatCSV(b []byte, seats []seatStat, test independence) []byte {
	var rounds, wins, losses, pushes uint64
	var profit float64
	for _, s := range seats {
		b = strconv.AppendInt(b, int64(s.seat), 10)
		for _, x := range [...]uint64{s.rounds, s.wins, s.losses, s.pushes} {
			b = append(b, ',')
			b = strconv.AppendUint(b, x, 10)
		}
		for _, x := range [...]float64{s.winRate, s.lo, s.hi, s.ev, s.profit} {
			b = append(b, ',')
			b = appendFloat(b, x)
		}
		b = append(b, ",,,\r\n"...)
		rounds += s.rounds
		wins += s.wins
		losses += s.losses
		pushes += s.pushes
		profit += s.profit
	}
	b = append(b, summaryLabel...)
	for _, x := range [...]uint64{rounds, wins, losses, pushes} {
		b = append(b, ',')
		b = strconv.AppendUint(b, x, 10)
	}
	b = append(b, ",,,,,"...)
	b = appendFloat(b, profit)
	b = append(b, ',')
	b = appendFloat(b, test.stat)
	b = append(b, ',')
	b = appendFloat(b, test.p)
	b = append(b, ',')
	b = appendBool(b, test.independent)
	return append(b, '\r', '\n')
}

// writeJSON writes its results document: metadata, config (when asked),
// simulation_timing, aggregate_statistics (with its empty hand frequency
// dictionaries), session_results; flushes b.
func (w *Writer) writeJSON(ctx context.Context, b *bufio.Writer, a *aggregate, start, end time.Time) error {
	f := &w.json
	iso := func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000+00:00") }
	var out []byte
	n := 0
	member := func(name string) {
		out = f.key(out, n, 1, name)
		n++
	}
	out = f.open(out, '{')
	member("metadata")
	meta := []byte(`{"schema_version": "1.0", "generated_at": ` + strconv.Quote(iso(time.Now())) + `, "simulator_version": ` + strconv.Quote(w.run.Version) + `}`)
	out, _ = appendJSONValue(out, meta, f, 1)
	if w.o.JSON.IncludeConfig {
		member("config")
		var err error
		if out, err = appendJSONValue(out, w.run.Config, f, 1); err != nil {
			return fmt.Errorf("pyformat: config: %w", err)
		}
	}
	member("simulation_timing")
	timing := []byte(`{"start_time": ` + strconv.Quote(iso(start)) + `, "end_time": ` + strconv.Quote(iso(end)) +
		`, "total_hands": ` + strconv.FormatUint(a.totalHands, 10) + `}`)
	out, _ = appendJSONValue(out, timing, f, 1)
	member("aggregate_statistics")
	out = f.open(out, '{')
	vals := a.values()
	k := 0
	for i, name := range AggregateFields {
		if name == "session_profit_mean" { // its dataclass puts the dictionaries here
			for _, d := range []string{"hand_frequencies", "hand_frequency_pct"} {
				out = f.key(out, k, 2, d)
				out = append(out, '{', '}')
				k++
			}
		}
		out = f.key(out, k, 2, name)
		out = append(out, vals[i]...)
		k++
	}
	out = f.close(out, '}', 1, k)
	member("session_results")
	out = f.open(out, '[')
	b.Write(out)
	if err := w.join(ctx, b, streamJSON); err != nil {
		return err
	}
	out = f.close(out[:0], ']', 1, int(w.totals.sessions))
	out = f.close(out, '}', 0, n)
	if f.pretty {
		out = append(out, '\n') // its trailing newline for pretty output
	}
	b.Write(out)
	return b.Flush()
}
