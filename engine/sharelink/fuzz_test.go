package sharelink

import (
	"reflect"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

// FuzzDecode: no link panics; whatever decodes encodes to a link that
// decodes to the same config.
func FuzzDecode(f *testing.F) {
	f.Add("#v1.q64FAA")
	c := config.Default()
	c.Table.NumSeats = 4
	l, _ := Encode("https://example.org/", c)
	f.Add(l)
	f.Add("#v1.!!")
	f.Fuzz(func(t *testing.T, link string) {
		c, err := Decode(link)
		if err != nil {
			if _, ok := err.(config.Errors); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		l, err := Encode("", c)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Decode(l)
		if err != nil || !reflect.DeepEqual(c, d) {
			t.Fatalf("re-encoded link does not decode to the same config: %v", err)
		}
	})
}
