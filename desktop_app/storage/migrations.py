"""The schema, one numbered migration at a time, tracked in ``PRAGMA user_version``.

Migration N takes a database at version N-1 to version N inside one transaction, so a
power cut in the middle leaves the previous version intact. An existing database is
backed up before it is migrated: a migration that turns out wrong must not take the
clerks' data with it. A database newer than this program is refused untouched, so an
old copy of the application cannot damage what a newer one wrote.

This module runs the steps; the steps themselves, one function per version, are in
``migration_steps`` (where the next one is added).

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.messages import AppError, Text
from .backups import BackupPolicy, backup_now
from .migration_steps import LATEST_VERSION, MIGRATIONS, Migration

if TYPE_CHECKING:
    import sqlite_utils


def user_version(conn: sqlite3.Connection) -> int:
    row: tuple[int] = conn.execute("PRAGMA user_version").fetchone()
    return row[0]


def check_not_too_new(
    conn: sqlite3.Connection, path: Path | str, known: int = LATEST_VERSION
) -> int:
    """The database's schema version; AppError "storage.too_new" if this program is
    older than the one that last wrote it."""
    version = user_version(conn)
    if version > known:
        name = Path(path).name
        raise AppError(
            "storage.too_new",
            Text(
                f"Tệp dữ liệu {name} được tạo bởi phiên bản mới hơn của phần mềm (lược đồ {version}, phiên bản này chỉ hiểu đến {known}). Hãy cài phiên bản mới; tệp không bị thay đổi.",
                f"The data file {name} was written by a newer version of this application (schema {version}, this one knows up to {known}). Install the newer version; the file was not changed.",
            ),
            path=str(path),
            version=version,
            known=known,
        )
    return version


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def _foreign_file(path: Path | str) -> AppError:
    name = Path(path).name
    return AppError(
        "storage.foreign",
        Text(
            f"{name} là một cơ sở dữ liệu SQLite nhưng không phải của phần mềm này; không dùng được làm tệp dữ liệu.",
            f"{name} is an SQLite database but not one of this application's; it cannot be used as the data file.",
        ),
        path=str(path),
    )


def migrate(
    db: sqlite_utils.Database,
    path: Path | str,
    *,
    backups: BackupPolicy | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
    now: datetime | None = None,
) -> int:
    """Bring the database up to ``len(migrations)``; returns the version it started at.

    Expects a connection in autocommit mode (``isolation_level=None``) outside any
    transaction."""
    conn = db.conn
    start = check_not_too_new(conn, path, len(migrations))
    if start == len(migrations):
        return start
    if start == 0 and _has_tables(conn):
        raise _foreign_file(path)
    if start > 0 and backups is not None:
        backup_now(conn, backups, f"before-v{len(migrations)}", now=now)
    for target, step in enumerate(migrations, start=1):
        if target <= start:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            if user_version(conn) < target:
                step(db)
                conn.execute(f"PRAGMA user_version = {int(target)}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
