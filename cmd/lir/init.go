package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/internal/outfile"
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
	err = outfile.WriteNew(path, data) // whole or not at all, never over a file
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "lir init: %s already exists; not overwritten (name another file, or remove it first)\n", safeArg(path))
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "lir init:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (the default study, every key commented); run it with: lir run --config %s\n", safeArg(path), safeArg(path))
	return 0
}
