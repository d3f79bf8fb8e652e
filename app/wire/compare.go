package wire

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/lir-lab/lir/engine/compare/paired"
	"github.com/lir-lab/lir/engine/sim"
)

// compareMagic starts the byte form of a comparison's partial aggregate;
// compareVersion changes with the layout.
const (
	compareMagic   = "LIRC"
	compareVersion = 1
)

// EncodeCompare returns the byte form of a comparison range's aggregate
// (engine/compare/paired): "LIRC", a version byte, then per arm its
// sim.Aggregate (Encode's form, length-prefixed) and its table-session sums,
// then per pair its paired sums, all as varints.
func EncodeCompare(a *paired.Aggregate) ([]byte, error) {
	b := append([]byte(compareMagic), compareVersion)
	u := func(x uint64) { b = binary.AppendUvarint(b, x) }
	i128 := func(x sim.Int128) { u(x.Hi); u(x.Lo) }
	u(uint64(len(a.Arms)))
	for _, arm := range a.Arms {
		agg, err := Encode(arm.Agg)
		if err != nil {
			return nil, err
		}
		u(uint64(len(agg)))
		b = append(b, agg...)
		u(arm.N)
		u(arm.Wins)
		i128(arm.SumP)
		i128(arm.SumP2)
	}
	u(uint64(len(a.Pairs)))
	for _, p := range a.Pairs {
		u(uint64(p.A))
		u(uint64(p.B))
		u(p.N)
		i128(p.SumD)
		i128(p.SumD2)
		i128(p.SumAB)
		for _, row := range p.Wins {
			for _, w := range row {
				u(w)
			}
		}
	}
	return b, nil
}

var errShort = errors.New("truncated")

// DecodeCompare is the inverse of EncodeCompare.
func DecodeCompare(b []byte) (a *paired.Aggregate, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("decoding comparison aggregate: %w", err)
		}
	}()
	if len(b) < len(compareMagic)+1 || string(b[:len(compareMagic)]) != compareMagic {
		return nil, errors.New("not a comparison aggregate")
	}
	if v := b[len(compareMagic)]; v != compareVersion {
		return nil, fmt.Errorf("version %d, want %d", v, compareVersion)
	}
	b = b[len(compareMagic)+1:]
	var bad error
	u := func() uint64 {
		x, n := binary.Uvarint(b)
		if n <= 0 {
			bad = errShort
			return 0
		}
		b = b[n:]
		return x
	}
	i128 := func() sim.Int128 { hi := u(); return sim.Int128{Hi: hi, Lo: u()} }
	a = &paired.Aggregate{}
	arms := u()
	if bad != nil || arms > 64 {
		return nil, errors.New("bad arm count")
	}
	for range arms {
		n := u()
		if bad != nil || n > uint64(len(b)) {
			return nil, errShort
		}
		agg, err := Decode(b[:n])
		if err != nil {
			return nil, err
		}
		b = b[n:]
		arm := paired.Arm{Agg: agg, N: u(), Wins: u()}
		arm.SumP, arm.SumP2 = i128(), i128()
		a.Arms = append(a.Arms, arm)
	}
	pairs := u()
	if bad != nil || pairs != arms*(arms-1)/2 {
		return nil, errors.New("bad pair count")
	}
	for range pairs {
		p := paired.PairSums{A: int(u()), B: int(u()), N: u()}
		p.SumD, p.SumD2, p.SumAB = i128(), i128(), i128()
		for i := range p.Wins {
			for j := range p.Wins[i] {
				p.Wins[i][j] = u()
			}
		}
		if p.A < 0 || p.B <= p.A || uint64(p.B) >= arms {
			return nil, errors.New("bad pair index")
		}
		a.Pairs = append(a.Pairs, p)
	}
	if bad != nil {
		return nil, bad
	}
	if len(b) != 0 {
		return nil, errors.New("trailing bytes")
	}
	return a, nil
}
