# Two commands do all the set-up on a fresh machine:
#   make run   – installs, migrates, loads the demo municipality and serves http://127.0.0.1:8000
#                with a background worker (qcluster) for matching and e-mail
#   make test  – installs and runs the test suite (SQLite; `make test-postgres` for PostgreSQL)

PYTHON ?= $(shell command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/liefleed
# The suite runs on both cores (pytest-xdist); PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= 2

.PHONY: install run migrate demo test test-postgres lint format check-migrations qcluster clean
.PHONY: prod-local test-integration

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 of nieuwer is nodig (gevonden: " + sys.version.split()[0] + ")")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The catalogues in locale/ are sources; their compiled .mo files are made here, never committed.
# Django's compilemessages skips a catalogue whose .mo is newer. Needs GNU gettext (msgfmt).
.PHONY: locale messages
locale: install
	@command -v msgfmt >/dev/null || { echo "msgfmt ontbreekt: installeer gettext (apt-get install gettext)"; exit 1; }
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0

# Extract every msgid from the code and templates into locale/{nl,en,tr,ar}/LC_MESSAGES/django.po
# (existing translations kept, new ones empty, vanished ones dropped); tests/i18n checks them.
MESSAGE_LANGUAGES := nl en tr ar
MESSAGE_IGNORE := --ignore=.venv --ignore=node_modules --ignore=tests --ignore=bench \
	--ignore=test-artifacts --ignore=var --ignore=media --ignore=static_collected --ignore=demo
messages: install
	$(BIN)/python manage.py makemessages $(addprefix -l ,$(MESSAGE_LANGUAGES)) $(MESSAGE_IGNORE) \
		--no-obsolete --add-location=file
	$(MAKE) locale

migrate: locale
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

# The web server and a qcluster together (ops/management/commands/run_all.py); Ctrl-C stops both.
run: demo
	$(BIN)/python manage.py run_all 127.0.0.1:8000

qcluster: locale
	$(BIN)/python manage.py qcluster

test: locale
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-postgres: locale
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) --create-db $(PYTEST_ARGS)

# Production rehearsal: PostgreSQL, Redis, gunicorn on http://localhost:8015 and a qcluster.
prod-local: locale
	deploy/prod-local.sh

# A real gunicorn and qcluster against the local PostgreSQL and Redis (tests/ops/test_integration.py).
test-integration: locale
	LIEFLEED_INTEGRATION=1 $(BIN)/pytest -m integration -p no:randomly tests/ops/test_integration.py

# Journeys and accessibility checks in Debian's Chromium (tests/e2e/); screenshots in test-artifacts/.
# On both cores as the suite: 135 journeys passed so at load 9 in 12.5 min (9 min in one process).
.PHONY: test-e2e
test-e2e: locale
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m e2e tests/e2e $(PYTEST_ARGS)

# lint-imports checks the layers of the apps ([tool.importlinter] in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	$(BIN)/lint-imports --no-cache --no-logo

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check-migrations: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# The matching engine on synthetic streets; figures in bench/README.md.
.PHONY: bench-matching
bench-matching: install
	$(BIN)/python bench/matching_bench.py

# Pages under wrk as a share of a bare view, on a data set from bench/scale/generate.py.
.PHONY: bench-pages
bench-pages: install
	$(BIN)/python bench/scale/pages.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm var
