package main

import (
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/sharelink"
)

// hostile is text that, printed raw, sets the terminal's title (OSC … BEL),
// clears the screen (ESC[2J), returns the cursor (CR) and reverses the
// text that follows (U+202E).
const hostile = "\x1b]0;pwned\x07\x1b[2J\rname\u202egnp.exe"

// terminalSafe fails when s holds anything a terminal acts on.
func terminalSafe(t *testing.T, what, s string) {
	t.Helper()
	if i := strings.IndexAny(s, "\x1b\x07\r\x00\u202e\u009b"); i >= 0 {
		t.Errorf("%s prints a control sequence raw at byte %d: %q", what, i, s[max(0, i-20):min(len(s), i+20)])
	}
}

// User text reaching a terminal is escaped: a metadata.name in the run
// and compare summaries, unknown keys and bad values in validate and url
// decode, a file name given on the command line.
func TestUserTextEscapedOnTerminal(t *testing.T) {
	dir := t.TempDir()
	named := writeFile(t, dir, "named.json", `{"metadata":{"name":"`+jsonEscape(hostile)+`"},"simulation":{"num_sessions":20,"hands_per_session":5}}`)
	other := writeFile(t, dir, "other.json", `{"metadata":{"name":"B`+jsonEscape(hostile)+`"},"simulation":{"num_sessions":20,"hands_per_session":5},"strategy":{"type":"always_ride"}}`)
	badKey := `{"` + jsonEscape(hostile) + `":1,"strategy":{"type":"` + jsonEscape(hostile) + `"}}`
	bad := writeFile(t, dir, "bad.json", badKey)
	oddName := writeFile(t, dir, "odd\x1b[2J.json", `{}`)
	for _, args := range [][]string{
		{"run", "--config", named, "--seed", "1"},
		{"compare", named, other, "--seed", "1", "--sessions", "20"},
		{"validate", bad},
		{"validate", oddName},
		{"url", "decode", "#" + sharelink.Pack([]byte(badKey))},
		{"url", "encode", bad},
		{"url", "decode", "#" + sharelink.Pack([]byte(`{"metadata":{"name":"`+jsonEscape(hostile)+`"}}`))},
	} {
		_, out, errs := lir(t, args...)
		terminalSafe(t, strings.Join(args[:2], " ")+" stdout", out)
		terminalSafe(t, strings.Join(args[:2], " ")+" stderr", errs)
	}
	if got := safeArg(hostile); got != `\x1b]0;pwned\a\x1b[2J\rname\u202egnp.exe` {
		t.Errorf("safeArg = %s", got)
	}
	if got := safeArg("Ünïcode study – 5 € ✓"); got != "Ünïcode study – 5 € ✓" {
		t.Errorf("plain text changed: %s", got)
	}
}

// jsonEscape writes s as the inside of a JSON string.
func jsonEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == '"' || r == '\\' {
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&15])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
