package configyaml

import (
	"reflect"
	"testing"
	"time"

	"github.com/lir-lab/lir/engine/config"
)

// FuzzDecodeYAML: no input panics or runs long; whatever decodes writes
// YAML that decodes to the same config.
func FuzzDecodeYAML(f *testing.F) {
	f.Add([]byte("bankroll:\n  base_bet: 5\n"))
	f.Add([]byte("a: &a [1, 2]\nb: [*a, *a]\n"))
	f.Add([]byte("strategy:\n  type: custom\n  custom:\n    bet1_rules:\n      - {condition: 'strength >= 6', action: ride}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		c, err := Decode("f.yaml", data)
		if d := time.Since(start); d > 3*time.Second {
			t.Fatalf("took %v", d)
		}
		if err != nil {
			if _, ok := err.(config.Errors); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		y, err := Encode(c)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Decode("f.yaml", y)
		if err != nil || !reflect.DeepEqual(c, d) {
			t.Fatalf("written YAML does not decode to the same config: %v\n%s", err, y)
		}
	})
}
