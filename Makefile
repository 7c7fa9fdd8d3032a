# The two commands of the README. Both install what they need first, so they work on a fresh
# machine with Python 3.11 (and, for the tests, Debian's apt for chromium and PostgreSQL).
PYTHON ?= python3
PIP := $(PYTHON) -m pip

.PHONY: install demo test bench

install:
	$(PIP) install --quiet --disable-pip-version-check -e '.[web,pg,export,html,dask,dev]'

# Ingest the bundled sample corpus into quotegraph-demo.db and serve the web UI.
demo: install
	$(PYTHON) -m quotegraph demo

# Everything the tests use: the package, Debian's chromium for the browser tests, and a
# throw-away PostgreSQL server on 127.0.0.1:54329 for the PostgreSQL store tests.
test: install
	sh .ci/browser.sh >&2
	QUOTEGRAPH_PG_DSN="$$(sh .ci/postgres.sh)" $(PYTHON) -m pytest -q

bench: install
	$(PYTHON) benchmarks/accuracy.py
	$(PYTHON) benchmarks/speed.py
