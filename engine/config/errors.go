package config

import "strings"

// FieldError is one problem with one field of a config: Path is the dotted
// path (bankroll.base_bet, strategy.custom.bet1_rules[2].condition), Value
// what was given, Allowed what would be accepted.
type FieldError struct {
	Path    string
	Value   string
	Allowed string
}

func (e FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path)
	b.WriteString(": ")
	if e.Value != "" {
		b.WriteString(e.Value)
		b.WriteString(" is not allowed; ")
	}
	b.WriteString(e.Allowed)
	return b.String()
}

// Errors is every problem found in one config, in the order found.
type Errors []FieldError

// Error lists the problems one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es *Errors) add(path, value, allowed string) {
	*es = append(*es, FieldError{Path: path, Value: value, Allowed: allowed})
}

func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
