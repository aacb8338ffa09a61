# SCN Online Hub. `make run` serves the portal, `make test` runs the whole suite.
# Both do the whole set-up first, idempotently: virtualenv, system packages, the
# project-local PostgreSQL (unless DATABASE_URL is set), migrations, reference and
# demo data, translations.

PYTHON ?= $(shell scripts/find-python)
export PYTHON
VENV := .venv
BIN := $(VENV)/bin
DEV := scripts/dev-env
MANAGE := $(DEV) $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help setup system-packages run test lint format bench messages stop clean backup restore

help:
	@echo "make run     set up everything and serve the portal on http://$(HOST):$(PORT)"
	@echo "make test    set up everything and run the whole test suite (browser tests included)"
	@echo "make lint    ruff checks; make format rewrites the code in the house style"
	@echo "make bench   performance benchmarks"
	@echo "make messages  extract translatable strings into the fr/ar catalogues"
	@echo "make stop    stop the project-local PostgreSQL"
	@echo "make backup  back up the database and the uploads to BACKUP_DIR (default backups/)"
	@echo "make restore BACKUP=backups/scn-...  restore one (replaces the database and uploads)"

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

# Debian packages, installed only when missing: gettext compiles the translations;
# chromium runs the browser tests, with a font that has Arabic glyphs so that
# screenshots of right-to-left pages are readable; PostgreSQL only when no external
# database is configured.
system-packages:
	@missing=""; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	fc-list :lang=ar 2>/dev/null | grep -q . || missing="$$missing fonts-dejavu-core"; \
	if [ -z "$$DATABASE_URL" ] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
	    && ! command -v pg_ctl >/dev/null 2>&1; then missing="$$missing postgresql"; fi; \
	scripts/apt-install $$missing

setup: $(BIN)/.installed system-packages
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_reference_data
	$(MANAGE) import_events
	$(MANAGE) compilemessages --ignore=.venv --verbosity 0

run: setup
	@$(MANAGE) load_demo_data
	@echo "Serving the SCN Online Hub on http://$(HOST):$(PORT)/ (Ctrl-C stops; 'make stop' stops PostgreSQL)"
	@$(MANAGE) db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

test: setup
	$(DEV) env TASKS_BACKEND=immediate DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(BIN)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The performance benchmarks (tests marked `bench`, README "Benchmarks"); pytest's
# "no tests collected" (exit 5) is not an error here.
bench: setup
	$(DEV) env TASKS_BACKEND=immediate $(BIN)/pytest -m bench tests/benchmarks \
	    || [ $$? -eq 5 ]

messages: $(BIN)/.installed
	$(MANAGE) makemessages --locale fr --locale ar --ignore '.venv/*' --ignore 'staticfiles/*' \
	    --no-obsolete

# A timestamped folder: pg_dump of the database, tar.gz of MEDIA_ROOT, a manifest of
# their SHA-256 (scn_portal/backup.py). A restore refuses a folder that does not match it.
backup: $(BIN)/.installed
	$(DEV) $(BIN)/python -m scn_portal.backup backup

restore: $(BIN)/.installed
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/scn-<timestamp>"; exit 2; }
	$(DEV) $(BIN)/python -m scn_portal.backup restore "$(BACKUP)"

stop:
	@$(PYTHON) scn_portal/localdb.py stop

clean: stop
	rm -rf $(VENV) staticfiles
