package main

import (
	"flag"
	"fmt"
	"io"
)

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: lir validate FILE...")
		return 2
	}
	status := 0
	for _, path := range fs.Args() {
		c, err := loadConfig(path)
		if err != nil {
			printConfigError(stderr, path, err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: ok (%d sessions, %d seat(s), %s strategy, %s paytable)\n", path,
			c.Simulation.NumSessions, c.Table.NumSeats, c.Strategy.Type, c.Paytables.MainGame.Type)
	}
	return status
}
