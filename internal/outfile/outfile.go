// Package outfile writes output files atomically. A File is a temporary
// file in the destination's folder, named so that it is recognisable
// (".lir-tmp-NAME-RANDOM"); Commit syncs it and renames it over the
// destination, Abort removes it. Whatever happens before Commit returns
// nil, including the process being killed, the destination keeps what it
// held before, and two writers of one path never interleave: the last to
// commit wins, whole. WriteNew creates a file the same way without ever
// replacing one. Temporaries a killed process left are found by Sweep.
package outfile

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Name prefixes of the temporaries this package creates. A temporary is
// first created under pendingPrefix, locked, and only then renamed to its
// own prefix, so an entry named as a temporary is locked from the moment
// it has that name (see createLocked).
const (
	tempPrefix    = ".lir-tmp-"
	scratchPrefix = ".lir-export-"
	pendingPrefix = ".lir-new-"
)

// pendingAge is how old an unlocked pending entry must be before Sweep
// takes it for a killed process's: its creator holds it unlocked only
// between two system calls.
const pendingAge = time.Minute

// maxNamePart bounds the part of a temporary's name taken from the
// destination, so the name fits every file system's 255-byte limit.
const maxNamePart = 100

// File is an output file being written. Its zero value is not usable;
// get one from Create.
type File struct {
	f      *os.File
	target string // the destination, symbolic links resolved
	temp   string
	err    error // the first write error
	done   bool  // committed or aborted
}

// Create starts writing the file path: it checks the destination (see
// Check) and creates the temporary beside it. The destination itself is
// not touched until Commit.
func Create(path string) (*File, error) {
	target, mode, err := resolve(path)
	if err != nil {
		return nil, err
	}
	f, temp, err := createLocked(filepath.Dir(target), tempPrefix+namePart(filepath.Base(target))+"-", false)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if mode != 0 {
		// Keep the permissions of the file being replaced.
		if err := f.Chmod(mode); err != nil {
			f.Close()
			os.Remove(temp)
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	return &File{f: f, target: target, temp: temp}, nil
}

// Write writes to the temporary. After an error every later Write fails,
// and so does Commit.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, fs.ErrClosed
	}
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.f.Write(p)
	if err != nil {
		f.err = fmt.Errorf("%s: %w", f.target, err)
		return n, f.err
	}
	return n, nil
}

// WriteString writes s, as Write does.
func (f *File) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

// Name returns the destination's path.
func (f *File) Name() string { return f.target }

// Commit syncs the temporary to disk and renames it over the destination,
// then syncs the folder so that the rename persists. On any error the
// temporary is removed, the destination is untouched and the error is
// returned.
func (f *File) Commit() error {
	if f.done {
		return fmt.Errorf("%s: %w", f.target, fs.ErrClosed)
	}
	f.done = true
	err := f.err
	if err == nil {
		if err = f.f.Sync(); err != nil {
			err = fmt.Errorf("%s: %w", f.target, err)
		}
	}
	// The temporary is renamed, or removed, before it is closed: closing
	// releases its lock, and an unlocked temporary may be swept.
	if err == nil {
		err = os.Rename(f.temp, f.target)
	}
	if err != nil {
		os.Remove(f.temp)
	}
	if cerr := f.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("%s: %w", f.target, cerr)
	}
	if err != nil {
		return err
	}
	syncDir(filepath.Dir(f.target))
	return nil
}

// Abort removes the temporary and leaves the destination as it was. It
// does nothing after Commit or a first Abort, so it can be deferred.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	os.Remove(f.temp)
	f.f.Close()
}

// WriteFile writes data to path atomically: the destination is replaced
// whole, or not at all.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// WriteNew writes data to path, which must not exist yet, atomically: the
// complete, synced temporary is hard-linked to path (a link never
// replaces a file), so path either does not exist or holds all of data,
// and a file that is already there is left as it was (the error then
// wraps fs.ErrExist).
func WriteNew(path string, data []byte) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s: %w", path, fs.ErrExist)
	}
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort() // the temporary goes, linked or not
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Link(f.temp, f.target); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, fs.ErrExist)
		}
		return err
	}
	syncDir(filepath.Dir(f.target))
	return nil
}

// Check reports whether path can be written by Create, without touching
// it: its folder exists and takes new files (a temporary is created there
// and removed), and the path, when it exists, is a regular file (not a
// folder, a device, a pipe or a socket).
func Check(path string) error {
	target, _, err := resolve(path)
	if err != nil {
		return err
	}
	f, temp, err := createPending(filepath.Dir(target), false)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	os.Remove(temp)
	f.Close()
	return nil
}

// resolve returns the file Create would replace (path with its symbolic
// links followed, so that a link keeps pointing where it did) and its
// permissions, 0 when it does not exist yet.
func resolve(path string) (string, fs.FileMode, error) {
	if path == "" {
		return "", 0, errors.New("no file name given")
	}
	target := path
	if t, err := filepath.EvalSymlinks(path); err == nil {
		target = t
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		dir := filepath.Dir(target)
		d, err := os.Stat(dir)
		if err != nil {
			return "", 0, fmt.Errorf("%s: the folder %s does not exist", path, dir)
		}
		if !d.IsDir() {
			return "", 0, fmt.Errorf("%s: %s is not a folder", path, dir)
		}
		return target, 0, nil
	case err != nil:
		return "", 0, err
	case st.IsDir():
		return "", 0, fmt.Errorf("%s is a folder; give a file name", path)
	case !st.Mode().IsRegular():
		return "", 0, fmt.Errorf("%s is not a regular file (a device, pipe or socket); outputs replace a file whole, give a file name", path)
	}
	return target, st.Mode().Perm(), nil
}

// namePart returns the start of name, at most maxNamePart bytes, cut on a
// character boundary.
func namePart(name string) string {
	if len(name) <= maxNamePart {
		return name
	}
	n := maxNamePart
	for n > 0 && !utf8.RuneStart(name[n]) {
		n--
	}
	return name[:n]
}

// createLocked creates a new file (or folder, when dir is true) in parent
// named prefix + random hex, locked for as long as it is open so that
// Sweep knows it is in use. A lock can only be taken on an entry that
// exists, so the entry is made under a pending name (pendingPrefix + the
// same hex), which Sweep leaves alone while it is young, locked, and then
// renamed: under the temporary's name it is never unlocked while its
// writer lives, and Sweep, which removes only unlocked temporaries, never
// takes it for a killed run's. (Should it vanish all the same, on a file
// system whose clock is far off, it is made afresh.)
func createLocked(parent, prefix string, dir bool) (*os.File, string, error) {
	for range 100 {
		f, pending, err := createPending(parent, dir)
		if err != nil {
			return nil, "", err
		}
		name := filepath.Join(parent, prefix+strings.TrimPrefix(filepath.Base(pending), pendingPrefix))
		if err := lock(f); err != nil {
			os.Remove(pending)
			f.Close()
			return nil, "", err
		}
		err = fs.ErrExist // a rename would replace name
		if _, lerr := os.Lstat(name); lerr != nil {
			if err = os.Rename(pending, name); err == nil {
				return f, name, nil
			}
		}
		os.Remove(pending)
		f.Close()
		if !errors.Is(err, fs.ErrExist) && !errors.Is(err, fs.ErrNotExist) {
			return nil, "", err
		}
	}
	return nil, "", errors.New("cannot create a temporary file")
}

// createPending creates a new file (or folder) in parent named
// pendingPrefix + random hex and opens it.
func createPending(parent string, dir bool) (*os.File, string, error) {
	for range 100 {
		var b [8]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, "", err
		}
		name := filepath.Join(parent, pendingPrefix+hex.EncodeToString(b[:]))
		var f *os.File
		var err error
		if dir {
			if err = os.Mkdir(name, 0o700); err == nil {
				if f, err = os.Open(name); err != nil {
					os.Remove(name)
				}
			}
		} else {
			f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		}
		if errors.Is(err, fs.ErrExist) || errors.Is(err, fs.ErrNotExist) && dir {
			continue
		}
		if err != nil {
			return nil, "", err
		}
		return f, name, nil
	}
	return nil, "", errors.New("cannot create a temporary file")
}

// still reports whether name is still the entry f was opened from.
func still(f *os.File, name string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Lstat(name)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// syncDir makes a rename in dir durable. Some file systems cannot sync a
// folder; the rename has happened either way, so errors are ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
