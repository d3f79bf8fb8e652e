//go:build js && wasm

// Command app is the lab compiled to app.wasm: the user interface on the
// page, the engine in each Web Worker the page starts (web/worker.js loads
// the same file). One program for both means one download and one copy of
// the Go runtime, the config decoder and the engine (docs/BROWSER.md).
package main

import (
	"syscall/js"

	"github.com/lir-lab/lir/app"
	"github.com/lir-lab/lir/wasm/worker"
)

func main() {
	if js.Global().Get("document").IsUndefined() {
		worker.Serve()
		return
	}
	app.Start()
}
