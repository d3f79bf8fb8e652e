# Fuzz targets of the config decoders (included by the Makefile).
# `make fuzz` runs each for FUZZTIME; the checked-in corpora under
# testdata/fuzz/ also run as plain tests in `go test ./...`.
FUZZTIME ?= 30s

.PHONY: fuzz fuzz-json fuzz-yaml fuzz-link

fuzz: fuzz-json fuzz-yaml fuzz-link ## fuzz the JSON, YAML and share-link decoders for FUZZTIME each

fuzz-json:
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeJSON$$' -fuzztime $(FUZZTIME) ./engine/config

fuzz-yaml:
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeYAML$$' -fuzztime $(FUZZTIME) ./engine/configyaml

fuzz-link:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./engine/sharelink
