# Gwanse Back Office: `make run` runs everything, `make test` runs the full test suite,
# `make bench` runs the benchmarks.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app backoffice
INSTALLED := $(VENV)/.installed
# Debian packages: Korean fonts and HarfBuzz subsetting for PDF notices, Graphviz for the
# procedure diagrams, Chromium for the browser tests.
RUN_DEBS := fonts-nanum libharfbuzz-subset0 graphviz
TEST_DEBS := $(RUN_DEBS) chromium

# The interface's gettext catalogues: .po in the repository, compiled to .mo at install.
CATALOGUES := $(wildcard backoffice/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGUES:.po=.mo)
EXTRACT := $(BIN)/pybabel extract -F babel.cfg -k bi -k _l -k lazy_gettext --no-location \
           --sort-output --omit-header

.PHONY: run test bench lint catalogue system-deps-run system-deps-test clean

run: $(INSTALLED) $(COMPILED) system-deps-run
	$(FLASK) init-db
	$(FLASK) seed-demo --if-empty
	$(BIN)/python -m backoffice.launcher

test: $(INSTALLED) $(COMPILED) system-deps-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(INSTALLED) $(COMPILED) system-deps-run
	$(BIN)/python -m bench

lint: $(INSTALLED)
	$(BIN)/ruff check .

$(BIN)/python:
	@if ! $(PYTHON) -c "import ensurepip, venv" 2>/dev/null; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        echo "Installing python3-venv"; apt-get update -qq && \
	        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	    else \
	        echo "Python's venv module is missing: sudo apt-get install python3-venv"; exit 1; \
	    fi; \
	fi
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

%.mo: %.po $(INSTALLED)
	$(BIN)/pybabel compile --statistics -i $< -o $@

# Extract the interface's strings and merge them into the catalogues (new ones come untranslated:
# translate them; tests/backoffice/test_catalogue.py fails until every one is).
catalogue: $(INSTALLED)
	$(EXTRACT) -o backoffice/translations/messages.pot .
	$(BIN)/pybabel update -i backoffice/translations/messages.pot -d backoffice/translations \
	    --ignore-obsolete --no-fuzzy-matching --width 100
	rm backoffice/translations/messages.pot

system-deps-run:
	@$(MAKE) --no-print-directory _debs DEBS="$(RUN_DEBS)" STRICT=0

system-deps-test:
	@$(MAKE) --no-print-directory _debs DEBS="$(TEST_DEBS)" STRICT=1

_debs:
	@missing=$$(for p in $(DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	    | grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
	    echo "Missing Debian packages: $$missing"; \
	    echo "Install them as root: sudo apt-get install $$missing"; \
	    if [ "$(STRICT)" = 1 ]; then exit 1; fi; \
	    echo "Continuing: PDF notices need fonts-nanum to show Korean text."; \
	fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
