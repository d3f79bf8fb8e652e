package results

import (
	"bytes"
	"encoding/json"
)

// Counts is a JSON object whose keys keep a fixed order (categories
// strongest first, stop reasons in check order) rather than Go's sorted
// map order.
type Counts struct {
	Keys   []string
	Values []uint64
}

func (c *Counts) add(k string, v uint64) {
	c.Keys = append(c.Keys, k)
	c.Values = append(c.Values, v)
}

// Get returns the count of key k (0 if absent).
func (c Counts) Get(k string) uint64 {
	for i, x := range c.Keys {
		if x == k {
			return c.Values[i]
		}
	}
	return 0
}

// MarshalJSON writes the keys in order.
func (c Counts) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range c.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.WriteString(jsonUint(c.Values[i]))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads the keys in document order.
func (c *Counts) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return err
	}
	*c = Counts{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v uint64
		if err := dec.Decode(&v); err != nil {
			return err
		}
		c.add(t.(string), v)
	}
	_, err := dec.Token()
	return err
}

func jsonUint(v uint64) string {
	b, _ := json.Marshal(v)
	return string(b)
}
