"""Rotation never loses the data: never the newest backup holding data, never a manual
one, no copy of a database identical to the last backup; and a wrong clock, a damaged
database copied hour after hour, or a second process backing up at the same moment do
not change that. Real SQLite files throughout."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from desktop_app.storage import (
    Database,
    backup_now,
    get_or_create_report,
    list_backups,
    maybe_backup_on_open,
    save_values,
)
from desktop_app.storage.content import integrity_ok, read_content
from tests.support.backup_db import T0, fill

HOUR = timedelta(hours=1)


def _hourly(db_path, policy, start, count, reason="open", first_value=0):
    """``count`` automatic backups an hour apart, the data changed before each."""
    made = []
    with Database.open(db_path) as db:
        report = get_or_create_report(db, "02080", "cntt-xa", "2026.1", "2026")
        for i in range(count):
            save_values(db, report.id, {"a": str(first_value + i)}, "lan")
            made.append(backup_now(db.conn, policy, reason, now=start + i * HOUR))
    return made


def _reasons(policy):
    return [b.reason for b in list_backups(policy)]


def test_a_manual_backup_is_never_rotated(db_path, policy):
    fill(db_path)
    with Database.open(db_path, backups=policy, clock=lambda: T0) as db:
        manual = db.backup()
    _hourly(db_path, policy, T0 + HOUR, 12)
    assert manual.exists() and manual.name.endswith("-manual.sqlite3")
    # the three newest automatic ones, and the manual one besides (it does not count)
    assert _reasons(policy) == ["open", "open", "open", "manual"]


def test_a_manual_backup_asked_for_with_an_automatic_reason_is_still_manual(db_path, policy):
    """A person's backup whose reason reads like the program's own ("open", "before-v4")
    must not be taken for one and rotated out."""
    report_id = fill(db_path)
    asked = []
    with Database.open(db_path, backups=policy, clock=lambda: T0) as db:
        for reason in ("open", "Before v4"):
            save_values(db, report_id, {"a": reason}, "lan")
            asked.append(db.backup(reason))
    assert asked[0].name == "data-20261123T020000.2-manual-open.sqlite3"
    assert asked[1].name == "data-20261123T020000.3-manual-before-v4.sqlite3"
    _hourly(db_path, policy, T0 + HOUR, 8)
    assert all(p.exists() for p in asked)


def test_no_backup_of_a_database_identical_to_the_last(db_path, policy):
    fill(db_path)
    with Database.open(db_path) as db:
        first = backup_now(db.conn, policy, "open", now=T0)
        again = [backup_now(db.conn, policy, "open", now=T0 + i * HOUR) for i in range(1, 5)]
    assert again == [first] * 4  # the newest backup already holds it
    assert [b.path for b in list_backups(policy)] == [first]
    assert not list(policy.directory.glob(".*.partial"))


def test_backups_on_open_skip_an_unchanged_database(db_path, policy):
    fill(db_path)
    times = iter([T0, T0 + 2 * HOUR, T0 + 4 * HOUR])
    for _ in range(3):
        Database.open(db_path, backups=policy, clock=lambda: next(times)).close()
    assert _reasons(policy) == ["open"]


def test_a_manual_backup_identical_to_an_automatic_one_makes_it_manual(db_path, policy):
    """The clerk presses "back up now" right after the backup at start-up: that copy is
    kept as the manual backup (same time, same bytes), and so is never rotated out."""
    fill(db_path)
    with Database.open(db_path) as db:
        automatic = backup_now(db.conn, policy, "open", now=T0)
        manual = backup_now(db.conn, policy, "manual", now=T0 + timedelta(minutes=5))
    assert manual == automatic.with_name("data-20261123T020000-manual.sqlite3")
    assert not automatic.exists() and _reasons(policy) == ["manual"]
    _hourly(db_path, policy, T0 + HOUR, 6)
    assert manual.exists()


def _empty_database(path, generation: int) -> sqlite3.Connection:
    """The schema with no row in any table, as SQLite recreates a lost file; a different
    header each time (application_id) so no copy is identical to the last."""
    if not path.exists():
        Database.open(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {generation}")
    return conn


def test_backups_of_an_emptied_database_never_rotate_out_the_last_one_with_data(db_path, policy):
    """The defect: the file lost, recreated empty, and every later backup of nothing
    pushed one good backup out, until none was left."""
    fill(db_path)
    good = _hourly(db_path, policy, T0, 3)
    db_path.unlink()
    for generation in range(1, 8):
        conn = _empty_database(db_path, generation)
        try:
            backup_now(conn, policy, "open", now=T0 + (3 + generation) * HOUR)
        finally:
            conn.close()
    kept = list_backups(policy)
    assert good[-1] in [b.path for b in kept]  # the newest with data
    holding = [b for b in kept if read_content(b.path).rows]
    assert [b.path for b in holding] == [good[-1]]
    assert len(kept) == 4  # three automatic (empty) ones, and the guarded one


def _damage_an_index(path) -> None:
    """Scribble over the audit log's index page, as a bad sector would: the tables still
    read (counts work) but ``integrity_check`` fails, and every copy carries it."""
    conn = sqlite3.connect(path)
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'audit_log_report_target'"
    ).fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as f:
        f.seek((root - 1) * page_size + 8)
        f.write(b"\xff" * 64)


def test_a_damaged_database_copied_hour_after_hour_keeps_the_last_good_backup(db_path, policy):
    fill(db_path)
    good = _hourly(db_path, policy, T0, 3)
    _damage_an_index(db_path)
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        # SQLite answers a damaged page with a list of problems or, depending on what the
        # page held, by refusing to read on: either way not "ok".
        assert not integrity_ok(db_path)
        for i in range(6):
            conn.execute("INSERT INTO settings VALUES (?, '1')", (f"k{i}",))  # a change
            backup_now(conn, policy, "open", now=T0 + (3 + i) * HOUR)
    finally:
        conn.close()
    kept = [b.path for b in list_backups(policy)]
    assert good[-1] in kept and integrity_ok(good[-1])
    assert sum(integrity_ok(p) for p in kept) == 1


def test_a_clock_turned_back_does_not_rotate_the_new_backups_out(db_path, policy):
    """Backups named in 2027 by a clock set a year ahead; the clock is put right and
    work goes on: the new backups (dated earlier) are the newest, not the 2027 ones."""
    fill(db_path)
    ahead = _hourly(db_path, policy, T0 + timedelta(days=365), 3)
    now = T0 + 10 * HOUR
    made = _hourly(db_path, policy, now, 4, first_value=100)
    assert [p.exists() for p in made] == [False, True, True, True]  # the newest three
    assert not any(p.exists() for p in ahead)
    listed = [b.path for b in list_backups(policy, now=now + 4 * HOUR)]
    assert listed == made[:0:-1]  # newest first
    # and the hour between backups on open counts from the true newest (made at +3 h)
    with Database.open(db_path) as db:
        save_values(db, 1, {"a": "typed since"}, "lan")
        assert maybe_backup_on_open(db.conn, policy, now=now + 3.5 * HOUR) is None


def test_a_second_process_s_half_written_copy_is_left_alone(db_path, policy):
    """Two processes backing up in the same second: neither deletes the other's copy
    being written, nor renames it as its own finished backup."""
    fill(db_path)
    policy.directory.mkdir()
    others = policy.directory / ".data-20261123T020000-open.sqlite3.partial"
    others.write_bytes(b"another process is writing this copy")
    with Database.open(db_path) as db:
        made = backup_now(db.conn, policy, "open", now=T0)
    assert others.read_bytes() == b"another process is writing this copy"
    assert integrity_ok(made) and read_content(made).reports == 1
