package app

import (
	"errors"
	"strings"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sharelink"
)

// Share links are engine/sharelink's: the URL fragment is "v1." followed by
// base64url of the deflated canonical config JSON without its defaults, the
// same links `lir url encode` writes and `lir url decode` reads. Decoding is
// bounded by sharelink (link size before any work, inflated size while
// inflating), so a hostile link can neither hang nor exhaust the page.
const (
	MaxShareFragment = sharelink.MaxLinkBytes     // characters after '#'
	MaxShareConfig   = sharelink.MaxInflatedBytes // bytes of JSON after inflating
)

// ErrNoShare says the fragment holds no shared config.
var ErrNoShare = errors.New("no shared config in the link")

// EncodeShare returns the fragment (without '#') of a share link for a
// config's canonical JSON. JSON that is not a valid config (tests build
// such links) is packed as it is.
func EncodeShare(canonicalJSON []byte) string {
	if c, err := config.DecodeJSON(canonicalJSON); err == nil {
		return sharelink.Pack(sharelink.Minimal(c))
	}
	return sharelink.Pack(canonicalJSON)
}

// DecodeShare returns the config JSON held in a fragment (with or without
// the leading '#'), not yet validated. It returns ErrNoShare for an empty
// fragment or one that is not a share link (a plain anchor), and an error
// saying what is wrong otherwise.
func DecodeShare(fragment string) ([]byte, error) {
	fragment = strings.TrimPrefix(fragment, "#")
	if fragment == "" || fragment == "rejected-link" || fragment[0] != 'v' || !strings.Contains(fragment, ".") {
		return nil, ErrNoShare
	}
	data, err := sharelink.Unpack(fragment)
	if err != nil {
		var es config.Errors
		if errors.As(err, &es) && len(es) == 1 {
			return nil, errors.New(plainLinkError(es[0].Allowed))
		}
		return nil, err
	}
	return data, nil
}

// plainLinkError says what is wrong with a link in a player's words:
// sharelink names the decoder that failed ("not deflate data: flate:
// corrupt input before offset 9"), which tells a player nothing.
func plainLinkError(msg string) string {
	if strings.HasPrefix(msg, sharelink.Damaged) {
		return "the link is damaged: part of it is missing or was changed on the way, so copy the whole link again"
	}
	return msg
}
