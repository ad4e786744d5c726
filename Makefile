# The two commands the README opens with: `make run` and `make test`.
# Both set up whatever is missing (system packages, .venv, the project) and are quick
# when everything is already there.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-build test-long build lint format setup system-packages translations screenshots bench clean

run: setup
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "no display: starting the window on a virtual screen (xvfb-run)"; \
		xvfb-run -a $(PY) -m desktop_app $(ARGS); \
	else $(PY) -m desktop_app $(ARGS); fi

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# The one-folder build (build.spec) into dist/desktop-app; BUILD_ARGS="--selftest" also
# runs the built folder's self-test. On Windows: scripts\windows\build.cmd.
build: setup
	scripts/build.sh $(BUILD_ARGS)

# Builds the folder in a temporary directory and runs its --selftest (tests/packaging; left
# out of `make test`, run by CI after it).
test-build: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m build tests/packaging $(PYTEST_ARGS)

# The long runs, not in CI: 1,000 kills of a saving process and 300 of a receiving one,
# and at least 10,000 generated packets (plus forms, expressions, numbers) through the
# readers. About 8 minutes here.
test-long: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "crash_long or fuzz_long" tests/crash tests/fuzz $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check desktop_app tests scripts
	$(PY) -m ruff format --check desktop_app tests scripts

format: setup
	$(PY) -m ruff format desktop_app tests scripts
	$(PY) -m ruff check --fix desktop_app tests scripts

screenshots: setup
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshots.py

translations: setup
	scripts/update_translations.sh

# Every speed that matters against its target (bench/run_all.py): a table, and the numbers
# in bench/results.json. BENCH_ARGS=--quick for a fast check (fewer repetitions).
bench: setup
	$(PY) bench/run_all.py $(BENCH_ARGS)

setup: system-packages $(STAMP)

system-packages:
	@scripts/ensure-system-packages.sh

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,dev]"
	@touch $(STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache
