"""SIGKILL while the clerk's edits are being saved, hundreds of times: every edit the
process reported as saved is in the database, nothing else changed, and the file is sound.

Each run is a separate process (forked from ``forkserver``, which paid the imports once)
entering values through ``ReportSession`` exactly as the window does — ``commit`` of a
typed text, ``set_comment`` — into the same data directory, one after another. Before an
edit the child writes what it is about to do, after the call returned ``done``; the test
kills it at a random moment: during start-up (opening the database, recovering the
previous run's ``-wal``) or in the middle of the edits (parsing, the transaction, the
fsync, re-validating). Then, with the child gone:

- ``PRAGMA integrity_check`` is ok and no foreign key dangles;
- every edit reported ``done`` is stored, exactly as planned (values and comments);
- the one edit in flight, if any, is either wholly absent or wholly there (its commit had
  finished before the kill but its ``done`` was not written yet);
- the audit log has exactly one row per stored edit, no more, no less;
- the application reopens the file and reads the same values.

The next run continues from that state. Runs: ``CRASH_RUNS`` (default 200); the
``crash_long`` run makes 1,000 (``pytest -m crash_long tests/crash``).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.crash.forkserver import FORM, PERIOD, ForkServer, read_lines

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and fork are POSIX")

DEFAULT_RUNS = int(os.environ.get("CRASH_RUNS", "200"))
LONG_RUNS = 1_000
UNIT = "02080"


def _wait_for_ready(out: Path, pid: int, limit_s: float = 20.0) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            if b"\n" in out.read_bytes():
                return
        except FileNotFoundError:
            pass
        time.sleep(0.0005)
    os.kill(pid, signal.SIGKILL)
    raise AssertionError(f"the child did not open the report within {limit_s} s")


class Expected:
    """What the database must hold: values and comments as stored text, and the number
    of audit rows for them."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.comments: dict[str, str] = {}
        self.audit_rows = 0

    def apply(self, step: dict[str, Any]) -> None:
        target = self.values if step["kind"] == "value" else self.comments
        if step["stored"] is None:
            target.pop(step["field"], None)
        else:
            target[step["field"]] = step["stored"]
        self.audit_rows += 1

    def copy(self) -> Expected:
        other = Expected()
        other.values, other.comments = dict(self.values), dict(self.comments)
        other.audit_rows = self.audit_rows
        return other

    def state(self) -> tuple[dict[str, str], dict[str, str], int]:
        return self.values, self.comments, self.audit_rows


def _stored(db_path: Path) -> tuple[dict[str, str], dict[str, str], int]:
    """Integrity first, then (values, comments, audit rows for them), read by plain SQLite."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        row = conn.execute(
            "SELECT id FROM reports WHERE unit_code = ? AND form_id = ? AND period = ?",
            (UNIT, FORM, PERIOD),
        ).fetchone()
        if row is None:
            return {}, {}, 0
        (report_id,) = row
        values = dict(
            conn.execute(
                "SELECT field_id, value FROM report_values WHERE report_id = ?", (report_id,)
            ).fetchall()
        )
        comments = dict(
            conn.execute(
                "SELECT field_id, text FROM comments WHERE report_id = ?", (report_id,)
            ).fetchall()
        )
        (audit,) = conn.execute(
            "SELECT count(*) FROM audit_log WHERE report_id = ? AND kind IN ('value', 'comment')",
            (report_id,),
        ).fetchone()
        return values, comments, audit
    finally:
        conn.close()


def _reopened_by_the_application(data_dir: Path, expected: Expected) -> None:
    from desktop_app.core.values import from_storage
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.session import ReportSession

    with Workspace.open(data_dir) as ws:
        session = ReportSession.open(ws, FORM, PERIOD)
        form = session.form
        typed = {k: from_storage(form.fields[k], v) for k, v in expected.values.items()}
        assert session.inputs == typed
        assert session.comments == expected.comments


def _run_kills(tmp_path: Path, runs: int) -> dict[str, int]:
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.setup_unit import setup_unit

    data_dir = tmp_path / "data"
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, UNIT, "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    db_path = data_dir / "data.sqlite3"
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20260115")))
    expected = Expected()
    stats = {"runs": 0, "saved": 0, "in_flight_absent": 0, "in_flight_present": 0, "early": 0}
    op = 0
    with ForkServer("save") as server:
        for run in range(runs):
            out = tmp_path / f"run-{run}.jsonl"
            pid = server.start(
                "save", out, data_dir=str(data_dir), seed=rng.randrange(2**32), first_op=op
            )
            if rng.random() < 0.15:
                # From the fork on: opening the file, recovering the last run's -wal.
                time.sleep(rng.uniform(0, 0.02))
            else:
                _wait_for_ready(out, pid)
                time.sleep(rng.uniform(0, 0.04))
            os.kill(pid, signal.SIGKILL)
            status = server.reap(pid)
            lines = read_lines(out)
            errors = [line["error"] for line in lines if "error" in line]
            assert not errors, errors[0]
            assert status["signal"] == signal.SIGKILL, (status, lines[-3:])

            steps = [line for line in lines if "op" in line]
            done = {line["done"] for line in lines if "done" in line}
            saved = [s for s in steps if s["op"] in done]
            in_flight = [s for s in steps if s["op"] not in done]
            assert len(in_flight) <= 1 and (not in_flight or in_flight[0] is steps[-1])
            for step in saved:
                expected.apply(step)

            actual = _stored(db_path)
            if in_flight:
                with_it = expected.copy()
                with_it.apply(in_flight[0])
                if actual == with_it.state():
                    expected = with_it
                    stats["in_flight_present"] += 1
                else:
                    stats["in_flight_absent"] += 1
            elif not lines:
                stats["early"] += 1
            assert actual == expected.state(), f"run {run}: {steps[-3:]}"
            if run % 10 == 0 or run == runs - 1:
                _reopened_by_the_application(data_dir, expected)
            op = steps[-1]["op"] if steps else op
            stats["runs"] += 1
            stats["saved"] += len(saved)
            out.unlink(missing_ok=True)
    return stats


def _check(stats: dict[str, int], runs: int) -> None:
    print(f"\ncrash while saving: {stats}")
    assert stats["runs"] == runs
    # The kills really landed where it matters, not only before or after the work.
    assert stats["saved"] >= runs // 2
    assert stats["in_flight_absent"] + stats["in_flight_present"] >= runs // 4


@pytest.mark.parametrize(
    "runs",
    [
        pytest.param(DEFAULT_RUNS, id="default"),
        pytest.param(LONG_RUNS, id="long", marks=pytest.mark.crash_long),
    ],
)
def test_every_edit_reported_saved_survives_sigkill(tmp_path, runs):
    _check(_run_kills(tmp_path, runs), runs)
