// Package sharelink encodes a config as a share link and back: the config's
// canonical JSON without the keys equal to their defaults, deflated and
// base64url-encoded after a version prefix, carried in the URL fragment
// (which browsers never send to a server). Decoding is bounded: the link's
// size is checked before any work, the inflated size while inflating, and
// the JSON's depth by package config. A link never carries the output
// section: where result files go and which are written is the
// recipient's choice, so Encode leaves it out and Decode refuses a link
// that has one.
package sharelink

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/lir-lab/lir/engine/config"
)

// Version is the prefix of the current link format, in the fragment.
const Version = "v1."

// Bounds on what Decode accepts.
const (
	MaxLinkBytes     = 32 << 10  // the whole link
	MaxInflatedBytes = 256 << 10 // the JSON inside
)

// Encode returns base + "#v1." + the encoded config. base may be empty
// (the fragment alone is returned) and must not contain '#'.
func Encode(base string, c *config.Config) (string, error) {
	if err := CheckBase(base); err != nil {
		return "", err
	}
	link := base + "#" + Pack(Minimal(c))
	if len(link) > MaxLinkBytes {
		return "", fmt.Errorf("the link would be %d bytes; a share link is at most %d (Decode refuses longer ones): share the config file instead", len(link), MaxLinkBytes)
	}
	return link, nil
}

// CheckBase accepts "" or an http or https address with a host, without
// '#', spaces or control characters: a link Decode reads and a browser
// opens as a page.
func CheckBase(base string) error {
	if base == "" {
		return nil
	}
	if strings.ContainsFunc(base, func(r rune) bool {
		return r <= ' ' || r == 0x7f || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
	}) {
		return fmt.Errorf("the base URL %s must not contain spaces or control characters", strconv.QuoteToASCII(base))
	}
	if strings.Contains(base, "#") {
		return fmt.Errorf("the base URL must not contain '#'")
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("the base URL %s is not an http:// or https:// address of the page", strconv.QuoteToASCII(base))
	}
	return nil
}

// Pack returns the fragment (without '#') that carries data as it is:
// Version, then base64url of the deflated bytes. Encode packs a config's
// Minimal JSON; Pack alone also serves to build damaged links in tests.
func Pack(data []byte) string {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		panic(err) // only an invalid level fails
	}
	w.Write(data)
	w.Close()
	return Version + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

// Minimal returns the config's canonical JSON without the keys whose
// values equal the defaults (objects are kept only when something in them
// differs) and without the output section, which links do not carry.
// Keys are sorted, so equal configs give equal bytes.
func Minimal(c *config.Config) []byte {
	tree := treeOf(c.CanonicalJSON())
	def := treeOf(config.Default().CanonicalJSON())
	diff, _ := prune(tree, def)
	m, _ := diff.(map[string]any)
	if m == nil {
		m = map[string]any{}
	}
	delete(m, outputKey)
	diff = m
	b, err := json.Marshal(diff)
	if err != nil {
		panic("sharelink: " + err.Error())
	}
	return b
}

func treeOf(b []byte) any {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var t any
	if err := d.Decode(&t); err != nil {
		panic("sharelink: canonical JSON does not parse: " + err.Error())
	}
	return t
}

// prune returns the parts of v that differ from def, and whether any do.
func prune(v, def any) (any, bool) {
	m, ok := v.(map[string]any)
	dm, dok := def.(map[string]any)
	if !ok || !dok {
		if reflect.DeepEqual(v, def) {
			return nil, false
		}
		return v, true
	}
	out := map[string]any{}
	for k, x := range m {
		if d, ok := prune(x, dm[k]); ok {
			out[k] = d
		}
	}
	return out, len(out) > 0
}

// Decode reads a share link: a whole URL, its fragment ("#v1.…") or the
// fragment without '#'. The config is validated like any other.
func Decode(link string) (*config.Config, error) {
	data, err := Unpack(link)
	if err != nil {
		return nil, err
	}
	return config.DecodeJSON(data)
}

// Unpack returns the JSON a share link carries, without validating it,
// after the same bounded checks as Decode (so a page can show a damaged
// link and an invalid config differently).
func Unpack(link string) ([]byte, error) {
	if len(link) > MaxLinkBytes {
		return nil, refuse(fmt.Sprintf("a share link is at most %d bytes; this one is %d", MaxLinkBytes, len(link)))
	}
	s := strings.TrimSpace(link)
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	}
	if !strings.HasPrefix(s, Version) {
		if j := strings.IndexByte(s, '.'); j > 0 && j < 8 && s[0] == 'v' {
			return nil, refuse(fmt.Sprintf("link version %q is not known to this version of the tool (it reads %q)", s[:j+1], Version))
		}
		return nil, refuse(fmt.Sprintf("not a share link: the fragment must start with %q", Version))
	}
	raw, err := base64.RawURLEncoding.DecodeString(s[len(Version):])
	if err != nil {
		return nil, refuse(Damaged + " (not base64url): " + err.Error())
	}
	r := flate.NewReader(bytes.NewReader(raw))
	data, err := io.ReadAll(io.LimitReader(r, MaxInflatedBytes+1))
	if err != nil {
		return nil, refuse(Damaged + " (not deflate data): " + err.Error())
	}
	if len(data) > MaxInflatedBytes {
		return nil, refuse(fmt.Sprintf("the link inflates to more than %d bytes; a config is far smaller", MaxInflatedBytes))
	}
	if hasTopKey(data, outputKey) {
		return nil, refuse("a share link does not carry the output section (which result files are written, and where): that is the recipient's choice; this link has one, so it was not made by lir url encode or the page")
	}
	return data, nil
}

// outputKey is the config section links leave out.
const outputKey = "output"

// hasTopKey reports whether data is a JSON object with the key at its top
// level. JSON that is not an object is left to the config decoder, which
// says what is wrong.
func hasTopKey(data []byte, key string) bool {
	d := json.NewDecoder(bytes.NewReader(data))
	if t, err := d.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return false
		}
		if t == key {
			return true
		}
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			return false
		}
	}
	return false
}

// Damaged starts the message of a link whose characters were changed or
// cut on the way (it is not base64url, or not deflate data), so that a
// caller can say so in its own words.
const Damaged = "the link is damaged"

func refuse(msg string) error {
	return config.Errors{{Path: "(link)", Allowed: msg}}
}
