package statichost

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func site(t *testing.T) string {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", strings.Repeat("<p>page</p>", 100))
	write("web/app.wasm", strings.Repeat("\x00asm", 1000))
	write("web/app.wasm.br", "BROTLI")
	write("web/app.wasm.gz", "GZIP")
	write("web/icon.png", "PNG")
	return dir
}

func get(t *testing.T, h http.Handler, path, accept string) *http.Response {
	req := httptest.NewRequest("GET", path, nil)
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// On the fly, as GitHub Pages: gzip when accepted for text and .wasm,
// never for images; what went on the wire and the files' sizes are counted.
func TestGzip(t *testing.T) {
	h := New(site(t), "/lab", Gzip, 600)
	r := get(t, h, "/lab/web/app.wasm", "gzip, deflate, br")
	if r.Header.Get("Content-Encoding") != "gzip" || r.Header.Get("Content-Type") != "application/wasm" || r.Header.Get("Cache-Control") != "max-age=600" {
		t.Fatalf("headers %v", r.Header)
	}
	zr, err := gzip.NewReader(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(zr); !bytes.Equal(b, []byte(strings.Repeat("\x00asm", 1000))) {
		t.Errorf("gunzipped body differs")
	}
	if r := get(t, h, "/lab/web/app.wasm", ""); r.Header.Get("Content-Encoding") != "" {
		t.Errorf("gzip sent to a client that did not ask for it")
	}
	if r := get(t, h, "/lab/web/icon.png", "gzip"); r.Header.Get("Content-Encoding") != "" {
		t.Errorf("an image was gzipped")
	}
	if r := get(t, h, "/lab/", "gzip"); r.StatusCode != 200 || r.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("the page: %d %v", r.StatusCode, r.Header)
	}
	for _, p := range []string{"/web/app.wasm", "/lab/nothing"} {
		if r := get(t, h, p, ""); r.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", p, r.StatusCode)
		}
	}
	s := h.Stats()["/lab/web/app.wasm"]
	if s.Requests != 2 || s.Raw != 8000 || s.Bytes >= 8000+4000 || s.Bytes <= 4000 {
		t.Errorf("counted %+v: want 2 requests, 8000 raw bytes, one of them gzipped", s)
	}
}

// Precompressed siblings, as nginx's brotli_static and gzip_static: brotli
// first, then gzip, then the file itself.
func TestPrecompressed(t *testing.T) {
	h := New(site(t), "", Precompressed, 0)
	for accept, want := range map[string]string{"gzip, br": "BROTLI", "gzip": "GZIP", "": strings.Repeat("\x00asm", 1000)} {
		r := get(t, h, "/web/app.wasm", accept)
		if b, _ := io.ReadAll(r.Body); string(b) != want {
			t.Errorf("Accept-Encoding %q: body %.20q, want %.20q", accept, b, want)
		}
	}
	if r := get(t, h, "/index.html", "br"); r.Header.Get("Content-Encoding") != "" {
		t.Errorf("a file without a sibling was sent encoded")
	}
}
