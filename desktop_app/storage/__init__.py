"""The local SQLite database: schema and migrations, reports and their audit log, backups.

Everything a clerk types is committed (and fsynced) before a save returns; see
``database.py`` for why and how, and ``backups.py`` for the rotating copies.

May import: ``storage``, ``core``.
"""

from .audit import AuditRow, history
from .backups import (
    BackupInfo,
    BackupPolicy,
    backup_now,
    list_backups,
    maybe_backup_on_open,
)
from .clock import now_iso
from .database import Database
from .exports import ExportRow, list_exports, record_export, report_version
from .migrations import LATEST_VERSION
from .reports import (
    STATUSES,
    ReportRow,
    get_or_create_report,
    get_report,
    get_report_by_id,
    list_reports,
    set_status,
)
from .restore import restore_backup
from .settings import (
    child_units,
    get_setting,
    get_unit,
    set_setting,
    unit_path,
    upsert_units,
)
from .values import (
    Change,
    get_comments,
    get_explanations,
    get_values,
    save_values,
    set_comment,
    set_explanation,
)

__all__ = [
    "LATEST_VERSION",
    "STATUSES",
    "AuditRow",
    "BackupInfo",
    "BackupPolicy",
    "Change",
    "Database",
    "ExportRow",
    "ReportRow",
    "backup_now",
    "child_units",
    "get_comments",
    "get_explanations",
    "get_or_create_report",
    "get_report",
    "get_report_by_id",
    "get_setting",
    "get_unit",
    "get_values",
    "history",
    "list_backups",
    "list_exports",
    "list_reports",
    "maybe_backup_on_open",
    "now_iso",
    "record_export",
    "report_version",
    "restore_backup",
    "save_values",
    "set_comment",
    "set_explanation",
    "set_setting",
    "set_status",
    "unit_path",
    "upsert_units",
]
