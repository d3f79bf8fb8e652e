package config

import (
	"encoding/json"
)

// CanonicalJSON is the config as compact JSON with every key, in schema
// order: the form workers receive and results documents embed. Decoding it
// gives back an equal config.
func (c *Config) CanonicalJSON() []byte {
	b, err := json.Marshal(c)
	if err != nil {
		panic("config: marshal: " + err.Error()) // every field type marshals
	}
	return b
}

// Clone returns a deep copy.
func (c *Config) Clone() *Config {
	out, err := DecodeJSON(c.CanonicalJSON())
	if err != nil {
		panic("config: canonical form does not decode: " + err.Error())
	}
	return out
}
