package config

import (
	"bytes"
	"os"
	"testing"
)

// docs/CONFIG.md is generated from the schema; it must be current.
func TestReferenceIsCurrent(t *testing.T) {
	got, err := os.ReadFile("../../docs/CONFIG.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, Reference()) {
		t.Fatal("docs/CONFIG.md is stale: run go generate ./engine/config")
	}
}
