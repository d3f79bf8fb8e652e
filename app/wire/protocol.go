package wire

import (
	"fmt"
	"math"
	"strconv"
)

// Kind is a message's "type": what the page asks of a worker, or what a
// worker answers.
type Kind string

// Requests, page → worker.
const (
	// KindRun plays sessions [From, To) of Config with Seed.
	KindRun Kind = "run"
	// KindCompare plays sessions [From, To) of every one of Configs on
	// common random numbers.
	KindCompare Kind = "compare"
	// KindExact solves Config exactly (ExactReply); KindWalkAway computes
	// its walk-away map (WalkAwayReply). Replies carry the same kind.
	KindExact    Kind = "exact"
	KindWalkAway Kind = "walkaway"
)

// Replies, worker → page (and KindExact, KindWalkAway above).
const (
	KindReady    Kind = "ready"    // the worker takes work
	KindProgress Kind = "progress" // Done sessions and Hands of the range From… so far
	KindResult   Kind = "result"   // the range's aggregate
	KindError    Kind = "error"    // Message says what failed
	// KindSolving is how far an exact or walk-away request has got
	// (Solving), posted while a long solve works.
	KindSolving Kind = "solving"
)

// MaxCompareConfigs bounds the configs of one comparison.
const MaxCompareConfigs = 64

// DefaultReportEvery is the time between progress messages when a request
// names none, in milliseconds.
const DefaultReportEvery = 100

// Request is a message from the page to a worker.
type Request struct {
	Kind    Kind
	Config  string   // run, exact, walkaway: the canonical config JSON
	Configs []string // compare: every config's canonical JSON, in order
	// Seed is the run's master seed; it crosses as a decimal string, since
	// a JavaScript number holds integers exactly only up to 2^53.
	Seed        uint64
	From, To    int // run, compare: sessions [From, To)
	ReportEvery int // run, compare: milliseconds between progress messages
	Key         string
}

// Reply is a message from a worker to the page.
type Reply struct {
	Kind     Kind
	From, To int   // progress (From), result
	Done     int   // progress: sessions of the range finished
	Hands    int64 // progress, result: hands played in the range
	// Aggregate is a result's partial aggregate: Encode's bytes for a run,
	// EncodeCompare's for a comparison. It crosses as a transferable
	// Uint8Array.
	Aggregate []byte
	Millis    float64 // result: time spent on the range
	// WasmMemory is a result's worker WebAssembly memory, bytes (0:
	// unknown).
	WasmMemory int64
	Exact      *ExactReply    // exact
	WalkAway   *WalkAwayReply // walkaway
	Solving    *Solving       // solving
	Message    string         // error
}

// Solving is the progress of the exact worker's request Key of kind Of
// (KindExact or KindWalkAway): Done of Total steps — hands of the session
// chain, passes of goal-optimal play's induction, cells of a walk-away map.
type Solving struct {
	Of          Kind
	Key         string
	Done, Total int64
}

// Fraction is the share of the steps done, in [0, 1].
func (s *Solving) Fraction() float64 {
	if s.Total <= 0 {
		return 0
	}
	return min(1, max(0, float64(s.Done)/float64(s.Total)))
}

// A message crosses postMessage as a plain object: Fields gives its
// properties and Parse… reads them back. Values are strings, float64s,
// booleans, []byte (a Uint8Array) and []any of strings (an array); the
// browser glue copies them to and from JavaScript and nothing else.

// Fields is the request as an object's properties.
func (r Request) Fields() map[string]any {
	m := map[string]any{"type": string(r.Kind)}
	switch r.Kind {
	case KindRun, KindCompare:
		if r.Kind == KindRun {
			m["config"] = r.Config
		} else {
			cs := make([]any, len(r.Configs))
			for i, c := range r.Configs {
				cs[i] = c
			}
			m["configs"] = cs
		}
		m["seed"] = strconv.FormatUint(r.Seed, 10)
		m["from"], m["to"] = float64(r.From), float64(r.To)
		m["reportEvery"] = float64(r.ReportEvery)
	case KindExact, KindWalkAway:
		m["config"], m["key"] = r.Config, r.Key
	}
	return m
}

// ParseRequest reads a request, checking every field a job relies on.
// It takes the form web/bench.html posts too: {type:"run", config, seed,
// from, to, reportEvery}.
func ParseRequest(m map[string]any) (Request, error) {
	r := Request{Kind: Kind(str(m, "type"))}
	switch r.Kind {
	case KindExact, KindWalkAway:
		c, ok := m["config"].(string)
		if !ok {
			return r, fmt.Errorf("%s message: config must be a JSON string", r.Kind)
		}
		r.Config, r.Key = c, str(m, "key")
		return r, nil
	case KindRun:
		c, ok := m["config"].(string)
		if !ok {
			return r, fmt.Errorf("run message: config must be a JSON string")
		}
		r.Config = c
	case KindCompare:
		cs, ok := m["configs"].([]any)
		if !ok || len(cs) < 2 || len(cs) > MaxCompareConfigs {
			return r, fmt.Errorf("compare message: configs must be an array of 2 to %d JSON strings", MaxCompareConfigs)
		}
		for _, c := range cs {
			s, ok := c.(string)
			if !ok {
				return r, fmt.Errorf("compare message: configs must be an array of 2 to %d JSON strings", MaxCompareConfigs)
			}
			r.Configs = append(r.Configs, s)
		}
	default:
		return r, fmt.Errorf("unknown message type %q", r.Kind)
	}
	seed, err := strconv.ParseUint(str(m, "seed"), 10, 64)
	if err != nil {
		return r, fmt.Errorf("%s message: seed must be a decimal string of a uint64: %v", r.Kind, err)
	}
	r.Seed = seed
	from, okF := whole(m["from"])
	to, okT := whole(m["to"])
	if !okF || !okT || from < 0 || to < from {
		return r, fmt.Errorf("%s message: bad session range [%v, %v)", r.Kind, m["from"], m["to"])
	}
	r.From, r.To = from, to
	r.ReportEvery = DefaultReportEvery
	if v, ok := whole(m["reportEvery"]); ok && v > 0 {
		r.ReportEvery = v
	}
	return r, nil
}

// Fields is the reply as an object's properties.
func (r Reply) Fields() map[string]any {
	m := map[string]any{"type": string(r.Kind)}
	switch r.Kind {
	case KindProgress:
		m["from"], m["done"], m["hands"] = float64(r.From), float64(r.Done), float64(r.Hands)
	case KindResult:
		m["from"], m["to"], m["hands"] = float64(r.From), float64(r.To), float64(r.Hands)
		m["aggregate"], m["ms"], m["wasmMemory"] = r.Aggregate, r.Millis, float64(r.WasmMemory)
	case KindExact:
		m["reply"] = encodeJSON(r.Exact)
	case KindWalkAway:
		m["reply"] = encodeJSON(r.WalkAway)
	case KindSolving:
		s := r.Solving
		m["of"], m["key"], m["done"], m["total"] = string(s.Of), s.Key, float64(s.Done), float64(s.Total)
	case KindError:
		m["message"] = r.Message
	}
	return m
}

// ParseReply reads a reply. A reply that cannot be read is an error the
// page shows (the worker and page are built together, so it is a bug or a
// damaged message).
func ParseReply(m map[string]any) (Reply, error) {
	r := Reply{Kind: Kind(str(m, "type"))}
	var ok bool
	switch r.Kind {
	case KindReady:
		return r, nil
	case KindError:
		r.Message = str(m, "message")
		return r, nil
	case KindProgress:
		var hands int
		r.From, ok = whole(m["from"])
		r.Done, _ = whole(m["done"])
		hands, _ = whole(m["hands"])
		r.Hands = int64(hands)
	case KindResult:
		var hands, mem int
		var okFrom, okTo, okAgg bool
		r.From, okFrom = whole(m["from"])
		r.To, okTo = whole(m["to"])
		hands, _ = whole(m["hands"])
		mem, _ = whole(m["wasmMemory"])
		r.Hands, r.WasmMemory = int64(hands), int64(mem)
		r.Millis, _ = m["ms"].(float64)
		r.Aggregate, okAgg = m["aggregate"].([]byte)
		ok = okFrom && okTo && okAgg
	case KindExact:
		r.Exact = &ExactReply{}
		ok = decodeJSON(str(m, "reply"), r.Exact) == nil
	case KindWalkAway:
		r.WalkAway = &WalkAwayReply{}
		ok = decodeJSON(str(m, "reply"), r.WalkAway) == nil
	case KindSolving:
		of := Kind(str(m, "of"))
		done, okDone := whole(m["done"])
		total, okTotal := whole(m["total"])
		r.Solving = &Solving{Of: of, Key: str(m, "key"), Done: int64(done), Total: int64(total)}
		ok = (of == KindExact || of == KindWalkAway) && okDone && okTotal && total > 0 && done >= 0
	default:
		return r, fmt.Errorf("a worker sent a message of unknown type %q", r.Kind)
	}
	if !ok {
		return r, fmt.Errorf("a worker's %s message could not be read", r.Kind)
	}
	return r, nil
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// whole reads an integral number that fits an int.
func whole(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int(f), true
}
