package results

import (
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/sim"
)

// TestReadPartialRefusesDamage: a shard's document whose aggregate or
// figures were changed anywhere is refused, never merged.
func TestReadPartialRefusesDamage(t *testing.T) {
	c := config.Default()
	c.Table.NumSeats = 2
	c.BonusStrategy.Enabled = true
	c.BonusStrategy.Type = "always"
	r, err := sim.NewRunner(c)
	if err != nil {
		t.Fatal(err)
	}
	agg := r.Run(9, 100, 160, nil)
	d := Build(c, 9, agg)
	if err := d.SetPartial(1, 3, 100, 160, agg); err != nil {
		t.Fatal(err)
	}
	good, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadPartial(good); err != nil {
		t.Fatalf("the intact shard is refused: %v", err)
	}
	raw, _ := base64.StdEncoding.DecodeString(d.Partial.Aggregate)
	accepted := 0
	for i := range raw {
		for _, bit := range []byte{1, 0x80} {
			bad := append([]byte(nil), raw...)
			bad[i] ^= bit
			d.Partial.Aggregate = base64.StdEncoding.EncodeToString(bad)
			data, _ := d.JSON()
			if _, err := ReadPartial(data); err == nil {
				accepted++
				t.Logf("byte %d ^ %#x accepted", i, bit)
			}
		}
	}
	if accepted > 0 {
		t.Errorf("%d of %d damaged aggregates accepted", accepted, 2*len(raw))
	}
	var m map[string]any
	json.Unmarshal(good, &m)
	m["hands"] = m["hands"].(float64) + 1
	edited, _ := json.Marshal(m)
	if _, err := ReadPartial(edited); err == nil {
		t.Error("an edited hand count is accepted")
	}
}
