package main

import (
	"fmt"
	"io"
)

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "validate FILE...\n\nCheck config files (YAML or JSON); print one line per problem (field path,\nvalue, what is allowed) and exit 1 if any.", stderr)
	files, status, ok := parseFlags(fs, args)
	if !ok {
		return status
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "usage: lir validate FILE...")
		return 2
	}
	status = 0
	for _, path := range files {
		c, _, err := loadRunConfig(path, "") // as lir run reads it
		if err != nil {
			printConfigError(stderr, path, err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: ok (%d sessions, %d seat(s), %s strategy, %s paytable)\n", safeArg(path),
			c.Simulation.NumSessions, c.Table.NumSeats, c.Strategy.Type, c.Paytables.MainGame.Type)
	}
	return status
}
