package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
)

// lir init writes the default study: it reads back as config.Study(),
// each section and key has a comment above it, and an existing file is
// left as it was.
func TestInitWritesTheDefaultStudyCommented(t *testing.T) {
	path := filepath.Join(t.TempDir(), "study.yaml")
	var out, errb bytes.Buffer
	if code := run([]string{"init", path}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := configyaml.Decode(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, config.Study()) {
		t.Fatalf("the file is not the default study:\n%s", c.CanonicalJSON())
	}
	lines := strings.Split(string(data), "\n")
	keys := 0
	for i, l := range lines {
		tr := strings.TrimSpace(l)
		if tr == "" || strings.HasPrefix(tr, "#") || strings.HasPrefix(tr, "- ") {
			continue
		}
		keys++
		if i == 0 || !strings.HasPrefix(strings.TrimSpace(lines[i-1]), "#") {
			t.Errorf("line %d %q has no comment above it", i+1, l)
		}
	}
	if keys < 100 {
		t.Fatalf("only %d keys written", keys)
	}
	if err := os.WriteFile(path, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	if code := run([]string{"init", path}, &out, &errb); code == 0 || !strings.Contains(errb.String(), "already exists") {
		t.Fatalf("exit %d, %q: want a refusal", code, errb.String())
	}
	if b, _ := os.ReadFile(path); string(b) != "mine\n" {
		t.Fatal("an existing file was overwritten")
	}
}
