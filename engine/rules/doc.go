// Package rules is the small expression language of custom strategies,
// bet-sizing and bonus expressions: a typed, side-effect-free subset of the
// expr-lang language (github.com/expr-lang/expr) compiled to a closure tree
// over a fixed set of numeric variables. It is pure Go and small, so the
// browser worker evaluates rules without linking an expression library.
package rules
