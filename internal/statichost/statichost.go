// Package statichost serves a built site (dist/) the way static hosts do, for
// local use and for the browser tests: plain files under an optional base
// path, .wasm as application/wasm, and, as chosen, text and .wasm gzipped on
// the fly (as GitHub Pages does) or the precompressed .br and .gz siblings
// cmd/build writes (as nginx's brotli_static and gzip_static do). It counts
// the bytes it sends, so that tests and measurements can tell what a visit
// costs.
package statichost

import (
	"bytes"
	"compress/gzip"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Compression is how the host compresses what it sends.
type Compression int

const (
	// Plain sends files as they are.
	Plain Compression = iota
	// Gzip compresses text, scripts and .wasm on the fly when the client
	// accepts gzip (GitHub Pages).
	Gzip
	// Precompressed sends name.br or name.gz in place of name when it
	// exists and the client accepts that encoding (brotli first), and the
	// file as it is otherwise.
	Precompressed
)

// Compressible reports whether a host compresses files with this name:
// text formats and WebAssembly, not images (already compressed).
func Compressible(name string) bool {
	return slices.Contains([]string{".html", ".js", ".css", ".json", ".wasm", ".svg", ".webmanifest", ".txt"}, path.Ext(name))
}

// Sent is what the host sent for one path.
type Sent struct {
	Requests int
	Bytes    int64 // body bytes on the wire (compressed when it compressed)
	Raw      int64 // the files' own sizes
}

// Host is an http.Handler for one site.
type Host struct {
	dir, base   string
	compression Compression
	maxAge      int

	mu    sync.Mutex
	gz    map[string][]byte // gzip of a file, by path and modification time
	stats map[string]*Sent
}

// New serves dir under base ("" or "/path") with compression; maxAge > 0
// sets Cache-Control: max-age (GitHub Pages sends 600).
func New(dir, base string, c Compression, maxAge int) *Host {
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	return &Host{dir: dir, base: strings.TrimRight(base, "/"), compression: c, maxAge: maxAge,
		gz: map[string][]byte{}, stats: map[string]*Sent{}}
}

// Stats returns a copy of what was sent so far, by URL path.
func (h *Host) Stats() map[string]Sent {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make(map[string]Sent, len(h.stats))
	for k, v := range h.stats {
		out[k] = *v
	}
	return out
}

// Reset forgets what was sent.
func (h *Host) Reset() {
	h.mu.Lock()
	h.stats = map[string]*Sent{}
	h.mu.Unlock()
}

func (h *Host) count(p string, sent, raw int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.stats[p]
	if s == nil {
		s = &Sent{}
		h.stats[p] = s
	}
	s.Requests++
	s.Bytes += sent
	s.Raw += raw
}

func (h *Host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rel, ok := strings.CutPrefix(r.URL.Path, h.base+"/")
	if !ok {
		if r.URL.Path == h.base {
			http.Redirect(w, r, h.base+"/", http.StatusFound)
			return
		}
		http.NotFound(w, r)
		return
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	name := filepath.Join(h.dir, filepath.FromSlash(path.Clean("/"+rel)))
	st, err := os.Stat(name)
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	if h.maxAge > 0 {
		w.Header().Set("Cache-Control", "max-age="+strconv.Itoa(h.maxAge))
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	accepts := func(enc string) bool {
		for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
			if strings.TrimSpace(strings.SplitN(part, ";", 2)[0]) == enc {
				return true
			}
		}
		return false
	}
	body, enc := []byte(nil), ""
	switch {
	case h.compression == Gzip && Compressible(name) && accepts("gzip"):
		if body, err = h.gzipped(name, st); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		enc = "gzip"
	case h.compression == Precompressed:
		for _, e := range []struct{ enc, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if b, err := os.ReadFile(name + e.ext); err == nil && accepts(e.enc) {
				body, enc = b, e.enc
				break
			}
		}
	}
	if enc == "" {
		if body, err = os.ReadFile(name); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	} else {
		w.Header().Set("Content-Encoding", enc)
		w.Header().Add("Vary", "Accept-Encoding")
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
		h.count(r.URL.Path, int64(len(body)), st.Size())
	}
}

// gzipped is the gzip of a file (default level), kept while the file is
// unchanged.
func (h *Host) gzipped(name string, st os.FileInfo) ([]byte, error) {
	key := name + "\x00" + st.ModTime().String() + "\x00" + strconv.FormatInt(st.Size(), 10)
	h.mu.Lock()
	b, ok := h.gz[key]
	h.mu.Unlock()
	if ok {
		return b, nil
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	h.mu.Lock()
	h.gz[key] = buf.Bytes()
	h.mu.Unlock()
	return buf.Bytes(), nil
}
