# storeops: two commands.
#   make build   set up .venv (pinned packages) and build the warehouse from the exports
#   make test    every check: sqlfluff lint, dbt build with all data and unit tests, pytest
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.storeops-installed
SQL_PATHS := models tests analyses

.PHONY: build test setup lint pytest stress bench clean help

help:
	@echo "make build   set up .venv and build + publish warehouse/storeops.duckdb"
	@echo "make test    sqlfluff lint, dbt build (all data and unit tests), pytest"
	@echo "make stress  kill builds at random points many times; the published warehouse must survive"
	@echo "make bench   time generate/validate/land/dbt/publish at x1 and x10 against the raw-scan floor,"
	@echo "             one new day and a pandas peer; writes bench/results.md (SCALES=\"1 10 30\" RUNS=1)"
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
	$(BIN)/sqlfluff lint --processes 2 $(SQL_PATHS)

# two workers, one test file each at a time (pytest-xdist): a file's module fixtures (its builds) are made
# once; every build in a test is isolated in its own temporary folder (pytests/conftest.py)
pytest: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# the build with dbt's unit tests (hand-made rows through the models' SQL), which the daily build leaves out
test: $(STAMP)
	$(MAKE) lint
	$(BIN)/storeops build --unit-tests
	$(MAKE) pytest

# many SIGKILLs at random points of a build (make test does a few)
stress: $(STAMP)
	STOREOPS_KILL_ITERATIONS=$${STOREOPS_KILL_ITERATIONS:-25} $(BIN)/python -m pytest -q pytests/test_faults.py

# measured figures (issue 7): median of RUNS runs per scale, in a temporary folder; see bench/README.md
SCALES ?= 1 10
RUNS ?= 3
bench: $(STAMP)
	$(BIN)/python bench/run.py --scales $(SCALES) --runs $(RUNS) $(BENCH_ARGS)

clean:
	rm -rf warehouse target logs
