"""A real database for the backup tests: commune 02080 with one 2026 report holding a
value, and the backup policy they rotate under (three kept, one an hour at most)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app.storage import (
    BackupPolicy,
    Database,
    get_or_create_report,
    save_values,
    upsert_units,
)

T0 = datetime(2026, 11, 23, 2, 0, 0)


def hourly_policy(folder: Path) -> BackupPolicy:
    return BackupPolicy(folder / "backups", keep=3, min_interval_s=3600)


def fill(db_path: Path, value: str = "1") -> int:
    """The report's id, with ``value`` saved in its field ``a``."""
    with Database.open(db_path) as db:
        upsert_units(db, [("02080", "Xã Bình Trung", "commune", None, "legacy")])
        report = get_or_create_report(db, "02080", "cntt-xa", "2026.1", "2026")
        save_values(db, report.id, {"a": value}, "lan")
        return report.id
