"""``desktop-app --selftest`` from the source tree (the built folder's run is in
test_build.py, marked ``build``)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from desktop_app import selftest
from tests.conftest import PROJECT


def test_selftest_passes_from_source(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKTOP_APP_")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--selftest"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert f"source: {PROJECT}" in result.stdout
    assert "ok      window" in result.stdout and "self-test passed" in result.stdout
    # nothing left behind where it ran (HOME is there too: a font cache may appear in it)
    assert [p for p in tmp_path.iterdir() if not p.name.startswith(".")] == []


def test_a_missing_resource_fails_with_its_name(monkeypatch):
    monkeypatch.setattr(
        selftest, "REQUIRED_RESOURCES", [*selftest.REQUIRED_RESOURCES, ("fonts", "Gone.ttf")]
    )
    out, err = io.StringIO(), io.StringIO()
    before = dict(os.environ)
    assert selftest.run_selftest(window=False, out=out, err=err) == 1
    assert "FAILED  resources" in out.getvalue() and "Gone.ttf" in out.getvalue()
    assert "Traceback" in err.getvalue()
    assert dict(os.environ) == before  # the data and config overrides are undone


def test_unknown_selftest_option_is_a_usage_error(capsys):
    assert selftest.main(["--selftest", "--bogus"]) == 2
    assert "--no-window" in capsys.readouterr().err
