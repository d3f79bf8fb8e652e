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
	"github.com/lir-lab/lir/internal/outfile"
)

// exports streams the per-session and per-hand CSV files. Each chunk of
// sessions a worker runs writes its own files in a scratch folder beside
// the destination; at the end they are joined in session order into
// outfile temporaries that replace the destinations only when complete,
// so the files are the same for any number of workers, memory stays
// bounded, and a failed or killed run leaves the old files as they were.
type exports struct {
	paths     [2]string // sessions, hands; "" when not asked for
	scratch   *outfile.Scratch
	mu        sync.Mutex
	chunks    []int // lo of every chunk written
	cancelled bool  // abort was called: no chunk file may be created
	joining   []*outfile.File
}

// errInterrupted stops a run whose exports were aborted.
var errInterrupted = errors.New("interrupted")

// newExports prepares the exports; the paths have been checked already.
func newExports(sessions, hands string) (*exports, error) {
	e := &exports{paths: [2]string{sessions, hands}}
	if sessions == "" && hands == "" {
		return e, nil
	}
	dest := sessions
	if dest == "" {
		dest = hands
	}
	s, err := outfile.NewScratch(filepath.Dir(dest))
	if err != nil {
		return nil, err
	}
	e.scratch = s
	return e, nil
}

// active reports whether anything is exported.
func (e *exports) active() bool { return e.scratch != nil }

func (e *exports) chunkPath(k int, lo int) string {
	return e.scratch.Join(fmt.Sprintf("%d-%012d.csv", k, lo))
}

// sink returns the runner's sink, nil when nothing is exported.
func (e *exports) sink() runner.Sink {
	if !e.active() {
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

// finish joins the chunk files into the destinations, replacing them
// only when every file is complete. When ctx ends first it stops, leaves
// the destinations as they were and returns errInterrupted.
func (e *exports) finish(ctx context.Context) (err error) {
	if !e.active() {
		return nil
	}
	defer e.abort() // the scratch folder, and the temporaries unless committed
	slices.Sort(e.chunks)
	headers := [2]string{export.SessionHeader, export.HandHeader}
	for k, p := range e.paths {
		if p == "" {
			continue
		}
		if ctx.Err() != nil {
			return errInterrupted
		}
		out, err := outfile.Create(p)
		if err != nil {
			return err
		}
		e.mu.Lock()
		e.joining = append(e.joining, out)
		e.mu.Unlock()
		if _, err := out.WriteString(headers[k]); err != nil {
			return err
		}
		for _, lo := range e.chunks {
			in, err := os.Open(e.chunkPath(k, lo))
			if err != nil {
				return err
			}
			_, err = io.Copy(out, outfile.StopReader(ctx, in, errInterrupted))
			in.Close()
			os.Remove(e.chunkPath(k, lo)) // the disk need not hold every row twice
			if err != nil {
				return err
			}
		}
	}
	for _, out := range e.joining {
		if err := out.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// abort removes the scratch folder and the unfinished temporaries; chunks
// still running write to files already unlinked, and no new ones are
// created. Committed files stay.
func (e *exports) abort() {
	e.mu.Lock()
	e.cancelled = true
	joining := e.joining
	e.joining = nil
	e.mu.Unlock()
	for _, f := range joining {
		f.Abort()
	}
	if e.scratch != nil {
		e.scratch.Remove()
	}
}
