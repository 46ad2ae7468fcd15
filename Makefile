# storeops: two commands.
#   make build   set up .venv (pinned packages) and build the warehouse from the exports
#   make test    every check: sqlfluff lint, dbt build with all data and unit tests, mf validate-configs, pytest
#   make dashboard  the Streamlit dashboard on the published warehouse (DASHBOARD_PORT, default 8501)
#   make docs    dbt's docs with the catalog, as one static page: target/static_index.html
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.storeops-installed
SQL_PATHS := models tests analyses

.PHONY: build test setup lint semantic pytest stress bench clean help dashboard docs

help:
	@echo "make build   set up .venv and build + publish warehouse/storeops.duckdb"
	@echo "make test    sqlfluff lint, dbt build (all data and unit tests), mf validate-configs, pytest"
	@echo "make semantic  MetricFlow's checks of the semantic layer (mf validate-configs) on a copy of the warehouse"
	@echo "make stress  kill builds at random points many times; the published warehouse must survive"
	@echo "make bench   time generate/validate/land/dbt/publish at x1 and x10 against the raw-scan floor,"
	@echo "             one new day and a pandas peer; writes bench/results.md (SCALES=\"1 10 30\" RUNS=1)"
	@echo "make dashboard  the Streamlit dashboard on the published warehouse, http://localhost:$(DASHBOARD_PORT)"
	@echo "             (builds it first if there is none; DASHBOARD_PORT=8502 make dashboard for another port)"
	@echo "make docs    dbt docs with the catalog and the dashboard's exposures: target/static_index.html (one file)"
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

# MetricFlow's checks of the semantic models and metrics (DECISIONLOG N6), its data-warehouse queries included.
# `mf` opens the profile's DuckDB file for writing: it runs on a copy of the published warehouse, named like the
# working file (the catalog the compiled SQL reads from), in its own folder, removed afterwards
WAREHOUSE_FILE = $(or $(STOREOPS_WAREHOUSE),warehouse/storeops.duckdb)
SEMANTIC_DIR := warehouse/build/semantic
SEMANTIC_COPY = $(SEMANTIC_DIR)/$(notdir $(or $(STOREOPS_WORKFILE),storeops.duckdb))
semantic: $(STAMP)
	@test -f $(WAREHOUSE_FILE) || { echo "no warehouse at $(WAREHOUSE_FILE): run make build first"; exit 1; }
	$(BIN)/dbt parse --quiet
	@rm -rf $(SEMANTIC_DIR) && mkdir -p $(SEMANTIC_DIR)
	cp $(WAREHOUSE_FILE) $(SEMANTIC_COPY)
	STOREOPS_WORKFILE=$(SEMANTIC_COPY) STOREOPS_TEMP_DIR=$(SEMANTIC_DIR)/tmp $(BIN)/mf validate-configs; \
	    status=$$?; rm -rf $(SEMANTIC_DIR); exit $$status

# two workers, one test file each at a time (pytest-xdist): a file's module fixtures (its builds) are made
# once; every build in a test is isolated in its own temporary folder (pytests/conftest.py)
pytest: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadfile

# the build with dbt's unit tests (hand-made rows through the models' SQL), which the daily build leaves out
test: $(STAMP)
	$(MAKE) lint
	$(BIN)/storeops build --unit-tests
	$(MAKE) semantic
	$(MAKE) pytest

# many SIGKILLs at random points of a build (make test does a few)
stress: $(STAMP)
	STOREOPS_KILL_ITERATIONS=$${STOREOPS_KILL_ITERATIONS:-25} $(BIN)/python -m pytest -q pytests/test_faults.py

# measured figures (issue 7): median of RUNS runs per scale, in a temporary folder; see bench/README.md
SCALES ?= 1 10
RUNS ?= 3
bench: $(STAMP)
	$(BIN)/python bench/run.py --scales $(SCALES) --runs $(RUNS) $(BENCH_ARGS)

# the dashboard reads the published file read-only, one query at a time (dashboard/figures.py); a build
# may publish meanwhile. A clean clone has no published file yet: build it first.
DASHBOARD_PORT ?= 8501
dashboard: $(STAMP)
	@$(BIN)/python -c 'import sys; from storeops.settings import load_settings; sys.exit(not load_settings().warehouse.exists())' \
		|| $(BIN)/storeops build
	$(BIN)/streamlit run dashboard/app.py --server.port $(DASHBOARD_PORT)  # settings: .streamlit/config.toml

# dbt docs generate reads the catalog from the working file dbt builds into (never the published one); a
# clean clone builds first. --static writes target/static_index.html, which opens without a web server.
WORKFILE = $(BIN)/python -c 'from storeops.settings import load_settings; print(load_settings().workfile)'
docs: $(STAMP)
	@test -f "$$($(WORKFILE))" || $(BIN)/storeops build
	STOREOPS_WORKFILE="$$($(WORKFILE))" $(BIN)/dbt docs generate --static
	@echo "dbt docs: $(CURDIR)/target/static_index.html"

clean:
	rm -rf warehouse target logs
