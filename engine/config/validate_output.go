package config

import (
	"strconv"
	"strings"
	"unicode"
)

// validateOutput checks that output.directory names a folder and
// output.prefix only the start of a file name in it, so that no config
// (nor a share link, which carries no output section) can put a file
// elsewhere.
func (c *Config) validateOutput() Errors {
	var es Errors
	o := &c.Output
	switch d := o.Directory; {
	case d == "":
		es.add("output.directory", `""`, `a folder is required; "." is the current folder`)
	case hasControl(d):
		es.add("output.directory", strconv.QuoteToASCII(d), "no control characters (NUL, ESC, newline…)")
	case strings.HasPrefix(d, "~"):
		es.add("output.directory", strconv.Quote(d), "a path starting with ~ is expanded only by a shell; give the full path or one relative to the current folder")
	}
	switch p := o.Prefix; {
	case hasControl(p):
		es.add("output.prefix", strconv.QuoteToASCII(p), "no control characters (NUL, ESC, newline…)")
	case strings.ContainsAny(p, `/\`) || strings.Contains(p, ".."):
		es.add("output.prefix", strconv.Quote(p), `the start of a file name, without "/", "\" or "..": the files go in output.directory`)
	}
	return es
}

// hasControl reports whether s holds a control character.
func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}
