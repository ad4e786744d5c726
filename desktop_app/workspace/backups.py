"""Backups of a data folder as the clerk sees them: the list with what each one holds,
a backup now, and restoring one.

The copies themselves are made by ``storage.backups`` (SQLite's backup API, written
under a temporary name and renamed). Restoring goes through ``restore_backup``: the
chosen copy is checked whole (``PRAGMA integrity_check``) and its schema version read
before anything is touched, the current database is itself backed up, and the restored
file takes the database's name in one rename, so a power cut leaves the old database or
the restored one, never half of either.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core.messages import AppError, Text
from ..storage import BackupInfo, BackupPolicy, list_backups, restore_backup
from ..storage.backups import newest_with_data
from ..storage.content import read_content
from ..storage.errors import storage_error
from ..storage.restore import check_restorable, discard_interrupted_copies
from .workspace import BACKUP_DIR, DATABASE_NAME, Workspace

log = logging.getLogger(__name__)
SPACE_MARGIN = 1_000_000  # the -wal and -shm of the reopened database, the log


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    created: datetime  # local time, as in the file name
    reason: str  # "open", "manual", "before-restore", "before-migration-3", ...
    size: int
    reports: int | None  # None when the copy cannot be read
    values: int | None  # figures typed, over all reports
    received: int | None  # packets received (a unit with children)

    @property
    def readable(self) -> bool:
        return self.reports is not None


_REASONS = {
    "open": Text("Tự động khi mở phần mềm", "Automatic, when the application opened"),
    "manual": Text("Sao lưu thủ công", "Manual backup"),
    "before-restore": Text("Số liệu trước khi khôi phục", "The data before a restore"),
}
_BEFORE_MIGRATION = Text("Trước khi nâng cấp cơ sở dữ liệu", "Before a database upgrade")


def reason_label(reason: str) -> Text:
    """Why a backup was made, as the clerk reads it (the file name holds a short tag)."""
    if reason.startswith("before-v"):
        return _BEFORE_MIGRATION
    if reason.startswith("manual-"):  # asked for with a reason that reads as automatic
        return _REASONS["manual"]
    return _REASONS.get(reason, Text(reason, reason))


def _counts(path: Path) -> tuple[int | None, int | None, int | None]:
    """Reports, values and received packets in a backup: a quick look (~1 ms), not the
    full check (that reads the whole file, and is done before a restore)."""
    content = read_content(path)
    if content is None:
        return None, None, None
    return content.reports, content.values, content.received


def backups(ws: Workspace) -> list[BackupEntry]:
    """The data folder's backups of its database, newest first."""
    policy = ws.db.backups
    if policy is None:
        return []
    return _entries(list_backups(policy, ws.db.path.stem))


def _entries(found: list[BackupInfo]) -> list[BackupEntry]:
    return [BackupEntry(b.path, b.created, b.reason, b.size, *_counts(b.path)) for b in found]


def folder_entries(data_dir: Path) -> list[BackupEntry]:
    """``backups`` of a data folder whose database may not open (newest first)."""
    return _entries(folder_backups(data_dir))


NO_BACKUP_AT_OPEN = Text(
    "Không sao lưu được khi mở: {vi} Số liệu vẫn mở và lưu bình thường, nhưng không có "
    "bản sao lưu mới nào cho đến khi thư mục sao lưu {folder} ghi được (kiểm tra quyền ghi "
    "và dung lượng ổ đĩa).",
    "No backup could be made on opening: {en} The data opens and saves as usual, but no "
    "new backup is made until the backups folder {folder} can be written (check its "
    "permissions and the free space).",
)


def backup_warning(ws: Workspace) -> Text | None:
    """What to tell the clerk when the backup at open failed (a read-only or full backups
    folder): the work goes on, but backups silently stopping would leave no copy."""
    failure = ws.db.backup_failure
    if failure is None or ws.db.backups is None:
        return None
    return NO_BACKUP_AT_OPEN.format(
        vi=failure.message.vi, en=failure.message.en, folder=ws.db.backups.directory
    )


def back_up_now(ws: Workspace, reason: str = "manual") -> Path:
    path = ws.db.backup(reason)
    log.info("backup %s", path.name)
    return path


@dataclass
class Restored:
    """The workspace open again on the data folder: on the restored database, or on the
    unchanged one when ``error`` says why the restore was refused.

    ``reopened`` is False only if the folder could not be opened again afterwards (the
    disk filled up meanwhile, the USB stick was pulled): ``workspace`` is then the closed
    one, and the window must close and let the clerk start again."""

    workspace: Workspace
    safety: Path | None = None  # the copy of the database as it was before
    error: AppError | None = None
    reopened: bool = True


def _bytes(path: Path) -> int:
    total = 0
    for candidate in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += candidate.stat().st_size
    return total


def _room_for(db_path: Path, backup: Path) -> AppError | None:
    """A restore writes the staged copy of the backup and a safety copy of the database
    before anything is replaced: refuse at once if the disk cannot hold them."""
    needed = _bytes(backup) + _bytes(db_path) + SPACE_MARGIN
    try:
        free = shutil.disk_usage(db_path.parent).free
    except OSError:
        return None  # cannot tell: the restore itself will say
    if free >= needed:
        return None
    return storage_error("storage.full", db_path, f"{free} < {needed} bytes")


def restore_refusal(ws: Workspace, backup: Path) -> AppError | None:
    """Why ``backup`` cannot be restored into ``ws`` (damaged, from a newer version, no
    room on the disk), or None: checked before anything is closed or dropped."""
    try:
        check_restorable(Path(backup))
        refused = _room_for(ws.db.path, Path(backup))
    except AppError as error:
        refused = error
    if refused is not None:
        log.info("restore of %s refused: %s", Path(backup).name, refused.code)
    return refused


def restore(ws: Workspace, backup: Path, *, checked: bool = False) -> Restored:
    """Restore ``backup`` into ``ws``'s data folder. ``ws`` is closed (the restore needs
    the only connection to the file) and a new workspace is returned in ``Restored``.

    A refusal the clerk can act on (a damaged backup, another program holding the
    database, a full disk) comes back in ``Restored.error`` with the database untouched.
    The backup is checked, and the free space counted, before ``ws`` is closed: a bad
    backup or a full disk costs nothing."""
    backup = Path(backup)
    refused = None if checked else restore_refusal(ws, backup)  # checked: just done
    if refused is not None:
        return Restored(ws, error=refused)
    data_dir, forms, db_path, policy = ws.data_dir, ws.forms, ws.db.path, ws.db.backups
    if policy is None:
        raise ValueError("this workspace was opened without a backup policy")
    ws.close()
    result = Restored(ws)
    try:
        result.safety = restore_backup(db_path, backup, policy)
        log.info(
            "restored %s; the database before it is %s",
            backup.name,
            result.safety.name if result.safety else "-",
        )
    except AppError as error:
        log.info("restore of %s refused: %s", backup.name, error.code)
        result.error = error
    finally:
        # Open again whatever happened: the window goes on with the data there is.
        try:
            result.workspace = Workspace.open(data_dir, forms=forms)
        except AppError as error:
            log.error("cannot open %s again after the restore: %s", data_dir, error.code)
            result.error, result.reopened = error, False
    return result


def folder_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups of a data folder whose database cannot be opened (newest first)."""
    return list_backups(BackupPolicy(Path(data_dir) / BACKUP_DIR), Path(DATABASE_NAME).stem)


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup of a data folder that holds data and reads whole: the one to
    offer when its database is lost or damaged (not merely the newest file, which may be
    a copy of an empty or damaged database)."""
    return newest_with_data(folder_backups(data_dir))


def clear_interrupted_copies(data_dir: Path) -> list[Path]:
    """Remove what a backup or restore killed before its end left in ``data_dir``. Only
    under the folder's lock (no restore can be running); a backup's half-written copy
    goes only once stale, as a command-line backup does not take the lock."""
    removed = discard_interrupted_copies(
        Path(data_dir) / DATABASE_NAME, BackupPolicy(Path(data_dir) / BACKUP_DIR)
    )
    for path in removed:
        log.warning("removed %s, left by a backup or restore interrupted before its end", path)
    return removed


def restore_folder(data_dir: Path, backup: Path) -> Path | None:
    """Restore ``backup`` into a data folder whose database cannot be opened (damaged by
    a power cut, say): the damaged file is kept beside the backups, raw, in case someone
    can rescue it. Returns that copy; AppError if the backup itself will not do."""
    policy = BackupPolicy(Path(data_dir) / BACKUP_DIR)
    db_path = Path(data_dir) / DATABASE_NAME
    check_restorable(Path(backup))  # a damaged backup says so, not "no room"
    refused = _room_for(db_path, Path(backup))
    if refused is not None:
        raise refused
    kept = restore_backup(db_path, Path(backup), policy)
    log.info("restored %s into %s; the database before it is %s", Path(backup).name,
             data_dir, kept.name if kept else "-")  # fmt: skip
    return kept


__all__ = [
    "BackupEntry",
    "Restored",
    "back_up_now",
    "backup_warning",
    "backups",
    "folder_backups",
    "newest_good_backup",
    "restore",
    "restore_folder",
    "restore_refusal",
]
