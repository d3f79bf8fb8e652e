# Fuzz targets of the config decoders (included by the Makefile).
# `make fuzz` runs each for FUZZTIME; the checked-in corpora under
# testdata/fuzz/ also run as plain tests in `go test ./...`.
# The budget is a count of executions ("Nx"), not a duration: Go 1.26's
# fuzz coordinator can report a spurious "context deadline exceeded" when a
# duration expires while a worker is mid-call (golang/go#75804, fixed in
# Go 1.27), which made CI fail with no crashing input.
FUZZTIME ?= 1000000x
# Minimising each new interesting input can take longer than a short run
# (the fuzzer then reports 0 execs/s); cap it so short runs keep fuzzing.
FUZZMINIMIZE ?= 1s

.PHONY: fuzz fuzz-json fuzz-yaml fuzz-link

fuzz: fuzz-json fuzz-yaml fuzz-link ## fuzz the JSON, YAML and share-link decoders for FUZZTIME each

fuzz-json:
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeJSON$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./engine/config

fuzz-yaml:
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeYAML$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./engine/configyaml

fuzz-link:
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./engine/sharelink
