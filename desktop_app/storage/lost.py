"""A database that lost its data is never replaced silently by an empty one.

SQLite opens a missing or zero-byte file as a new, empty database; it replays a ``-wal``
left without its database into that new file, and deletes a ``-journal`` beside a
zero-byte one. Left to that, a data folder whose file was lost (a USB stick pulled, a
sync tool, a disk error) would start again empty, say "no unit set up yet", and its
hourly backups of nothing would push the good ones out.

So before the database is opened for work: if it is missing, zero bytes or holds no data
at all while the folder still holds something — a backup with data, backups that
cannot be read, a ``-wal`` or ``-journal`` left behind — nothing is created and
``LostDataError`` ("storage.data_missing") says what happened and names the newest good
backup. Starting empty anyway is an explicit choice (``start_empty``): what was left
beside the database is first moved into the backups folder, never deleted.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..core.messages import AppError, Text
from .backups import BackupInfo, BackupPolicy, list_backups, local_moment, newest_with_data
from .content import Content, has_rows, integrity_ok, read_content
from .durable import fsync_path

MISSING = "missing"
EMPTY_FILE = "empty_file"  # zero bytes
NO_DATA = "no_data"  # an SQLite database with no row in any table
_LEFT_BEHIND = ("-wal", "-journal")


@dataclass(frozen=True)
class LostData:
    """What was found: the database's state, the newest good backup holding data (with
    what it holds), how many backups cannot be read, and what was left beside the file."""

    database: Path
    state: str  # MISSING, EMPTY_FILE or NO_DATA
    newest: BackupInfo | None = None
    content: Content | None = None  # the newest's
    damaged: int = 0
    left_behind: list[Path] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.database.parent


_STATE = {
    MISSING: Text(
        "Không thấy tệp dữ liệu {db} trong thư mục {folder}.",
        "The data file {db} is missing from the folder {folder}.",
    ),
    EMPTY_FILE: Text(
        "Tệp dữ liệu {db} trong thư mục {folder} trống (0 byte).",
        "The data file {db} in the folder {folder} is empty (0 bytes).",
    ),
    NO_DATA: Text(
        "Tệp dữ liệu {db} trong thư mục {folder} không còn số liệu nào (không có đơn vị, "
        "không có báo cáo).",
        "The data file {db} in the folder {folder} holds no data (no unit, no report).",
    ),
}
_LEFT = Text(
    "Bên cạnh nó còn {names}: phần thay đổi chưa được ghi vào tệp chính. Các tệp này được "
    "cất vào thư mục sao lưu (không xoá) trước khi khôi phục hoặc bắt đầu lại.",
    "Beside it is {names}: changes not yet written into the main file. They are moved into "
    "the backups folder (never deleted) before a restore or a fresh start.",
)
_NEWEST = Text(
    "Thư mục sao lưu vẫn còn số liệu. Bản sao lưu tốt mới nhất: {name}, lúc {when}, "
    "{reports} báo cáo.",
    "The backups folder still holds the data. The newest good backup: {name}, of {when}, "
    "holding {reports} report(s).",
)
_DAMAGED = Text(
    "Thư mục sao lưu có {count} bản sao lưu không đọc được; chúng được giữ nguyên.",
    "The backups folder has {count} backups that cannot be read; they are left as they are.",
)
_NOTHING_CREATED = Text(
    "Phần mềm không tạo dữ liệu trống thay vào.",
    "Nothing was created: lost data is never replaced by an empty database.",
)
_RESTORE_HINT = Text(
    "Khôi phục bản đó: desktop-app backups restore {name}",
    "To restore it: desktop-app backups restore {name}",
)
_FRESH_HINT = Text(
    "Chỉ khi chắc chắn muốn bắt đầu với dữ liệu trống (các bản sao lưu vẫn được giữ): "
    "desktop-app setup --unit MÃ_ĐƠN_VỊ --force-new",
    "Only to start with an empty database on purpose (the backups are kept): "
    "desktop-app setup --unit UNIT_CODE --force-new",
)


def when_text(created: datetime) -> str:
    return created.strftime("%H:%M %d/%m/%Y")


def describe(lost: LostData) -> list[Text]:
    """What happened and what is left, a sentence or two each, without what to type
    (the window has buttons)."""
    parts = [_STATE[lost.state].format(db=lost.database.name, folder=lost.folder)]
    if lost.left_behind:
        parts.append(_LEFT.format(names=", ".join(p.name for p in lost.left_behind)))
    if lost.newest is not None:
        reports = lost.content.reports if lost.content else 0
        parts.append(
            _NEWEST.format(
                name=lost.newest.path.name, when=when_text(lost.newest.created), reports=reports
            )
        )
    if lost.damaged:
        parts.append(_DAMAGED.format(count=lost.damaged))
    parts.append(_NOTHING_CREATED)
    return parts


class LostDataError(AppError):
    def __init__(self, lost: LostData) -> None:
        said = describe(lost)
        hints = [_FRESH_HINT]
        if lost.newest is not None:
            hints.insert(0, _RESTORE_HINT.format(name=lost.newest.path.name))
        message = Text(
            "\n".join([" ".join(p.vi for p in said), *(h.vi for h in hints)]),
            "\n".join([" ".join(p.en for p in said), *(h.en for h in hints)]),
        )
        newest = lost.newest
        super().__init__(
            "storage.data_missing",
            message,
            folder=str(lost.folder),
            database=str(lost.database),
            state=lost.state,
            backup=str(newest.path) if newest else None,
            backup_created=newest.created.isoformat() if newest else None,
            reports=lost.content.reports if newest and lost.content else None,
            damaged=lost.damaged,
            left_behind=[str(p) for p in lost.left_behind],
        )
        self.lost = lost


def file_state(path: Path) -> str | None:
    """MISSING, EMPTY_FILE, or None for a file with something in it."""
    try:
        size = Path(path).stat().st_size
    except FileNotFoundError:
        return MISSING
    return EMPTY_FILE if size == 0 else None


def left_behind(db_path: Path) -> list[Path]:
    """The non-empty ``-wal`` and ``-journal`` files beside ``db_path``."""
    found = []
    for suffix in _LEFT_BEHIND:
        candidate = db_path.with_name(db_path.name + suffix)
        try:
            if candidate.stat().st_size > 0:
                found.append(candidate)
        except OSError:
            continue
    return found


def examine(
    db_path: Path, policy: BackupPolicy, state: str, *, now: datetime | None = None
) -> LostData | None:
    """What the folder still holds besides a database in ``state``: None when nothing
    (a first start, or only backups of an empty database), so work may start."""
    db_path = Path(db_path)
    found = list_backups(policy, db_path.stem, now=now)
    newest = newest_with_data(found)
    damaged = 0
    for info in found:
        content = read_content(info.path)
        if content is None or (content.rows and not integrity_ok(info.path)):
            damaged += 1
    beside = left_behind(db_path) if state != NO_DATA else []
    if newest is None and not damaged and not beside:
        return None
    content = read_content(newest.path) if newest else None
    return LostData(db_path, state, newest, content, damaged, beside)


def refuse_if_lost_before_open(
    db_path: Path, policy: BackupPolicy, *, now: datetime | None = None
) -> None:
    """LostDataError for a missing or zero-byte database while the folder holds data;
    checked before SQLite touches the file (it would create it, replay a stray -wal
    into it or delete a -journal beside it)."""
    state = file_state(db_path)
    if state is not None:
        lost = examine(db_path, policy, state, now=now)
        if lost is not None:
            raise LostDataError(lost)


def refuse_if_lost_after_open(
    conn: sqlite3.Connection, db_path: Path, policy: BackupPolicy, *, now: datetime | None = None
) -> None:
    """LostDataError for a database with no row in any table while its backups hold data
    (what an earlier version left after recreating a lost file)."""
    if not has_rows(conn):
        lost = examine(db_path, policy, NO_DATA, now=now)
        if lost is not None:
            raise LostDataError(lost)


def set_aside_left_behind(
    db_path: Path, policy: BackupPolicy, *, now: datetime | None = None
) -> list[Path]:
    """Move the ``-wal``/``-journal`` left beside a missing or zero-byte database into the
    backups folder (``data.sqlite3-wal.left-20261123T020000``), so SQLite can neither
    replay nor delete them; returns where they went. OSError if they cannot be moved."""
    beside = left_behind(db_path) if file_state(db_path) is not None else []
    if not beside:
        return []
    stamp = local_moment(now).strftime("%Y%m%dT%H%M%S")
    policy.directory.mkdir(parents=True, exist_ok=True)
    moved = []
    for path in beside:
        target = policy.directory / f"{path.name}.left-{stamp}"
        shutil.move(path, target)  # a rename on the same disk; a copy otherwise
        moved.append(target)
    fsync_path(policy.directory)
    # The -shm belongs to the -wal just moved: stale now.
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
    return moved


__all__ = [
    "EMPTY_FILE",
    "MISSING",
    "NO_DATA",
    "LostData",
    "LostDataError",
    "describe",
    "examine",
    "file_state",
    "left_behind",
    "refuse_if_lost_after_open",
    "refuse_if_lost_before_open",
    "set_aside_left_behind",
    "when_text",
]
