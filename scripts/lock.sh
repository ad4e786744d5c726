#!/usr/bin/env bash
# `make lock`: rewrites the two lock files from pyproject.toml's ranges, with the newest
# versions that fit (--upgrade; `make lock LOCK_ARGS=` keeps what the lock has and only
# adds what pyproject.toml now asks for), and the sha256 of every file PyPI has for them.
#   requirements/dev.txt  the application + the test and dev extras (make test, CI, test.cmd)
#   requirements/run.txt  the application alone (make run, run.cmd), the same versions
# uv's --universal resolution writes one lock valid on Linux, Windows and macOS, each
# platform-only package behind its marker (colorama, pywin32-ctypes, pefile on win32), so
# a lock made here installs on the clerks' Windows PCs. Plain pip installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
uv="${UV:-.venv/bin/uv}"
common=(--universal --generate-hashes --python-version 3.11 --quiet --custom-compile-command "make lock")
"$uv" pip compile pyproject.toml --extra test --extra dev "${common[@]}" -o requirements/dev.txt ${LOCK_ARGS---upgrade}
"$uv" pip compile pyproject.toml -c requirements/dev.txt "${common[@]}" -o requirements/run.txt
echo "requirements/dev.txt: $(grep -c '^[a-zA-Z]' requirements/dev.txt) packages; requirements/run.txt: $(grep -c '^[a-zA-Z]' requirements/run.txt)"
