package sharelink

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lir-lab/lir/engine/config"
)

func TestRoundTrip(t *testing.T) {
	c := config.Default()
	c.Table.NumSeats = 3
	c.Bankroll.BettingSystem.Type = "custom"
	c.Bankroll.BettingSystem.Custom.Expression = "streak < 0 ? last_bet * 2 : base_bet"
	c.Strategy.Type = "custom"
	c.Strategy.Custom.Bet1Rules = []config.Rule{{Condition: "strength >= 6 || session_profit > 100", Action: "ride"}}
	link, err := Encode("https://example.org/lab/", c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, "https://example.org/lab/#v1.") {
		t.Fatalf("link %q", link)
	}
	got, err := Decode(link)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, c) {
		t.Fatalf("round trip changed the config:\n%s\n%s", got.CanonicalJSON(), c.CanonicalJSON())
	}
	// The default config is the shortest link: an empty object.
	if m := Minimal(config.Default()); string(m) != "{}" {
		t.Fatalf("minimal default = %s", m)
	}
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// Oversized, inflating and malformed links are refused quickly with a
// message.
func TestHostileLinks(t *testing.T) {
	zeros := func(n int) string {
		return "#v1." + base64.RawURLEncoding.EncodeToString(deflate(make([]byte, n)))
	}
	deep := "#v1." + base64.RawURLEncoding.EncodeToString(deflate([]byte(strings.Repeat("[", 200000))))
	cases := []struct{ name, link, want string }{
		{"1 MB link", "#v1." + strings.Repeat("A", 1<<20), "a share link is at most"},
		{"inflates to 100 MB", zeros(100 << 20), "a share link is at most"},
		{"inflates to 10 MB", zeros(10 << 20), "inflates to more than"},
		{"deep JSON", deep, "(document)"},
		{"not base64", "#v1.!!!", "not base64url"},
		{"not deflate", "#v1." + base64.RawURLEncoding.EncodeToString([]byte("hello, world")), "not deflate"},
		{"future version", "#v9.AAAA", `link version "v9." is not known`},
		{"no prefix", "https://example.org/#abc", "must start with"},
		{"NaN inside", "#v1." + base64.RawURLEncoding.EncodeToString(deflate([]byte(`{"bankroll":{"base_bet":NaN}}`))), "valid JSON"},
		{"absurd sessions", "#v1." + base64.RawURLEncoding.EncodeToString(deflate([]byte(`{"simulation":{"num_sessions":1000000000000}}`))), "simulation.num_sessions"},
		{"unknown key", "#v1." + base64.RawURLEncoding.EncodeToString(deflate([]byte(`{"bankrol":{}}`))), "bankrol: unknown key"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := Decode(c.link)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q does not mention %q", c.name, err, c.want)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", c.name, d)
		}
	}
}
