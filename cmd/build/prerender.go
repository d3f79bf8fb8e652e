package main

import (
	"regexp"
	"strings"
)

// go-app's static generation writes a boolean attribute that is false as
// name="false" (disabled="false", hidden="false", open="false",
// selected="false" …), which HTML reads as true: the pre-rendered page
// would show hidden fields and open every "More … options", with buttons
// disabled, boxes ticked and the last preset selected, until app.wasm
// replaces it. fixBooleanAttributes drops those attributes, so the page
// shown before app.wasm has started is the one app.wasm renders.
// The names are the attributes go-app sets as DOM properties (its
// setJSAttribute), the ones whose value it reads as a boolean.
var falseBoolean = regexp.MustCompile(`\s(?:async|autofocus|autoplay|checked|default|defer|disabled|hidden|ismap|loop|multiple|muted|open|readonly|required|reversed|selected)="false"`)

// startTag matches one start tag (attribute values are quoted by go-app
// and never hold '>' unescaped in a way that ends a tag early: it quotes
// with strconv.Quote, and '>' in a value would only shorten the match,
// leaving that tag's later attributes as they are).
var startTag = regexp.MustCompile(`<[a-zA-Z][^>]*>`)

func fixBooleanAttributes(html []byte) []byte {
	return startTag.ReplaceAllFunc(html, func(tag []byte) []byte {
		if !strings.Contains(string(tag), `="false"`) {
			return tag
		}
		return falseBoolean.ReplaceAll(tag, nil)
	})
}
