"""Backups from the command line, for the IT officer helping a commune by phone or a
script run at night: ``backups list [--json]``, ``backups create``, ``backups restore
FILE``. The same checks as the window's Sao lưu và khôi phục: a backup is checked whole
before anything is touched, the current database is itself backed up first, and the
file is swapped in one rename.

These commands do not open the folder first as the others do: ``list`` and ``restore``
must also work when the database is too damaged to open (a power cut on a failing disk),
and ``restore`` refuses while the window has the folder.

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from ..core.messages import AppError, Text
from ..storage.content import read_content
from ..storage.errors import storage_error
from ..storage.lost import when_text
from ..workspace import Workspace
from ..workspace.backups import (
    back_up_now,
    folder_entries,
    newest_good_backup,
    reason_label,
    restore_folder,
)
from ..workspace.instance_lock import InstanceLock, LockState
from ..workspace.workspace import BACKUP_DIR, DATABASE_NAME, folder_language
from .output import print_json, refuse, say

log = logging.getLogger(__name__)

NOT_FOUND = Text(
    "Không có tệp sao lưu {name} (các bản sao lưu nằm trong {folder}; xem: backups list).",
    "There is no backup file {name} (the backups are in {folder}; see: backups list).",
)
WINDOW_OPEN = Text(
    "Phần mềm đang mở cửa sổ trên thư mục dữ liệu {folder}: hãy đóng cửa sổ rồi khôi phục "
    "(hoặc khôi phục ngay trong cửa sổ: Công cụ → Sao lưu và khôi phục).",
    "The window is open on the data folder {folder}: close it and restore again (or restore "
    "from the window: Công cụ → Sao lưu và khôi phục).",
)


def add_backup_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    backups = commands.add_parser(
        "backups", parents=[common], help="sao lưu và khôi phục / backups and restore"
    )
    backup_cmd = backups.add_subparsers(
        dest="backups_command", metavar="list|create|restore", required=True
    )
    backup_cmd.add_parser("list", parents=[common], help="các bản sao lưu / the backups")
    backup_cmd.add_parser("create", parents=[common], help="sao lưu ngay / back up now")
    restore = backup_cmd.add_parser(
        "restore",
        parents=[common],
        help="khôi phục một bản sao lưu / restore a backup",
    )
    restore.add_argument(
        "backup", type=Path, help="tệp sao lưu (xem backups list) / the backup file"
    )


def _entry_dict(entry: Any) -> dict[str, Any]:
    return {
        "path": str(entry.path),
        "created": entry.created,
        "reason": entry.reason,
        "reason_text": reason_label(entry.reason),
        "size": entry.size,
        "reports": entry.reports,
        "values": entry.values,
        "received": entry.received,
    }


def _list(data_dir: Path, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~10 ms to import; the other commands skip it.
    from ..workspace.diagnostics import format_size

    entries = folder_entries(data_dir)
    if args.json:
        print_json({"ok": True, "backups": [_entry_dict(e) for e in entries]})
        return 0
    if not entries:
        say(Text("Chưa có bản sao lưu nào.", "No backups yet.").pick(lang))
        return 0
    say(Text("Mới nhất trước:", "Newest first:").pick(lang))
    for entry in entries:
        if entry.readable:
            holds = Text(
                f"{entry.reports} báo cáo, {entry.values} số liệu",
                f"{entry.reports} reports, {entry.values} figures",
            ).pick(lang)
        else:
            holds = Text("không đọc được", "unreadable").pick(lang)
        say(
            f"  {entry.created:%d/%m/%Y %H:%M}  {reason_label(entry.reason).pick(lang):<34} "
            f"{format_size(entry.size):>8}  {holds:<28} {entry.path.name}"
        )
    return 0


def _chosen_backup(data_dir: Path, named: Path) -> Path:
    backup = Path(named)
    try:
        if not backup.is_absolute() and not backup.exists():
            backup = data_dir / "backups" / backup  # as `backups list` names it
        found = backup.is_file()
    except OSError as exc:  # a folder this account may not read
        raise storage_error("storage.cannot_open", backup, str(exc)) from exc
    if not found:
        raise AppError(
            "backups.not_found",
            NOT_FOUND.format(name=str(named), folder=str(data_dir / "backups")),
            path=str(named),
        )
    return backup


def _restore(data_dir: Path, args: argparse.Namespace, lang: str) -> int:
    backup = _chosen_backup(data_dir, args.backup)
    # The folder is not opened for work first: its backup on open would rotate out the
    # oldest backup, maybe the one chosen, and a damaged database must restore too.
    # restore_folder backs the current database up itself (raw if it cannot be read).
    safety = restore_folder(data_dir, backup)
    if args.json:
        print_json({"ok": True, "restored": str(backup), "before": str(safety or "")})
        return 0
    say(Text(f"Đã khôi phục {backup.name}.", f"Restored {backup.name}.").pick(lang))
    if safety is not None:
        say(
            Text(
                f"Số liệu trước khi khôi phục được giữ ở {safety}.",
                f"The data as it was before is kept in {safety}.",
            ).pick(lang)
        )
    return 0


def _create(data_dir: Path, args: argparse.Namespace) -> int:
    with Workspace.open(data_dir) as ws:
        path = back_up_now(ws)
    lang = args.lang or folder_language(data_dir) or "vi"
    if args.json:
        print_json({"ok": True, "backup": str(path)})
    else:
        say(Text(f"Đã sao lưu: {path}", f"Backed up: {path}").pick(lang))
    return 0


DAMAGED_HINT = Text(
    "Bản sao lưu tốt mới nhất: {name}, lúc {when}, {reports} báo cáo. Khôi phục: "
    "desktop-app backups restore {name}",
    "The newest good backup: {name}, of {when}, holding {reports} report(s). To restore it: "
    "desktop-app backups restore {name}",
)
NO_GOOD_BACKUP = Text(
    "Không có bản sao lưu nào đọc được trong {folder}.",
    "There is no readable backup in {folder}.",
)


def with_backup_hint(error: AppError, data_dir: Path) -> AppError:
    """A damaged database's refusal, with the newest good backup to restore named (the
    damage itself says only "restore it from a backup")."""

    database = Path(data_dir) / DATABASE_NAME
    if error.code != "storage.corrupt" or error.details.get("path") != str(database):
        return error
    newest = newest_good_backup(data_dir)
    if newest is None:
        hint = NO_GOOD_BACKUP.format(folder=Path(data_dir) / BACKUP_DIR)
        details = dict(error.details, backup=None)
    else:
        content = read_content(newest.path)
        reports = content.reports if content else 0
        when = when_text(newest.created)
        hint = DAMAGED_HINT.format(name=newest.path.name, when=when, reports=reports)
        details = dict(error.details, backup=str(newest.path), reports=reports)
    message = Text(f"{error.message.vi}\n{hint.vi}", f"{error.message.en}\n{hint.en}")
    return AppError(error.code, message, **details)


def run_backups(args: argparse.Namespace, data_dir: Path) -> int:
    command = args.backups_command
    lock = InstanceLock()
    try:
        if command == "create":
            return _create(data_dir, args)
        if command == "restore" and lock.acquire(data_dir) == LockState.TAKEN:
            raise AppError(
                "backups.window_open", WINDOW_OPEN.format(folder=data_dir), folder=str(data_dir)
            )
        lang = args.lang or folder_language(data_dir) or "vi"
        if command == "list":
            return _list(data_dir, args, lang)
        return _restore(data_dir, args, lang)
    except AppError as error:
        log.info("cli backups %s refused: %s", command, error.code)
        return refuse(with_backup_hint(error, data_dir), args.json)
    except Exception:
        log.exception("cli backups %s failed", command)
        raise
    finally:
        lock.release()


__all__ = ["add_backup_parsers", "run_backups", "with_backup_hint"]
