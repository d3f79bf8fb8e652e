// Command serve serves a built site (dist/) on localhost, under an optional
// sub-path, the way a static host would (internal/statichost): plain files,
// .wasm as application/wasm, and by default text and .wasm gzipped on the
// fly as GitHub Pages does; --compress precompressed sends the .br and .gz
// files cmd/build writes instead, as nginx's brotli_static and gzip_static
// do, and none sends every file as it is.
//
//	go run ./cmd/build/serve [--dir dist] [--base /path] [--addr 127.0.0.1:8080] [--compress gzip|precompressed|none]
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"strings"

	"github.com/lir-lab/lir/internal/statichost"
)

func main() {
	dir := flag.String("dir", "dist", "directory to serve")
	base := flag.String("base", "", "URL path prefix, e.g. /lab")
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	compress := flag.String("compress", "gzip", "gzip (on the fly, as GitHub Pages), precompressed (the .br and .gz files beside each large file) or none")
	flag.Parse()
	c, ok := map[string]statichost.Compression{"gzip": statichost.Gzip, "precompressed": statichost.Precompressed, "none": statichost.Plain}[*compress]
	if !ok {
		log.Fatalf("serve: --compress %q: want gzip, precompressed or none", *compress)
	}
	prefix := strings.TrimRight("/"+strings.Trim(*base, "/"), "/")
	host := statichost.New(*dir, prefix, c, 600)
	var h http.Handler = host
	if prefix != "" {
		mux := http.NewServeMux()
		mux.Handle(prefix+"/", host)
		mux.Handle(prefix, host)
		mux.Handle("/", http.RedirectHandler(prefix+"/", http.StatusFound))
		h = mux
	}
	fmt.Printf("serving %s at http://%s%s/ (%s)\n", *dir, *addr, prefix, *compress)
	log.Fatal(http.ListenAndServe(*addr, h))
}
