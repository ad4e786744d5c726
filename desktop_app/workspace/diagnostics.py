"""What the district's IT officer needs to know about an installation: versions, where
the data is, how big the database is and its schema version, the unit, the backups, and
the log. The About window shows it; ``write_bundle`` packs it into a zip to send.

The bundle holds the information text and the log files, never the database or the
signing keys: it may travel by e-mail or Zalo.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

import contextlib
import platform
import sqlite3
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module, metadata
from pathlib import Path

from .. import __version__
from ..core.durable import replacing
from ..storage import list_backups
from ..storage.migrations import LATEST_VERSION, user_version
from .logs import log_files, log_path
from .workspace import Workspace

# (label, distribution name, module and attribute to fall back on): a one-folder build
# may carry no package metadata, and the module's own attribute is cheap for these.
_LIBRARIES = (
    ("pyHanko", "pyHanko", "pyhanko.version", "__version__"),
    ("openpyxl", "openpyxl", "openpyxl", "__version__"),
    ("reportlab", "reportlab", "reportlab", "Version"),
    ("cryptography", "cryptography", "cryptography", "__version__"),
    ("sqlite-utils", "sqlite-utils", None, None),
)


@dataclass(frozen=True)
class Diagnostics:
    app_version: str
    versions: list[tuple[str, str]]  # (product, version): Python, Qt, SQLite, pyHanko…
    system: str
    data_dir: Path
    database: Path
    database_bytes: int  # the file and its -wal
    schema_version: int
    unit: str  # "02080 – Xã Bình Trung", or "" before set-up
    log_file: Path
    backups: int
    newest_backup: str  # its file name, or ""

    def as_text(self) -> str:
        """Plain text for the clipboard and the bundle, labels in both languages (the IT
        officer may read one or the other)."""
        lines = [
            "Báo cáo ứng dụng CNTT – thông tin chẩn đoán / diagnostics",
            "",
            f"Phiên bản phần mềm / Application version: {self.app_version}",
        ]
        lines += [f"{name}: {version}" for name, version in self.versions]
        lines += [
            f"Hệ điều hành / OS: {self.system}",
            f"Thư mục dữ liệu / Data folder: {self.data_dir}",
            f"Cơ sở dữ liệu / Database: {self.database} ({format_size(self.database_bytes)})",
            f"Phiên bản lược đồ / Schema version: {self.schema_version} (mới nhất / latest {LATEST_VERSION})",
            f"Đơn vị / Unit: {self.unit or '—'}",
            f"Nhật ký / Log: {self.log_file}",
            f"Bản sao lưu / Backups: {self.backups}"
            + (f" (mới nhất / newest {self.newest_backup})" if self.newest_backup else ""),
        ]
        return "\n".join(lines) + "\n"


def format_size(size: int) -> str:
    """``1,2 MB``, ``340 KB``: the Vietnamese decimal comma, as everywhere in the window."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    if size >= 1_000:
        return f"{round(size / 1_000)} KB"
    return f"{size} B"


def library_version(distribution: str, module: str | None, attribute: str | None) -> str:
    with contextlib.suppress(metadata.PackageNotFoundError, ValueError):
        return metadata.version(distribution)
    if module and attribute:
        with contextlib.suppress(ImportError, AttributeError):
            return str(getattr(import_module(module), attribute))
    return "?"


def system_description() -> str:
    """The full description, e.g. ``Windows-10-10.0.19045-SP0`` or ``Linux-6.1…-glibc2.36``,
    with the distribution's name where the system says it."""

    described = platform.platform()
    with contextlib.suppress(OSError, AttributeError):
        pretty = platform.freedesktop_os_release().get("PRETTY_NAME")
        if pretty:
            described = f"{pretty} ({described})"
    return described


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def collect(ws: Workspace, extra_versions: Iterable[tuple[str, str]] = ()) -> Diagnostics:
    """The installation as it is now (the UI adds Qt's and PySide6's versions)."""
    versions = [
        ("Python", sys.version.split()[0]),
        *extra_versions,
        ("SQLite", sqlite3.sqlite_version),
        *[(label, library_version(*where)) for label, *where in _LIBRARIES],
    ]
    db_path = ws.db.path
    size = _file_size(db_path) + _file_size(db_path.with_name(db_path.name + "-wal"))
    profile = ws.profile
    unit = f"{profile.unit_code} – {profile.unit_name}" if profile else ""
    backups = list_backups(ws.db.backups, db_path.stem) if ws.db.backups else []
    return Diagnostics(
        app_version=__version__,
        versions=versions,
        system=system_description(),
        data_dir=Path(ws.data_dir).absolute(),
        database=db_path.absolute(),
        database_bytes=size,
        schema_version=user_version(ws.db.conn),
        unit=unit,
        log_file=log_path(ws.data_dir).absolute(),
        backups=len(backups),
        newest_backup=backups[0].path.name if backups else "",
    )


def write_bundle(data_dir: Path, target: Path, info_text: str) -> Path:
    """A zip at ``target`` with ``thong-tin.txt`` (the information text) and the log
    files under ``logs/``; nothing else from the data folder. Written beside the target
    and renamed when complete. ``OSError`` as it comes when the disk refuses it (the
    About window says so in its own words), so ``core.durable``'s writer, not storage's."""
    target = Path(target)
    # The zip closes before the rename (the managers leave in reverse order).
    with (
        replacing(target) as partial,
        zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as bundle,
    ):
        bundle.writestr("thong-tin.txt", info_text)
        for path in log_files(data_dir):
            with contextlib.suppress(OSError):  # rotated away meanwhile
                bundle.write(path, f"logs/{path.name}")
    return target


__all__ = ["Diagnostics", "collect", "format_size", "library_version", "write_bundle"]
