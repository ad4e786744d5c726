"""SIGKILL right after a field is committed in the real window: the value is there."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.gui


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_committed_field_survives_sigkill(tmp_path):
    data_dir = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(PROJECT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.window_process", str(data_dir), "cbcc_tong", "23"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.strip() == "COMMITTED"
        process.send_signal(signal.SIGKILL)  # no shutdown, no close event, no flush
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    db = sqlite3.connect(data_dir / "data.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute(
        "SELECT value FROM report_values WHERE field_id = 'cbcc_tong'"
    ).fetchone() == ("23",)
    db.close()
