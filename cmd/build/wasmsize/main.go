// Command wasmsize lists what a WebAssembly module built by Go spends its
// code on, by package: the size of each function's body (code section),
// named by the module's name section, summed by the package the name
// starts with. The data section (type and function tables, strings,
// embedded files) is one total: Go's linker does not name its parts.
//
//	go run ./cmd/build --names   # dist/web/app.wasm as shipped, with its names kept
//	go run ./cmd/build/wasmsize [--top 40] [--base old.wasm] dist/web/app.wasm
//
// With --base, each package's size is given beside its size in the other
// module, and the list is sorted by the change.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
)

// module is the sizes read from one module.
type module struct {
	total     int
	data      int            // the data section
	code      int            // the code section
	byPackage map[string]int // function body bytes by package
}

func main() {
	top := flag.Int("top", 40, "packages to list (0: all)")
	base := flag.String("base", "", "another module to compare with")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("wasmsize: ")
	if flag.NArg() != 1 {
		log.Fatal("usage: wasmsize [--top N] [--base old.wasm] module.wasm")
	}
	m, err := read(flag.Arg(0))
	if err != nil {
		log.Fatal(err)
	}
	var b *module
	if *base != "" {
		if b, err = read(*base); err != nil {
			log.Fatal(err)
		}
	}
	report(m, b, *top)
}

func report(m, b *module, top int) {
	names := map[string]bool{}
	for p := range m.byPackage {
		names[p] = true
	}
	if b != nil {
		for p := range b.byPackage {
			names[p] = true
		}
	}
	var list []string
	for p := range names {
		list = append(list, p)
	}
	key := func(p string) int { return m.byPackage[p] }
	if b != nil {
		key = func(p string) int { return abs(m.byPackage[p] - b.byPackage[p]) }
	}
	sort.Slice(list, func(i, j int) bool {
		if ki, kj := key(list[i]), key(list[j]); ki != kj {
			return ki > kj
		}
		return list[i] < list[j]
	})
	if top > 0 && len(list) > top {
		list = list[:top]
	}
	row := func(name string, now, was int) {
		if b == nil {
			fmt.Printf("%10s  %s\n", kb(now), name)
			return
		}
		fmt.Printf("%10s %10s %+10.1f KB  %s\n", kb(was), kb(now), float64(now-was)/1000, name)
	}
	if b != nil {
		fmt.Printf("%10s %10s %13s  %s\n", "base", "this", "change", "package (code)")
	}
	for _, p := range list {
		was := 0
		if b != nil {
			was = b.byPackage[p]
		}
		row(p, m.byPackage[p], was)
	}
	var bc, bd, bt int
	if b != nil {
		bc, bd, bt = b.code, b.data, b.total
	}
	row("(all code)", m.code, bc)
	row("(data section)", m.data, bd)
	row("(whole module)", m.total, bt)
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1000) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// read parses the sections of a module: the imported functions (which
// come first in the function index space), the code section's bodies and
// the name section's function names.
func read(path string) (*module, error) {
	buf, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(buf) < 8 || !bytes.Equal(buf[:4], []byte("\x00asm")) {
		return nil, fmt.Errorf("%s: not a WebAssembly module", path)
	}
	m := &module{total: len(buf), byPackage: map[string]int{}}
	r := &reader{b: buf[8:]}
	imported := 0
	var bodies []int
	names := map[int]string{}
	for !r.done() {
		id := r.byte()
		size := int(r.uleb())
		sec := &reader{b: r.take(size)}
		switch id {
		case 2: // imports
			for n := sec.uleb(); n > 0; n-- {
				sec.name()
				sec.name()
				switch sec.byte() {
				case 0: // function
					sec.uleb()
					imported++
				case 1: // table
					sec.byte()
					sec.limits()
				case 2: // memory
					sec.limits()
				case 3: // global
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			m.code = size
			for n := sec.uleb(); n > 0; n-- {
				l := int(sec.uleb())
				sec.take(l)
				bodies = append(bodies, l)
			}
		case 11: // data
			m.data = size
		case 0: // custom
			if sec.name() != "name" {
				continue
			}
			for !sec.done() {
				sub := sec.byte()
				body := &reader{b: sec.take(int(sec.uleb()))}
				if sub != 1 {
					continue
				}
				for n := body.uleb(); n > 0; n-- {
					i := int(body.uleb())
					names[i] = body.name()
				}
			}
		}
		if sec.err != nil {
			return nil, fmt.Errorf("%s: section %d: %v", path, id, sec.err)
		}
	}
	if r.err != nil {
		return nil, fmt.Errorf("%s: %v", path, r.err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no name section (built with -ldflags=-s?)", path)
	}
	for i, l := range bodies {
		m.byPackage[packageOf(names[imported+i])] += l
	}
	return m, nil
}

// packageOf is the package a function belongs to, from its name in the
// name section, where Go's linker writes "/" and "-" (and the "(*T)" of a
// method) as "_": "github.com_lir_lab_lir_engine_sim.__Runner_.Run" →
// "github.com_lir_lab_lir_engine_sim", "encoding_json.Unmarshal" →
// "encoding_json". The equality and hash functions the linker makes for
// types ("type_.eq.…") are one entry.
func packageOf(sym string) string {
	if sym == "" {
		return "(unnamed)"
	}
	if strings.HasPrefix(sym, "type_.") {
		return "(type equality and hash functions)"
	}
	start := 0
	if dot := strings.IndexByte(sym, '.'); dot > 0 && !strings.Contains(sym[:dot], "_") {
		// A module path's host: "github.com_…", "golang.org_x_…", "gopkg.in_…".
		for _, tld := range []string{"com_", "org_", "in_", "io_", "net_", "dev_"} {
			if strings.HasPrefix(sym[dot+1:], tld) {
				start = dot + 1
				break
			}
		}
	}
	end := strings.IndexByte(sym[start:], '.')
	if end < 0 {
		return sym
	}
	return sym[:start+end]
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) done() bool { return len(r.b) == 0 || r.err != nil }

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.err = errors.New("unexpected end")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) uleb() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("bad LEB128 number")
		r.b = nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) take(n int) []byte {
	if n > len(r.b) {
		r.err = errors.New("unexpected end")
		n = len(r.b)
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) name() string { return string(r.take(int(r.uleb()))) }

func (r *reader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}
