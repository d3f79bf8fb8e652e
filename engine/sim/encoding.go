package sim

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"reflect"
	"slices"
)

// The binary form of an Aggregate, for shard files and worker → page
// transfer. It is deterministic (the same aggregate always encodes to the
// same bytes: histogram keys are sorted) and exact. Layout:
//
//	"LIRA" | version (1 byte) | layout fingerprint (8 bytes, little endian) | body | CRC-32C (4 bytes, little endian)
//
// The body walks the Aggregate's fields in declaration order: unsigned
// integers as uvarints, signed ones and ints as zigzag varints, bools as one
// byte, Int128/Int256 words as uvarints, arrays element by element, slices
// and maps (histograms) as a uvarint length then their elements, map keys
// ascending. The fingerprint hashes the field names and types, so an
// aggregate from a build whose Aggregate differs is refused instead of
// misread; encodingVersion changes when the walk itself changes. The
// CRC-32C (Castagnoli) of everything before it catches damage in transit or
// storage (a shard file edited or truncated), which could otherwise decode
// to a plausible aggregate: a bit flipped in a high-order power sum changes
// no printed figure.
const (
	encodingMagic   = "LIRA"
	encodingVersion = 2
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sealed appends the CRC-32C of b.
func sealed(b []byte) []byte {
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// layoutFingerprint identifies the Aggregate type's field layout.
var layoutFingerprint = func() uint64 {
	h := fnv.New64a()
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		fmt.Fprintf(h, "%s(", t.Kind())
		switch t.Kind() {
		case reflect.Struct:
			for i := range t.NumField() {
				fmt.Fprintf(h, "%s:", t.Field(i).Name)
				walk(t.Field(i).Type)
			}
		case reflect.Array:
			fmt.Fprintf(h, "%d", t.Len())
			walk(t.Elem())
		case reflect.Slice, reflect.Pointer:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		}
		fmt.Fprint(h, ")")
	}
	walk(reflect.TypeFor[Aggregate]())
	return h.Sum64()
}()

// MarshalBinary encodes the aggregate.
func (a *Aggregate) MarshalBinary() ([]byte, error) {
	b := append([]byte(encodingMagic), encodingVersion)
	b = binary.LittleEndian.AppendUint64(b, layoutFingerprint)
	return sealed(encodeValue(b, reflect.ValueOf(a).Elem())), nil
}

func encodeValue(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.Uint64, reflect.Uint, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		return binary.AppendUvarint(b, v.Uint())
	case reflect.Int64, reflect.Int, reflect.Int32, reflect.Int16, reflect.Int8:
		return binary.AppendVarint(b, v.Int())
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.Struct:
		for i := range v.NumField() {
			b = encodeValue(b, v.Field(i))
		}
		return b
	case reflect.Array:
		for i := range v.Len() {
			b = encodeValue(b, v.Index(i))
		}
		return b
	case reflect.Slice:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		for i := range v.Len() {
			b = encodeValue(b, v.Index(i))
		}
		return b
	case reflect.Map:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		keys := v.MapKeys()
		slices.SortFunc(keys, func(x, y reflect.Value) int {
			if x.Int() < y.Int() {
				return -1
			}
			if x.Int() > y.Int() {
				return 1
			}
			return 0
		})
		for _, k := range keys {
			b = encodeValue(b, k)
			b = encodeValue(b, v.MapIndex(k))
		}
		return b
	}
	panic("sim: cannot encode a " + v.Type().String()) // a new field type needs a case here
}

// ErrEncoding reports bytes that are not an aggregate of this build.
var ErrEncoding = errors.New("sim: not an encoded aggregate of this version")

// UnmarshalBinary decodes an aggregate written by MarshalBinary. It checks
// every length against the bytes left, so corrupt or hostile input gives
// an error, not a crash or a huge allocation.
func (a *Aggregate) UnmarshalBinary(data []byte) error {
	if len(data) < len(encodingMagic)+9 || string(data[:4]) != encodingMagic {
		return ErrEncoding
	}
	if v := data[4]; v != encodingVersion {
		return fmt.Errorf("%w: encoding version %d, this build reads %d", ErrEncoding, v, encodingVersion)
	}
	if len(data) < len(encodingMagic)+13 {
		return ErrEncoding
	}
	n := len(data) - 4
	if binary.LittleEndian.Uint32(data[n:]) != crc32.Checksum(data[:n], castagnoli) {
		return fmt.Errorf("%w: the checksum does not match (damaged or edited)", ErrEncoding)
	}
	data = data[:n]
	if fp := binary.LittleEndian.Uint64(data[5:13]); fp != layoutFingerprint {
		return fmt.Errorf("%w: written by a build with a different aggregate layout", ErrEncoding)
	}
	d := decoder{b: data[13:]}
	var out Aggregate
	d.value(reflect.ValueOf(&out).Elem())
	if d.err != nil {
		return d.err
	}
	if len(d.b) != 0 {
		return fmt.Errorf("%w: %d bytes after the aggregate", ErrEncoding, len(d.b))
	}
	*a = out
	return nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: bad %s", ErrEncoding, what)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return x
}

// length reads a count of elements, each taking at least one byte.
func (d *decoder) length() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("length")
		return 0
	}
	return int(n)
}

func (d *decoder) value(v reflect.Value) {
	if d.err != nil {
		return
	}
	switch v.Kind() {
	case reflect.Uint64, reflect.Uint, reflect.Uint32, reflect.Uint16, reflect.Uint8:
		x := d.uvarint()
		if v.OverflowUint(x) {
			d.fail(v.Type().String())
		}
		v.SetUint(x)
	case reflect.Int64, reflect.Int, reflect.Int32, reflect.Int16, reflect.Int8:
		x := d.varint()
		if v.OverflowInt(x) {
			d.fail(v.Type().String())
		}
		v.SetInt(x)
	case reflect.Bool:
		x := d.uvarint()
		if x > 1 {
			d.fail("bool")
		}
		v.SetBool(x == 1)
	case reflect.Struct:
		for i := range v.NumField() {
			d.value(v.Field(i))
		}
	case reflect.Array:
		for i := range v.Len() {
			d.value(v.Index(i))
		}
	case reflect.Slice:
		n := d.length()
		if n == 0 {
			return // nil, as a fresh aggregate has
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			d.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		n := d.length()
		if n == 0 {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), n)
		prev := int64(0)
		for i := range n {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			d.value(k)
			d.value(e)
			if i > 0 && k.Int() <= prev {
				d.fail("map key order")
			}
			prev = k.Int()
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic("sim: cannot decode a " + v.Type().String())
	}
}
