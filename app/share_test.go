package app

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sharelink"
)

// The page's links are the CLI's: a page link decodes with sharelink (as
// `lir url decode` does) and a CLI link opens in the page.
func TestShareRoundTrip(t *testing.T) {
	c, err := config.DecodeJSON([]byte(`{"table":{"num_seats":3},"bankroll":{"base_bet":10}}`))
	if err != nil {
		t.Fatal(err)
	}
	frag := EncodeShare(c.CanonicalJSON())
	if !strings.HasPrefix(frag, sharelink.Version) || strings.ContainsAny(frag, "+/#&?") {
		t.Fatalf("fragment %q is not a URL-safe %s link", frag, sharelink.Version)
	}
	got, err := sharelink.Decode("https://lab.example.org/#" + frag)
	if err != nil || !bytes.Equal(got.CanonicalJSON(), c.CanonicalJSON()) {
		t.Fatalf("sharelink.Decode of the page's link = %v", err)
	}
	cli, _ := sharelink.Encode("https://lab.example.org/", c)
	data, err := DecodeShare(cli[strings.Index(cli, "#"):])
	if err != nil {
		t.Fatal(err)
	}
	back, err := config.DecodeJSON(data)
	if err != nil || !bytes.Equal(back.CanonicalJSON(), c.CanonicalJSON()) {
		t.Fatalf("a CLI link opens as %v, %v", back, err)
	}
}

func TestShareRefusesBadLinks(t *testing.T) {
	for _, tc := range []struct{ name, frag, want string }{
		{"too long", "v1." + strings.Repeat("A", MaxShareFragment), "at most"},
		{"not base64", "v1.!!!", "part of it is missing or was changed"},
		{"not deflate", "v1.aGVsbG8gd29ybGQ", "part of it is missing or was changed"},
		{"bomb", sharelink.Pack(bytes.Repeat([]byte(" "), 10<<20)), "inflates to more than"},
		{"future version", "v9.abc", "not known"},
	} {
		_, err := DecodeShare(tc.frag)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v; want it to mention %q", tc.name, err, tc.want)
		}
		if err != nil && (strings.Contains(err.Error(), "flate:") || strings.Contains(err.Error(), "base64")) {
			t.Errorf("%s: %q names a decoder, not what is wrong", tc.name, err)
		}
	}
	for _, frag := range []string{"", "#results", "#rejected-link"} {
		if _, err := DecodeShare(frag); !errors.Is(err, ErrNoShare) {
			t.Errorf("%q: err = %v; want ErrNoShare", frag, err)
		}
	}
}
