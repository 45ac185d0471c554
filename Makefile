# pipstream developer entry points (DESIGN.md §15). Each target works from a fresh checkout.
SHELL := /bin/bash
.DEFAULT_GOAL := help
NPX := npx --no-install

TICKS ?= data/ticks/oanda-EUR_USD-2014-05.csv.gz
INSTRUMENT ?= EUR_USD
TAP_FLAGS ?=

.PHONY: help install services services-status services-stop migrate run test typecheck bench proto

help:
	@echo "make install | services | services-status | services-stop | migrate | run | test | typecheck | bench | proto"

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
	$(NPX) tsx engine/cli/main.ts run --ticks $(TICKS) --instrument $(INSTRUMENT)

# Tests run against the real services: if they cannot be had, this fails.
test: install
	@bash infra/services.sh start
	@$(NPX) tsx engine/store/migrate.ts
	$(NPX) tsc -p tsconfig.json
	@$(NPX) tap build >/dev/null # tap compiles its plugin set (package.json "tap".plugin) into node_modules
	$(NPX) tap $(TAP_FLAGS)

typecheck: install
	$(NPX) tsc -p tsconfig.json

bench: install
	$(NPX) tsx bench/run.ts

proto: install
	@npm run --silent proto
