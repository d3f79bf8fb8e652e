package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/internal/outfile"
)

// target is one file a command will write, and what asked for it (a flag
// or a config key), for messages.
type target struct {
	what, path string
}

// checkOutputs is run before any work: every target can be written (see
// outfile.Check), no two targets are one file, and no target is one of
// the inputs. It also removes the temporaries killed runs left in the
// targets' folders, naming them on log.
func checkOutputs(targets []target, inputs []string, log io.Writer, cmd string) error {
	seen := map[string]target{}
	swept := map[string]bool{}
	for _, t := range targets {
		if t.path == "~" || strings.HasPrefix(t.path, "~/") {
			return fmt.Errorf("%s %s: a path starting with ~ is expanded only by a shell; give the full path", t.what, t.path)
		}
		if err := outfile.Check(t.path); err != nil {
			return fmt.Errorf("%s: %v", t.what, err)
		}
		id := identity(t.path)
		if u, ok := seen[id]; ok {
			return fmt.Errorf("%s and %s both name %s; give each output its own file", u.what, t.what, t.path)
		}
		seen[id] = t
		for _, in := range inputs {
			if sameFile(t.path, in) {
				return fmt.Errorf("%s %s is an input of this run; refusing to overwrite it", t.what, t.path)
			}
		}
		if dir := filepath.Dir(id); !swept[dir] {
			swept[dir] = true
			sweep(dir, log, cmd)
		}
	}
	return nil
}

// sweep removes the temporaries killed runs left in dir, saying so.
func sweep(dir string, log io.Writer, cmd string) {
	found, _ := outfile.Sweep(dir)
	for _, s := range found {
		if s.Removed {
			fmt.Fprintf(log, "lir %s: removed %s, left unfinished by a run that was killed\n", cmd, s.Path)
		} else {
			fmt.Fprintf(log, "lir %s: %s was left by a run that did not finish; remove it once no run writes there\n", cmd, s.Path)
		}
	}
}

// identity returns a path that is the same for every name of one file:
// absolute, with the links of its folder (and of the file, when it exists)
// resolved.
func identity(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		path = p
	} else if d, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		path = filepath.Join(d, filepath.Base(path))
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// sameFile reports whether a and b name one existing file (also through
// hard links) or one path.
func sameFile(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	return identity(a) == identity(b)
}

// formatTargets returns the files output.formats asks for, creating
// output.directory when it is missing.
func formatTargets(o *config.Output) ([]target, error) {
	var names []string
	if o.Formats.JSON {
		names = append(names, "results.json")
	}
	if o.Formats.HTML || o.Visualizations {
		names = append(names, "report.html")
	}
	if o.Formats.CSV {
		names = append(names, "summary.csv", "seats.csv")
	}
	if len(names) == 0 {
		return nil, nil
	}
	if st, err := os.Stat(o.Directory); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("output.directory %s is not a folder", o.Directory)
	}
	if err := os.MkdirAll(o.Directory, 0o755); err != nil {
		return nil, fmt.Errorf("output.directory: %v", err)
	}
	var ts []target
	for _, n := range names {
		ts = append(ts, target{"output " + n, filepath.Join(o.Directory, o.Prefix+n)})
	}
	return ts, nil
}
