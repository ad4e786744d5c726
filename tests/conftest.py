from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt aborts without a display; every test runs offscreen unless told otherwise.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The remembered data folder (app_config) of the person running the tests stays untouched.
os.environ["DESKTOP_APP_CONFIG_DIR"] = str(Path(__file__).parent / ".." / ".pytest-config")

FIXTURES = Path(__file__).parent / "fixtures"

# Tests that kill a process with SIGKILL or read POSIX ids: skipped on Windows (test.cmd),
# where the same promises are kept by the tests that need neither.
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX signals (SIGKILL)")
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def mini_form():
    from desktop_app.core.forms import load_form_file

    return load_form_file(FIXTURES / "mini-2026.yaml")
