# Two commands: `make lab` opens the course, `make test` runs every test.
# Both create .venv on first use and reinstall only when the package list changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.goingfirst-installed
TEST_STAMP := $(VENV)/.goingfirst-test-installed
NODE_STAMP := node_modules/.goingfirst-installed

.PHONY: lab notebook test test-fast handouts app check-python clean

lab: $(STAMP)
	$(BIN)/goingfirst lab

notebook: $(STAMP)
	$(BIN)/goingfirst notebook

test: $(TEST_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

test-fast: $(TEST_STAMP)
	$(BIN)/python -m pytest -m "not browser and not slow"

handouts: $(STAMP)
	$(BIN)/goingfirst handouts

app: $(STAMP)
	$(BIN)/goingfirst app

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Going First needs Python 3.11 or newer. Install it, or run: make PYTHON=python3.12"; exit 1; }

# Learners get the course; `make test` adds the test tools on top.
$(STAMP): pyproject.toml constraints.txt | check-python
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(TEST_STAMP)

# axe-core (accessibility checks in the browser tests) comes from npm.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "The accessibility tests need Node.js and npm (Debian: apt-get install -y nodejs npm)."; exit 1; }
	npm ci --no-audit --no-fund --silent
	touch $(NODE_STAMP)

clean:
	rm -rf $(VENV) node_modules handouts test-artifacts
