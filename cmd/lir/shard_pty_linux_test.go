package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY returns the two ends of a new pseudo-terminal.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip(err)
	}
	var unlock int32
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Skip(e)
	}
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Skip(e)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skip(err)
	}
	return m, s
}

// An empty shard with stderr on a terminal draws its bar and prints the
// partial document, exit 0.
func TestEmptyShardOnTerminal(t *testing.T) {
	bin := lirBinary(t)
	master, slave := openPTY(t)
	defer master.Close()
	if !terminal(slave) {
		t.Fatal("a pseudo-terminal is not taken for a terminal")
	}
	go io.Copy(io.Discard, master)
	cmd := exec.Command(bin, "run", "--seed", "3", "--sessions", "10", "--shard", "14/20", "--json")
	cmd.Stderr = slave
	out, err := cmd.Output()
	slave.Close()
	if err != nil || len(out) == 0 {
		t.Fatalf("exit %v, %d bytes of stdout", err, len(out))
	}
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if terminal(null) {
		t.Error("/dev/null is taken for a terminal")
	}
}
