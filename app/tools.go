package app

import (
	"encoding/json"

	"github.com/lir-lab/lir/engine/config"
)

// toolsReply is configtools.Reply as the page reads it from the tools
// worker (the page does not link configtools: it holds the YAML parser and
// expr-lang).
type toolsReply struct {
	Text     string        `json:"text,omitempty"`
	Err      string        `json:"err,omitempty"`
	Problems config.Errors `json:"problems,omitempty"`
}

// Operations of the tools worker (configtools).
const (
	toolsDecode = "decode"
	toolsEncode = "encode"
	toolsCheck  = "check"
)

func parseToolsReply(s string) toolsReply {
	var r toolsReply
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return toolsReply{Err: "the config tools replied in a form the page cannot read"}
	}
	return r
}

// hasExpressions reports whether c holds a rule expression: the engine's
// compiler vets it while decoding, and the tools worker checks it with
// expr-lang as well, as the CLI does.
func hasExpressions(c *config.Config) bool { return len(c.Expressions()) > 0 }
