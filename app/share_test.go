package app

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

func TestShareRoundTrip(t *testing.T) {
	in := []byte(`{"table":{"num_seats":3},"bankroll":{"base_bet":10}}`)
	frag := EncodeShare(in)
	if !strings.HasPrefix(frag, "c1=") || strings.ContainsAny(frag, "+/#&?") {
		t.Fatalf("fragment %q is not a URL-safe c1 link", frag)
	}
	out, err := DecodeShare("#" + frag)
	if err != nil || !bytes.Equal(in, out) {
		t.Fatalf("DecodeShare = %q, %v; want %q", out, err, in)
	}
}

func TestShareRefusesBadLinks(t *testing.T) {
	bomb := func() string {
		var b bytes.Buffer
		w, _ := flate.NewWriter(&b, flate.BestCompression)
		w.Write(bytes.Repeat([]byte(" "), 10<<20))
		w.Close()
		return "c1=" + base64.RawURLEncoding.EncodeToString(b.Bytes())
	}()
	for _, tc := range []struct{ name, frag, want string }{
		{"too long", "c1=" + strings.Repeat("A", MaxShareFragment), "too long"},
		{"not base64", "c1=!!!", "not base64url"},
		{"not deflate", "c1=" + base64.RawURLEncoding.EncodeToString([]byte("hello world")), "not deflate"},
		{"bomb", bomb, "too large"},
		{"future version", "c9=abc", "unknown format"},
	} {
		_, err := DecodeShare(tc.frag)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v; want it to mention %q", tc.name, err, tc.want)
		}
	}
	if _, err := DecodeShare(""); !errors.Is(err, ErrNoShare) {
		t.Errorf("empty fragment: err = %v; want ErrNoShare", err)
	}
	if _, err := DecodeShare("#results"); !errors.Is(err, ErrNoShare) {
		t.Errorf("plain anchor: err = %v; want ErrNoShare", err)
	}
}
