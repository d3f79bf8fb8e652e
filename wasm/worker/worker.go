//go:build js && wasm

// Package worker is the engine inside a Web Worker: the browser plumbing of
// app/worker, which app.wasm runs (Serve) when it starts in a worker rather
// than on the page (wasm/app). Each message is a wire.Request; the work
// happens in order on one goroutine, and every reply is a wire.Reply
// (docs/BROWSER.md has the protocol).
package worker

import (
	"syscall/js"

	"github.com/lir-lab/lir/app/wire"
	"github.com/lir-lab/lir/app/worker"
	"github.com/lir-lab/lir/engine/config"
)

// Serve answers the page's messages for as long as the worker lives.
func Serve() {
	jobs := make(chan wire.Request, 16)
	post := func(r wire.Reply) { wire.Post(r.Fields()) }
	// onmessage runs on the JavaScript event loop: it copies the message
	// and returns at once.
	js.Global().Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		r, err := wire.ParseRequest(wire.FromJS(args[0].Get("data")))
		if err != nil {
			post(wire.Reply{Kind: wire.KindError, Message: err.Error()})
			return nil
		}
		jobs <- r
		return nil
	}))
	w := &worker.Worker{Post: post, Memory: wasmMemory}
	warm := js.Global().Get("name").String() == "lir-first" && wire.HardwareConcurrency() > 2
	go func() {
		if warm {
			// The page's first worker answers the page's first exact
			// request: it builds the default study's exact play while the
			// page starts, since most studies (the default, most presets
			// and links) play its strategy and paytable. A request that
			// comes meanwhile waits in jobs. Not on two cores or fewer:
			// there the solve takes the page's core while it starts
			// (docs/PERFORMANCE.md: 50 ms more blocking time on this
			// project's 2-core machine, for an answer 0.3 s sooner).
			w.Warm(config.Study())
		}
		for r := range jobs {
			w.Do(r)
		}
	}()
	post(wire.Reply{Kind: wire.KindReady})
	select {}
}

// wasmMemory is the size in bytes of this worker's WebAssembly memory (Go's
// heap lives in it and it never shrinks), as worker.js exposes it; 0 if
// unknown.
func wasmMemory() int64 {
	f := js.Global().Get("lirWasmMemory")
	if f.Type() != js.TypeFunction {
		return 0
	}
	return int64(f.Invoke().Float())
}
