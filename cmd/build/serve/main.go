// Command serve serves a built site (dist/) on localhost, under an optional
// sub-path, the way any static host would: plain files, .wasm as
// application/wasm.
//
//	go run ./cmd/build/serve [--dir dist] [--base /path] [--addr 127.0.0.1:8080]
package main

import (
	"flag"
	"fmt"
	"log"
	"mime"
	"net/http"
	"strings"
)

func main() {
	dir := flag.String("dir", "dist", "directory to serve")
	base := flag.String("base", "", "URL path prefix, e.g. /lab")
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")

	prefix := strings.TrimRight("/"+strings.Trim(*base, "/"), "/")
	files := http.FileServer(http.Dir(*dir))
	mux := http.NewServeMux()
	if prefix == "" {
		mux.Handle("/", files)
	} else {
		mux.Handle(prefix+"/", http.StripPrefix(prefix, files))
		mux.Handle("/", http.RedirectHandler(prefix+"/", http.StatusFound))
	}
	fmt.Printf("serving %s at http://%s%s/\n", *dir, *addr, prefix)
	log.Fatal(http.ListenAndServe(*addr, mux))
}
