package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/lir-lab/lir/engine/export"
	"github.com/lir-lab/lir/engine/runner"
	"github.com/lir-lab/lir/engine/sim"
)

// exports streams the per-session and per-hand CSV files. Each chunk of
// sessions a worker runs writes its own temporary files beside the
// destination; at the end they are joined in session order, so the files
// are the same for any number of workers and memory stays bounded.
type exports struct {
	paths     [2]string // sessions, hands; "" when not asked for
	dir       string    // temporary chunk files
	mu        sync.Mutex
	chunks    []int // lo of every chunk written
	cancelled bool  // abort was called: no chunk file may be created
}

// errInterrupted stops a run whose exports were aborted.
var errInterrupted = errors.New("interrupted")

func newExports(sessions, hands string) (*exports, error) {
	e := &exports{paths: [2]string{sessions, hands}}
	if sessions == "" && hands == "" {
		return e, nil
	}
	if sessions != "" && sessions == hands {
		return nil, fmt.Errorf("--per-session-csv and --per-hand-csv name the same file")
	}
	dest := sessions
	if dest == "" {
		dest = hands
	}
	dir, err := os.MkdirTemp(filepath.Dir(dest), ".lir-export-")
	if err != nil {
		return nil, err
	}
	e.dir = dir
	return e, nil
}

func (e *exports) chunkPath(k int, lo int) string {
	return filepath.Join(e.dir, fmt.Sprintf("%d-%012d.csv", k, lo))
}

// sink returns the runner's sink, nil when nothing is exported.
func (e *exports) sink() runner.Sink {
	if e.dir == "" {
		return nil
	}
	return func(lo, hi int) (sim.Observer, func() error, error) {
		// Files are created under the lock, so none appears after abort
		// has emptied the directory.
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.cancelled {
			return nil, nil, errInterrupted
		}
		var files [2]*os.File
		var ws [2]io.Writer
		for k, p := range e.paths {
			if p == "" {
				continue
			}
			f, err := os.Create(e.chunkPath(k, lo))
			if err != nil {
				for _, f := range files {
					if f != nil {
						f.Close()
					}
				}
				return nil, nil, err
			}
			files[k], ws[k] = f, f
		}
		e.chunks = append(e.chunks, lo)
		obs := export.NewCSV(ws[0], ws[1])
		return obs, func() error {
			err := obs.Flush()
			for _, f := range files {
				if f != nil {
					if cerr := f.Close(); err == nil {
						err = cerr
					}
				}
			}
			return err
		}, nil
	}
}

// finish joins the chunk files into the destinations. When ctx ends
// first it stops, removes the destinations it has begun and returns
// errInterrupted.
func (e *exports) finish(ctx context.Context) (err error) {
	if e.dir == "" {
		return nil
	}
	defer os.RemoveAll(e.dir)
	var begun []string
	defer func() {
		if err != nil {
			for _, p := range begun {
				os.Remove(p)
			}
		}
	}()
	slices.Sort(e.chunks)
	headers := [2]string{export.SessionHeader, export.HandHeader}
	for k, p := range e.paths {
		if p == "" {
			continue
		}
		if ctx.Err() != nil {
			return errInterrupted
		}
		out, err := os.Create(p)
		if err != nil {
			return err
		}
		begun = append(begun, p)
		if _, err := io.WriteString(out, headers[k]); err != nil {
			out.Close()
			return err
		}
		for _, lo := range e.chunks {
			in, err := os.Open(e.chunkPath(k, lo))
			if err != nil {
				out.Close()
				return err
			}
			_, err = io.Copy(out, ctxReader{ctx, in})
			in.Close()
			os.Remove(e.chunkPath(k, lo))
			if err != nil {
				out.Close()
				return err
			}
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return nil
}

// abort removes the temporary files; chunks still running write to files
// already unlinked, and no new ones are created.
func (e *exports) abort() {
	e.mu.Lock()
	e.cancelled = true
	e.mu.Unlock()
	if e.dir != "" {
		os.RemoveAll(e.dir)
	}
}

// ctxReader is a reader that fails once ctx ends, so that joining large
// chunk files stops promptly.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if c.ctx.Err() != nil {
		return 0, errInterrupted
	}
	return c.r.Read(p)
}
