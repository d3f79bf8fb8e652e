package main

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/andybalholm/brotli"

	"github.com/lir-lab/lir/internal/statichost"
)

// minPrecompress is the size below which a file gets no compressed
// siblings: the saving would not pay for the extra request headers.
const minPrecompress = 1024

// precompress writes name.gz (gzip, best compression) and, when brotliQ >
// 0, name.br (brotli at that quality, 0–11) beside each file under dir
// that a host would compress (statichost.Compressible) and that is at
// least minPrecompress bytes, for hosts that serve such siblings in place
// of the file (docs/BROWSER.md). A sibling that would not be smaller is
// not written. Files are compressed in parallel.
func precompress(dir string, brotliQ int) error {
	var files []string
	size := map[string]int64{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !statichost.Compressible(p) {
			return err
		}
		info, err := d.Info()
		if err != nil || info.Size() < minPrecompress {
			return err
		}
		files, size[p] = append(files, p), info.Size()
		return nil
	})
	if err != nil {
		return err
	}
	// The largest files first, so that none finishes last alone.
	sort.Slice(files, func(i, j int) bool { return size[files[i]] > size[files[j]] })
	type job struct {
		path string
		br   bool
	}
	jobs := make(chan job)
	errs := make(chan error, 2*len(files))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				errs <- compressFile(j.path, j.br, brotliQ)
			}
		}()
	}
	for _, br := range []bool{true, false} {
		if br && brotliQ <= 0 {
			continue
		}
		for _, f := range files {
			jobs <- job{f, br}
		}
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func compressFile(path string, br bool, brotliQ int) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	ext := ".gz"
	if br {
		ext = ".br"
		w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliQ, LGWin: 24})
		w.Write(raw)
		err = w.Close()
	} else {
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(raw)
		err = w.Close()
	}
	if err != nil || buf.Len() >= len(raw) {
		return err
	}
	if err := os.WriteFile(path+ext, buf.Bytes(), 0o644); err != nil {
		return err
	}
	// The sibling carries the file's time, as nginx's gzip_static advises
	// (Last-Modified and ETag then agree whichever is sent).
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.Chtimes(path+ext, info.ModTime(), info.ModTime())
}
