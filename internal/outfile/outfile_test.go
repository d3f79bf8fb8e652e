package outfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// entries lists the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A committed file replaces the old one whole and leaves no temporary; its
// permissions are those of the file it replaced.
func TestCommitReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(p, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	f, err := Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "old\n" {
		t.Fatalf("Create touched the destination: %q", got)
	}
	f.WriteString("new\n")
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "new\n" {
		t.Fatalf("after Commit: %q", got)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the replaced file's 0640", st.Mode().Perm())
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("left in the folder: %v", names)
	}
	if err := f.Commit(); err == nil {
		t.Error("a second Commit succeeded")
	}
}

// Abort, and a Commit that fails, leave the destination as it was and
// remove the temporary.
func TestFailureKeepsDestination(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	os.WriteFile(p, []byte("old\n"), 0o644)

	f, err := Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("partial")
	f.Abort()
	f.Abort() // twice is harmless
	if got := readFile(t, p); got != "old\n" {
		t.Fatalf("after Abort: %q", got)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("after Abort the folder holds %v", names)
	}

	// The rename fails: the destination became a non-empty folder meanwhile.
	q := filepath.Join(dir, "later")
	f, err = Create(q)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("x")
	os.MkdirAll(filepath.Join(q, "sub"), 0o755)
	if err := f.Commit(); err == nil {
		t.Fatal("Commit over a non-empty folder succeeded")
	}
	for _, n := range entries(t, dir) {
		if strings.HasPrefix(n, tempPrefix) {
			t.Errorf("temporary %s left after a failed Commit", n)
		}
	}
}

// Paths that are not regular files, and folders that do not exist, are
// refused before anything is written; a symbolic link is written through.
func TestRefusedTargets(t *testing.T) {
	dir := t.TempDir()
	dev := filepath.Join(dir, "dev.csv")
	if err := os.Symlink(os.DevNull, dev); err != nil {
		t.Skip(err)
	}
	for path, want := range map[string]string{
		dev:                                  "not a regular file",
		dir:                                  "is a folder",
		filepath.Join(dir, "no", "such.csv"): "does not exist",
		"":                                   "no file name",
	} {
		if err := Check(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check(%q) = %v, want %q", path, err, want)
		}
		if _, err := Create(path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Create(%q) = %v, want %q", path, err, want)
		}
	}
	if st, err := os.Lstat(dev); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link to the device was changed: %v", err)
	}

	real := filepath.Join(dir, "real.csv")
	link := filepath.Join(dir, "link.csv")
	os.WriteFile(real, []byte("old"), 0o644)
	os.Symlink("real.csv", link)
	if err := WriteFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link was replaced by a file")
	}
	if got := readFile(t, real); got != "new" {
		t.Errorf("through the link: %q", got)
	}
}

// Writers of one path never interleave: the file is, whole, what one of
// them wrote.
func TestConcurrentWritersDoNotInterleave(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out")
	var wg sync.WaitGroup
	contents := make([][]byte, 8)
	for i := range contents {
		contents[i] = bytes.Repeat([]byte{byte('a' + i)}, 1<<20+i)
		wg.Go(func() {
			f, err := Create(p)
			if err != nil {
				t.Error(err)
				return
			}
			for b := contents[i]; len(b) > 0; b = b[min(len(b), 4096):] {
				f.Write(b[:min(len(b), 4096)])
			}
			if err := f.Commit(); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, _ := os.ReadFile(p)
	whole := false
	for _, c := range contents {
		whole = whole || bytes.Equal(got, c)
	}
	if !whole {
		t.Fatalf("the file (%d bytes) is none of the writers' contents", len(got))
	}
}

// Sweep removes temporaries nobody holds and leaves those in use.
func TestSweep(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, tempPrefix+"out.csv-0123")
	os.WriteFile(stale, []byte("half"), 0o644)
	staleDir := filepath.Join(dir, scratchPrefix+"4567")
	os.MkdirAll(staleDir, 0o700)
	os.WriteFile(filepath.Join(staleDir, "0-000000000000.csv"), []byte("chunk"), 0o644)
	other := filepath.Join(dir, ".lir-notes") // not a temporary's name
	os.WriteFile(other, nil, 0o644)
	// A pending entry is a killed run's once unlocked and old; a young one
	// is being created.
	oldPending := filepath.Join(dir, pendingPrefix+"89ab")
	os.WriteFile(oldPending, nil, 0o644)
	then := time.Now().Add(-2 * pendingAge)
	os.Chtimes(oldPending, then, then)
	youngPending := filepath.Join(dir, pendingPrefix+"cdef")
	os.WriteFile(youngPending, nil, 0o644)

	live, err := Create(filepath.Join(dir, "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer live.Abort()
	scratch, err := NewScratch(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer scratch.Remove()

	found, err := Sweep(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, s := range found {
		got[s.Path] = s.Removed
	}
	if lockable() {
		if len(got) != 3 || !got[stale] || !got[staleDir] || !got[oldPending] {
			t.Errorf("Sweep = %v, want %s, %s and %s removed", found, stale, staleDir, oldPending)
		}
		for _, p := range []string{stale, staleDir, oldPending} {
			if _, err := os.Lstat(p); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s still there", p)
			}
		}
	}
	for _, p := range []string{live.temp, scratch.Path(), other, youngPending} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s was removed while in use: %v", p, err)
		}
	}
	live.WriteString("still writable")
	if err := live.Commit(); err != nil {
		t.Fatal(err)
	}
}

// lockable reports whether this system has the file locks Sweep needs.
func lockable() bool {
	f, err := os.CreateTemp("", "lock")
	if err != nil {
		return false
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, known := tryLock(f)
	return known
}

// Long names are shortened in the temporary's name, on a character
// boundary, so that it stays within the file system's limit.
func TestLongName(t *testing.T) {
	dir := t.TempDir()
	name := strings.Repeat("é", 120) + ".csv" // 244 bytes
	if err := WriteFile(filepath.Join(dir, name), []byte("x")); err != nil {
		t.Fatal(err)
	}
	if got := namePart(name); len(got) > maxNamePart || !strings.HasPrefix(name, got) || !strings.HasSuffix(got, "é") {
		t.Errorf("namePart = %q (%d bytes)", got, len(got))
	}
}

// A Sweep running while temporaries are created, written and committed
// (another run starting in the same folder) never takes one in use for a
// killed run's: it removes nothing, the scratch folders and files are
// created, and every Commit renames its temporary over the destination.
// (A scratch folder was once swept between its creation and its lock, and
// a temporary between its unlock and its rename.)
func TestSweepSparesLiveTemporaries(t *testing.T) {
	if !lockable() {
		t.Skip("no file locks: Sweep removes nothing")
	}
	dir := t.TempDir()
	stop := make(chan struct{})
	var swept []Stale
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			found, err := Sweep(dir)
			if err != nil {
				t.Error(err)
			}
			swept = append(swept, found...)
		}
	})
	var failed []error
	for i := range 2000 {
		s, err := NewScratch(dir)
		if err == nil {
			err = os.WriteFile(s.Join("chunk.csv"), []byte("rows"), 0o644)
			if rerr := s.Remove(); err == nil {
				err = rerr
			}
		}
		if err == nil && i%10 == 0 {
			err = WriteFile(filepath.Join(dir, "out.csv"), []byte("whole"))
		}
		if err != nil {
			failed = append(failed, err)
		}
	}
	close(stop)
	wg.Wait()
	if len(failed) > 0 {
		t.Errorf("%d failures, the first: %v", len(failed), failed[0])
	}
	if len(swept) > 0 {
		t.Errorf("Sweep took %d live temporaries for stale ones, the first %s", len(swept), swept[0].Path)
	}
}

// WriteNew creates a file whole and never writes over one: an existing
// file, or a symbolic link (even a dangling one), is refused with
// fs.ErrExist and left as it was; no temporary stays either way.
func TestWriteNew(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "study.yaml")
	if err := WriteNew(p, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, p); got != "new\n" {
		t.Fatalf("wrote %q", got)
	}
	if err := WriteNew(p, []byte("again\n")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("over an existing file: %v", err)
	}
	if got := readFile(t, p); got != "new\n" {
		t.Errorf("the existing file now holds %q", got)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(filepath.Join(dir, "nowhere.yaml"), link); err != nil {
		t.Skip(err)
	}
	if err := WriteNew(link, []byte("x")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("over a dangling link: %v", err)
	}
	if names := entries(t, dir); len(names) != 2 {
		t.Errorf("the folder holds %v", names)
	}
}
