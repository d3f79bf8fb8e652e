//go:build !unix

package outfile

import "os"

// lock does nothing here: without file locks Sweep only lists temporaries.
func lock(*os.File) error { return nil }

// tryLock cannot tell whether a temporary is in use on this system.
func tryLock(*os.File) (free, known bool) { return false, false }
