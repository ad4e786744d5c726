"""What a database file holds, read without opening it for work: whether it holds any
data at all, and how many reports, figures and received packets.

"Holds data" means one row in any table. A database the application has just created
has its tables and no row in any of them (the schema fills none), so this is also how a
database that SQLite silently recreated, empty, is told from one the clerk set up.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Content:
    rows: bool  # any row in any table: the unit's setup, a report, a received file...
    reports: int
    values: int  # figures typed, over all reports
    received: int  # packets received (a unit with children)


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]


def has_rows(conn: sqlite3.Connection) -> bool:
    """Whether any table holds a row (one indexed look-up per table until one does)."""
    for table in _tables(conn):
        quoted = table.replace('"', '""')
        if conn.execute(f'SELECT 1 FROM "{quoted}" LIMIT 1').fetchone() is not None:
            return True
    return False


def read_only_uri(path: Path) -> str:
    """A read-only URI for ``path`` that leaves nothing behind: without a ``-wal`` beside
    it the file is read as immutable (a read-only connection to a WAL database would
    otherwise create ``-wal`` and ``-shm`` files, owned by whoever ran the command)."""
    path = Path(path)
    live = path.with_name(path.name + "-wal").exists()
    return f"{path.resolve().as_uri()}?{'mode=ro' if live else 'mode=ro&immutable=1'}"


def read_content(path: Path) -> Content | None:
    """What ``path`` holds; None when it cannot be read as an SQLite database (missing,
    damaged, not a database). A quick look (~1 ms): the full check reads the whole file
    and is done before a restore."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except (sqlite3.Error, OSError):
        return None
    try:
        tables = set(_tables(conn))

        def count(table: str) -> int:
            # An old schema may lack the table: nothing of that kind then.
            if table not in tables:
                return 0
            row: tuple[int] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            return row[0]

        return Content(
            has_rows(conn), count("reports"), count("report_values"), count("received_files")
        )
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def integrity_ok(path: Path) -> bool:
    """Whether ``PRAGMA integrity_check`` finds ``path`` sound (it reads the whole file)."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except (sqlite3.Error, OSError):
        return False
    try:
        row: tuple[str] = conn.execute("PRAGMA integrity_check").fetchone()
        return row[0] == "ok"
    except sqlite3.Error:
        return False
    finally:
        conn.close()
