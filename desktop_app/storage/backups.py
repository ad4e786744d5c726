"""Rotating copies of the database, made with SQLite's online backup API.

A copy of the file itself could catch a half-written page or miss what is still in the
``-wal`` file; ``sqlite3.Connection.backup`` copies a consistent snapshot even while the
database is in use. Each backup is written under a temporary name and renamed when
complete, so a power cut never leaves a half backup that looks whole.

Names sort by time and say why they were made: ``data-20261123T020000-open.sqlite3``
(local time; ``.2``, ``.3`` … after the seconds if two are made in the same second).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.messages import AppError, Text
from .clock import local_now
from .durable import fsync_path
from .errors import storage_error, translate

SUFFIX = ".sqlite3"
_TIME_FORMAT = "%Y%m%dT%H%M%S"  # written with strftime, read by _NAME
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<Y>\d{4})(?P<m>\d\d)(?P<d>\d\d)T(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d)"
    r"(?:\.(?P<seq>\d+))?-(?P<reason>[a-z0-9-]+)\.sqlite3$"
)


@dataclass
class BackupPolicy:
    """Where backups go and how many: ``keep`` newest are kept; an automatic backup at
    start-up is skipped if the newest is younger than ``min_interval_s``, so a CLI command
    run fifty times in an afternoon does not push every useful backup out."""

    directory: Path
    keep: int = 10
    min_interval_s: float = 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # local wall-clock time, naive, as in the file name
    reason: str
    size: int


def _local(now: datetime | None) -> datetime:
    return (now or local_now()).astimezone().replace(tzinfo=None, microsecond=0)


def _slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40].strip("-")
    return slug or "manual"


def _parse(path: Path) -> tuple[str, datetime, int, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        # not strptime: its first call imports _strptime and locale, at every start
        created = datetime(*(int(match[part]) for part in "YmdHMS"))
    except ValueError:
        return None
    return match["stem"], created, int(match["seq"] or 1), match["reason"]


def list_backups(policy: BackupPolicy, stem: str | None = None) -> list[BackupInfo]:
    """The backups in ``policy.directory``, newest first (of one database if ``stem``)."""
    found: list[tuple[datetime, int, BackupInfo]] = []
    if not policy.directory.is_dir():
        return []
    for path in policy.directory.iterdir():
        parsed = _parse(path)
        if parsed is None or (stem is not None and parsed[0] != stem):
            continue
        _, created, seq, reason = parsed
        with contextlib.suppress(OSError):  # deleted meanwhile by another process
            found.append((created, seq, BackupInfo(path, created, reason, path.stat().st_size)))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [info for _, _, info in found]


def _database_stem(conn: sqlite3.Connection) -> tuple[Path, str]:
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file), Path(file).stem
    raise ValueError("only a database stored in a file can be backed up")


def _partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def write_copy(source: sqlite3.Connection, target: Path) -> None:
    """A consistent, self-contained copy of ``source`` at ``target`` (replaced whole).

    The copy is switched to the rollback journal so it is one file, readable without a
    ``-wal``/``-shm`` beside it (a WAL source would otherwise mark it as WAL)."""
    partial = _partial_path(target)
    partial.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        fsync_path(partial)
        os.replace(partial, target)
        fsync_path(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _backup_failed(path: Path, exc: Exception) -> AppError:
    return AppError(
        "storage.backup_failed",
        Text(
            f"Không tạo được bản sao lưu trong {path} ({exc}).",
            f"Could not write a backup in {path} ({exc}).",
        ),
        path=str(path),
    )


def _next_seq(directory: Path, stem: str, stamp: str) -> int:
    """1, or one more than any backup of the same second, whatever its reason: a manual
    backup and the safety copy of a restore a moment later must list in that order."""
    taken = [
        parsed[2]
        for path in directory.iterdir()
        if path.name.startswith(f"{stem}-{stamp}")
        and (parsed := _parse(path)) is not None
        and parsed[0] == stem
    ]
    return max(taken, default=0) + 1


def backup_now(
    conn: sqlite3.Connection,
    policy: BackupPolicy,
    reason: str,
    *,
    now: datetime | None = None,
    spare: Path | None = None,
) -> Path:
    """Back up the database behind ``conn`` now and delete all but the newest ``keep``.

    Call it outside a transaction: the backup reads through ``conn``, so it would also
    copy that transaction's uncommitted changes."""
    db_file, stem = _database_stem(conn)
    stamp = _local(now).strftime(_TIME_FORMAT)
    slug = _slug(reason)
    try:
        policy.directory.mkdir(parents=True, exist_ok=True)
        seq = _next_seq(policy.directory, stem, stamp)
        target = policy.directory / (
            f"{stem}-{stamp}-{slug}{SUFFIX}" if seq == 1 else f"{stem}-{stamp}.{seq}-{slug}{SUFFIX}"
        )
        write_copy(conn, target)
    except sqlite3.Error as exc:
        raise (translate(exc, db_file) or _backup_failed(policy.directory, exc)) from exc
    except OSError as exc:
        raise _backup_failed(policy.directory, exc) from exc
    _rotate(policy, stem, keep=(target, spare))
    return target


def _rotate(policy: BackupPolicy, stem: str, keep: tuple[Path | None, ...]) -> None:
    # The one just made is never deleted, even if a wrong system clock once dated older
    # backups in the future and they now sort as the newest; nor is ``spare`` (the backup
    # a restore is putting back: the clerk may want it again).
    kept = {path.resolve() for path in keep if path is not None}
    backups = [b for b in list_backups(policy, stem) if b.path.resolve() not in kept]
    for old in backups[max(policy.keep, 1) - 1 :]:
        with contextlib.suppress(OSError):
            old.path.unlink()


def maybe_backup_on_open(
    conn: sqlite3.Connection,
    policy: BackupPolicy,
    *,
    reason: str = "open",
    now: datetime | None = None,
) -> Path | None:
    """Back up unless the newest backup is younger than ``policy.min_interval_s``."""
    _, stem = _database_stem(conn)
    backups = list_backups(policy, stem)
    if backups:
        age = (_local(now) - backups[0].created).total_seconds()
        # A negative age means the clock was turned back since: back up then too.
        if 0 <= age < policy.min_interval_s:
            return None
    return backup_now(conn, policy, reason, now=now)


def check_restorable(backup_path: Path) -> int:
    """The backup's schema version, after ``PRAGMA integrity_check`` read it whole;
    AppError "storage.corrupt" (or "storage.too_new") if it must not be restored."""
    # Imported here: migrations imports this module to back up before migrating.
    from .migrations import check_not_too_new

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
    stamp = _local(now).strftime(_TIME_FORMAT)
    policy.directory.mkdir(parents=True, exist_ok=True)
    aside = policy.directory / f"{db_path.name}.damaged-{stamp}"
    shutil.copy2(db_path, aside)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, aside.with_name(aside.name + "-wal"))
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
            raise (error or _backup_failed(policy.directory, exc)) from exc
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
    candidates = [staged, _partial_path(staged)]
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
    one up (returned; raw copies if it is too damaged to read).

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
        safety = _safety_copy(db_path, policy, now, backup_path) if db_path.exists() else None
        # A stale -wal beside the restored file would be replayed over it.
        for leftover in ("-wal", "-shm", "-journal"):
            db_path.with_name(db_path.name + leftover).unlink(missing_ok=True)
        os.replace(staged, db_path)
        fsync_path(db_path.parent)
    except sqlite3.Error as exc:
        raise (translate(exc, db_path) or _backup_failed(db_path.parent, exc)) from exc
    except OSError as exc:
        raise _backup_failed(db_path.parent, exc) from exc
    finally:
        staged.unlink(missing_ok=True)
    return safety
