# web.mk: the browser lab's targets, included by the Makefile.
#
#   make site [BASE=/path] [BROTLI=0-11]  build dist/ (for serving at the root, or under BASE;
#                            .br files at quality BROTLI, 0 for none)
#   make serve [BASE=/path]  build, then serve dist/ on localhost (gzip, as GitHub Pages) and print the URL
#   make e2e                 end-to-end tests in headless Chromium
#   make echarts             refresh web/echarts.min.js and its LICENSE from npm
#   make chromium            find Chromium for the browser tests; install Debian's only if none
#   make axe                 refresh the vendored axe-core of the accessibility tests from npm

BASE ?=
ADDR ?= 127.0.0.1:8080
BROTLI ?= 9
ECHARTS_VERSION ?= 6
AXE_VERSION ?= 4

.PHONY: site serve e2e echarts chromium axe

site: ## build dist/, the static site (BASE=/path to host under a sub-path)
	$(GO) run ./cmd/build --out dist --base "$(BASE)" --brotli "$(BROTLI)"

serve: site ## build the site and serve it on localhost with the default study loaded (prints the URL)
	$(GO) run ./cmd/build/serve --dir dist --base "$(BASE)" --addr "$(ADDR)"

e2e: site ## end-to-end tests of the site in headless Chromium
	$(GO) test -count=1 -v ./e2e/

echarts: ## refresh web/echarts.min.js and its LICENSE from the npm package
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent echarts@$(ECHARTS_VERSION) >/dev/null && \
	tar -xzf echarts-*.tgz && \
	cp package/dist/echarts.min.js $(CURDIR)/web/echarts.min.js && \
	cp package/LICENSE $(CURDIR)/web/LICENSE-echarts.txt && \
	(cat package/NOTICE 2>/dev/null >> $(CURDIR)/web/LICENSE-echarts.txt || true) && \
	echo "web/echarts.min.js: echarts $$(node -p "require('./package/package.json').version")" && \
	rm -rf $$tmp

# The search (CHROMIUM, CHROME_PATH, then chromium, chromium-browser,
# google-chrome on PATH) is package internal/chromium's, which the browser
# tests use too. apt-get runs only when nothing is found and it is usable
# (as root, or through sudo without a password); otherwise the target fails
# with what to install.
chromium: ## find Chromium for the browser tests ($CHROMIUM, $CHROME_PATH, PATH); install Debian's with apt-get only if none
	@$(GO) build -o $(BIN)/find-chromium ./internal/chromium/find
	@$(BIN)/find-chromium && exit 0; rc=$$?; [ $$rc -eq 1 ] || exit $$rc; \
	if [ "$$(id -u)" = 0 ]; then sudo=; elif sudo -n true 2>/dev/null; then sudo=sudo; else sudo=none; fi; \
	if [ "$$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "make chromium: apt-get is not usable here (missing, or not root and no sudo): install Chromium yourself, or set CHROMIUM" >&2; exit 1; fi; \
	echo "make chromium: installing Debian's chromium with apt-get"; \
	$$sudo apt-get update && $$sudo apt-get install -y chromium && $(BIN)/find-chromium

axe: ## refresh e2e/testdata/axe.min.js (the accessibility checker of the browser tests) and its licence from npm
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && \
	tar -xzf axe-core-*.tgz && \
	cp package/axe.min.js $(CURDIR)/e2e/testdata/axe.min.js && \
	cat package/LICENSE package/LICENSE-3RD-PARTY.txt > $(CURDIR)/e2e/testdata/LICENSE-axe-core.txt && \
	echo "e2e/testdata/axe.min.js: axe-core $$(node -p "require('./package/package.json').version")" && \
	rm -rf $$tmp
