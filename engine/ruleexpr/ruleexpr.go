// Package ruleexpr checks rule expressions with the expr-lang library
// (github.com/expr-lang/expr), the language they are written in. The
// engine evaluates them with its own small compiler (package rules), which
// takes a subset of expr-lang; Check makes sure every expression a config
// holds is also valid expr-lang, and the tests check that both give the
// same values. It is used where configs are loaded (files, the CLI, the
// page), never in the browser worker.
package ruleexpr

import (
	"fmt"

	"github.com/expr-lang/expr"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/rules"
)

// Env returns an expr-lang environment declaring the variables of set
// with their types.
func Env(set rules.Set) map[string]any {
	env := map[string]any{}
	for i, v := range rules.Vars {
		if !set.Has(rules.Var(i)) {
			continue
		}
		switch v.Type {
		case rules.Bool:
			env[v.Name] = false
		case rules.Int:
			env[v.Name] = 0
		default:
			env[v.Name] = 0.0
		}
	}
	return env
}

// Compile checks src with both compilers and returns the engine's form.
func Compile(src string, want rules.Type, ctx rules.Context) (*rules.Expr, error) {
	e, err := rules.Compile(src, want, ctx)
	if err != nil {
		return nil, err
	}
	opts := []expr.Option{expr.Env(Env(ctx.Allowed)), expr.MaxNodes(1000)}
	if want == rules.Bool {
		opts = append(opts, expr.AsBool())
	}
	if _, err := expr.Compile(src, opts...); err != nil {
		return nil, fmt.Errorf("not valid expr-lang: %v", err)
	}
	return e, nil
}

// Check verifies every expression of a decoded config with expr-lang and
// reports problems with their field paths.
func Check(c *config.Config) config.Errors {
	var es config.Errors
	for _, x := range c.Expressions() {
		if _, err := Compile(x.Src, x.Want, x.Ctx); err != nil {
			es = append(es, config.FieldError{Path: x.Path, Value: fmt.Sprintf("%q", x.Src), Allowed: err.Error()})
		}
	}
	return es
}
