// Package configtools is the config work the page hands to a Web Worker
// (tools.wasm): YAML files in and out, and the expr-lang check of rule
// expressions. It links the YAML parser and expr-lang, which app.wasm
// leaves out to stay small; natively the page's code calls it directly.
package configtools

import (
	"errors"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/configyaml"
	"github.com/lir-lab/lir/engine/ruleexpr"
)

// Operations.
const (
	Decode = "decode" // a config file (YAML, or JSON for a .json name) → canonical JSON
	Encode = "encode" // a JSON config → YAML
	Check  = "check"  // a JSON config → the rule expressions expr-lang refuses
)

// Reply is an operation's outcome.
type Reply struct {
	Text     string        `json:"text,omitempty"`     // Decode: canonical JSON; Encode: YAML
	Err      string        `json:"err,omitempty"`      // why Decode or Encode failed
	Problems config.Errors `json:"problems,omitempty"` // Check: one per refused expression
}

// Do runs operation op on data (name is the file name, for Decode).
func Do(op, name, data string) Reply {
	switch op {
	case Decode:
		c, err := configyaml.Decode(name, []byte(data))
		if err != nil {
			return Reply{Err: err.Error(), Problems: fieldErrors(err)}
		}
		return Reply{Text: string(c.CanonicalJSON())}
	case Encode:
		c, err := config.DecodeJSON([]byte(data))
		if err != nil {
			return Reply{Err: err.Error()}
		}
		y, err := configyaml.Encode(c)
		if err != nil {
			return Reply{Err: err.Error()}
		}
		return Reply{Text: string(y)}
	case Check:
		c, err := config.DecodeJSON([]byte(data))
		if err != nil {
			return Reply{Err: err.Error(), Problems: fieldErrors(err)}
		}
		return Reply{Problems: ruleexpr.Check(c)}
	}
	return Reply{Err: "unknown operation " + op}
}

func fieldErrors(err error) config.Errors {
	var es config.Errors
	errors.As(err, &es)
	return es
}
