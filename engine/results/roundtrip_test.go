package results

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// A results document reads back from its JSON into an equal document (the
// page rebuilds reports for runs kept in its history from the JSON alone).
func TestDocumentJSONRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var d Document
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	again, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Error("document JSON → Document → JSON changed the bytes")
	}
	var c Cents
	for in, want := range map[string]string{"12.5": "12.50", "-0.07": "-0.07", "3": "3.00", "123456789012345678901.99": "123456789012345678901.99"} {
		if err := c.UnmarshalJSON([]byte(in)); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if got, _ := c.MarshalJSON(); string(got) != want {
			t.Errorf("%s → %s, want %s", in, got, want)
		}
	}
	if err := c.UnmarshalJSON([]byte("1.234")); err == nil {
		t.Error("three decimals accepted")
	}
}
