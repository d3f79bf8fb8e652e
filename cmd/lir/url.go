package main

import (
	"fmt"
	"io"

	"github.com/lir-lab/lir/configs"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/ruleexpr"
	"github.com/lir-lab/lir/engine/sharelink"
)

const urlUsage = `usage:
  lir url encode [--base URL] FILE    print a share link for a config file
  lir url encode [--base URL] --preset NAME
  lir url decode LINK                 print the config a share link holds, as YAML
`

// runURL encodes configs as share links and decodes them.
func runURL(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, urlUsage)
		return 2
	}
	switch args[0] {
	case "encode":
		fs := newFlags("url encode", "url encode [--base URL] FILE | lir url encode [--base URL] --preset NAME", stderr)
		base := fs.String("base", "", "URL of the page the link opens (the config goes after '#')")
		preset := fs.String("preset", "", "encode a preset (lir presets lists them) instead of a file")
		files, status, ok := parseFlags(fs, args[1:])
		if !ok {
			return status
		}
		if err := sharelink.CheckBase(*base); err != nil {
			fmt.Fprintf(stderr, "lir url encode: --base: %v\n", err)
			return 1
		}
		var c *config.Config
		var err error
		name := *preset
		switch {
		case *preset != "" && len(files) == 0:
			c, err = configs.Load(*preset)
		case *preset == "" && len(files) == 1:
			name = files[0]
			c, err = loadConfig(name)
		default:
			fmt.Fprint(stderr, urlUsage)
			return 2
		}
		if err != nil {
			printConfigError(stderr, name, err)
			return 1
		}
		link, err := sharelink.Encode(*base, c)
		if err != nil {
			fmt.Fprintf(stderr, "lir url encode: %v\n", err)
			return 1
		}
		if c.Output != config.Default().Output {
			fmt.Fprintln(stderr, "lir url encode: the output section is left out: a share link never says which files are written or where")
		}
		fmt.Fprintln(stdout, link)
		return 0
	case "decode":
		if len(args) == 2 && (args[1] == "-h" || args[1] == "-help" || args[1] == "--help") {
			fmt.Fprint(stderr, urlUsage)
			return 0
		}
		if len(args) != 2 {
			fmt.Fprint(stderr, urlUsage)
			return 2
		}
		c, err := sharelink.Decode(args[1])
		if err == nil {
			if es := ruleexpr.Check(c); len(es) > 0 {
				err = es
			}
		}
		if err != nil {
			printConfigError(stderr, "link", err)
			return 1
		}
		b, err := configyaml.Encode(c)
		if err != nil {
			fmt.Fprintf(stderr, "lir url decode: %v\n", err)
			return 1
		}
		stdout.Write(b)
		return 0
	}
	fmt.Fprint(stderr, urlUsage)
	return 2
}

// runPresets lists the embedded presets.
func runPresets(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: lir presets")
		return 2
	}
	for _, n := range configs.Names() {
		fmt.Fprintf(stdout, "%-22s %s\n", n, configs.Description(n))
	}
	return 0
}
