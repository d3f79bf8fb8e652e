//go:build !linux

package main

import "os"

// terminal reports whether f is a character device, which on systems
// other than Linux is taken for a terminal.
func terminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
