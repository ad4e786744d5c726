"""One open database file: the connection, its settings, transactions and errors.

Durability first: clerks lose power without warning, and a field they saw saved must
survive. Hence WAL mode with ``synchronous=FULL`` (every commit is fsynced before it
returns), one short ``BEGIN IMMEDIATE`` transaction per save, and foreign keys on.

Threads: a connection belongs to the thread that opened it (Python's sqlite3 refuses
other threads). A worker that needs the database opens its own ``Database`` on the same
file; WAL lets it read while the window writes, and the busy timeout makes writers wait
for each other instead of failing at once.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.collation import vi_sort_key
from ..core.messages import AppError
from .backups import BackupPolicy, backup_now, manual_reason, maybe_backup_on_open
from .clock import Clock, now_iso
from .errors import storage_error, translating
from .lost import refuse_if_lost_after_open, refuse_if_lost_before_open, set_aside_left_behind
from .migrations import LATEST_VERSION, check_not_too_new, migrate, user_version

if TYPE_CHECKING:
    import sqlite_utils

DEFAULT_BUSY_TIMEOUT_S = 5.0
# Less free space than this, and a failure to open is taken for a full disk: SQLite cannot
# create the -shm file of a WAL database there and says only "disk I/O error".
FULL_DISK_BYTES = 1_000_000

log = logging.getLogger(__name__)


def _register_collation(conn: sqlite3.Connection) -> None:
    """``COLLATE vi`` for queries that sort Vietnamese names.

    Only for ORDER BY in queries, never in the schema: an index or column declared with
    it would make the file unreadable to tools (DB Browser, the sqlite3 shell) without it.
    """

    def compare(a: str, b: str) -> int:
        ka, kb = vi_sort_key(a), vi_sort_key(b)
        return (ka > kb) - (ka < kb)

    conn.create_collation("vi", compare)


def _connect(path: Path, busy_timeout_s: float) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except PermissionError as exc:
        raise storage_error("storage.readonly", path, str(exc)) from exc
    except OSError as exc:
        raise storage_error("storage.cannot_open", path, str(exc)) from exc
    # isolation_level=None: the driver never opens a transaction behind our back; the only
    # ones are Database.transaction() and sqlite-utils' own (savepoints inside ours).
    return sqlite3.connect(path, timeout=busy_timeout_s, isolation_level=None)


def _writable(path: Path) -> bool:
    """Whether this process may write ``path`` and create files beside it (the -wal and
    -shm files). A read-only mount says no even to root."""
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def _free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return None


def _raise_open_failure(error: AppError, path: Path) -> None:
    """SQLite says "unable to open database file" or "disk I/O error" when it cannot make
    the -shm file of a WAL database: tell the clerk why (a read-only folder, a full disk)."""
    if error.code not in ("storage.cannot_open", "storage.io"):
        return
    if not _writable(path):
        raise storage_error("storage.readonly", path, str(error)) from error
    free = _free_bytes(path)
    if free is not None and free < FULL_DISK_BYTES:
        raise storage_error("storage.full", path, str(error)) from error


def _backup_on_open(conn: sqlite3.Connection, backups: BackupPolicy, now: Any) -> AppError | None:
    """The routine backup at open is a convenience, not a condition: with the disk full
    or the backups folder read-only the clerk must still be able to open the data and
    read it (each save then says the disk is full, at the field). The failure is
    returned, for the CLI and the window to say: backups silently stopping would leave
    the data with no copy."""
    try:
        maybe_backup_on_open(conn, backups, now=now)
    except AppError as error:
        log.warning("no backup at open: %s", error)
        return error
    return None


def _guard_lost_data(path: Path, backups: BackupPolicy, now: Any, start_empty: bool) -> None:
    """Before SQLite touches the file: refuse a lost database, or (starting empty on
    purpose) move what was left beside it into the backups folder."""
    if not start_empty:
        refuse_if_lost_before_open(path, backups, now=now)
        return
    try:
        moved = set_aside_left_behind(path, backups, now=now)
    except OSError as exc:
        raise storage_error("storage.readonly", backups.directory, str(exc)) from exc
    for aside in moved:
        log.warning("starting empty: %s moved to %s", aside.name, aside.parent)


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL").fetchone()
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")


class Database:
    """A ``sqlite3.Connection`` (``conn``) with its ``sqlite_utils.Database`` (``utils``)."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        *,
        backups: BackupPolicy | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.path = path
        self.conn = conn
        self.backups = backups
        self.clock = clock
        self.backup_failure: AppError | None = None  # why the backup at open failed
        self._savepoints = 0

    @cached_property
    def utils(self) -> sqlite_utils.Database:
        # Imported on first use: sqlite-utils costs ~40-65 ms to import, and opening an
        # up-to-date database for data entry never needs it (start-up is measured).
        import sqlite_utils

        return sqlite_utils.Database(self.conn, execute_plugins=False)

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        backups: BackupPolicy | None = None,
        clock: Clock | None = None,
        busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
        start_empty: bool = False,
    ) -> Database:
        """Open (or create) the database at ``path`` and bring its schema up to date.

        With ``backups``, an existing database is backed up before a migration, and at
        most once per ``backups.min_interval_s`` on open; and a database that is missing,
        zero bytes or empty while the backups folder (or a -wal/-journal beside it) holds
        data is refused ("storage.data_missing", see ``lost.py``) unless ``start_empty``
        says to start empty on purpose."""
        path = Path(path)
        now = clock() if clock else None
        if backups is not None:
            _guard_lost_data(path, backups, now, start_empty)
        try:
            with translating(path):
                conn = _connect(path, busy_timeout_s)
        except AppError as error:
            _raise_open_failure(error, path)
            raise
        try:
            with translating(path):
                # Before anything writes: a file from a newer version stays untouched.
                start = check_not_too_new(conn, path)
                if backups is not None and not start_empty:
                    refuse_if_lost_after_open(conn, path, backups, now=now)
                _configure(conn)
                _register_collation(conn)
                db = cls(path, conn, backups=backups, clock=clock)
                if user_version(conn) != LATEST_VERSION:
                    migrate(db.utils, path, backups=backups, now=now)
                if backups is not None and start == LATEST_VERSION:
                    db.backup_failure = _backup_on_open(conn, backups, now)
        except AppError as error:
            conn.close()
            _raise_open_failure(error, path)
            raise
        except BaseException:
            conn.close()
            raise
        return db

    def now(self) -> str:
        """The timestamp to write in rows and the audit log."""
        return now_iso(self.clock)

    # -- transactions -------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """All or nothing: ``BEGIN IMMEDIATE`` … ``COMMIT``, ``ROLLBACK`` on any exception.

        IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout)
        at BEGIN rather than failing half-way. Nested calls become savepoints: an inner
        block that raises undoes only its own work, and nothing is durable before the
        outermost block commits. SQLite failures a user can cause come out as AppError
        ("storage.locked", "storage.full", ...)."""
        if self.conn.in_transaction:
            with self._savepoint():
                yield self
            return
        with translating(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    @contextlib.contextmanager
    def _savepoint(self) -> Iterator[None]:
        self._savepoints += 1
        name = f"nested_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # An error such as SQLITE_FULL may already have rolled everything back.
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._savepoints -= 1

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # -- statements ---------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """One statement, failures a user can cause as AppError."""
        with translating(self.path):
            return self.conn.execute(sql, params)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with translating(self.path):
            return self.conn.execute(sql, params).fetchall()

    def fetchone(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        with translating(self.path):
            row: tuple[Any, ...] | None = self.conn.execute(sql, params).fetchone()
            return row

    # -- maintenance --------------------------------------------------------------

    def backup(self, reason: str = "manual") -> Path:
        """A backup someone asked for, now, whatever the interval: never rotated out,
        whatever ``reason`` says (see ``manual_reason``)."""
        if self.backups is None:
            raise ValueError("this Database was opened without a BackupPolicy")
        if self.conn.in_transaction:
            # The backup reads through this connection: it would copy uncommitted work.
            raise RuntimeError("back up outside a transaction")
        now = self.clock() if self.clock else None
        return backup_now(self.conn, self.backups, manual_reason(reason), now=now)

    def integrity_check(self) -> list[str]:
        """``["ok"]`` for a sound file, else SQLite's list of problems (reads it all)."""
        return [row[0] for row in self.fetchall("PRAGMA integrity_check")]

    def close(self) -> None:
        """Close the connection; the last one to close folds the -wal file into the main
        file. Safe to call twice."""
        with contextlib.suppress(sqlite3.ProgrammingError):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({str(self.path)!r})"
