//go:build js && wasm

// Command tools is the page's config work in a Web Worker (tools.wasm): it
// answers {id, op, name, data} messages with {id, reply}, reply being the
// JSON of a configtools.Reply. It holds the YAML parser and expr-lang, so
// that app.wasm does not (docs/BROWSER.md).
package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/lir-lab/lir/app/configtools"
)

func main() {
	js.Global().Set("onmessage", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return nil
		}
		m := args[0].Get("data")
		if m.Type() != js.TypeObject {
			return nil
		}
		str := func(k string) string {
			if v := m.Get(k); v.Type() == js.TypeString {
				return v.String()
			}
			return ""
		}
		b, _ := json.Marshal(configtools.Do(str("op"), str("name"), str("data")))
		js.Global().Call("postMessage", map[string]any{"id": m.Get("id"), "reply": string(b)})
		return nil
	}))
	js.Global().Call("postMessage", map[string]any{"type": "ready"})
	select {}
}
