//go:build unix

package outfile

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// When the writing process is killed (SIGKILL: no cleanup runs), the
// destination keeps its old content, and the next Sweep removes the
// temporary it left.
func TestKilledWriter(t *testing.T) {
	if p := os.Getenv("OUTFILE_KILLED_WRITER"); p != "" {
		f, err := Create(p)
		if err != nil {
			os.Exit(3)
		}
		f.WriteString(strings.Repeat("new\n", 1000))
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Minute)
		os.Exit(4)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	os.WriteFile(p, []byte("old\n"), 0o644)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledWriter$")
	cmd.Env = append(os.Environ(), "OUTFILE_KILLED_WRITER="+p)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "writing\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the writer said %q", line)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if got := readFile(t, p); got != "old\n" {
		t.Fatalf("after the kill the destination holds %d bytes, not the old content", len(got))
	}
	names := entries(t, dir)
	if len(names) != 2 {
		t.Fatalf("want the destination and one temporary, have %v", names)
	}
	found, err := Sweep(dir)
	if err != nil || len(found) != 1 || !found[0].Removed {
		t.Fatalf("Sweep = %v, %v", found, err)
	}
	if names := entries(t, dir); len(names) != 1 {
		t.Errorf("after Sweep: %v", names)
	}
}
