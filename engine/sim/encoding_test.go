package sim

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

// fillRandom sets every field reachable from v to random values, so the
// round-trip test covers fields added after it was written.
func fillRandom(v reflect.Value, r *rand.Rand) {
	switch v.Kind() {
	case reflect.Uint64, reflect.Uint, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		v.SetUint(r.Uint64() >> (r.IntN(64) + (64 - v.Type().Bits())))
	case reflect.Int64, reflect.Int, reflect.Int32, reflect.Int16, reflect.Int8:
		x := int64(r.Uint64()) >> (r.IntN(64))
		v.SetInt(x >> (64 - v.Type().Bits()))
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 1)
	case reflect.Struct:
		for i := range v.NumField() {
			fillRandom(v.Field(i), r)
		}
	case reflect.Array:
		for i := range v.Len() {
			fillRandom(v.Index(i), r)
		}
	case reflect.Slice:
		n := 1 + r.IntN(4)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fillRandom(s.Index(i), r)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for range 1 + r.IntN(20) {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			fillRandom(k, r)
			fillRandom(e, r)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic("fillRandom: " + v.Type().String())
	}
}

func roundTrip(t *testing.T, a *Aggregate) {
	t.Helper()
	b, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Aggregate
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&got, a) {
		t.Fatalf("round trip changed the aggregate")
	}
	b2, _ := got.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Fatalf("re-encoding gives different bytes")
	}
}

// Every field survives MarshalBinary → UnmarshalBinary, and the encoding is
// a function of the value (re-encoding gives the same bytes).
func TestAggregateBinaryRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		var a Aggregate
		fillRandom(reflect.ValueOf(&a).Elem(), r)
		roundTrip(t, &a)
	}
	roundTrip(t, NewAggregate(3))

	c := config.Default()
	c.Table.NumSeats = 2
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	roundTrip(t, mustRunner(t, c).Run(3, 0, 200, nil))
}

// Histogram maps iterate in random order; the bytes must not.
func TestAggregateBinaryDeterministic(t *testing.T) {
	a := mustRunner(t, config.Default()).Run(5, 0, 300, nil)
	first, _ := a.MarshalBinary()
	for range 20 {
		b, _ := a.MarshalBinary()
		if !bytes.Equal(b, first) {
			t.Fatal("two encodings of one aggregate differ")
		}
	}
}

func TestAggregateBinaryRejects(t *testing.T) {
	good, _ := mustRunner(t, config.Default()).Run(5, 0, 50, nil).MarshalBinary()
	cases := map[string][]byte{
		"empty":              nil,
		"magic":              append([]byte("XXXX"), good[4:]...),
		"version":            append(append([]byte("LIRA"), 99), good[5:]...),
		"layout":             append(append([]byte{}, good[:5]...), append([]byte{1, 2, 3, 4, 5, 6, 7, 8}, good[13:]...)...),
		"truncated":          good[:len(good)-3],
		"trailing":           append(append([]byte{}, good...), 0),
		"trailing, resealed": sealed(append(append([]byte{}, good[:len(good)-4]...), 0)),
		"huge len":           sealed(append(append([]byte{}, good[:13]...), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)),
	}
	// Any one bit flipped anywhere is caught.
	for i := range good {
		for bit := range 8 {
			b := append([]byte{}, good...)
			b[i] ^= 1 << bit
			var a Aggregate
			if err := a.UnmarshalBinary(b); !errors.Is(err, ErrEncoding) {
				t.Fatalf("byte %d bit %d flipped: err = %v", i, bit, err)
			}
		}
	}
	for name, b := range cases {
		var a Aggregate
		if err := a.UnmarshalBinary(b); !errors.Is(err, ErrEncoding) {
			t.Errorf("%s: err = %v, want ErrEncoding", name, err)
		}
	}
	// Every truncation fails cleanly.
	for n := range len(good) {
		var a Aggregate
		if err := a.UnmarshalBinary(good[:n]); err == nil {
			t.Fatalf("truncated to %d bytes: no error", n)
		}
	}
}

func FuzzAggregateUnmarshal(f *testing.F) {
	good, _ := mustRunner(f, config.Default()).Run(5, 0, 5, nil).MarshalBinary()
	f.Add(good)
	f.Fuzz(func(t *testing.T, b []byte) {
		// Reseal: the decoder past the checksum is what is fuzzed.
		if len(b) >= 4 {
			b = sealed(b[:len(b)-4])
		}
		var a Aggregate
		if a.UnmarshalBinary(b) == nil {
			roundTrip(t, &a)
		}
	})
}
