package config

import (
	"strings"
	"testing"
)

// output.prefix is only the start of a file name: separators and ".."
// would let a config write outside output.directory. The folder itself
// may be anywhere the user names, but not "", a ~ path or control
// characters.
func TestOutputPathsRefused(t *testing.T) {
	for js, want := range map[string]string{
		`{"output": {"prefix": "../../outside/pwned_"}}`: `output.prefix: "../../outside/pwned_" is not allowed; the start of a file name`,
		`{"output": {"prefix": "sub/x_"}}`:               `output.prefix: "sub/x_" is not allowed`,
		`{"output": {"prefix": "..\\x_"}}`:               `output.prefix: "..\\x_" is not allowed`,
		`{"output": {"prefix": "a..b"}}`:                 `output.prefix: "a..b" is not allowed`,
		`{"output": {"prefix": "\u001b[2J"}}`:            `output.prefix: "\x1b[2J" is not allowed; no control characters`,
		`{"output": {"prefix": "a\u0000b"}}`:             `output.prefix: "a\x00b" is not allowed`,
		`{"output": {"directory": ""}}`:                  `output.directory: "" is not allowed; a folder is required`,
		`{"output": {"directory": "~/results"}}`:         `output.directory: "~/results" is not allowed; a path starting with ~`,
		`{"output": {"directory": "out\nput"}}`:          `output.directory: "out\nput" is not allowed; no control characters`,
	} {
		if msg := decodeErr(t, js); !strings.Contains(msg, want) {
			t.Errorf("%s:\n got %q\nwant %q", js, msg, want)
		}
	}
	for _, js := range []string{
		`{"output": {"prefix": ""}}`,
		`{"output": {"prefix": "study.v2_"}}`,
		`{"output": {"directory": "../results"}}`,
		`{"output": {"directory": "/tmp/a b"}}`,
	} {
		if msg := decodeErr(t, js); msg != "" {
			t.Errorf("%s refused: %s", js, msg)
		}
	}
}
