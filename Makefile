# The two commands a newcomer needs are `make run` and `make test`; `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev

.DEFAULT_GOAL := help
.PHONY: help install install-dev run migrate messages translations demo test lint audit format check bench load clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

.make-install.stamp: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

.make-install-dev.stamp: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ .make-install.stamp

install: .make-install.stamp ## Create the virtualenv and install the site's packages

install-dev: .make-install-dev.stamp ## Install the site's packages plus test and lint tools

translations: install ## Compile the gettext catalogues in locale/
	$(PY) manage.py compile_translations

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

# The demo's printed links and the site's own address follow PORT unless SITE_URL is set.
run demo: export SITE_URL ?= http://127.0.0.1:$(PORT)

demo: migrate translations ## Load the demo content and accounts (idempotent)
	$(PY) manage.py load_demo

run: demo ## Install, migrate, load demo content and serve on http://127.0.0.1:$(PORT)/
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-dev ## Run the whole test suite (integration and browser tests need DATABASE_URL, REDIS_URL, Chromium)
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py compile_translations
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev ## ruff lint and format check, bandit (medium and high findings fail), Django checks, missing migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r . --severity-level medium --quiet
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

audit: install-dev ## Check the pinned packages against known vulnerabilities (pip-audit; needs the network, not in CI)
	$(VENV)/bin/pip-audit --strict -r requirements.txt -r requirements-dev.txt

format: install-dev ## Format and autofix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install ## Extract interface strings into locale/*/django.po (needs GNU gettext)
	$(PY) manage.py makemessages -l da -l en --ignore=.venv --ignore=tests --ignore=static --ignore=.test-media

bench: install-dev translations ## Benchmark the main pages under gunicorn against a trivial view
	$(PY) -m tests.benchmarks.run

load: install-dev translations ## Load test: locust's mixed crowd against gunicorn; fails on a 5xx, an oversold seat or lost mail
	$(PY) -m tests.benchmarks.locust_run

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) .make-*.stamp db.sqlite3 static media private-media .test-media .dev-cache
