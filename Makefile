# storeops: two commands.
#   make build   set up .venv (pinned packages) and build the warehouse from the exports
#   make test    every check: sqlfluff lint, dbt build with all data and unit tests, pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.storeops-installed
SQL_PATHS := models tests analyses

.PHONY: build test setup lint pytest clean help

help:
	@echo "make build   set up .venv and build + publish warehouse/storeops.duckdb"
	@echo "make test    sqlfluff lint, dbt build (all data and unit tests), pytest"
	@echo "make clean   remove the built warehouse and dbt's target/ (keeps exports/ and .venv)"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

setup: $(STAMP)

build: $(STAMP)
	$(BIN)/storeops build

lint: $(STAMP)
	@mkdir -p warehouse/build
	$(BIN)/sqlfluff lint $(SQL_PATHS)

pytest: $(STAMP)
	$(BIN)/python -m pytest

test: $(STAMP)
	$(MAKE) lint
	$(BIN)/storeops build
	$(MAKE) pytest

clean:
	rm -rf warehouse target logs
