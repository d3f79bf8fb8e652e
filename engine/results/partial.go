package results

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// Partial marks the document of one shard of a run: sessions [From, To) of
// the config's num_sessions, the Shard-th of Shards contiguous ranges. It
// carries the shard's raw aggregate (sim.Aggregate's binary form, base64)
// so that partials merge exactly into the whole run's document.
type Partial struct {
	Shard     int    `json:"shard"`
	Shards    int    `json:"shards"`
	From      uint64 `json:"from"`
	To        uint64 `json:"to"`
	Aggregate string `json:"aggregate"`
}

// ShardRange returns shard i of n's sessions [from, to) out of sessions:
// contiguous, in order, sizes differing by at most one.
func ShardRange(sessions uint64, i, n int) (from, to uint64) {
	return sessions * uint64(i) / uint64(n), sessions * uint64(i+1) / uint64(n)
}

// SetPartial marks d as shard i of n and attaches its aggregate.
func (d *Document) SetPartial(i, n int, from, to uint64, agg *sim.Aggregate) error {
	b, err := agg.MarshalBinary()
	if err != nil {
		return err
	}
	d.Partial = &Partial{Shard: i, Shards: n, From: from, To: to, Aggregate: base64.StdEncoding.EncodeToString(b)}
	return nil
}

// PartialRun is a shard read back from its document.
type PartialRun struct {
	Config    json.RawMessage
	Seed      uint64
	Partial   Partial
	Aggregate *sim.Aggregate
	Seconds   float64
}

// ReadPartial reads a shard's results document.
func ReadPartial(data []byte) (*PartialRun, error) {
	var d struct {
		SchemaVersion int             `json:"schema_version"`
		Seed          string          `json:"seed"`
		Config        json.RawMessage `json:"config"`
		Partial       *Partial        `json:"partial"`
		Timing        *struct {
			Seconds float64 `json:"seconds"`
		} `json:"timing"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, fmt.Errorf("not a results document: %v", err)
	}
	if d.SchemaVersion != SchemaVersion {
		return nil, fmt.Errorf("results schema version %d; this build merges version %d", d.SchemaVersion, SchemaVersion)
	}
	if d.Partial == nil {
		return nil, fmt.Errorf("not a partial results document (run with --shard i/n --json)")
	}
	seed, err := strconv.ParseUint(d.Seed, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("seed %q: %v", d.Seed, err)
	}
	raw, err := base64.StdEncoding.DecodeString(d.Partial.Aggregate)
	if err != nil {
		return nil, fmt.Errorf("partial.aggregate: %v", err)
	}
	agg := new(sim.Aggregate)
	if err := agg.UnmarshalBinary(raw); err != nil {
		return nil, fmt.Errorf("partial.aggregate: %v", err)
	}
	if agg.Sessions != d.Partial.To-d.Partial.From {
		return nil, fmt.Errorf("partial.aggregate holds %d sessions; the range [%d, %d) has %d", agg.Sessions, d.Partial.From, d.Partial.To, d.Partial.To-d.Partial.From)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, d.Config); err != nil {
		return nil, err
	}
	if err := sameFigures(data, compact.Bytes(), seed, d.Partial, agg); err != nil {
		return nil, err
	}
	p := &PartialRun{Config: compact.Bytes(), Seed: seed, Partial: *d.Partial, Aggregate: agg}
	if d.Timing != nil {
		p.Seconds = d.Timing.Seconds
	}
	return p, nil
}

// sameFigures checks that the shard's document holds the figures its own
// aggregate gives: a damaged or edited aggregate (or figure) is refused
// here rather than merged into a plausible-looking result.
func sameFigures(data, cfgJSON []byte, seed uint64, part *Partial, agg *sim.Aggregate) error {
	c, err := config.DecodeJSON(cfgJSON)
	if err != nil {
		return fmt.Errorf("config: %v", err)
	}
	if err := sessionLengthsFit(c, agg); err != nil {
		return err
	}
	d := Build(c, seed, agg)
	if err := d.SetPartial(part.Shard, part.Shards, part.From, part.To, agg); err != nil {
		return err
	}
	rebuilt, err := d.JSON()
	if err != nil {
		return err
	}
	var got, want map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		return err
	}
	if err := json.Unmarshal(rebuilt, &want); err != nil {
		return err
	}
	delete(got, "timing")
	for _, k := range slices.Sorted(maps.Keys(want)) {
		if !reflect.DeepEqual(got[k], want[k]) {
			return fmt.Errorf("%s: the figures do not match the shard's partial.aggregate (the file was changed or damaged)", k)
		}
	}
	if len(got) != len(want) {
		return fmt.Errorf("keys that a shard's document does not have: the file was changed")
	}
	return nil
}

// sessionLengthsFit checks the shard's session lengths against its
// config's hand cap (the smaller of hands_per_session and max_hands): no
// session is longer, and when a session stopped at the cap, the longest
// is exactly the cap. A cap edited in the document, up or down, is caught
// whenever a session reached it. The seed cannot be checked this way.
func sessionLengthsFit(c *config.Config, agg *sim.Aggregate) error {
	if len(agg.Seats) != int(c.Table.NumSeats) {
		return fmt.Errorf("partial.aggregate has %d seats; the config has table.num_seats = %d (the file was changed)", len(agg.Seats), c.Table.NumSeats)
	}
	limit := c.Simulation.HandsPerSession
	if m := c.Bankroll.StopConditions.MaxHands; m != nil && *m < limit {
		limit = *m
	}
	for i, s := range agg.Seats {
		h := s.HandsHist
		if len(h.Counts) == 0 {
			continue
		}
		if h.Hi > limit || s.StopReasons[sim.StopMaxHands] > 0 && h.Hi != limit {
			return fmt.Errorf("seat %d played sessions of up to %d hands, stopping at the hand cap %d times; the config's cap is %d hands (hands_per_session, max_hands): the file was changed", i+1, h.Hi, s.StopReasons[sim.StopMaxHands], limit)
		}
	}
	return nil
}

// MergePartials checks that parts are every shard of one run, each once
// (same config, seed and shard count; ranges as ShardRange gives them),
// and merges their aggregates in shard order.
func MergePartials(parts []*PartialRun) (*sim.Aggregate, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("no partial results given")
	}
	first := parts[0]
	n := first.Partial.Shards
	seen := make([]bool, n)
	for k, p := range parts {
		switch {
		case p.Seed != first.Seed:
			return nil, fmt.Errorf("file %d: seed %d, file 1 has seed %d", k+1, p.Seed, first.Seed)
		case !bytes.Equal(p.Config, first.Config):
			return nil, fmt.Errorf("file %d: a different config from file 1", k+1)
		case p.Partial.Shards != n:
			return nil, fmt.Errorf("file %d: one of %d shards, file 1 is one of %d", k+1, p.Partial.Shards, n)
		case p.Partial.Shard < 0 || p.Partial.Shard >= n:
			return nil, fmt.Errorf("file %d: shard %d of %d does not exist", k+1, p.Partial.Shard, n)
		case seen[p.Partial.Shard]:
			return nil, fmt.Errorf("file %d: shard %d/%d given twice (overlapping ranges)", k+1, p.Partial.Shard, n)
		case len(p.Aggregate.Seats) != len(first.Aggregate.Seats):
			return nil, fmt.Errorf("file %d: a table of %d seats, file 1 has %d", k+1, len(p.Aggregate.Seats), len(first.Aggregate.Seats))
		}
		seen[p.Partial.Shard] = true
	}
	var missing []int
	for i, ok := range seen {
		if !ok {
			missing = append(missing, i)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("missing shard(s) %v of %d", missing, n)
	}
	sorted := slices.Clone(parts)
	slices.SortFunc(sorted, func(a, b *PartialRun) int { return a.Partial.Shard - b.Partial.Shard })
	var total uint64
	for i, p := range sorted {
		if i > 0 && p.Partial.From != sorted[i-1].Partial.To {
			return nil, fmt.Errorf("shard %d starts at session %d, shard %d ended at %d", i, p.Partial.From, i-1, sorted[i-1].Partial.To)
		}
		total = p.Partial.To
	}
	if sorted[0].Partial.From != 0 {
		return nil, fmt.Errorf("shard 0 starts at session %d", sorted[0].Partial.From)
	}
	for _, p := range sorted {
		if f, t := ShardRange(total, p.Partial.Shard, n); f != p.Partial.From || t != p.Partial.To {
			return nil, fmt.Errorf("shard %d covers [%d, %d); with %d sessions in %d shards it should be [%d, %d)", p.Partial.Shard, p.Partial.From, p.Partial.To, total, n, f, t)
		}
	}
	agg := sim.NewAggregate(len(first.Aggregate.Seats))
	for _, p := range sorted {
		agg.Merge(p.Aggregate)
	}
	return agg, nil
}
