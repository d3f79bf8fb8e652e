package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlags returns the flag set of "lir NAME": its -h prints the synopsis
// (what follows "lir" on the command line) and the flags.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: lir %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags reads flags anywhere among args, before, between or after the
// positional arguments, as people type them ("lir merge p*.json --json"),
// up to a "--", after which every argument is positional. It returns the
// positional arguments, or false and the exit status when parsing ends the
// command: 0 after -h (the usage is printed), 2 after a bad flag (the flag
// package has said why).
func parseFlags(fs *flag.FlagSet, args []string) (pos []string, status int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, false
			}
			return nil, 2, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, 0, true
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
