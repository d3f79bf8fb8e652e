package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// safeArg returns s with everything a terminal could act on written as
// an escape: control characters (ESC, BEL, CR, NUL…), the bidirectional
// overrides that reorder what is shown, and bytes that are not UTF-8. The
// rest is kept as it is, so ordinary text reads unchanged. Every user
// string a command prints goes through it.
func safeArg(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\':
			b.WriteString(`\\`)
		case short[r] != "":
			b.WriteString(short[r])
		case dangerous(r) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case dangerous(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

// short are the usual escapes of the commonest control characters.
var short = map[rune]string{'\a': `\a`, '\b': `\b`, '\f': `\f`, '\n': `\n`, '\r': `\r`, '\t': `\t`, '\v': `\v`}

func needsEscape(s string) bool {
	if !utf8.ValidString(s) {
		return true
	}
	return strings.IndexFunc(s, dangerous) >= 0
}

// dangerous reports whether r acts on a terminal instead of being shown.
func dangerous(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}
