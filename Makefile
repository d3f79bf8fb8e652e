# The Let It Ride strategy lab. `make help` lists the targets.
GO      ?= go
BIN     := bin
LIR     := $(BIN)/lir
PKGS    := ./...
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# Packages that start goroutines (or whose tests drive ones that do): their
# tests also run under the race detector.
RACE_PKGS := ./engine/runner ./engine/compare/... ./engine/exact ./engine/report ./app ./app/wire ./cmd/lir

WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm

.PHONY: help run test test-go test-race test-wasm fuzz-short deps vet lint bench bench-go bench-cli build clean

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

build: ## build the native CLI into bin/lir
	$(GO) build -o $(LIR) ./cmd/lir

run: build ## run the default study on every core and print the summary
	$(LIR) run

deps: ## download the Go modules
	$(GO) mod download

test: lint chromium test-go test-race test-wasm fuzz-short ## lint, then every test: unit, exhaustive, statistical, race, WebAssembly, browser end-to-end, fuzzing (installs what it needs)

fuzz-short: ## each fuzz target for 50,000 executions, a few seconds each (what CI runs)
	$(MAKE) fuzz FUZZTIME=50000x

test-go: deps vet ## Go unit, exhaustive and statistical tests
	$(GO) test -count=1 $(PKGS)

test-race: deps ## the tests of the packages with goroutines under the race detector
	$(GO) test -race -count=1 $(RACE_PKGS)

test-wasm: deps ## the engine's tests compiled to WebAssembly and run under Node: same golden results as native
	PATH="$(WASM_EXEC):$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./engine/...

vet: ## go vet
	$(GO) vet $(PKGS)

lint: vet ## gofmt, go vet and staticcheck (its checks, doc comments included, in staticcheck.conf)
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) run $(STATICCHECK) $(PKGS)

bench: bench-go bench-cli ## all benchmarks (figures go in docs/PERFORMANCE.md)

bench-go: ## Go micro-benchmarks
	$(GO) test -run '^$$' -bench . -benchtime 2s ./engine/...

bench-cli: build ## hands/s on one core and scaling over workers
	$(LIR) bench --seconds 6

clean: ## remove build output
	rm -rf $(BIN) dist

include web.mk fuzz.mk
