package outfile

import (
	"context"
	"io"
	"os"
	"path/filepath"
)

// Scratch is a private folder beside an output for the pieces of a file
// being built (the chunks of a CSV export), named ".lir-export-RANDOM"
// and locked while in use, so that Sweep removes it if the process dies.
type Scratch struct {
	f    *os.File // the folder, open and locked
	path string
}

// NewScratch creates a scratch folder in dir.
func NewScratch(dir string) (*Scratch, error) {
	f, path, err := createLocked(dir, scratchPrefix, true)
	if err != nil {
		return nil, err
	}
	return &Scratch{f: f, path: path}, nil
}

// Path returns the folder's path.
func (s *Scratch) Path() string { return s.path }

// Join returns the path of name in the folder.
func (s *Scratch) Join(name string) string { return filepath.Join(s.path, name) }

// Remove deletes the folder and everything in it. Later calls do nothing.
func (s *Scratch) Remove() error {
	if s.f == nil {
		return nil
	}
	err := os.RemoveAll(s.path)
	s.f.Close()
	s.f = nil
	return err
}

// StopReader reads r until ctx ends, then fails with stop: joining large
// chunks into an output stops promptly when the run is interrupted.
func StopReader(ctx context.Context, r io.Reader, stop error) io.Reader {
	return stopReader{ctx, r, stop}
}

type stopReader struct {
	ctx  context.Context
	r    io.Reader
	stop error
}

func (s stopReader) Read(p []byte) (int, error) {
	if s.ctx.Err() != nil {
		return 0, s.stop
	}
	return s.r.Read(p)
}
