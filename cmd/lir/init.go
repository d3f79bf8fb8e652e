package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
)

// runInit writes the default study, every key commented, to a new file.
func runInit(args []string, stdout, stderr io.Writer) int {
	fset := newFlags("init", "init [FILE]\n\nWrite the default study (what lir run runs without --config) to FILE\n(default study.yaml), each key with a comment saying what it does. An\nexisting file is never overwritten.", stderr)
	files, status, ok := parseFlags(fset, args)
	if !ok {
		return status
	}
	if len(files) > 1 {
		fmt.Fprintln(stderr, "usage: lir init [FILE]")
		return 2
	}
	path := "study.yaml"
	if len(files) == 1 {
		path = files[0]
	}
	data, err := configyaml.EncodeCommented(config.Study(), "Let It Ride study: the default study (lir init). Run it with: lir run --config "+path)
	if err != nil {
		fmt.Fprintln(stderr, "lir init:", err)
		return 1
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "lir init: %s already exists; not overwritten (name another file, or remove it first)\n", path)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "lir init:", err)
		return 1
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path) // a half-written file never poses as a study
		fmt.Fprintln(stderr, "lir init:", err)
		return 1
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		fmt.Fprintln(stderr, "lir init:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (the default study, every key commented); run it with: lir run --config %s\n", path, path)
	return 0
}
