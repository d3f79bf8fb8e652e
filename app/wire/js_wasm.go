//go:build js && wasm

package wire

import "syscall/js"

// This file is the protocol's JavaScript glue: messages cross postMessage
// as plain objects of the values Fields uses (protocol.go).

// ToJS makes the object for a message's fields, and the list of buffers to
// transfer (a byte slice becomes a Uint8Array whose buffer is handed over,
// not copied).
func ToJS(m map[string]any) (obj js.Value, transfer []any) {
	obj = js.Global().Get("Object").New()
	for k, v := range m {
		if b, ok := v.([]byte); ok {
			arr := js.Global().Get("Uint8Array").New(len(b))
			js.CopyBytesToJS(arr, b)
			obj.Set(k, arr)
			transfer = append(transfer, arr.Get("buffer"))
			continue
		}
		obj.Set(k, js.ValueOf(v))
	}
	return obj, transfer
}

// FromJS copies a message object's own properties: strings, numbers,
// booleans, Uint8Arrays and arrays of strings; other values are left out
// (Parse… then says what is missing).
func FromJS(v js.Value) map[string]any {
	m := map[string]any{}
	if v.Type() != js.TypeObject {
		return m
	}
	u8 := js.Global().Get("Uint8Array")
	isArray := js.Global().Get("Array").Get("isArray")
	keys := js.Global().Get("Object").Call("keys", v)
	for i := range keys.Length() {
		k := keys.Index(i).String()
		x := v.Get(k)
		switch x.Type() {
		case js.TypeString:
			m[k] = x.String()
		case js.TypeNumber:
			m[k] = x.Float()
		case js.TypeBoolean:
			m[k] = x.Bool()
		case js.TypeObject:
			switch {
			case x.InstanceOf(u8):
				b := make([]byte, x.Length())
				js.CopyBytesToGo(b, x)
				m[k] = b
			case isArray.Invoke(x).Bool():
				l := make([]any, x.Length())
				for j := range l {
					if e := x.Index(j); e.Type() == js.TypeString {
						l[j] = e.String()
					}
				}
				m[k] = l
			}
		}
	}
	return m
}

// Post posts a message's fields from inside a worker to its page.
func Post(m map[string]any) {
	obj, transfer := ToJS(m)
	js.Global().Call("postMessage", obj, js.ValueOf(transfer))
}

// HardwareConcurrency is the number of logical cores the browser reports
// (1 if it does not say), on the page and in a worker alike.
func HardwareConcurrency() int {
	n := js.Global().Get("navigator").Get("hardwareConcurrency")
	if n.Type() != js.TypeNumber || n.Int() < 1 {
		return 1
	}
	return n.Int()
}
