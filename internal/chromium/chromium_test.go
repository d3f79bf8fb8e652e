package chromium

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// fakeBrowser writes an executable named name in a new directory.
func fakeBrowser(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// The search order is CHROMIUM, CHROME_PATH, then Names on PATH in order;
// a variable naming no executable is an error, not a fall-through.
func TestFindOrder(t *testing.T) {
	a, b := fakeBrowser(t, "a"), fakeBrowser(t, "b")
	dir := t.TempDir()
	for _, n := range []string{"chromium-browser", "google-chrome"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		chromium, chromePath, path string
		want                       string
		err                        bool
	}{
		{chromium: a, chromePath: b, path: dir, want: a},
		{chromePath: b, path: dir, want: b},
		{path: dir, want: filepath.Join(dir, "chromium-browser")},
		{chromium: filepath.Join(dir, "missing"), chromePath: b, path: dir, err: true},
	}
	for i, c := range cases {
		t.Setenv("CHROMIUM", c.chromium)
		t.Setenv("CHROME_PATH", c.chromePath)
		t.Setenv("PATH", c.path)
		got, err := Find()
		if c.err {
			if err == nil || errors.Is(err, ErrNotFound) {
				t.Errorf("case %d: Find() = %q, %v; want an error naming CHROMIUM", i, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("case %d: Find() = %q, %v; want %q", i, got, err, c.want)
		}
	}
	t.Setenv("CHROMIUM", "")
	t.Setenv("CHROME_PATH", "")
	t.Setenv("PATH", t.TempDir())
	if _, err := Find(); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty PATH: err = %v, want ErrNotFound", err)
	}
}
