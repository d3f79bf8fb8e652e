package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// byteOrderMark is the UTF-8 encoding of U+FEFF, which some editors put
// at the start of a file; it is skipped, not read as part of the first key.
var byteOrderMark = []byte("\ufeff")

// Limits on untrusted input, checked before any work proportional to it.
const (
	MaxInputBytes = 1 << 20 // a config file or decoded share link
	maxDepth      = 32      // nesting of objects and lists
	maxListLen    = 1000    // entries of any list
)

// DecodeJSON reads a JSON config: keys it gives override Default(); then
// the whole config is validated. The error, if any, is an Errors listing
// every problem.
func DecodeJSON(data []byte) (*Config, error) {
	tree, err := ParseJSONTree(data)
	if err != nil {
		return nil, err
	}
	return DecodeTree(tree)
}

// ParseJSONTree parses JSON into the generic tree DecodeTree takes
// (objects as map[string]any, numbers as json.Number).
func ParseJSONTree(data []byte) (any, error) {
	if len(data) > MaxInputBytes {
		return nil, Errors{{Path: "(document)", Allowed: fmt.Sprintf("a config is at most %d bytes; this one is %d", MaxInputBytes, len(data))}}
	}
	data = bytes.TrimPrefix(data, byteOrderMark)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tree, err := readJSON(dec, "", 0)
	if err != nil {
		if es, ok := err.(Errors); ok {
			return nil, es
		}
		return nil, Errors{{Path: "(document)", Allowed: "valid JSON: " + err.Error()}}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, Errors{{Path: "(document)", Allowed: "one JSON object, with nothing after it"}}
	}
	return tree, nil
}

// DecodeTree decodes a generic tree (from JSON, YAML or a share link) onto
// the defaults and validates the result. Numbers must be json.Number.
func DecodeTree(tree any) (*Config, error) {
	cfg := Default()
	var es Errors
	if depth(tree, 0) > maxDepth {
		es.add("(document)", "", fmt.Sprintf("nesting deeper than %d levels", maxDepth))
		return nil, es
	}
	if tree == nil {
		tree = map[string]any{}
	}
	decodeStruct(tree, reflect.ValueOf(cfg).Elem(), "", &es)
	// Cross-field rules run even after field errors, but a rule that
	// involves a rejected field (as its path or named in its message) is
	// left out: that field still holds its default, so the rule would
	// report a consequence of the first error, not a problem of its own.
	var failed []string
	for _, e := range es {
		failed = append(failed, e.Path)
	}
	for _, e := range cfg.validate() {
		if !mentionsAny(e, failed) {
			es = append(es, e)
		}
	}
	if err := es.err(); err != nil {
		return nil, err
	}
	return cfg, nil
}

func depth(v any, d int) int {
	if d > maxDepth {
		return d
	}
	max := d
	switch t := v.(type) {
	case map[string]any:
		for _, x := range t {
			if n := depth(x, d+1); n > max {
				max = n
			}
		}
	case []any:
		for _, x := range t {
			if n := depth(x, d+1); n > max {
				max = n
			}
		}
	}
	return max
}

var moneyType = reflect.TypeOf(Money(0))

// field is the schema of one struct field, read from its tags.
type field struct {
	key      string
	min, max string
	enum     []string
	nullable bool
	numText  bool // a string field that also takes a number, kept as written (tag number:"text")
}

func fieldOf(sf reflect.StructField) field {
	f := field{key: strings.Split(sf.Tag.Get("json"), ",")[0], min: sf.Tag.Get("min"), max: sf.Tag.Get("max"), nullable: sf.Tag.Get("null") == "true",
		numText: sf.Tag.Get("number") == "text"}
	if e := sf.Tag.Get("enum"); e != "" {
		f.enum = strings.Split(e, "|")
	}
	return f
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describe renders a given value for an error message.
func describe(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		if len(t) > 60 {
			t = t[:60] + "…"
		}
		return strconv.Quote(t)
	case json.Number:
		s := string(t)
		if len(s) > 40 {
			s = s[:40] + "…"
		}
		return s
	case bool:
		return strconv.FormatBool(t)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func decodeStruct(v any, rv reflect.Value, path string, es *Errors) {
	m, ok := v.(map[string]any)
	if !ok {
		es.add(orDoc(path), describe(v), "want an object")
		return
	}
	t := rv.Type()
	index := map[string]int{}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		k := fieldOf(t.Field(i)).key
		index[k] = i
		keys = append(keys, k)
	}
	given := make([]string, 0, len(m))
	for k := range m {
		given = append(given, k)
	}
	sort.Slice(given, func(i, j int) bool {
		a, b := index2(index, given[i]), index2(index, given[j])
		return a < b || a == b && given[i] < given[j]
	})
	for _, k := range given {
		i, ok := index[k]
		if !ok {
			es.add(join(path, k), "", "unknown key; allowed here: "+strings.Join(keys, ", "))
			continue
		}
		decodeValue(m[k], rv.Field(i), fieldOf(t.Field(i)), join(path, k), es)
	}
}

// index2 orders known keys by schema position and unknown ones after, by name.
func index2(index map[string]int, k string) int {
	if i, ok := index[k]; ok {
		return i
	}
	return 1 << 20
}

func orDoc(path string) string {
	if path == "" {
		return "(document)"
	}
	return path
}

func decodeValue(v any, rv reflect.Value, f field, path string, es *Errors) {
	if rv.Kind() == reflect.Pointer {
		if v == nil {
			if !f.nullable {
				es.add(path, "null", "a value is required")
				return
			}
			rv.Set(reflect.Zero(rv.Type()))
			return
		}
		nv := reflect.New(rv.Type().Elem())
		if !rv.IsNil() {
			nv.Elem().Set(rv.Elem())
		} else if rv.Type().Elem().Kind() == reflect.Struct {
			nv = reflect.ValueOf(sectionDefaults(rv.Type().Elem())) // keys not given keep the section's defaults
		}
		decodeValue(v, nv.Elem(), f, path, es)
		rv.Set(nv)
		return
	}
	if v == nil && rv.Kind() == reflect.Slice {
		rv.Set(reflect.Zero(rv.Type())) // null is an empty list
		return
	}
	if v == nil {
		es.add(path, "null", "a value is required"+allowedSuffix(rv.Type(), f))
		return
	}
	if rv.Type() == moneyType {
		decodeMoney(v, rv, f, path, es)
		return
	}
	switch rv.Kind() {
	case reflect.Struct:
		decodeStruct(v, rv, path, es)
	case reflect.String:
		s, ok := v.(string)
		if n, isNum := v.(json.Number); isNum && f.numText {
			s, ok = string(n), true
		}
		if !ok {
			es.add(path, describe(v), "want a string"+allowedSuffix(rv.Type(), f))
			return
		}
		if len(f.enum) > 0 && !contains(f.enum, s) {
			es.add(path, describe(v), "allowed: "+strings.Join(f.enum, ", "))
			return
		}
		if f.max != "" {
			if n, _ := strconv.Atoi(f.max); utf8.RuneCountInString(s) > n {
				es.add(path, describe(v), fmt.Sprintf("at most %d characters", n))
				return
			}
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			es.add(path, describe(v), "want true or false")
			return
		}
		rv.SetBool(b)
	case reflect.Int64, reflect.Int:
		n, ok := v.(json.Number)
		x, err := parseWhole(string(n))
		if ok && errors.Is(err, errRange) {
			es.add(path, describe(v), "out of range"+rangeText(f))
			return
		}
		if !ok || err != nil {
			es.add(path, describe(v), "want a whole number"+rangeText(f))
			return
		}
		if !inRange(float64(x), f) {
			es.add(path, describe(v), "out of range"+rangeText(f))
			return
		}
		rv.SetInt(x)
	case reflect.Uint64:
		var s string
		switch t := v.(type) {
		case json.Number:
			s = string(t)
		case string:
			s = t
		}
		x, err := parseWholeUint(s)
		if errors.Is(err, errRange) {
			es.add(path, describe(v), "out of range; allowed: 0 to 18446744073709551615")
			return
		}
		if err != nil {
			es.add(path, describe(v), "want a whole number from 0 to 18446744073709551615 (a number or a decimal string)")
			return
		}
		rv.SetUint(x)
	case reflect.Float64:
		n, ok := v.(json.Number)
		x, err := strconv.ParseFloat(string(n), 64)
		if !ok || err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			es.add(path, describe(v), "want a finite number"+rangeText(f))
			return
		}
		if !inRange(x, f) {
			es.add(path, describe(v), "out of range"+rangeText(f))
			return
		}
		rv.SetFloat(x)
	case reflect.Slice:
		l, ok := v.([]any)
		if !ok {
			es.add(path, describe(v), "want a list")
			return
		}
		if len(l) > maxListLen {
			es.add(path, fmt.Sprintf("a list of %d entries", len(l)), fmt.Sprintf("at most %d entries", maxListLen))
			return
		}
		if len(l) == 0 {
			rv.Set(reflect.Zero(rv.Type())) // one form of the empty list
			return
		}
		out := reflect.MakeSlice(rv.Type(), len(l), len(l))
		for i, x := range l {
			decodeValue(x, out.Index(i), field{}, fmt.Sprintf("%s[%d]", path, i), es)
		}
		rv.Set(out)
	default:
		panic("config: unsupported field kind " + rv.Kind().String())
	}
}

func decodeMoney(v any, rv reflect.Value, f field, path string, es *Errors) {
	n, ok := v.(json.Number)
	if !ok {
		es.add(path, describe(v), "want an amount in currency units with at most two decimals"+rangeText(f))
		return
	}
	m, err := ParseMoney(string(n))
	if err != nil {
		es.add(path, describe(v), "want an amount in currency units with at most two decimals"+rangeText(f))
		return
	}
	if !inRange(float64(m)/100, f) {
		es.add(path, describe(v), "out of range"+rangeText(f))
		return
	}
	rv.SetInt(int64(m))
}

func allowedSuffix(t reflect.Type, f field) string {
	if len(f.enum) > 0 {
		return "; allowed: " + strings.Join(f.enum, ", ")
	}
	return rangeText(f)
}

func rangeText(f field) string {
	switch {
	case f.min != "" && f.max != "":
		return fmt.Sprintf("; allowed: %s to %s", f.min, f.max)
	case f.min != "":
		return "; allowed: at least " + f.min
	}
	return ""
}

func inRange(x float64, f field) bool {
	if f.min != "" {
		if lo, _ := strconv.ParseFloat(f.min, 64); x < lo {
			return false
		}
	}
	if f.max != "" {
		if hi, _ := strconv.ParseFloat(f.max, 64); x > hi {
			return false
		}
	}
	return true
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// parseWhole reads an integer, also written as an integral float (1e6,
// 200.0) as long as it is exact (below 2^53).
// errRange says a whole number does not fit its field's type.
var errRange = errors.New("out of range")

// exactWhole reads a number as written ("12", "12.0", "1.2e1") exactly,
// without going through a float64, and returns it when it is whole.
func exactWhole(s string) (*big.Int, error) {
	if len(s) > 400 { // far longer than any number a config needs
		return nil, errRange
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		// Bound the exponent before big.Rat computes 10^exp.
		if e, err := strconv.Atoi(s[i+1:]); err != nil || e > 400 || e < -400 {
			return nil, errRange
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "/xXoObBpP_") || !r.IsInt() {
		return nil, fmt.Errorf("not a whole number")
	}
	return r.Num(), nil
}

// parseWhole reads a whole number exactly, errRange when it is outside
// int64.
func parseWhole(s string) (int64, error) {
	if x, err := strconv.ParseInt(s, 10, 64); err == nil {
		return x, nil
	}
	n, err := exactWhole(s)
	if err != nil {
		return 0, err
	}
	if !n.IsInt64() {
		return 0, errRange
	}
	return n.Int64(), nil
}

// parseWholeUint reads a whole number exactly, errRange when it is
// outside uint64.
func parseWholeUint(s string) (uint64, error) {
	if x, err := strconv.ParseUint(s, 10, 64); err == nil {
		return x, nil
	}
	n, err := exactWhole(s)
	if err != nil {
		return 0, err
	}
	if !n.IsUint64() {
		return 0, errRange
	}
	return n.Uint64(), nil
}

func mentionsAny(e FieldError, paths []string) bool {
	for _, p := range paths {
		if strings.HasPrefix(e.Path, p) || strings.HasPrefix(p, e.Path) || strings.Contains(e.Allowed, p) {
			return true
		}
	}
	return false
}

// readJSON reads one JSON value token by token, refusing a key given twice
// in one object (encoding/json would keep the last silently) and nesting
// deeper than maxDepth before building it.
func readJSON(dec *json.Decoder, path string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, Errors{{Path: "(document)", Allowed: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}}
	}
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t {
	case json.Delim('{'):
		m := map[string]any{}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			key := k.(string)
			if _, dup := m[key]; dup {
				return nil, Errors{{Path: join(path, key), Allowed: "this key appears twice in one object; give it once"}}
			}
			v, err := readJSON(dec, join(path, key), depth+1)
			if err != nil {
				return nil, err
			}
			m[key] = v
		}
		_, err := dec.Token() // '}'
		return m, err
	case json.Delim('['):
		var l []any
		for i := 0; dec.More(); i++ {
			v, err := readJSON(dec, fmt.Sprintf("%s[%d]", path, i), depth+1)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		if l == nil {
			l = []any{}
		}
		_, err := dec.Token() // ']'
		return l, err
	}
	return t, nil
}
