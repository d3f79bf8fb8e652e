//go:build js && wasm

// Package worker is the engine inside a Web Worker: app.wasm runs Serve
// when it starts in a worker rather than on the page (wasm/app). It waits
// for {type:"run", config, seed, from, to, reportEvery} messages, plays
// sessions [from, to) of the run and posts progress and a binary partial
// aggregate; {type:"compare", configs, seed, from, to, reportEvery} does the
// same for every config on common random numbers (engine/compare/paired).
// See docs/BROWSER.md for the protocol.
package worker

import (
	"fmt"
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/engine/compare/paired"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// job is one "run", "compare" or "exact" message, copied out of the JS
// event.
type job struct {
	exact       bool     // an "exact" message: solve the config exactly
	walkAway    bool     // … and, with walkaway: true, its walk-away map instead
	key         string   // the page's key for the exact reply
	configs     []string // a "compare" message: the configs, in order
	config      string
	seed        uint64
	from, to    int
	reportEvery time.Duration
}

// worker keeps the runner of the last config (and the comparer of the last
// comparison), so a pool that gets many ranges of one run builds its tables
// once.
type worker struct {
	jobs        chan job
	lastConfig  string
	runner      *sim.Runner
	lastConfigs string
	comparer    *paired.Comparer
}

// Serve answers the page's messages for as long as the worker lives.
func Serve() {
	w := &worker{jobs: make(chan job, 16)}
	js.Global().Set("onmessage", js.FuncOf(w.onMessage))
	go w.loop()
	post(map[string]any{"type": "ready"})
	select {}
}

// onMessage runs on the JS event loop: it copies the message and returns at
// once; the work happens in loop.
func (w *worker) onMessage(this js.Value, args []js.Value) any {
	if len(args) == 0 {
		return nil
	}
	data := args[0].Get("data")
	if data.Type() == js.TypeObject && data.Get("type").String() == "exact" && data.Get("config").Type() == js.TypeString {
		w.jobs <- job{exact: true, walkAway: data.Get("walkaway").Truthy(), key: data.Get("key").String(), config: data.Get("config").String()}
		return nil
	}
	if data.Type() != js.TypeObject || (data.Get("type").String() != "run" && data.Get("type").String() != "compare") {
		postError("unknown message")
		return nil
	}
	j, err := parseJob(data)
	if err != nil {
		postError(err.Error())
		return nil
	}
	w.jobs <- j
	return nil
}

func parseJob(data js.Value) (job, error) {
	var j job
	if data.Get("type").String() == "compare" {
		v := data.Get("configs")
		if !js.Global().Get("Array").Call("isArray", v).Bool() || v.Length() < 2 || v.Length() > 64 {
			return j, fmt.Errorf("compare message: configs must be an array of 2 to 64 JSON strings")
		}
		for i := range v.Length() {
			if v.Index(i).Type() != js.TypeString {
				return j, fmt.Errorf("compare message: configs must be an array of 2 to 64 JSON strings")
			}
			j.configs = append(j.configs, v.Index(i).String())
		}
	} else if v := data.Get("config"); v.Type() == js.TypeString {
		j.config = v.String()
	} else {
		return j, fmt.Errorf("run message: config must be a JSON string")
	}
	seed, err := strconv.ParseUint(data.Get("seed").String(), 10, 64)
	if err != nil {
		return j, fmt.Errorf("run message: seed must be a decimal string of a uint64: %v", err)
	}
	j.seed = seed
	j.from, j.to = data.Get("from").Int(), data.Get("to").Int()
	if j.from < 0 || j.to < j.from {
		return j, fmt.Errorf("run message: bad session range [%d, %d)", j.from, j.to)
	}
	j.reportEvery = 100 * time.Millisecond
	if v := data.Get("reportEvery"); v.Type() == js.TypeNumber && v.Int() > 0 {
		j.reportEvery = time.Duration(v.Int()) * time.Millisecond
	}
	return j, nil
}

func (w *worker) loop() {
	for j := range w.jobs {
		if j.exact {
			solveExact(j)
			continue
		}
		if j.configs != nil {
			w.compare(j)
			continue
		}
		w.run(j)
	}
}

func (w *worker) run(j job) {
	defer func() {
		if r := recover(); r != nil {
			w.lastConfig, w.runner = "", nil
			postError(fmt.Sprintf("engine panic: %v", r))
		}
	}()
	if w.runner == nil || j.config != w.lastConfig {
		cfg, err := config.DecodeJSON([]byte(j.config))
		if err != nil {
			postError("config: " + err.Error())
			return
		}
		r, err := sim.NewRunner(cfg)
		if err != nil {
			postError("engine: " + err.Error())
			return
		}
		w.lastConfig, w.runner = j.config, r
	}
	start := time.Now()
	last := start
	var played, looked int64
	agg := w.runner.Run(j.seed, j.from, j.to, func(done int, hands int64) {
		played = hands
		// Reading the clock calls out of WebAssembly into JavaScript:
		// look at it every clockHands hands, not after every session.
		if hands-looked < clockHands {
			return
		}
		looked = hands
		if now := time.Now(); now.Sub(last) >= j.reportEvery {
			last = now
			post(map[string]any{"type": "progress", "from": j.from, "done": done, "hands": float64(hands)})
		}
	})
	b, err := wire.Encode(agg)
	if err != nil {
		postError("encoding aggregate: " + err.Error())
		return
	}
	postResult(j, played, start, b)
}

// clockHands is how many hands a worker plays between looks at the clock
// (about a millisecond's work).
const clockHands = 1 << 14

// compareChunk is how many table sessions the worker compares between
// looks at the clock for progress; ranges merge exactly, so the chunking
// does not change the result.
const compareChunk = 64

// compare runs sessions [from, to) of every config of a "compare" message
// on common random numbers and posts the paired aggregate
// (wire.EncodeCompare) as the result.
func (w *worker) compare(j job) {
	defer func() {
		if r := recover(); r != nil {
			w.lastConfigs, w.comparer = "", nil
			postError(fmt.Sprintf("engine panic: %v", r))
		}
	}()
	key := strings.Join(j.configs, "\x00")
	if w.comparer == nil || key != w.lastConfigs {
		var cfgs []*config.Config
		for i, s := range j.configs {
			cfg, err := config.DecodeJSON([]byte(s))
			if err != nil {
				postError(fmt.Sprintf("config %d: %v", i+1, err))
				return
			}
			cfgs = append(cfgs, cfg)
		}
		c, err := paired.New(cfgs)
		if err != nil {
			postError("engine: " + err.Error())
			return
		}
		w.lastConfigs, w.comparer = key, c
	}
	start := time.Now()
	last := start
	var agg *paired.Aggregate
	var played int64
	for lo := j.from; lo < j.to || agg == nil; lo += compareChunk {
		part := w.comparer.Run(j.seed, lo, min(lo+compareChunk, j.to))
		if agg == nil {
			agg = part
		} else {
			agg.Merge(part)
		}
		played = 0
		for _, a := range agg.Arms {
			for k := range a.Agg.Seats {
				played += int64(a.Agg.Seats[k].Hands)
			}
		}
		if now := time.Now(); now.Sub(last) >= j.reportEvery && lo+compareChunk < j.to {
			last = now
			post(map[string]any{"type": "progress", "from": j.from, "done": lo + compareChunk - j.from, "hands": float64(played)})
		}
	}
	b, err := wire.EncodeCompare(agg)
	if err != nil {
		postError("encoding aggregate: " + err.Error())
		return
	}
	postResult(j, played, start, b)
}

// postResult posts a range's aggregate bytes as a transferable.
func postResult(j job, played int64, start time.Time, b []byte) {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	msg := js.ValueOf(map[string]any{
		"type": "result", "from": j.from, "to": j.to, "hands": float64(played),
		"ms":         float64(time.Since(start).Microseconds()) / 1000,
		"wasmMemory": wasmMemory(),
	})
	msg.Set("aggregate", arr)
	js.Global().Call("postMessage", msg, js.ValueOf([]any{arr.Get("buffer")}))
}

// solveExact answers an "exact" message with {type:"exact", reply}: the
// reply is wire.ExactReply as JSON (its walk_away map for a walk-away
// request).
func solveExact(j job) {
	reply := &wire.ExactReply{Key: j.key}
	func() {
		defer func() {
			if r := recover(); r != nil {
				reply.Error = fmt.Sprintf("engine panic: %v", r)
			}
		}()
		cfg, err := config.DecodeJSON([]byte(j.config))
		if err != nil {
			reply.Error = "config: " + err.Error()
			return
		}
		if j.walkAway {
			reply = wire.SolveWalkAway(j.key, cfg)
		} else {
			reply = wire.SolveExact(j.key, cfg)
		}
	}()
	post(map[string]any{"type": "exact", "reply": wire.EncodeExact(reply)})
}

// wasmMemory is the size in bytes of this worker's WebAssembly memory (Go's
// heap lives in it and it never shrinks), as worker.js exposes it; 0 if
// unknown.
func wasmMemory() float64 {
	f := js.Global().Get("lirWasmMemory")
	if f.Type() != js.TypeFunction {
		return 0
	}
	return f.Invoke().Float()
}

func post(m map[string]any) { js.Global().Call("postMessage", js.ValueOf(m)) }

func postError(msg string) { post(map[string]any{"type": "error", "message": msg}) }
