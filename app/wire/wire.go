// Package wire is the byte form of a partial aggregate as it crosses from a
// Web Worker to the page (a transferable Uint8Array). Both ends are built
// from this one package, so they always agree.
package wire

import (
	"encoding"
	"encoding/json"
	"fmt"

	"github.com/lir-lab/lir/engine/sim"
)

// Encode returns the bytes of a. It uses the aggregate's own binary form
// when it has one, and exact JSON (every field is an integer) otherwise.
func Encode(a *sim.Aggregate) ([]byte, error) {
	if m, ok := any(a).(encoding.BinaryMarshaler); ok {
		return m.MarshalBinary()
	}
	return json.Marshal(a)
}

// Decode is the inverse of Encode.
func Decode(b []byte) (*sim.Aggregate, error) {
	a := &sim.Aggregate{}
	var err error
	if u, ok := any(a).(encoding.BinaryUnmarshaler); ok {
		err = u.UnmarshalBinary(b)
	} else {
		err = json.Unmarshal(b, a)
	}
	if err != nil {
		return nil, fmt.Errorf("decoding aggregate: %w", err)
	}
	return a, nil
}
