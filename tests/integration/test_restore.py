"""Restoring a backup is safe: the copy is checked first, the current database is backed
up, and the restored file takes its place in one rename. Whatever goes wrong — a full
disk half-way, a failed rename, the process killed at any moment — the data folder holds
a sound database: the old one or the restored one, never half of either."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.storage import get_or_create_report, get_values, save_values, set_setting
from desktop_app.workspace import Workspace
from desktop_app.workspace.backups import back_up_now, backups, restore
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT, posix_only
from tests.gui.test_storage_failures import _mount, _umount, fill


def _set(ws: Workspace, value: str) -> None:
    report = get_or_create_report(ws.db, "02080", "cntt-xa", "2026.1", "2026")
    save_values(ws.db, report.id, {"cbcc_tong": value}, "Nguyễn Thị Hoa")


def _value(data_dir: Path) -> str | None:
    with Workspace.open(data_dir) as ws:
        assert ws.db.integrity_check() == ["ok"]
        report = get_or_create_report(ws.db, "02080", "cntt-xa", "2026.1", "2026")
        return get_values(ws.db, report.id).get("cbcc_tong")


def _prepared(data_dir: Path, ballast: int = 0) -> Path:
    """A data folder whose backup says 21 while the database says 25."""
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
        if ballast:
            set_setting(ws.db, "ballast", "x" * ballast)  # a bigger file: a longer restore
        _set(ws, "21")
        kept = back_up_now(ws)
        _set(ws, "25")
    return kept


def test_restore_through_the_workspace(tmp_path):
    data = tmp_path / "data"
    kept = _prepared(data)
    ws = Workspace.open(data)
    listed = backups(ws)
    assert [(b.path, b.reason, b.reports, b.values) for b in listed] == [(kept, "manual", 1, 1)]
    result = restore(ws, kept)
    try:
        assert result.error is None and result.workspace is not ws
        assert result.safety is not None and result.safety.name.endswith("-before-restore.sqlite3")
        assert [b.reason for b in backups(result.workspace)] == ["before-restore", "manual"]
    finally:
        result.workspace.close()
    assert _value(data) == "21"
    assert not list(data.glob("*.restoring*"))


def test_a_rename_that_fails_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    data = tmp_path / "data"
    kept = _prepared(data)
    real_replace = os.replace

    def failing(src, dst):
        if str(src).endswith(".restoring"):
            raise PermissionError(13, "Access is denied")  # Windows: the file is held
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    result = restore(Workspace.open(data), kept)
    monkeypatch.undo()
    try:
        assert result.error is not None and result.error.code == "storage.backup_failed"
    finally:
        result.workspace.close()
    assert _value(data) == "25"
    assert not list(data.glob("*.restoring*"))


def test_a_disk_that_fills_up_during_the_restore_leaves_the_database_sound(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)):
        pytest.skip("cannot mount a tmpfs here (needs root / CAP_SYS_ADMIN)")
    try:
        data = disk / "data"
        kept = _prepared(data, ballast=300_000)
        ws = Workspace.open(data)  # the window is open when the disk fills up
        filler = fill(disk)
        result = restore(ws, kept)
        try:
            # refused before anything was closed or written: no room for the two copies
            assert result.error is not None and result.error.code == "storage.full"
            assert result.workspace is ws and ws.db.integrity_check() == ["ok"]
        finally:
            ws.close()
        assert _value(data) == "25"
        assert not list(data.glob("*.restoring*"))
        filler.unlink()  # space again: the same restore now goes through
        again = restore(Workspace.open(data), kept)
        again.workspace.close()
        assert again.error is None and _value(data) == "21"
    finally:
        _umount(disk)


RESTORER = """
import sys
from pathlib import Path
from desktop_app.workspace import Workspace
from desktop_app.workspace.backups import restore
ws = Workspace.open(Path(sys.argv[1]))
print("READY", flush=True)
sys.stdin.readline()
result = restore(ws, Path(sys.argv[2]))
print("DONE", result.error, flush=True)
result.workspace.close()
"""


@posix_only
def test_a_restore_killed_at_any_moment_never_leaves_half_a_database(tmp_path):
    runs = int(os.environ.get("RESTORE_KILL_RUNS", "12"))
    rng = random.Random(20261123)
    outcomes: dict[str, int] = {"21": 0, "25": 0}
    template = tmp_path / "template"
    kept_name = _prepared(template, ballast=4_000_000).name
    # How long one restore takes here, so the kills fall all along it (and a few after).
    trial = tmp_path / "trial"
    subprocess.run(["cp", "-a", str(template), str(trial)], check=True)
    ws = Workspace.open(trial)
    started = time.perf_counter()
    restore(ws, trial / "backups" / kept_name).workspace.close()
    cost = time.perf_counter() - started
    for attempt in range(runs):
        data = tmp_path / f"run{attempt}"
        subprocess.run(["cp", "-a", str(template), str(data)], check=True)
        kept = data / "backups" / kept_name
        worker = subprocess.Popen(
            [sys.executable, "-c", RESTORER, str(data), str(kept)],
            cwd=PROJECT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert worker.stdout.readline().strip() == "READY"
            worker.stdin.write("go\n")
            worker.stdin.flush()
            time.sleep(rng.uniform(0, 1.3 * cost))  # most runs die half-way
            worker.send_signal(signal.SIGKILL)
        finally:
            worker.wait(30)
        value = _value(data)  # opens it: the integrity check is in there
        assert value in outcomes, value
        outcomes[value] += 1
        print(f"run {attempt}: {value}")
        conn = sqlite3.connect(data / "data.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert sum(outcomes.values()) == runs
