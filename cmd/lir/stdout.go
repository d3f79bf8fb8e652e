package main

import (
	"io"
	"os"
)

// checkedWriter is stdout as the commands see it: it keeps the first
// write error, after which every write fails.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = err
	}
	return n, err
}

// finish returns the first write error; when stdout is a regular file it
// is also synced, so that an error the file system reports late (a full
// disk, a network file system) is not missed.
func (c *checkedWriter) finish() error {
	if c.err != nil {
		return c.err
	}
	if f, ok := c.w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			return f.Sync()
		}
	}
	return nil
}
