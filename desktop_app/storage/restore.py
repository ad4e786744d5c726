"""Putting a backup back in place of the database.

The chosen copy is checked whole first; the current database is itself backed up (or,
too damaged to read, copied raw beside the backups; or, missing or zero bytes, what was
left beside it moved there); and the restored file takes the database's name in one
rename, so a power cut leaves the old database or the restored one, never half of
either.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from ..core.durable import replacing
from .backups import (
    BackupPolicy,
    backup_failed,
    backup_now,
    discard_quietly,
    local_moment,
    partial_path,
    write_copy,
)
from .durable import fsync_path
from .errors import storage_error, translate
from .lost import file_state, set_aside_left_behind
from .migrations import check_not_too_new


def check_restorable(backup_path: Path) -> int:
    """The backup's schema version, after ``PRAGMA integrity_check`` read it whole;
    AppError "storage.corrupt" (or "storage.too_new") if it must not be restored."""

    try:
        src = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = src.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise storage_error("storage.corrupt", backup_path, verdict)
            return check_not_too_new(src, backup_path)
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise storage_error("storage.corrupt", backup_path, str(exc)) from exc


def _set_aside(db_path: Path, policy: BackupPolicy, now: datetime | None) -> Path:
    """Raw copies of a database SQLite cannot read, kept in case someone can rescue it."""
    stamp = local_moment(now).strftime("%Y%m%dT%H%M%S")
    policy.directory.mkdir(parents=True, exist_ok=True)
    aside = policy.directory / f"{db_path.name}.damaged-{stamp}"
    for suffix in ("", "-wal", "-journal"):
        beside = db_path.with_name(db_path.name + suffix)
        if suffix == "" or beside.exists():
            with replacing(aside.with_name(aside.name + suffix)) as temporary:
                shutil.copyfile(beside, temporary)
    return aside


def _safety_copy(
    db_path: Path, policy: BackupPolicy, now: datetime | None, restoring: Path
) -> Path:
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=1.0)
    try:
        # Leaving WAL mode needs the only connection to the file: a cheap, reliable test
        # that no other window or process has it open. It also folds the -wal file in.
        if conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
            raise storage_error("storage.locked", db_path)
        return backup_now(conn, policy, "before-restore", now=now, spare=restoring)
    except sqlite3.Error as exc:
        error = translate(exc, db_path)
        if error is None or error.code != "storage.corrupt":
            raise (error or backup_failed(policy.directory, exc)) from exc
        return _set_aside(db_path, policy, now)
    finally:
        conn.close()


def staged_restore_path(db_path: Path) -> Path:
    """Where a restore writes the backup's copy before renaming it over the database."""
    return db_path.with_name(db_path.name + ".restoring")


# A backup's .partial this old was left by a process that died: a copy takes seconds.
STALE_PARTIAL_S = 600


def discard_interrupted_copies(
    db_path: Path, policy: BackupPolicy, *, now: float | None = None
) -> list[Path]:
    """Remove what a backup or restore killed before its end left: a restore's staged
    copy (as large as the database) and half-written ``.partial`` files. The database
    itself is untouched until a restore's last step, and a backup counts only once
    renamed. Only for the program that holds the folder's lock (the window): restores
    take that lock, so their staged copy is a leftover; but a command-line backup does
    not, so a backup's ``.partial`` goes only once older than ``STALE_PARTIAL_S``.
    Returns what was removed."""
    db_path = Path(db_path)
    staged = staged_restore_path(db_path)
    candidates = [staged, partial_path(staged)]
    if policy.directory.is_dir():
        oldest = (time.time() if now is None else now) - STALE_PARTIAL_S
        for partial in sorted(policy.directory.glob(".*.partial")):
            with contextlib.suppress(OSError):
                if partial.stat().st_mtime < oldest:
                    candidates.append(partial)
    removed = []
    for path in candidates:
        # Missing (the usual case), or a read-only folder: that says so when it opens.
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def restore_backup(
    db_path: Path, backup_path: Path, policy: BackupPolicy, *, now: datetime | None = None
) -> Path | None:
    """Replace the database at ``db_path`` with ``backup_path``, after backing the current
    one up. Returns where the data as it was went: the safety backup, raw copies of a
    database too damaged to read, or the ``-wal``/``-journal`` left beside a missing or
    zero-byte one; None when there was nothing.

    Only while no connection to ``db_path`` is open, in this process or another: close
    the Database first. An open connection elsewhere is detected and refused
    ("storage.locked"); on Windows the final rename would fail anyway."""
    db_path, backup_path = Path(db_path), Path(backup_path)
    check_restorable(backup_path)
    staged = staged_restore_path(db_path)
    try:
        # Staged before the safety copy: its rotation may delete the very backup chosen.
        src = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            write_copy(src, staged)
        finally:
            src.close()
        safety: Path | None
        if file_state(db_path) is None:
            safety = _safety_copy(db_path, policy, now, backup_path)
        else:
            # Nothing to back up: SQLite must not open it (it would delete a -journal
            # beside a zero-byte file). What was left beside it is moved, never deleted.
            moved = set_aside_left_behind(db_path, policy, now=now)
            safety = moved[0] if moved else None
        # A stale -wal beside the restored file would be replayed over it.
        for leftover in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + leftover).unlink(missing_ok=True)
        os.replace(staged, db_path)
        fsync_path(db_path.parent)
    except sqlite3.Error as exc:
        raise (translate(exc, db_path) or backup_failed(db_path.parent, exc)) from exc
    except OSError as exc:
        raise backup_failed(db_path.parent, exc) from exc
    finally:
        discard_quietly(staged)
    return safety


__all__ = [
    "STALE_PARTIAL_S",
    "check_restorable",
    "discard_interrupted_copies",
    "restore_backup",
    "staged_restore_path",
]
