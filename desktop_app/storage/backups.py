"""Rotating copies of the database, made with SQLite's online backup API.

A copy of the file itself could catch a half-written page or miss what is still in the
``-wal`` file; ``sqlite3.Connection.backup`` copies a consistent snapshot even while the
database is in use. Each backup is written under a temporary name of its own (two
processes backing up at once never share one) and renamed when complete, so a power cut
never leaves a half backup that looks whole.

Names sort by time and say why they were made: ``data-20261123T020000-open.sqlite3``
(local time; ``.2``, ``.3`` … after the seconds if two are made in the same second).

Rotation keeps the newest ``keep`` automatic backups and never deletes:
- a manual backup (any reason but the automatic ones: ``open``, ``before-restore``,
  ``before-vN``), however many there are;
- the newest backup that holds data and reads whole, so a database that lost its data
  (recreated empty, or damaged and copied hour after hour) cannot push the last good
  copy out;
- the backup just made, and the one a restore is putting back.
No backup is made of a database identical to the newest backup: the newest is kept
(a manual backup identical to an automatic one turns that one into a manual one).

"Newest" is by the time in the name, except that a name dated after the present moment
was made under a clock set ahead (or the clock is behind now): it was made before any
backup made now, so it sorts after every backup dated up to now.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.durable import replacing
from ..core.messages import AppError, Text
from .clock import local_now
from .content import has_rows, integrity_ok, read_content
from .durable import fsync_path
from .errors import translate

SUFFIX = ".sqlite3"
MANUAL = "manual"
_TIME_FORMAT = "%Y%m%dT%H%M%S"  # written with strftime, read by _NAME
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<Y>\d{4})(?P<m>\d\d)(?P<d>\d\d)T(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d)"
    r"(?:\.(?P<seq>\d+))?-(?P<reason>[a-z0-9-]+)\.sqlite3$"
)
# The reasons the application backs up by itself; every other one is someone's request.
_AUTOMATIC = re.compile(r"^(open|before-restore|before-v\d+)$")


@dataclass
class BackupPolicy:
    """Where backups go and how many: the ``keep`` newest automatic backups are kept; an
    automatic backup at start-up is skipped if the newest is younger than
    ``min_interval_s``, so a CLI command run fifty times in an afternoon does not push
    every useful backup out."""

    directory: Path
    keep: int = 10
    min_interval_s: float = 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # local wall-clock time, naive, as in the file name
    reason: str
    size: int

    @property
    def manual(self) -> bool:
        return not is_automatic(self.reason)


def is_automatic(reason: str) -> bool:
    return _AUTOMATIC.match(reason) is not None


def local_moment(now: datetime | None) -> datetime:
    """``now`` (default: the clock) as naive local time to the second: backup names."""
    return (now or local_now()).astimezone().replace(tzinfo=None, microsecond=0)


def _slug(reason: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")[:40].strip("-")
    return slug or MANUAL


def manual_reason(reason: str) -> str:
    """``reason`` for a backup someone asked for: one that would read as automatic
    ("open", "before-v4") gets a ``manual-`` prefix, so rotation never takes it."""
    slug = _slug(reason)
    return f"{MANUAL}-{slug}" if is_automatic(slug) else slug


def _parse(path: Path) -> tuple[str, datetime, int, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        # not strptime: its first call imports _strptime and locale, at every start
        year, month, day, hour, minute, second = (int(match[part]) for part in "YmdHMS")
        created = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return match["stem"], created, int(match["seq"] or 1), match["reason"]


def list_backups(
    policy: BackupPolicy, stem: str | None = None, *, now: datetime | None = None
) -> list[BackupInfo]:
    """The backups in ``policy.directory``, newest first (of one database if ``stem``);
    those dated after ``now`` last (see the module's docstring)."""
    found: list[tuple[bool, datetime, int, BackupInfo]] = []
    if not policy.directory.is_dir():
        return []
    present = local_moment(now)
    for path in policy.directory.iterdir():
        parsed = _parse(path)
        if parsed is None or (stem is not None and parsed[0] != stem):
            continue
        _, created, seq, reason = parsed
        with contextlib.suppress(OSError):  # deleted meanwhile by another process
            info = BackupInfo(path, created, reason, path.stat().st_size)
            found.append((created <= present, created, seq, info))
    found.sort(key=lambda item: item[:3], reverse=True)
    return [item[3] for item in found]


def newest_with_data(found: list[BackupInfo]) -> BackupInfo | None:
    """The first of ``found`` (newest first) that holds data and reads whole."""
    for info in found:
        content = read_content(info.path)
        if content is not None and content.rows and integrity_ok(info.path):
            return info
    return None


def _database_stem(conn: sqlite3.Connection) -> tuple[Path, str]:
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file), Path(file).stem
    raise ValueError("only a database stored in a file can be backed up")


def partial_path(target: Path) -> Path:
    """Where a copy to ``target`` is written before it is renamed into place."""
    return target.with_name(f".{target.name}.partial")


def _own_partial(directory: Path, stem: str) -> Path:
    # Its own name per process and call: another process backing up in the same second
    # must neither delete this half copy nor rename it as its own finished backup.
    return directory / f".{stem}-{os.getpid()}-{secrets.token_hex(4)}{SUFFIX}.partial"


def discard_quietly(path: Path) -> None:
    """Remove a half-written copy if it is there."""
    # A read-only file system says EROFS even for a file that is not there: cleaning up
    # must never hide the failure being reported.
    with contextlib.suppress(OSError):
        path.unlink()


def _write_partial(source: sqlite3.Connection, partial: Path) -> None:
    """A consistent, self-contained copy of ``source`` at ``partial``, on the disk.

    The copy is switched to the rollback journal so it is one file, readable without a
    ``-wal``/``-shm`` beside it (a WAL source would otherwise mark it as WAL)."""
    dest = sqlite3.connect(partial, isolation_level=None)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    fsync_path(partial)


def write_copy(source: sqlite3.Connection, target: Path) -> None:
    """A consistent, self-contained copy of ``source`` at ``target`` (replaced whole)."""
    partial = partial_path(target)
    discard_quietly(partial)
    with replacing(target, temporary=partial):
        _write_partial(source, partial)


def backup_failed(path: Path, exc: Exception) -> AppError:
    """``storage.backup_failed`` for a copy that could not be written in ``path``."""
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


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with a.open("rb") as fa, b.open("rb") as fb:
            while True:
                chunk = fa.read(1 << 20)
                if chunk != fb.read(1 << 20):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


def _promote(info: BackupInfo) -> Path | None:
    """Rename an automatic backup as a manual one (the same copy, now never rotated);
    None if it went meanwhile (another process's rotation)."""
    base = info.path.name[: -len(f"-{info.reason}{SUFFIX}")]  # data-20261123T020000[.2]
    target = info.path.with_name(f"{base}-{MANUAL}{SUFFIX}")
    try:
        os.replace(info.path, target)
        fsync_path(target.parent)
    except OSError:
        return None
    return target


def backup_now(
    conn: sqlite3.Connection,
    policy: BackupPolicy,
    reason: str,
    *,
    now: datetime | None = None,
    spare: Path | None = None,
) -> Path:
    """Back up the database behind ``conn`` now and rotate (see the module's docstring).
    Returns the backup that holds the database as it is now: the newest one, unchanged,
    when the database is identical to it.

    Call it outside a transaction: the backup reads through ``conn``, so it would also
    copy that transaction's uncommitted changes."""
    db_file, stem = _database_stem(conn)
    moment = local_moment(now)
    stamp = moment.strftime(_TIME_FORMAT)
    slug = _slug(reason)
    # Renamed by hand (the steps of core.durable.replacing): the name is known only once
    # the copy is compared with the newest backup.
    partial = _own_partial(policy.directory, stem)
    try:
        policy.directory.mkdir(parents=True, exist_ok=True)
        _write_partial(conn, partial)
        found = list_backups(policy, stem, now=moment)
        if found and _same_bytes(partial, found[0].path):
            last = found[0]
            kept = _promote(last) if not is_automatic(slug) and not last.manual else last.path
            if kept is not None:
                discard_quietly(partial)
                return kept
        seq = _next_seq(policy.directory, stem, stamp)
        target = policy.directory / (
            f"{stem}-{stamp}-{slug}{SUFFIX}" if seq == 1 else f"{stem}-{stamp}.{seq}-{slug}{SUFFIX}"
        )
        os.replace(partial, target)
        fsync_path(target.parent)
    except sqlite3.Error as exc:
        discard_quietly(partial)
        # A copy that cannot be written is the backups folder's fault, not the database's.
        error = translate(exc, db_file)
        if error is None or error.code in ("storage.cannot_open", "storage.readonly"):
            error = backup_failed(policy.directory, exc)
        raise error from exc
    except OSError as exc:
        discard_quietly(partial)
        raise backup_failed(policy.directory, exc) from exc
    _rotate(policy, stem, keep=(target, spare), now=moment)
    return target


def _rotate(policy: BackupPolicy, stem: str, keep: tuple[Path | None, ...], now: datetime) -> None:
    # ``keep``: the one just made, and ``spare`` (the backup a restore is putting back:
    # the clerk may want it again).
    kept = {path.resolve() for path in keep if path is not None}
    found = list_backups(policy, stem, now=now)
    guard = newest_with_data(found)
    if guard is not None:
        kept.add(guard.path.resolve())
    automatic = [b for b in found if not b.manual and b.path.resolve() not in kept]
    for old in automatic[max(policy.keep, 1) - 1 :]:
        with contextlib.suppress(OSError):  # gone already: another process rotated too
            old.path.unlink()


def maybe_backup_on_open(
    conn: sqlite3.Connection,
    policy: BackupPolicy,
    *,
    reason: str = "open",
    now: datetime | None = None,
) -> Path | None:
    """Back up unless the newest backup is younger than ``policy.min_interval_s``, or the
    database holds nothing (a copy of nothing would only push a useful one out)."""
    _, stem = _database_stem(conn)
    backups = list_backups(policy, stem, now=now)
    if backups:
        age = (local_moment(now) - backups[0].created).total_seconds()
        # A negative age (only backups dated in the future) means the clock was turned
        # back since: back up then too.
        if 0 <= age < policy.min_interval_s:
            return None
    if not has_rows(conn):
        return None
    return backup_now(conn, policy, reason, now=now)


__all__ = [
    "MANUAL",
    "BackupInfo",
    "BackupPolicy",
    "backup_failed",
    "backup_now",
    "discard_quietly",
    "is_automatic",
    "list_backups",
    "local_moment",
    "manual_reason",
    "maybe_backup_on_open",
    "newest_with_data",
    "partial_path",
    "read_content",
    "write_copy",
]
