# The two commands of the README: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install install-test migrate seed bench bench-scale fuzz clean messages serve serve-asgi \
	production-checks

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	STENT_BASE_URL=$${STENT_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py stent_seed

run: seed
	$(BIN)/python manage.py stent_welcome --base-url http://$(HOST):$(PORT)
	STENT_BASE_URL=$${STENT_BASE_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production: DEBUG=0 with SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL... (docs/deployment.md).
# The settings are checked first (check --deploy refuses to serve with a warning left).
production-checks: install
	$(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

serve: production-checks
	HOST=$(HOST) PORT=$(PORT) exec $(BIN)/gunicorn -c python:core.gunicorn_conf core.wsgi:application

# ASGI (for the WebSocket messaging to come): uvicorn, graceful stop on SIGTERM as gunicorn.
serve-asgi: production-checks
	exec $(BIN)/uvicorn core.asgi:application --host $(HOST) --port $(PORT) \
		--workers $${WEB_CONCURRENCY:-2} --no-access-log --timeout-graceful-shutdown 30 \
		$$([ "$${STENT_BEHIND_PROXY:-0}" = 1 ] && echo --proxy-headers)

test: install-test
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The schemathesis tests with ten times the examples per operation that `make test` runs;
# FUZZ_PATHS (a regular expression over the paths, e.g. `petitions|polls`) runs one group.
FUZZ_EXAMPLES ?= 30
FUZZ_PATHS ?=
fuzz: install-test
	STENT_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) STENT_FUZZ_PATHS='$(FUZZ_PATHS)' \
		$(BIN)/python -m pytest tests/fuzz -q $(PYTEST_ARGS)

# Every list endpoint against its raw view, anonymous and signed in (token): a table of ratios.
bench: install-test
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# The petitions' paths and the site-wide search at 2k and at ROWS petitions (EXPLAIN checked).
ROWS ?= 200000
bench-scale: install-test
	$(BIN)/python -m benchmarks.scale --rows $(ROWS) $(BENCH_ARGS)

messages: install
	$(BIN)/python manage.py makemessages -l fr --ignore=.venv --ignore=var

clean:
	rm -rf $(VENV) var/stent.sqlite3*
