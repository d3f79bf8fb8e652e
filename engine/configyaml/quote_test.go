package configyaml

import (
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

// Encode writes text holding terminal control sequences escaped in a
// double-quoted scalar, and it reads back as it was.
func TestEncodeEscapesControlText(t *testing.T) {
	c := config.Default()
	c.Metadata.Name = "\x1b]0;pwned\x07\x1b[2J\rname\u202e"
	c.Metadata.Description = "two\nlines\tand a tab"
	b, err := Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(string(b), "\x1b\x07\r\u202e") {
		t.Fatalf("raw control characters in\n%s", b)
	}
	back, err := Decode("x.yaml", b)
	if err != nil {
		t.Fatal(err)
	}
	if back.Metadata != c.Metadata {
		t.Fatalf("read back %+v, want %+v", back.Metadata, c.Metadata)
	}
}
