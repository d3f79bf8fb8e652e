// Package app is the browser lab's user interface, written with go-app: the
// config editor, run control over a pool of engine Web Workers, results,
// charts, share links and history. The same Routes and Handler serve the
// WebAssembly main (wasm/app) and the static-site generator (cmd/build).
package app
