package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/lir-lab/lir/engine/runner"
)

// The progress bar of an empty shard (0 sessions to run) is a full bar,
// not a panic on 0/0.
func TestProgressOfEmptyShard(t *testing.T) {
	var b bytes.Buffer
	draw(&b, runner.Progress{}, 0, time.Now())
	if !strings.Contains(b.String(), "100.0%") || !strings.Contains(b.String(), "0/0 sessions") {
		t.Errorf("bar %q", b.String())
	}
}

// A shard with no sessions (--shard i/20 of 10 sessions) is a valid
// shard whatever stderr is (here /dev/null, which is a character device
// but not a terminal), and the 20 shards merge to the whole run.
func TestEmptyShardsMerge(t *testing.T) {
	bin := lirBinary(t)
	dir := t.TempDir()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	var files []string
	for i := range 20 {
		cmd := exec.Command(bin, "run", "--seed", "3", "--sessions", "10", "--shard", fmt.Sprintf("%d/20", i), "--json")
		cmd.Stderr = null
		out, err := cmd.Output()
		if err != nil || len(out) == 0 {
			t.Fatalf("shard %d/20 of 10 sessions: %v, %d bytes of stdout", i, err, len(out))
		}
		files = append(files, writeFile(t, dir, fmt.Sprintf("p%d.json", i), string(out)))
	}
	whole := lirOut(t, "run", "--seed", "3", "--sessions", "10", "--json")
	merged := lirOut(t, append(append([]string{"merge"}, files...), "--json")...)
	if !bytes.Equal(stripTiming(t, whole), stripTiming(t, merged)) {
		t.Fatal("the 20 shards, 10 of them empty, do not merge to the whole run")
	}
}

// A long run with no progress display (stderr not a terminal, no
// progress_interval) says how long it looks like taking.
func TestLongRunSaysHowLong(t *testing.T) {
	after, least := estimateAfter, estimateMin
	estimateAfter, estimateMin = 50*time.Millisecond, 0
	defer func() { estimateAfter, estimateMin = after, least }()
	code, _, errs := lir(t, "run", "--seed", "1", "--sessions", "200000", "--no-exact", "--workers", "1", "--json")
	if code != 0 || !strings.Contains(errs, "to go") && !strings.Contains(errs, "no session finished") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// lir exact walkaway over a grid that takes long says how far it is, row
// by row of win limits.
func TestWalkAwaySaysHowFar(t *testing.T) {
	after := estimateAfter
	estimateAfter = 0
	defer func() { estimateAfter = after }()
	code, out, errs := lir(t, "exact", "walkaway", "--win-limits", "50,100,150", "--loss-limits", "50,100")
	if code != 0 || out == "" || !strings.Contains(errs, "1 of 3 win limits done") || !strings.Contains(errs, "2 of 3 win limits done") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}
