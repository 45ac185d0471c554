# pipstream developer entry points (DESIGN.md §15). Each target works from a fresh checkout.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NPX := npx --no-install

TICKS ?= data/ticks/oanda-EUR_USD-2014-05.csv.gz
INSTRUMENT ?= EUR_USD
GATEWAY_PORT ?= 8080
TAP_FLAGS ?=

.PHONY: help install services services-status services-stop migrate run test typecheck bench bench-smoke proto

help:
	@echo "make install | services | services-status | services-stop | migrate | run | test | typecheck | bench | bench-smoke | proto"

# Installs from the lock file when it is newer than node_modules. `npm install`, not `npm ci`: npm 11
# leaves @bufbuild/buf's other-platform optional packages out of the lock, and `npm ci` then refuses it.
install: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	@npm install --no-audit --no-fund --loglevel=error
	@touch $@

services:
	@bash infra/services.sh start

services-status:
	@bash infra/services.sh status

services-stop:
	@bash infra/services.sh stop

migrate: install
	@$(NPX) tsx engine/store/migrate.ts

# Services are optional here: without them the engine uses its embedded bus and in-memory store.
run: install
	@bash infra/services.sh start || echo "make run: continuing without the services above (embedded bus, in-memory store)"
	@$(NPX) tsx engine/store/migrate.ts --skip-if-unreachable
	$(NPX) tsx engine/cli/main.ts run --ticks $(TICKS) --instrument $(INSTRUMENT) --gateway $(GATEWAY_PORT) --persist

# Tests run against the real services: if they cannot be had, this fails.
test: install
	@bash infra/services.sh start
	@$(NPX) tsx engine/store/migrate.ts
	$(NPX) tsc -p tsconfig.json
	@$(NPX) tap build >/dev/null # tap compiles its plugin set (package.json "tap".plugin) into node_modules
	$(NPX) tap $(TAP_FLAGS)
	@$(MAKE) --no-print-directory bench-smoke

typecheck: install
	$(NPX) tsc -p tsconfig.json

# Every scenario with its defaults (a few minutes each on 2 cores); BENCH_ARGS picks scenarios and
# parameters, e.g. make bench BENCH_ARGS="latency --rates 1000 --reps 5". Results: bench/results/<timestamp>/.
BENCH_ARGS ?=
bench: install
	@bash infra/services.sh start || echo "make bench: scenarios that need NATS or Redis will be skipped"
	$(NPX) tsx bench/run.ts $(BENCH_ARGS)

# Every scenario for a few seconds: checks the harness runs and its values are sane, never a time.
# A scenario whose service is missing is skipped, except in CI (CI=true), where that fails.
bench-smoke: install
	$(NPX) tsx bench/run.ts --smoke

proto: install
	@npm run --silent proto
