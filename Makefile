# asyncplay — see README.md. Only site/node_modules is a file target; the
# rest are phony.
.PHONY: serve dev test bench fuzz clean

GO        ?= go
BENCH     ?= .
FUZZTIME  ?= 20s
# Go's own wrapper that runs a js/wasm test binary under Node (Go 1.24+ path).
WASM_EXEC := $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
# The wrapper calls `node` from PATH; find it even if PATH lacks its folder.
NODE      ?= $(shell PATH="$$PATH:/usr/local/bin:/usr/bin" command -v node)
# The wrapper gives V8 an 8 MB stack, equal to the default `ulimit -s`, so a
# deep recursion kills Node with a bare SIGSEGV; a larger limit turns that
# into "RangeError: Maximum call stack size exceeded" with a wasm stack trace.
WASM_STACK_KB ?= 65536

# The page script's packages (CodeMirror, TypeScript), installed by npm
# from site/package-lock.json into site/node_modules. npm writes
# node_modules/.package-lock.json on each install: it is the stamp, so
# `npm ci` runs when node_modules is missing or older than the lock file.
SITE_MODULES := site/node_modules/.package-lock.json
$(SITE_MODULES): site/package-lock.json
	@command -v npm >/dev/null || { echo "make: npm not found (apt-get install -y npm)" >&2; exit 1; }
	cd site && npm ci
	@touch $@

# serve: build the site into site/dist and serve it on ADDR (loopback).
ADDR ?= 127.0.0.1:8080
serve: $(SITE_MODULES)
	$(GO) run ./cmd/sitebuild -out site/dist
	$(GO) run ./cmd/serve -addr $(ADDR) -dir site/dist

# dev: serve as `serve` does, and re-render a lesson's page when its
# Markdown is saved (reload the page to see it). Both programs stop on Ctrl-C.
dev: $(SITE_MODULES)
	$(GO) build -o bin/sitebuild ./cmd/sitebuild
	$(GO) build -o bin/serve ./cmd/serve
	bin/sitebuild -out site/dist
	bin/sitebuild -out site/dist -build=false -watch & watcher=$$!; \
	trap 'kill $$watcher 2>/dev/null' EXIT INT TERM; \
	bin/serve -dev -addr $(ADDR) -dir site/dist

# test: type-check the page script, vet, native tests, then the kernel,
# view and lesson tests as js/wasm under Node.
test: $(SITE_MODULES)
	cd site && npx --no-install tsc --noEmit -p .
	$(GO) vet ./...
	$(GO) test ./...
	@test -n "$(NODE)" || { echo "make test: node not found (apt-get install -y nodejs)" >&2; exit 1; }
	ulimit -s $(WASM_STACK_KB) 2>/dev/null || true; \
	PATH="$(dir $(NODE)):$$PATH" GOOS=js GOARCH=wasm \
	  $(GO) test -exec="$(WASM_EXEC)" ./sim/... ./wasm/view/... ./lessons/...

# bench: kernel, language and view benchmarks with allocations; filter with BENCH=PingPong.
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem ./sim/... ./wasm/view/...

# fuzz: each Fuzz target of every package for FUZZTIME (20s); none, no work.
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep -x 'Fuzz[A-Za-z0-9_]*' || true); do \
	    echo "$(GO) test -run '^\$$' -fuzz '^$$f\$$' -fuzztime $(FUZZTIME) $$pkg"; \
	    $(GO) test -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# clean: remove build output (test and fuzz caches are left alone).
clean:
	rm -rf site/dist bin
	rm -f asyncplay *.test cpu.prof mem.prof
