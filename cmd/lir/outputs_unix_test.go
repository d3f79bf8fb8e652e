//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// leftovers lists what is in dir besides the names given.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		found := false
		for _, k := range keep {
			found = found || e.Name() == k
		}
		if !found {
			out = append(out, e.Name())
		}
	}
	return out
}

// withOldFile returns a temporary folder holding hands.csv with the
// content old, which a killed run must leave as it was.
func withOldFile(t *testing.T) (dir, target string) {
	t.Helper()
	dir = t.TempDir()
	target = filepath.Join(dir, "hands.csv")
	if err := os.WriteFile(target, []byte(oldExport), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, target
}

const oldExport = "the previous export\n"

// waitForChunks waits up to limit for a scratch folder in dir to hold
// chunk files and returns its name, "" if none did.
func waitForChunks(dir string, limit time.Duration) string {
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if strings.HasPrefix(e.Name(), ".lir-export-") {
				if files, _ := os.ReadDir(filepath.Join(dir, e.Name())); len(files) > 0 {
					return e.Name()
				}
			}
		}
	}
	return ""
}

// A write that fails for lack of room (here a file-size limit of 256 KB,
// as a disk that fills) keeps the file that was at the target, exits
// non-zero and leaves no temporary: for the per-hand and per-session CSV,
// the HTML reports of run and study and output.formats files.
func TestFullDiskKeepsTargets(t *testing.T) {
	bin := lirBinary(t)
	runArgs := func(more ...string) []string {
		return append([]string{"run", "--seed", "1", "--sessions", "2000", "--no-exact"}, more...)
	}
	for _, c := range []struct {
		name string
		args func(dir, target string) []string // the command after lir
	}{
		{"hands.csv", func(dir, p string) []string { return runArgs("--per-hand-csv", p) }},
		{"sessions.csv", func(dir, p string) []string { return runArgs("--sessions", "20000", "--per-session-csv", p) }},
		{"report.html", func(dir, p string) []string { return runArgs("--report", p) }},
		{"lir_report.html", func(dir, p string) []string {
			cfg := filepath.Join(dir, "c.yaml")
			os.WriteFile(cfg, []byte("output: {directory: "+dir+", formats: {html: true}, console: false}\n"), 0o644)
			return runArgs("--config", cfg)
		}},
		{"study.html", func(dir, p string) []string {
			cfg := filepath.Join(dir, "c.yaml")
			os.WriteFile(cfg, []byte("simulation: {num_sessions: 200, hands_per_session: 20}\n"), 0o644)
			return []string{"study", cfg, "--seed", "1", "--no-exact", "--report", p}
		}},
	} {
		dir := t.TempDir()
		target := filepath.Join(dir, c.name)
		os.WriteFile(target, []byte("old\n"), 0o644)
		args := append([]string{"-c", `ulimit -f 512 && exec "$0" "$@"`, bin}, c.args(dir, target)...)
		cmd := exec.Command("/bin/sh", args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if err == nil {
			t.Errorf("%s: exit 0 on a full disk", c.name)
		}
		if b, _ := os.ReadFile(target); string(b) != "old\n" {
			t.Errorf("%s: the target now holds %d bytes, not the old file", c.name, len(b))
		}
		if left := leftovers(t, dir, c.name, "c.yaml"); len(left) > 0 {
			t.Errorf("%s: left behind %v", c.name, left)
		}
		if !strings.Contains(stderr.String(), "file too large") {
			t.Errorf("%s: stderr %q does not say why", c.name, stderr.String())
		}
	}
}

// A target that is a device (here a link to /dev/null) is refused before
// the run, and the link stays.
func TestDeviceTargetRefused(t *testing.T) {
	dir := t.TempDir()
	dev := filepath.Join(dir, "s.csv")
	if err := os.Symlink(os.DevNull, dev); err != nil {
		t.Skip(err)
	}
	code, out, errs := lir(t, "run", "--sessions", "100", "--per-session-csv", dev, "--json")
	if code == 0 || out != "" || !strings.Contains(errs, "not a regular file") {
		t.Errorf("exit %d, %d bytes of stdout, stderr %q", code, len(out), errs)
	}
	if st, err := os.Lstat(dev); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was changed: %v", err)
	}
}

// SIGKILL during the final join of a per-hand export (nothing of lir's
// can run) leaves the file that was there intact, and the next run removes
// the temporaries and says so.
func TestKilledDuringJoinKeepsOldFile(t *testing.T) {
	bin := lirBinary(t)
	dir, target := withOldFile(t)
	const old = oldExport
	joining := func() bool {
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			if strings.HasPrefix(e.Name(), ".lir-tmp-hands.csv-") {
				if st, err := e.Info(); err == nil && st.Size() > 0 {
					return true
				}
			}
		}
		b, _ := os.ReadFile(target)
		return string(b) != old // a writer that does not keep the old file
	}
	killed := false
	for sessions := 10000; !killed && sessions <= 80000; sessions *= 2 {
		cmd := exec.Command(bin, "run", "--seed", "1", "--sessions", strconv.Itoa(sessions), "--no-exact", "--per-hand-csv", target)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
	poll:
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			select {
			case <-exited:
				break poll // finished before the join was seen: try a longer run
			default:
			}
			if joining() {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
		}
		if !killed {
			cmd.Process.Kill()
		}
		<-exited
		if !killed {
			os.WriteFile(target, []byte(old), 0o644)
		}
	}
	if !killed {
		t.Fatal("never saw the join start")
	}
	if b, _ := os.ReadFile(target); string(b) != old {
		t.Fatalf("after SIGKILL during the join the target holds %d bytes, not the old file", len(b))
	}
	if len(leftovers(t, dir, "hands.csv")) == 0 {
		t.Fatal("the killed run left no temporary (expected its unfinished file)")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "run", "--seed", "1", "--sessions", "10", "--per-hand-csv", target)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("next run: %v: %s", err, stderr.String())
	}
	if left := leftovers(t, dir, "hands.csv"); len(left) > 0 {
		t.Errorf("the next run left %v", left)
	}
	if !strings.Contains(stderr.String(), "removed") || !strings.Contains(stderr.String(), ".lir-tmp-hands.csv-") {
		t.Errorf("the next run did not name what it removed: %q", stderr.String())
	}
}

// SIGKILL while the sessions run (the chunk files of a per-hand export
// growing in their scratch folder, the destination not yet touched)
// leaves the old file and the scratch folder; the next run writing into
// that folder removes the folder and names it.
func TestKilledRunSweptByNext(t *testing.T) {
	bin := lirBinary(t)
	dir, target := withOldFile(t)
	cmd := exec.Command(bin, "run", "--seed", "1", "--sessions", "1000000", "--no-exact", "--workers", "1", "--per-hand-csv", target)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	scratch := waitForChunks(dir, 30*time.Second)
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if scratch == "" {
		t.Fatal("no chunk file appeared")
	}
	if b, _ := os.ReadFile(target); string(b) != oldExport {
		t.Fatalf("after SIGKILL the target holds %d bytes, not the old file", len(b))
	}
	if left := leftovers(t, dir, "hands.csv"); len(left) != 1 || left[0] != scratch {
		t.Fatalf("the killed run left %v, want its scratch folder %s", left, scratch)
	}
	var stderr bytes.Buffer
	next := exec.Command(bin, "run", "--seed", "1", "--sessions", "10", "--report", filepath.Join(dir, "r.html"))
	next.Stderr = &stderr
	if err := next.Run(); err != nil {
		t.Fatalf("next run: %v: %s", err, stderr.String())
	}
	if left := leftovers(t, dir, "hands.csv", "r.html"); len(left) > 0 {
		t.Errorf("the next run left %v", left)
	}
	if !strings.Contains(stderr.String(), "removed") || !strings.Contains(stderr.String(), scratch) {
		t.Errorf("the next run did not name what it removed: %q", stderr.String())
	}
}
