package outfile

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Stale is a temporary that Sweep found.
type Stale struct {
	Path    string
	Removed bool // false when it could not be told apart from one in use
}

// Sweep finds the temporaries in dir that no running process holds (left
// by a process that was killed) and removes them. Where this system
// cannot tell (no file locks), it only lists them. Temporaries of running
// writers are left alone: they are locked from the moment they bear a
// temporary's name, and an entry still under its pending name is taken
// only once it is unlocked and older than pendingAge.
func Sweep(dir string) ([]Stale, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Stale
	for _, e := range entries {
		name := e.Name()
		pending := strings.HasPrefix(name, pendingPrefix)
		if !pending && !strings.HasPrefix(name, tempPrefix) && !strings.HasPrefix(name, scratchPrefix) {
			continue
		}
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			continue // gone meanwhile, or not ours to read
		}
		free, known := tryLock(f)
		switch {
		case pending && !old(f):
			// Being created: its writer locks and renames it at once.
		case !known:
			out = append(out, Stale{Path: path})
		case free && still(f, path):
			// Held locked while removed, so no writer can take it over.
			out = append(out, Stale{Path: path, Removed: os.RemoveAll(path) == nil})
		}
		f.Close()
	}
	return out, nil
}

// old reports whether f was last changed more than pendingAge ago.
func old(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && time.Since(st.ModTime()) > pendingAge
}
