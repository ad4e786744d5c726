"""Backups: real copies through SQLite's backup API, rotation, interval, restore."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import timedelta

import pytest

from desktop_app.core.messages import AppError
from desktop_app.storage import (
    BackupPolicy,
    Database,
    backup_now,
    get_values,
    list_backups,
    maybe_backup_on_open,
    restore_backup,
    save_values,
)
from tests.support.backup_db import T0, fill


def _value_in(path, report_id: int) -> str | None:
    with Database.open(path) as db:
        return get_values(db, report_id).get("a")


def test_a_backup_is_a_sound_standalone_copy(db_path, policy):
    report_id = fill(db_path, "12.5")
    with Database.open(db_path) as db:
        path = backup_now(db.conn, policy, "Trước khi xuất!", now=T0)
    assert path.name == "data-20261123T020000-tr-c-khi-xu-t.sqlite3"
    # One self-contained file: readable with nothing beside it.
    assert sorted(p.name for p in policy.directory.iterdir()) == [path.name]
    copy = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("SELECT value FROM report_values").fetchall() == [("12.5",)]
    finally:
        copy.close()
    assert _value_in(path, report_id) == "12.5"


def test_backup_includes_what_is_only_in_the_wal(db_path, policy):
    report_id = fill(db_path, "1")
    with Database.open(db_path) as db:
        save_values(db, report_id, {"b": "2"}, "lan")
        assert db_path.with_name("data.sqlite3-wal").stat().st_size > 0
        path = backup_now(db.conn, policy, "wal", now=T0)
        copy = sqlite3.connect(path)
        assert copy.execute("SELECT count(*) FROM report_values").fetchone() == (2,)
        copy.close()


def test_rotation_keeps_the_newest(db_path, policy):
    report_id = fill(db_path, "1")
    made = []
    with Database.open(db_path) as db:
        for i in range(5):
            save_values(db, report_id, {"a": str(i)}, "lan")  # a change between backups
            made.append(backup_now(db.conn, policy, "open", now=T0 + timedelta(hours=i)))
    kept = list_backups(policy)
    assert [b.path for b in kept] == made[:1:-1]  # newest first: the last three
    assert kept[0].created == T0 + timedelta(hours=4)
    assert all(b.size > 0 and b.reason == "open" for b in kept)


def test_two_backups_in_one_second_do_not_collide(db_path, policy):
    report_id = fill(db_path, "1")
    with Database.open(db_path) as db:
        first = backup_now(db.conn, policy, "x", now=T0)
        save_values(db, report_id, {"a": "2"}, "lan")
        second = backup_now(db.conn, policy, "x", now=T0)
    assert first != second and first.exists() and second.exists()
    assert [b.path for b in list_backups(policy)] == [second, first]


def test_backups_on_open_respect_the_interval(db_path, policy):
    fill(db_path, "1")
    with Database.open(db_path) as db:
        assert maybe_backup_on_open(db.conn, policy, now=T0) is not None
        assert maybe_backup_on_open(db.conn, policy, now=T0 + timedelta(minutes=59)) is None
        assert maybe_backup_on_open(db.conn, policy, now=T0 + timedelta(minutes=61)) is not None
        # A clock turned back (newest backup "in the future") does not stop backups.
        assert maybe_backup_on_open(db.conn, policy, now=T0 - timedelta(days=1)) is not None


def test_opening_backs_up_at_most_once_per_interval(db_path, policy):
    times = iter(
        [T0, T0 + timedelta(minutes=1), T0 + timedelta(minutes=2), T0 + timedelta(hours=2)]
    )

    def open_db():
        moment = next(times)
        return Database.open(db_path, backups=policy, clock=lambda: moment)

    open_db().close()  # new and empty: nothing worth a backup
    assert list_backups(policy) == []
    report_id = fill(db_path, "1")
    for i in range(3):
        with open_db() as db:
            save_values(db, report_id, {"a": str(i)}, "lan")
    assert [b.reason for b in list_backups(policy)] == ["open", "open"]


def test_restore_backs_up_the_current_database_first(db_path, policy):
    report_id = fill(db_path, "old")
    with Database.open(db_path) as db:
        good = backup_now(db.conn, policy, "good", now=T0)
        save_values(db, report_id, {"a": "new"}, "lan")

    safety = restore_backup(db_path, good, policy, now=T0 + timedelta(hours=1))

    assert _value_in(db_path, report_id) == "old"
    assert safety is not None and "before-restore" in safety.name
    assert _value_in(safety, report_id) == "new"
    assert not db_path.with_name("data.sqlite3.restoring").exists()


def test_restoring_the_oldest_backup_survives_rotation(db_path, tmp_path):
    policy = BackupPolicy(tmp_path / "backups", keep=2)
    report_id = fill(db_path, "v0")
    with Database.open(db_path) as db:
        for i in range(2):
            backup_now(db.conn, policy, "open", now=T0 + timedelta(hours=i))
            save_values(db, report_id, {"a": f"v{i + 1}"}, "lan")
    oldest = list_backups(policy)[-1]

    restore_backup(db_path, oldest.path, policy, now=T0 + timedelta(hours=5))

    assert _value_in(db_path, report_id) == "v0"
    # the backup put back is spared by the safety copy's rotation (the next one takes it)
    assert oldest.path.exists()
    assert [b.reason for b in list_backups(policy)] == ["before-restore", "open", "open"]
    with Database.open(db_path) as db:
        save_values(db, report_id, {"a": "v3"}, "lan")
        backup_now(db.conn, policy, "open", now=T0 + timedelta(hours=6))
    assert [b.reason for b in list_backups(policy)] == ["open", "before-restore"]


def test_restore_is_refused_while_the_database_is_open(db_path, policy):
    report_id = fill(db_path, "old")
    with Database.open(db_path) as db:
        good = backup_now(db.conn, policy, "good", now=T0)
        save_values(db, report_id, {"a": "new"}, "lan")
        with pytest.raises(AppError) as caught:
            restore_backup(db_path, good, policy)
        assert caught.value.code == "storage.locked"
    assert _value_in(db_path, report_id) == "new"


def test_a_damaged_backup_is_not_restored(db_path, policy, tmp_path):
    report_id = fill(db_path, "kept")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(AppError) as caught:
        restore_backup(db_path, bad, policy)
    assert caught.value.code == "storage.corrupt"
    assert _value_in(db_path, report_id) == "kept"
    assert list_backups(policy) == []


def test_a_damaged_database_can_be_replaced_by_a_backup(db_path, policy):
    report_id = fill(db_path, "good")
    with Database.open(db_path) as db:
        good = backup_now(db.conn, policy, "good", now=T0)
    db_path.write_bytes(b"\0garbage after a power cut" * 500)

    aside = restore_backup(db_path, good, policy, now=T0 + timedelta(hours=1))

    assert aside is not None and aside.name.startswith("data.sqlite3.damaged-")
    assert aside.read_bytes().startswith(b"\0garbage")
    assert _value_in(db_path, report_id) == "good"


def test_leftovers_of_interrupted_copies_are_discarded_and_nothing_else(db_path, policy):
    from desktop_app.storage.restore import discard_interrupted_copies

    fill(db_path, "21")
    conn = sqlite3.connect(db_path)
    kept = backup_now(conn, policy, "manual")
    conn.close()
    staged = db_path.with_name("data.sqlite3.restoring")
    leftovers = [
        staged,
        db_path.with_name(".data.sqlite3.restoring.partial"),
        policy.directory / ".data-20261123T101500-manual.sqlite3.partial",
    ]
    # another process's backup being written now (a CLI command does not take the lock)
    in_progress = policy.directory / ".data-20261123T101600-open.sqlite3.partial"
    for path in [*leftovers, in_progress]:
        path.write_bytes(b"half a copy")
    an_hour_ago = time.time() - 3600
    os.utime(leftovers[-1], (an_hour_ago, an_hour_ago))
    assert sorted(discard_interrupted_copies(db_path, policy)) == sorted(leftovers)
    assert not any(p.exists() for p in leftovers)
    assert db_path.exists() and kept.exists() and in_progress.exists()
    in_progress.unlink()
    assert discard_interrupted_copies(db_path, policy) == []
