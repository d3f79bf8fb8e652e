# web.mk: the browser lab's targets, included by the Makefile.
#
#   make site [BASE=/path]   build dist/ (for serving at the root, or under BASE)
#   make serve [BASE=/path]  build, then serve dist/ on localhost and print the URL
#   make e2e                 end-to-end tests in headless Chromium
#   make echarts             refresh web/echarts.min.js and its LICENSE from npm
#   make chromium            install Debian's chromium if /usr/bin/chromium is missing

BASE ?=
ADDR ?= 127.0.0.1:8080
ECHARTS_VERSION ?= 6

.PHONY: site serve e2e echarts chromium

site: ## build dist/, the static site (BASE=/path to host under a sub-path)
	$(GO) run ./cmd/build --out dist --base "$(BASE)"

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

chromium: ## install Debian's chromium when it is missing (browser tests need it)
	@test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)
