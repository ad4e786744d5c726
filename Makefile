# The two commands the README opens with: `make run` and `make test`.
# Both set up whatever is missing (system packages, .venv, the project) and are quick
# when everything is already there.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Installs come from the lock files (exact versions, sha256 of every file; `make lock`).
# Each marker follows its lock: a changed lock reinstalls, an unchanged one costs nothing.
RUN_LOCK := requirements/run.txt
DEV_LOCK := requirements/dev.txt
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test test-build test-long test-fuzz build lint format setup setup-run lock system-packages translations screenshots bench clean

run: setup-run
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

# The long runs: 1,000 kills of a saving process and 300 of a receiving one, at least
# 10,000 generated packets (plus forms, expressions, numbers, values files) through the
# readers, and 15,000 random clerk's steps in the entry window. About 20 minutes here.
# CI runs the fuzz part at a quarter size (test-fuzz).
test-long: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "crash_long or fuzz_long or entry_long" tests/crash tests/fuzz tests/gui/test_entry_stateful.py $(PYTEST_ARGS)

# The long fuzz tests at a fraction of their size (tests/fuzz/limits.py FUZZ_SCALE): CI runs
# them after `make test`, so a reader that fails on a few thousand inputs never lands.
FUZZ_SCALE ?= 0.25
test-fuzz: setup
	FUZZ_SCALE=$(FUZZ_SCALE) QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m fuzz_long tests/fuzz $(PYTEST_ARGS)

# ruff, the import contract of pyproject.toml (layers; only ui imports Qt; core reads
# no user files): `lint-imports` reads every import, those inside functions too; and
# mypy on the packages [tool.mypy] names.
lint: setup
	$(PY) -m ruff check desktop_app tests scripts bench
	$(PY) -m ruff format --check desktop_app tests scripts bench
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

format: setup
	$(PY) -m ruff format desktop_app tests scripts bench
	$(PY) -m ruff check --fix desktop_app tests scripts bench

screenshots: setup
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshots.py
	xvfb-run -a -s "-screen 0 1024x768x24" $(PY) scripts/screenshots.py --screen
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) scripts/screenshots.py --screen

translations: setup
	scripts/update_translations.sh

# Every speed that matters against its target (bench/run_all.py): a table, and the numbers
# in bench/results.json. BENCH_ARGS=--quick for a fast check (fewer repetitions).
bench: setup
	$(PY) bench/run_all.py $(BENCH_ARGS)

# `make run` needs only the application's own packages; everything else the test and dev
# extras too, and the project itself installed (editable, from the locked setuptools).
setup: system-packages $(DEV_STAMP)
setup-run: system-packages $(RUN_STAMP)

system-packages:
	@scripts/ensure-system-packages.sh

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): $(RUN_LOCK) | $(PY)
	$(PY) -m pip install -q --require-hashes -r $(RUN_LOCK)
	@touch $@

$(DEV_STAMP): $(DEV_LOCK) pyproject.toml | $(PY)
	$(PY) -m pip install -q --require-hashes -r $(DEV_LOCK)
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	@touch $@ $(RUN_STAMP)

# Refresh both lock files to the newest versions pyproject.toml allows (scripts/lock.sh).
lock: setup
	scripts/lock.sh

clean:
	rm -rf $(VENV) build dist .pytest_cache
