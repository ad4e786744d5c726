"""Exported packets (schema v2, table ``exports``): one row per packet written, never
deleted, and the revision/status bookkeeping of an export, done inside the caller's
transaction together with the row.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .audit import write_audit
from .database import Database
from .reports import ReportRow, get_report_by_id, report_state, set_status

_COLUMNS = (
    "id, report_id, revision, exported_at, exported_by, report_date, data_sha256, "
    "packet_name, path, signer_fingerprint"
)


@dataclass(frozen=True)
class ExportRow:
    id: int
    report_id: int
    revision: int
    exported_at: str
    exported_by: str
    report_date: str  # ISO date printed in the report ("…, ngày 15 tháng 12 năm 2026")
    data_sha256: str
    packet_name: str
    path: str
    signer_fingerprint: str


def report_version(db: Database, report_id: int) -> tuple[str, int, int]:
    """(status, revision, last audit row): every change to the report's values, comments,
    explanations, status or revision, and to the settings its packet names (clerk,
    leader), writes an audit row; ids only grow, unlike second-resolution timestamps.
    Of the rows that name no report only settings count: receiving other units' packets
    (trust, receive, review) must not make the unit's own export look stale."""
    status, revision = report_state(db, report_id)
    row = db.fetchone(
        "SELECT coalesce(max(id), 0) FROM audit_log"
        " WHERE report_id = ? OR (report_id IS NULL AND kind = 'setting')",
        (report_id,),
    )
    assert row is not None
    return status, revision, row[0]


def list_exports(db: Database, report_id: int, revision: int | None = None) -> list[ExportRow]:
    """A report's exports (of one revision if given), oldest first."""
    sql = f"SELECT {_COLUMNS} FROM exports WHERE report_id = ?"
    params: list[object] = [report_id]
    if revision is not None:
        sql += " AND revision = ?"
        params.append(revision)
    return [ExportRow(*row) for row in db.fetchall(sql + " ORDER BY id", params)]


def record_export(
    db: Database,
    report_id: int,
    *,
    expected: tuple[str, int, int],
    revision: int,
    user: str,
    report_date: str,
    data_sha256: str,
    packet_name: str,
    place: Callable[[], str],
    signer_fingerprint: str,
) -> tuple[ReportRow, ExportRow] | None:
    """Mark the report exported at ``revision`` and add the export row, atomically.

    ``expected`` is the report's ``report_version`` when the packet was built. If the
    report changed meanwhile (an edit in the window while the export ran), nothing is
    written and None is returned. Otherwise ``place()`` puts the packet file
    in place (inside the transaction: if it fails, nothing is recorded) and returns its
    path. An accepted report re-exported unchanged stays accepted."""
    with db.transaction():
        if report_version(db, report_id) != expected:
            return None
        status, current = expected[0], expected[1]
        path = place()
        now = db.now()
        if revision != current:
            db.execute(
                "UPDATE reports SET revision = ?, updated_at = ? WHERE id = ?",
                (revision, now, report_id),
            )
            write_audit(db, [(now, user, report_id, "revision", None, str(current), str(revision))])
        keep = status == "accepted" and revision == current
        report = set_status(db, report_id, status if keep else "exported", user, exported_at=now)
        cursor = db.execute(
            f"INSERT INTO exports ({_COLUMNS.removeprefix('id, ')}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                report_id,
                revision,
                now,
                user,
                report_date,
                data_sha256,
                packet_name,
                path,
                signer_fingerprint,
            ),
        )
        write_audit(db, [(now, user, report_id, "export", packet_name, None, data_sha256)])
        row = db.fetchone(f"SELECT {_COLUMNS} FROM exports WHERE id = ?", (cursor.lastrowid,))
        report = get_report_by_id(db, report_id) or report
    assert row is not None
    return report, ExportRow(*row)


__all__ = ["ExportRow", "list_exports", "record_export", "report_version"]
