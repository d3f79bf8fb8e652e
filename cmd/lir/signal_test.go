//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An export interrupted by SIGINT or SIGTERM leaves nothing behind: the
// built binary is stopped once its temporary chunk folder exists, and the
// folder and the destination must be gone, with exit status 128 + signal.
func TestInterruptedExportCleansUp(t *testing.T) {
	bin := lirBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		dest := filepath.Join(dir, "hands.csv")
		cmd := exec.Command(bin, "run", "--sessions", "200000", "--seed", "1", "--per-hand-csv", dest, "--per-session-csv", filepath.Join(dir, "s.csv"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		tmp := waitForChunks(dir, 20*time.Second)
		if tmp == "" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("%v: no chunk files appeared", sig)
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 128+int(sig) {
			t.Errorf("%v: exit %v, want status %d; stderr: %s", sig, err, 128+int(sig), stderr.String())
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			var names []string
			for _, e := range left {
				names = append(names, e.Name())
			}
			t.Errorf("%v: left behind %v", sig, names)
		}
		if !strings.Contains(stderr.String(), "stopped by a signal") {
			t.Errorf("%v: stderr %q", sig, stderr.String())
		}
	}
}
