package config

import (
	"reflect"
	"testing"
)

// FuzzDecodeJSON: no input panics; whatever decodes re-decodes from its
// canonical form to an equal config.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{}`))
	f.Add(Default().CanonicalJSON())
	f.Add([]byte(`{"bankroll":{"betting_system":{"type":"custom","custom":{"expression":"streak < 0 ? last_bet * 2 : base_bet"}}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeJSON(data)
		if err != nil {
			if _, ok := err.(Errors); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		d, err := DecodeJSON(c.CanonicalJSON())
		if err != nil {
			t.Fatalf("canonical form does not decode: %v\n%s", err, c.CanonicalJSON())
		}
		if !reflect.DeepEqual(c, d) {
			t.Fatal("canonical form decodes to a different config")
		}
	})
}
