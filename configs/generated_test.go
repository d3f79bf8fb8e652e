package configs

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/lir-lab/lir/configs/internal/presetgen"
	"github.com/lir-lab/lir/engine/configyaml"
)

// presets_gen.go is generated from the YAML files; it must be current.
func TestGeneratedIsCurrent(t *testing.T) {
	want, err := presetgen.Generate(".")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("presets_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("presets_gen.go is stale: run go generate ./configs")
	}
}

// Loading a preset's JSON gives the config its YAML decodes to.
func TestLoadMatchesYAML(t *testing.T) {
	for _, name := range Names() {
		got, err := Load(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		raw, err := Raw(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := configyaml.Decode(name+".yaml", raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the generated JSON decodes to a different config than the YAML", name)
		}
	}
}
