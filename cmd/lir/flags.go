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
// package has said why) or a flag given an empty value, which is refused
// rather than taken for an absent flag (--seed "$SEED" with SEED unset
// must not draw a seed).
func parseFlags(fs *flag.FlagSet, args []string) (pos []string, status int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, false
			}
			return nil, 2, false
		}
		rest := fs.Args()
		if n := len(args) - len(rest); len(rest) == 0 || n > 0 && args[n-1] == "--" {
			if len(rest) > 0 {
				pos = append(pos, rest...)
			}
			var empty string
			fs.Visit(func(f *flag.Flag) {
				if f.Value.String() == "" && empty == "" {
					empty = f.Name
				}
			})
			if empty != "" {
				fmt.Fprintf(fs.Output(), "lir %s: --%s is given an empty value (an unset variable?); give a value or leave the flag out\n", fs.Name(), empty)
				return nil, 2, false
			}
			return pos, 0, true
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// given returns the names of the flags on the command line.
func given(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}
