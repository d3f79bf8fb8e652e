// Package wire is the page ↔ worker protocol: the requests and replies as
// Go types with their codec (protocol.go, js_wasm.go), the exact replies
// and the exact key (exact.go), and the byte form of a partial aggregate
// as it crosses from a Web Worker to the page (a transferable Uint8Array).
// Both ends are built from this one package, so they always agree.
package wire

import (
	"fmt"

	"github.com/lir-lab/lir/engine/sim"
)

// Encode returns the aggregate's binary form (sim.Aggregate.MarshalBinary:
// "LIRA", a version byte, a fingerprint of the field layout, varints, a
// CRC-32C),
// the one lir merge reads, so a worker built from another layout is refused.
func Encode(a *sim.Aggregate) ([]byte, error) {
	return a.MarshalBinary()
}

// Decode is the inverse of Encode.
func Decode(b []byte) (*sim.Aggregate, error) {
	a := &sim.Aggregate{}
	if err := a.UnmarshalBinary(b); err != nil {
		return nil, fmt.Errorf("decoding aggregate: %w", err)
	}
	return a, nil
}
