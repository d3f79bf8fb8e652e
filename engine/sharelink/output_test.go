package sharelink

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lir-lab/lir/engine/config"
)

// A share link never says where result files go, nor which are written:
// Encode leaves the output section out, so the recipient's own settings
// (the defaults) apply...
func TestLinksCarryNoOutput(t *testing.T) {
	c := config.Default()
	c.Table.NumSeats = 2
	c.Output.Directory = "/srv/elsewhere"
	c.Output.Prefix = "theirs_"
	c.Output.Formats.JSON = true
	c.Output.Formats.HTML = true
	link, err := Encode("", c)
	if err != nil {
		t.Fatal(err)
	}
	if m := string(Minimal(c)); strings.Contains(m, "output") || m != `{"table":{"num_seats":2}}` {
		t.Errorf("minimal JSON %s", m)
	}
	got, err := Decode(link)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Output, config.Default().Output) || got.Table.NumSeats != 2 {
		t.Errorf("decoded output %+v, seats %d", got.Output, got.Table.NumSeats)
	}
}

// ...and a link made by hand with an output section is refused, by
// Unpack (the page) as by Decode (lir url decode), naming the section.
func TestLinkWithOutputRefused(t *testing.T) {
	for _, js := range []string{
		`{"output":{"directory":"/etc","prefix":"x_","formats":{"json":true}}}`,
		`{"table":{"num_seats":2},"output":{}}`,
		`{"output":null}`,
	} {
		link := "#" + Pack([]byte(js))
		for name, f := range map[string]func(string) error{
			"Decode": func(l string) error { _, err := Decode(l); return err },
			"Unpack": func(l string) error { _, err := Unpack(l); return err },
		} {
			err := f(link)
			if err == nil || !strings.Contains(err.Error(), "output section") {
				t.Errorf("%s of %s: %v", name, js, err)
			}
		}
	}
}
