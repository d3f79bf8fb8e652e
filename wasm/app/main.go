//go:build js && wasm

// Command app is the lab's user interface compiled to app.wasm.
package main

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/lir-lab/lir/app"
)

func main() {
	app.Routes()
	goapp.RunWhenOnBrowser()
}
