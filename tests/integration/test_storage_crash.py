"""A process killed at the worst moment: committed data survives, uncommitted does not.

SIGKILL is not a power cut (the OS still flushes its cache), but it does stop the writer
between any two instructions; ``synchronous=FULL`` covers the rest (DESIGN §5).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from desktop_app.core.messages import AppError
from desktop_app.storage import (
    Database,
    get_or_create_report,
    get_values,
    history,
    save_values,
    upsert_units,
)
from tests.conftest import PROJECT

needs_sigkill = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")

SETUP = """
import os, signal, sys
from pathlib import Path
from desktop_app.storage import Database, get_or_create_report, save_values, upsert_units

db = Database.open(Path(sys.argv[1]))
upsert_units(db, [("02080", "Xã Bình Trung", "commune", None, "legacy")])
report = get_or_create_report(db, "02080", "cntt-xa", "2026.1", "2026")
"""


def _child(code: str, db_path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen(
        [sys.executable, "-c", SETUP + code, str(db_path)],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def _reopen(db_path) -> tuple[Database, int]:
    db = Database.open(db_path)
    assert db.integrity_check() == ["ok"]
    report = get_or_create_report(db, "02080", "cntt-xa", "2026.1", "2026")
    return db, report.id


@needs_sigkill
def test_killed_inside_a_transaction_keeps_the_last_commit(tmp_path):
    db_path = tmp_path / "data.sqlite3"
    code = """
save_values(db, report.id, {"a": "A"}, "lan")
# A tiny page cache makes SQLite spill the uncommitted pages into the -wal file, so
# recovery really has uncommitted frames to ignore, not just lost memory.
db.conn.execute("PRAGMA cache_size = 1")
with db.transaction():
    save_values(db, report.id, {"a": "B"}, "lan")
    save_values(db, report.id, {f"f{i}": "B" * 200 for i in range(500)}, "lan")
    print("B written, not committed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
print("unreachable", flush=True)
"""
    child = _child(code, db_path)
    out, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, err
    assert out.splitlines() == ["B written, not committed"]
    assert db_path.with_name("data.sqlite3-wal").stat().st_size > 100_000

    db, report_id = _reopen(db_path)
    with db:
        assert get_values(db, report_id) == {"a": "A"}
        assert [(r.target, r.new) for r in history(db, report_id)] == [("a", "A")]


@needs_sigkill
def test_killed_right_after_reporting_a_commit_keeps_it(tmp_path):
    db_path = tmp_path / "data.sqlite3"
    code = """
save_values(db, report.id, {"a": "A"}, "lan")
save_values(db, report.id, {"a": "C"}, "lan")
print("saved C", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""
    child = _child(code, db_path)
    out, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, err
    assert out.splitlines() == ["saved C"]

    db, report_id = _reopen(db_path)
    with db:
        assert get_values(db, report_id) == {"a": "C"}


@needs_sigkill
def test_killed_at_a_random_moment_keeps_every_reported_save(tmp_path):
    db_path = tmp_path / "data.sqlite3"
    code = """
i = 0
while True:
    i += 1
    save_values(db, report.id, {"n": str(i), "pad": "x" * (i % 97)}, "lan")
    print(i, flush=True)
"""
    child = _child(code, db_path)
    assert child.stdout is not None
    reported = 0
    while reported < 200:
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else ""
        reported = int(line)
    child.kill()
    rest, _ = child.communicate(timeout=60)
    reported = max([reported, *(int(n) for n in rest.split())])

    db, report_id = _reopen(db_path)
    with db:
        stored = int(get_values(db, report_id)["n"])
    # Every save the child announced is there; at most one more committed before its print.
    assert reported <= stored <= reported + 1


def test_a_database_locked_by_another_process_fails_quickly(tmp_path):
    db_path = tmp_path / "data.sqlite3"
    with Database.open(db_path) as db:
        # Units and the report first, so the open below needs no write.
        upsert_units(db, [("02080", "Xã Bình Trung", "commune", None, "legacy")])
        report_id = get_or_create_report(db, "02080", "cntt-xa", "2026.1", "2026").id

    holder = f"""
import sqlite3, sys
conn = sqlite3.connect({str(db_path)!r}, isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings VALUES ('held', '1')")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""
    child = subprocess.Popen(
        [sys.executable, "-c", holder],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "holding"
        with Database.open(db_path, busy_timeout_s=0.3) as db:
            start = time.monotonic()
            with pytest.raises(AppError) as caught:
                save_values(db, report_id, {"a": "1"}, "lan")
            waited = time.monotonic() - start
            assert caught.value.code == "storage.locked"
            assert "chương trình khác" in caught.value.message.vi
            assert 0.2 < waited < 3
            assert not db.conn.in_transaction

            child.stdin.write("\n")
            child.stdin.flush()
            assert child.wait(timeout=30) == 0
            assert save_values(db, report_id, {"a": "1"}, "lan")
            assert get_values(db, report_id) == {"a": "1"}
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


@needs_sigkill
def test_a_plain_sqlite_reader_recovers_a_crashed_file(tmp_path):
    """The -wal file left by a killed process is recovered by any SQLite reader (say a
    technician opening the file with another tool), not only by this application."""
    db_path = tmp_path / "data.sqlite3"
    child = _child(
        'save_values(db, report.id, {"a": "A"}, "lan")\nos.kill(os.getpid(), signal.SIGKILL)\n',
        db_path,
    )
    child.communicate(timeout=60)
    assert db_path.with_name("data.sqlite3-wal").exists()
    plain = sqlite3.connect(db_path)
    try:
        assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert plain.execute("SELECT value FROM report_values").fetchall() == [("A",)]
    finally:
        plain.close()
