// Package worker is the engine's side of the worker protocol (app/wire): it
// does the job of each request — play a range of sessions, compare configs,
// solve a config exactly, map its walk-away limits — and posts the
// replies. wasm/worker runs it in a Web Worker; the page's native tests run
// it in process.
package worker
