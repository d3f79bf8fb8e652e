package rules

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Limits on an expression's size, so a hostile config cannot make
// compiling or evaluating it expensive.
const (
	MaxLen   = 1000 // bytes of source
	maxDepth = 40   // nesting of the syntax tree
	maxNodes = 300  // operators, operands and calls
)

// Expr is a compiled, type-checked expression. Eval does not allocate.
type Expr struct {
	src  string
	typ  Type
	uses Set
	eval func(*Env) float64
}

// Eval evaluates e on env. A bool expression returns 1 or 0.
func (e *Expr) Eval(env *Env) float64 { return e.eval(env) }

// True evaluates a bool expression.
func (e *Expr) True(env *Env) bool { return e.eval(env) != 0 }

// Type returns the expression's static type.
func (e *Expr) Type() Type { return e.typ }

// Uses returns the variables the expression reads.
func (e *Expr) Uses() Set { return e.uses }

// String returns the source.
func (e *Expr) String() string { return e.src }

// Context says which variables an expression may read where it is used.
type Context struct {
	Allowed Set
	// Refused explains why a known variable outside Allowed cannot be read
	// here (e.g. "the bonus is placed before any card is seen").
	Refused func(v Var) string
}

// Error is a compile error at a 1-based column of the source.
type Error struct {
	Col int
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("column %d: %s", e.Col, e.Msg) }

// Compile parses and type-checks src. want is Bool for a condition, or
// Float for an amount (an Int or Float expression is accepted).
//
// The language is a subset of expr-lang with the same precedence and
// meaning: number literals (1, 2.5, 1e3, 1_000), true, false, the
// variables of Vars, unary - + ! not, ** ^ (power, right-associative),
// * / % (% on ints only; / always gives a float), + -, == != < <= > >=,
// && and, || or, cond ? a : b, parentheses, and the functions abs, min,
// max, floor, ceil, round. Anything else is an error.
func Compile(src string, want Type, ctx Context) (*Expr, error) {
	if len(src) > MaxLen {
		return nil, &Error{1, fmt.Sprintf("an expression is at most %d characters; this one is %d", MaxLen, len(src))}
	}
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, ctx: ctx}
	n := p.expr(0)
	if p.err == nil && p.peek().kind != tEOF {
		p.fail(p.peek(), "unexpected %s", p.peek().describe())
	}
	if p.err != nil {
		return nil, p.err
	}
	switch {
	case want == Bool && n.typ != Bool:
		return nil, &Error{1, fmt.Sprintf("a condition must be true or false; this expression is a number (%s)", n.typ)}
	case want != Bool && n.typ == Bool:
		return nil, &Error{1, "want a number (an amount); this expression is true or false"}
	}
	return &Expr{src: src, typ: n.typ, uses: p.uses, eval: n.f}, nil
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tNum
	tIdent
	tOp
)

type token struct {
	kind tokKind
	text string
	col  int
	num  float64
	int  bool
}

func (t token) describe() string {
	if t.kind == tEOF {
		return "end of expression"
	}
	return strconv.Quote(t.text)
}

var ops = []string{"**", "==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "^", "<", ">", "!", "?", ":", "(", ")", ","}

func lex(src string) ([]token, error) {
	var out []token
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i
			isInt := true
			for j < len(src) && (isDigit(src[j]) || src[j] == '_') {
				j++
			}
			if j < len(src) && src[j] == '.' && !(j+1 < len(src) && src[j+1] == '.') {
				isInt = false
				j++
				for j < len(src) && (isDigit(src[j]) || src[j] == '_') {
					j++
				}
			}
			if j < len(src) && (src[j] == 'e' || src[j] == 'E') {
				isInt = false
				j++
				if j < len(src) && (src[j] == '+' || src[j] == '-') {
					j++
				}
				for j < len(src) && isDigit(src[j]) {
					j++
				}
			}
			text := src[i:j]
			v, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
			if err != nil || math.IsInf(v, 0) || isInt && v > 1<<53 {
				return nil, &Error{i + 1, fmt.Sprintf("bad number %q", text)}
			}
			out = append(out, token{kind: tNum, text: text, col: i + 1, num: v, int: isInt})
			i = j
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(src) && (src[j] == '_' || isDigit(src[j]) || src[j] >= 'a' && src[j] <= 'z' || src[j] >= 'A' && src[j] <= 'Z') {
				j++
			}
			out = append(out, token{kind: tIdent, text: src[i:j], col: i + 1})
			i = j
		default:
			matched := false
			for _, op := range ops {
				if strings.HasPrefix(src[i:], op) {
					out = append(out, token{kind: tOp, text: op, col: i + 1})
					i += len(op)
					matched = true
					break
				}
			}
			if !matched {
				r := src[i:]
				if len(r) > 4 {
					r = r[:4]
				}
				return nil, &Error{i + 1, fmt.Sprintf("unexpected character %q", []rune(r)[0])}
			}
		}
	}
	return append(out, token{kind: tEOF, col: len(src) + 1}), nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// node is a typed, compiled subexpression.
type node struct {
	typ Type
	f   func(*Env) float64
	k   *float64 // the constant value, when the node is a literal
}

type parser struct {
	toks  []token
	pos   int
	err   *Error
	depth int
	nodes int
	uses  Set
	ctx   Context
}

func (p *parser) peek() token { return p.toks[p.pos] }

func (p *parser) next() token {
	t := p.toks[p.pos]
	if t.kind != tEOF {
		p.pos++
	}
	return t
}

func (p *parser) fail(t token, format string, args ...any) node {
	if p.err == nil {
		p.err = &Error{t.col, fmt.Sprintf(format, args...)}
	}
	return node{typ: Float, f: zero}
}

func zero(*Env) float64 { return 0 }

// Binary operator precedences and associativity, as in expr-lang.
var binPrec = map[string]int{
	"or": 10, "||": 10, "and": 15, "&&": 15,
	"==": 20, "!=": 20, "<": 20, ">": 20, "<=": 20, ">=": 20,
	"+": 30, "-": 30, "*": 60, "/": 60, "%": 60, "**": 100, "^": 100,
}

// Operators of expr-lang this subset does not take.
var unsupported = map[string]bool{"in": true, "matches": true, "contains": true, "startsWith": true,
	"endsWith": true, "let": true, "if": true, "nil": true}

func (p *parser) opText(t token) string {
	if t.kind == tOp || t.kind == tIdent && (t.text == "and" || t.text == "or") {
		return t.text
	}
	return ""
}

func isComparison(op string) bool { return op == "<" || op == ">" || op == "<=" || op == ">=" }

// expr parses by precedence climbing, exactly as expr-lang's parser does.
func (p *parser) expr(prec int) node {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return p.fail(p.peek(), "expression nested more than %d deep", maxDepth)
	}
	left := p.primary()
	lastCmp := false
	for p.err == nil {
		t := p.peek()
		op := p.opText(t)
		bp, ok := binPrec[op]
		if !ok || bp < prec {
			if t.kind == tIdent && unsupported[t.text] {
				return p.fail(t, "operator %q is not supported in rules", t.text)
			}
			break
		}
		if isComparison(op) && lastCmp {
			return p.fail(t, "chained comparisons are not supported; write a < b and b < c")
		}
		p.next()
		var right node
		if op == "**" || op == "^" {
			right = p.expr(bp)
		} else {
			right = p.expr(bp + 1)
		}
		left = p.binary(t, op, left, right)
		lastCmp = isComparison(op)
	}
	if prec == 0 {
		for p.err == nil && p.peek().kind == tOp && p.peek().text == "?" {
			q := p.next()
			if p.peek().text == ":" {
				return p.fail(p.peek(), "the short form a ?: b is not supported; write a ? a : b")
			}
			a := p.expr(0)
			if t := p.next(); t.text != ":" {
				return p.fail(t, "want \":\" of the conditional, found %s", t.describe())
			}
			b := p.expr(0)
			left = p.conditional(q, left, a, b)
		}
	}
	return left
}

func (p *parser) count(t token) bool {
	p.nodes++
	if p.nodes > maxNodes {
		p.fail(t, "expression has more than %d parts", maxNodes)
		return false
	}
	return true
}

func (p *parser) primary() node {
	t := p.next()
	if !p.count(t) {
		return node{typ: Float, f: zero}
	}
	switch t.kind {
	case tEOF:
		return p.fail(t, "unexpected end of expression")
	case tNum:
		v := t.num
		typ := Float
		if t.int {
			typ = Int
		}
		return konst(typ, v)
	case tIdent:
		switch t.text {
		case "true":
			return konst(Bool, 1)
		case "false":
			return konst(Bool, 0)
		case "not":
			x := p.expr(50)
			return p.unary(t, "!", x)
		}
		if p.peek().text == "(" && p.peek().kind == tOp {
			return p.call(t)
		}
		if unsupported[t.text] {
			return p.fail(t, "%q is not supported in rules", t.text)
		}
		v, ok := Lookup(t.text)
		if !ok {
			return p.fail(t, "unknown variable %q%s", t.text, suggest(t.text))
		}
		if p.ctx.Allowed&(1<<v) == 0 {
			why := "not available here"
			if p.ctx.Refused != nil {
				why = p.ctx.Refused(v)
			}
			return p.fail(t, "%s cannot be used here: %s", t.text, why)
		}
		p.uses |= 1 << v
		if n := p.peek(); n.kind == tOp && (n.text == "." || n.text == "[") {
			return p.fail(n, "variables are numbers or booleans; %q does not apply", n.text)
		}
		return node{typ: Vars[v].Type, f: func(e *Env) float64 { return e[v] }}
	case tOp:
		switch t.text {
		case "(":
			x := p.expr(0)
			if c := p.next(); c.text != ")" {
				return p.fail(c, "want \")\", found %s", c.describe())
			}
			return x
		case "-", "+":
			x := p.expr(90)
			return p.unary(t, t.text, x)
		case "!":
			x := p.expr(50)
			return p.unary(t, "!", x)
		}
	}
	return p.fail(t, "unexpected %s", t.describe())
}

func suggest(name string) string {
	best, bestD := "", 3
	for _, v := range Vars {
		if d := distance(name, v.Name); d < bestD {
			best, bestD = v.Name, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return " (the variables are listed in docs/CONFIG.md)"
}

// distance is the Levenshtein distance, for suggestions.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(b)]
}

func konst(t Type, v float64) node {
	return node{typ: t, f: func(*Env) float64 { return v }, k: &v}
}

func isNum(t Type) bool { return t == Int || t == Float }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func (p *parser) unary(t token, op string, x node) node {
	f := x.f
	switch op {
	case "!":
		if x.typ != Bool {
			return p.fail(t, "%s wants true or false, not a number", t.text)
		}
		return node{typ: Bool, f: func(e *Env) float64 { return 1 - f(e) }}
	case "-":
		if !isNum(x.typ) {
			return p.fail(t, "- wants a number")
		}
		if x.k != nil {
			return konst(x.typ, -*x.k)
		}
		return node{typ: x.typ, f: func(e *Env) float64 { return -f(e) }}
	}
	if !isNum(x.typ) {
		return p.fail(t, "+ wants a number")
	}
	return x
}

func (p *parser) binary(t token, op string, l, r node) node {
	lf, rf := l.f, r.f
	switch op {
	case "or", "||", "and", "&&":
		if l.typ != Bool || r.typ != Bool {
			return p.fail(t, "%s wants true or false on both sides", op)
		}
		if op == "or" || op == "||" {
			return node{typ: Bool, f: func(e *Env) float64 {
				if lf(e) != 0 {
					return 1
				}
				return rf(e)
			}}
		}
		return node{typ: Bool, f: func(e *Env) float64 {
			if lf(e) == 0 {
				return 0
			}
			return rf(e)
		}}
	case "==", "!=":
		if (l.typ == Bool) != (r.typ == Bool) {
			return p.fail(t, "%s compares a number with true/false", op)
		}
		if op == "==" {
			return node{typ: Bool, f: func(e *Env) float64 { return b2f(lf(e) == rf(e)) }}
		}
		return node{typ: Bool, f: func(e *Env) float64 { return b2f(lf(e) != rf(e)) }}
	}
	if !isNum(l.typ) || !isNum(r.typ) {
		return p.fail(t, "%s wants numbers on both sides", op)
	}
	num := Float
	if l.typ == Int && r.typ == Int {
		num = Int
	}
	switch op {
	case "<":
		return node{typ: Bool, f: func(e *Env) float64 { return b2f(lf(e) < rf(e)) }}
	case "<=":
		return node{typ: Bool, f: func(e *Env) float64 { return b2f(lf(e) <= rf(e)) }}
	case ">":
		return node{typ: Bool, f: func(e *Env) float64 { return b2f(lf(e) > rf(e)) }}
	case ">=":
		return node{typ: Bool, f: func(e *Env) float64 { return b2f(lf(e) >= rf(e)) }}
	case "+":
		return node{typ: num, f: func(e *Env) float64 { return lf(e) + rf(e) }}
	case "-":
		return node{typ: num, f: func(e *Env) float64 { return lf(e) - rf(e) }}
	case "*":
		return node{typ: num, f: func(e *Env) float64 { return lf(e) * rf(e) }}
	case "/":
		if r.k != nil && *r.k == 0 {
			return p.fail(t, "division by zero")
		}
		// NaN for a zero divisor, as for %: an undefined number compares
		// false either way (x / 0 > 1 is false, not +Inf > 1).
		return node{typ: Float, f: func(e *Env) float64 {
			b := rf(e)
			if b == 0 {
				return math.NaN()
			}
			return lf(e) / b
		}}
	case "%":
		if num != Int {
			return p.fail(t, "%% wants whole numbers (int variables or literals) on both sides")
		}
		if r.k != nil && *r.k == 0 {
			return p.fail(t, "division by zero")
		}
		// Truncated remainder, as Go's and expr-lang's %; NaN for a zero
		// divisor (expr-lang stops with an error; a NaN compares false).
		return node{typ: Int, f: func(e *Env) float64 {
			b := rf(e)
			if b == 0 {
				return math.NaN()
			}
			return math.Mod(lf(e), b)
		}}
	}
	// ** and ^
	return node{typ: Float, f: func(e *Env) float64 { return math.Pow(lf(e), rf(e)) }}
}

func (p *parser) conditional(t token, c, a, b node) node {
	if c.typ != Bool {
		return p.fail(t, "the condition before ? must be true or false")
	}
	if (a.typ == Bool) != (b.typ == Bool) {
		return p.fail(t, "both branches of ?: must be numbers, or both true/false")
	}
	typ := a.typ
	if typ != b.typ {
		typ = Float
	}
	cf, af, bf := c.f, a.f, b.f
	return node{typ: typ, f: func(e *Env) float64 {
		if cf(e) != 0 {
			return af(e)
		}
		return bf(e)
	}}
}

func (p *parser) call(name token) node {
	p.next() // (
	var args []node
	if p.peek().text != ")" {
		for {
			args = append(args, p.expr(0))
			if p.err != nil {
				return node{typ: Float, f: zero}
			}
			t := p.next()
			if t.text == ")" {
				break
			}
			if t.text != "," {
				return p.fail(t, "want \",\" or \")\" in the call of %s, found %s", name.text, t.describe())
			}
		}
	} else {
		p.next()
	}
	for _, a := range args {
		if !isNum(a.typ) {
			return p.fail(name, "%s wants numbers", name.text)
		}
	}
	one := func(f func(float64) float64, typ Type) node {
		if len(args) != 1 {
			return p.fail(name, "%s takes one number", name.text)
		}
		if typ == 0 {
			typ = args[0].typ
		}
		x := args[0].f
		return node{typ: typ, f: func(e *Env) float64 { return f(x(e)) }}
	}
	switch name.text {
	case "abs":
		return one(math.Abs, 0)
	case "floor":
		return one(math.Floor, Float)
	case "ceil":
		return one(math.Ceil, Float)
	case "round":
		return one(math.Round, Float)
	case "min", "max":
		if len(args) < 1 {
			return p.fail(name, "%s takes one or more numbers", name.text)
		}
		typ := Int
		fs := make([]func(*Env) float64, len(args))
		for i, a := range args {
			if a.typ != Int {
				typ = Float
			}
			fs[i] = a.f
		}
		isMin := name.text == "min"
		return node{typ: typ, f: func(e *Env) float64 {
			m := fs[0](e)
			for _, f := range fs[1:] {
				v := f(e)
				if isMin && v < m || !isMin && v > m {
					m = v
				}
			}
			return m
		}}
	}
	return p.fail(name, "unknown function %q; allowed: abs, min, max, floor, ceil, round", name.text)
}
