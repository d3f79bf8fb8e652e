package app

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A share link carries a whole config in the URL fragment:
//
//	#c1=<base64url, no padding, of raw DEFLATE of the canonical config JSON>
//
// "c1" is the version of this encoding. Decoding is bounded twice: the
// fragment may not exceed MaxShareFragment characters, and the inflated
// JSON may not exceed MaxShareConfig bytes, so a hostile link can neither
// hang nor exhaust the page (a deflate bomb stops at the cap).
const (
	shareKey         = "c1="
	MaxShareFragment = 16 << 10  // characters after '#'
	MaxShareConfig   = 256 << 10 // bytes of JSON after inflating
)

// ErrNoShare says the fragment holds no shared config.
var ErrNoShare = errors.New("no shared config in the link")

// EncodeShare returns the fragment (without '#') for a canonical config JSON.
func EncodeShare(canonicalJSON []byte) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(canonicalJSON)
	w.Close()
	return shareKey + base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// DecodeShare returns the config JSON held in a fragment (with or without
// the leading '#'). It returns ErrNoShare for an empty fragment or one that
// is not a share link, and an error saying what is wrong otherwise.
func DecodeShare(fragment string) ([]byte, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	if fragment == "" || fragment == "rejected-link" || !strings.HasPrefix(fragment, "c") || !strings.Contains(fragment, "=") {
		return nil, ErrNoShare
	}
	if len(fragment) > MaxShareFragment {
		return nil, fmt.Errorf("the link is too long (%d characters; at most %d)", len(fragment), MaxShareFragment)
	}
	if !strings.HasPrefix(fragment, shareKey) {
		key, _, _ := strings.Cut(fragment, "=")
		return nil, fmt.Errorf("the link uses an unknown format %q (this version reads %q)", key, strings.TrimSuffix(shareKey, "="))
	}
	packed, err := base64.RawURLEncoding.DecodeString(strings.TrimPrefix(fragment, shareKey))
	if err != nil {
		return nil, fmt.Errorf("the link is damaged (not base64url): %v", err)
	}
	r := flate.NewReader(bytes.NewReader(packed))
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, MaxShareConfig+1))
	if err != nil {
		return nil, fmt.Errorf("the link is damaged (not deflate data): %v", err)
	}
	if len(data) > MaxShareConfig {
		return nil, fmt.Errorf("the config in the link is too large (more than %d bytes)", MaxShareConfig)
	}
	return data, nil
}
