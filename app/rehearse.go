package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Rehearse renders the page to HTML once, away from the page: the first
// engine worker does it before it says it is ready (wasm/app), while the
// page waits for that worker to compile app.wasm (loader.go). WebAssembly
// functions are compiled at their first call and the page's module shares
// its compiled code with that worker's, so the page's own first render then
// runs code compiled on another thread instead of compiling it on its own.
// It reports whether the rendering went through (a failure costs only the
// time saved).
func Rehearse() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return goapp.HTMLString(newLabPage()) != ""
}
