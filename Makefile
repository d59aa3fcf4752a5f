# Innovation Hub Sundsvall. `make demo` and `make test` are all a newcomer needs.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
HUB    := $(VENV)/bin/hub
STAMP  := $(VENV)/.installed
# make demo PORT=8010 SITE_PORT=8011: the CMS's and the site's ports (from the command
# line only: a PORT in the environment is not taken for the CMS's).
PORT      = 8000
SITE_PORT = 8001

.PHONY: demo test test-postgres lint format install clean help bench lighthouse

help:
	@echo "make demo           installera, förbered demodatabasen, bygg och starta CMS:et,"
	@echo "                    workern och webbplatsen (PORT=8000 SITE_PORT=8001)"
	@echo "make test           kör hela testsviten (SQLite)"
	@echo "make test-postgres  kör databastesterna och bygget mot PostgreSQL (DATABASE_URL)"
	@echo "make lint           ruff check, formatkontroll och importreglerna (lint-imports)"
	@echo "make bench          mät bygget med 1 000 och 10 000 genererade case"
	@echo "make lighthouse     Lighthouse på startsidan, case-portalen och ett case"

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 eller senare krävs ($(PYTHON))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev]"
	@touch $@

demo: $(STAMP)
	$(HUB) demo --port $(PORT) --site-port $(SITE_PORT)

test: $(STAMP)
	$(PY) -m pytest

# Every test but the slow end-to-end ones whose subject is not the database (the browser,
# the HTML checker, hostile servers), which the SQLite run has covered already.
test-postgres: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hub} $(PY) -m pytest -m "not slow or postgres"

bench: $(STAMP)
	$(PY) scripts/bench_build.py

lighthouse: $(STAMP)
	$(PY) scripts/lighthouse.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf var/ site/build/ .pytest_cache
	git clean -fdXq content/
