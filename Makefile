# nethub: `make run` serves the demo on http://127.0.0.1:8000; `make test` runs every test.
# Both set everything up on a fresh machine (a virtual environment in .venv).

VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes: one per core (pytest-xdist); PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= auto

.PHONY: install run serve test test-fast browser-deps lint bench clean messages

$(STAMP): pyproject.toml
	@echo "==> [1/5] Installing into $(VENV) (first run or pyproject.toml changed; a few minutes)"
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	@# The CPU build of torch first, or pip would fetch a CUDA build of several GB.
	@echo "    torch (CPU build, about 200 MB)..."
	@$(PY) -m pip install -q --disable-pip-version-check torch==2.13.0
	@echo "    nethub and its dependencies..."
	@$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)
	@echo "    installed."

install: $(STAMP)

# Links in e-mails and exports point at the address the site runs on.
SITE_URL ?= http://$(HOST):$(PORT)
RUN_ENV := DEBUG=1 SITE_URL=$(SITE_URL)

run: install
	@echo "==> [2/5] Dependencies ready ($(VENV))"
	@echo "==> [3/5] Migrating the database"
	@$(RUN_ENV) $(PY) manage.py migrate --noinput
	@echo "==> [4/5] Loading the demo (adds only what is missing; your changes are kept)"
	@$(RUN_ENV) $(PY) manage.py load_demo
	@echo "==> [5/5] nethub is ready: open $(SITE_URL)/ in your browser (Ctrl-C stops it)"
	@$(RUN_ENV) SEARCH_WARM_UP=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Production-like: the embedding service (the one process holding the search model), gunicorn
# (nethub/gunicorn_conf.py: workers serve once search is ready) and the task worker together
# (scripts/serve.py); static files from whitenoise.
# Needs SECRET_KEY and ALLOWED_HOSTS; DATABASE_URL for PostgreSQL.
serve: install
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py migrate --noinput
	HOST=$(HOST) PORT=$(PORT) $(PY) scripts/serve.py

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads one).
browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); \
	  else echo "Chromium is missing: install Debian's 'chromium' package to run browser tests."; fi; \
	fi

test: install browser-deps
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -n $(PYTEST_WORKERS) -m "not browser and not model" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install
	cd nethub && ../$(PY) ../manage.py makemessages -l fr -l es --ignore 'tests/*' && ../$(PY) ../manage.py compilemessages

bench: install
	for script in bench/*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .demo-password
