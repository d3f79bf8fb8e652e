//go:build unix

package outfile

import (
	"errors"
	"os"
	"syscall"
)

// lock takes an exclusive advisory lock on f, held until f is closed or
// the process ends (however it ends).
func lock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
}

// tryLock takes the lock if no one holds it. known is false when the
// system cannot say.
func tryLock(f *os.File) (free, known bool) {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if err == nil {
		return true, true
	}
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, true
	}
	return false, false
}
