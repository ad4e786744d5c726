"""The command line on a Windows code page and into a closed pipe (issue: the CLI crashed
with UnicodeEncodeError when redirected on cp1252/cp1258, and `units search … | head`
ended in a BrokenPipeError traceback). Run as Windows runs it: PYTHONIOENCODING set to the
code page, which is what Python uses for a redirected stream there."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT


def _run(data_dir, encoding, *args, stdout=subprocess.PIPE):
    env = {k: v for k, v in os.environ.items() if k != "DESKTOP_APP_DATA_DIR"}
    env["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=PROJECT, stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("encoding", ["cp1252", "cp1258", "ascii"])
def test_output_on_a_code_page_degrades_and_never_fails(tmp_path, encoding):
    found = _run(tmp_path, encoding, "units", "search", "binh trung", "--catalogue", "legacy")
    assert found.returncode == 0, found.stderr.decode(encoding, "replace")
    text = found.stdout.decode(encoding)
    assert "02080" in text and "Trung" in text
    if encoding == "cp1258":  # Vietnamese's own code page writes every letter
        import unicodedata

        assert "Xã Bình Trung" in unicodedata.normalize("NFC", text)
    refused = _run(tmp_path, encoding, "forms", "show", "khong-co")
    assert refused.returncode == 1
    err = refused.stderr.decode(encoding)
    assert "Traceback" not in err and "Error:" in err and "khong-co" in err


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_json_on_a_code_page_stays_exact(tmp_path, encoding):
    found = _run(
        tmp_path, encoding, "units", "search", "binh trung", "--catalogue", "legacy", "--json"
    )
    assert found.returncode == 0
    names = json.dumps(json.loads(found.stdout.decode(encoding)), ensure_ascii=False)
    assert "Xã Bình Trung" in names


def test_a_reader_that_goes_away_is_no_traceback(tmp_path):
    """`units search "xa" | head -1`: the reader closes the pipe after its first line."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(tmp_path),
         "units", "search", "xa", "--catalogue", "legacy"],
        cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=120) in (0, 1)
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_an_unexpected_error_is_told_not_traced(tmp_path, monkeypatch, capsys):
    """A fault nobody foresaw: the user reads what happened and where the details are; the
    traceback is in the log, not on the screen."""
    from desktop_app import cli
    from desktop_app.cli import commands

    def broken(ws, args, lang):
        raise RuntimeError("hỏng giữa chừng")

    monkeypatch.setattr(commands, "cmd_status", broken)
    assert cli.run(["--data-dir", str(tmp_path), "status"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError" in err
    log = (tmp_path / "logs" / "desktop-app.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "cli status failed" in log
