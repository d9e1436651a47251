# familiennetz — the two commands a newcomer needs:
#   make run    set up, migrate, load demo data (if the database is empty), serve on :8000
#   make test   set up and run the whole test suite on SQLite
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
# Local commands run in development mode; production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS.
run seed messages import-chemnitz: export DEBUG = true
# Links in e-mails sent by `make run`'s server point to its host and port (unless SITE_URL is set).
run: export SITE_URL ?= http://$(HOST):$(PORT)
.PHONY: help install run serve seed test test-fast test-postgres test-browser browser-deps pdf-deps lint fmt messages check-messages compile-messages check bench bench-search bench-calendar import-chemnitz clean

help:
	@echo "make run            set up and start the demo on http://$(HOST):$(PORT)"
	@echo "make test           set up and run all tests on SQLite"
	@echo "make test-fast      the inner loop: without the slow tests, few generated examples"
	@echo "make test-postgres  run the tests against DATABASE_URL (default: local PostgreSQL)"
	@echo "make test-browser   Playwright + Chromium browser tests with axe-core"
	@echo "make bench         benchmark: SCALE=town|city|state DB=sqlite|postgres|both (bench/README.md)"
	@echo "make lint | fmt | messages | seed | bench-search | bench-calendar"

$(VENV)/.installed: pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

install: $(VENV)/.installed compile-messages

compile-messages: $(VENV)/.installed
	@$(BIN)/python -m familiennetz.core.i18n compile

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --if-empty --base-url http://$(HOST):$(PORT)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

seed: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo

test: install
	$(BIN)/python -m pytest -m "not browser" -n 2 $(PYTEST_ARGS)

# The inner loop: without the slow tests (demo seeding, thousands of rows, concurrency) and
# with few property-based examples (HYPOTHESIS_PROFILE=ci in .ci/run runs them all).
test-fast: install
	$(BIN)/python -m pytest -m "not browser and not slow" -n 2 $(PYTEST_ARGS)

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/familiennetz} \
		$(BIN)/python -m pytest -m "not browser" -n 2 $(PYTEST_ARGS)

browser-deps: install pdf-deps
	@command -v chromium >/dev/null || { \
		echo "Installing Debian's chromium (needs root)…"; \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund --silent

# PDF tests read PDFs with poppler (pdftotext, pdftoppm; docs/dev/outreach.md); PDFs in Arabic,
# Ukrainian and Russian need a font with those glyphs: DejaVu Sans (docs/dev/i18n.md).
pdf-deps:
	@command -v pdftoppm >/dev/null || { \
		echo "Installing Debian's poppler-utils (needs root)…"; \
		apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }
	@fc-list :lang=ar family | grep -q "DejaVu Sans" || { \
		echo "Installing Debian's fonts-dejavu-core (Arabic and Cyrillic glyphs for PDFs; needs root)…"; \
		apt-get update -qq && apt-get install -y -qq fonts-dejavu-core fontconfig >/dev/null; }

test-browser: browser-deps
	$(BIN)/python -m pytest -m browser -p no:xdist $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(BIN)/python manage.py makemessages -l de -l en -l ar -l uk -l tr -l ru --no-obsolete --no-location --ignore=.venv --ignore=node_modules --ignore=bench
	$(BIN)/python -m familiennetz.core.i18n compile

check-messages: install
	$(BIN)/python -m familiennetz.core.i18n check

# make bench [SCALE=town|city|state] [DB=sqlite|postgres|both] [BENCH_ARGS="--peer …"]
SCALE ?= town
DB ?= sqlite
BENCH_ARGS ?=
bench: install
	$(BIN)/python -m bench.run --scale $(SCALE) --db $(DB) $(BENCH_ARGS)

bench-search: install
	$(BIN)/python -m bench.search_bench

bench-calendar: install
	$(BIN)/python -m bench.calendar_bench

import-chemnitz: install
	$(BIN)/python manage.py import_chemnitz_kitas $(CHEMNITZ_CSV) --alliance chemnitz --create-alliance $(CHEMNITZ_ARGS)

clean:
	rm -rf $(VENV) staticfiles node_modules db.sqlite3*
