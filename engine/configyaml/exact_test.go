package configyaml

import (
	"strings"
	"testing"
)

// What the user wrote is read exactly or refused with the true reason, the
// same in YAML and JSON: a seed written with ".0" is that whole number (not
// the nearest float64), 2^63 sessions is out of range (not "not a whole
// number"), a byte-order mark before the first key is skipped, and
// length limits count characters, not bytes.
func TestNumbersAndTextReadExactly(t *testing.T) {
	for _, ext := range []string{".yaml", ".json"} {
		doc := func(yaml, json string) []byte {
			if ext == ".json" {
				return []byte(json)
			}
			return []byte(yaml)
		}
		c, err := Decode("c"+ext, doc("simulation: {random_seed: 12345678901234567.0}\n", `{"simulation": {"random_seed": 12345678901234567.0}}`))
		if err != nil || c.Simulation.RandomSeed == nil || *c.Simulation.RandomSeed != 12345678901234567 {
			t.Errorf("%s: seed %v, %v", ext, c, err)
		}
		c, err = Decode("c"+ext, doc("simulation: {random_seed: 1.0}\n", `{"simulation": {"random_seed": 1.0}}`))
		if err != nil || *c.Simulation.RandomSeed != 1 {
			t.Errorf("%s: seed 1.0: %v", ext, err)
		}
		_, err = Decode("c"+ext, doc("simulation: {random_seed: 1.5}\n", `{"simulation": {"random_seed": 1.5}}`))
		if err == nil || !strings.Contains(err.Error(), "whole number") {
			t.Errorf("%s: seed 1.5: %v", ext, err)
		}
		_, err = Decode("c"+ext, doc("simulation: {num_sessions: 9223372036854775808}\n", `{"simulation": {"num_sessions": 9223372036854775808}}`))
		if err == nil || !strings.Contains(err.Error(), "out of range") {
			t.Errorf("%s: 2^63 sessions: %v", ext, err)
		}
		_, err = Decode("c"+ext, doc("\ufeffsimulation: {num_sessions: 10}\n", "\ufeff{\"simulation\": {\"num_sessions\": 10}}"))
		if err != nil {
			t.Errorf("%s: byte-order mark: %v", ext, err)
		}
		name := strings.Repeat("🂡", 150) // 150 characters, 600 bytes; the limit is 200 characters
		c, err = Decode("c"+ext, doc("metadata: {name: \""+name+"\"}\n", `{"metadata": {"name": "`+name+`"}}`))
		if err != nil || c.Metadata.Name != name {
			t.Errorf("%s: 150 characters refused: %v", ext, err)
		}
	}
}

// A plain 1e3 is the number 1000, as in YAML 1.2 (the YAML library reads
// it as text); a quoted "1e3" stays text and is refused for a number.
func TestExponentIsANumber(t *testing.T) {
	c, err := Decode("c.yaml", []byte("simulation: {num_sessions: 1e3, hands_per_session: 2E2}\ntable: {num_seats: 0.2e1}\n"))
	if err != nil || c.Simulation.NumSessions != 1000 || c.Simulation.HandsPerSession != 200 || c.Table.NumSeats != 2 {
		t.Fatalf("%v: %+v", err, c)
	}
	if _, err := Decode("c.yaml", []byte(`simulation: {num_sessions: "1e3"}`+"\n")); err == nil || !strings.Contains(err.Error(), "whole number") {
		t.Errorf("quoted: %v", err)
	}
}
