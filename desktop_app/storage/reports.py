"""Reports: one unit × form × period, its status and revision (DESIGN §2).

A report is ``draft`` while being filled, ``exported`` once a packet is made, then
``accepted`` or ``returned`` by the receiving unit. Any edit to a report that is not a
draft reopens it as a draft with the next revision number, so a packet exported again
can never carry different data under a revision the district already holds.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.messages import AppError, Text
from .audit import write_audit
from .database import Database

STATUSES = ("draft", "exported", "accepted", "returned")

_COLUMNS = (
    "id, unit_code, form_id, form_version, period, status, revision, "
    "created_at, updated_at, exported_at"
)


@dataclass(frozen=True)
class ReportRow:
    id: int
    unit_code: str
    form_id: str
    form_version: str
    period: str
    status: str
    revision: int
    created_at: str
    updated_at: str
    exported_at: str | None


def _no_report(report_id: int) -> AppError:
    return AppError(
        "storage.no_report",
        Text(f"Không có báo cáo số {report_id}.", f"There is no report number {report_id}."),
        report_id=report_id,
    )


def _unknown_unit(unit_code: str) -> AppError:
    return AppError(
        "storage.unknown_unit",
        Text(
            f"Đơn vị {unit_code} chưa có trong dữ liệu; hãy thiết lập đơn vị trước.",
            f"Unit {unit_code} is not in the database; set the unit up first.",
        ),
        unit_code=unit_code,
    )


def get_report(db: Database, unit_code: str, form_id: str, period: str) -> ReportRow | None:
    row = db.fetchone(
        f"SELECT {_COLUMNS} FROM reports WHERE unit_code = ? AND form_id = ? AND period = ?",
        (unit_code, form_id, period),
    )
    return ReportRow(*row) if row else None


def get_report_by_id(db: Database, report_id: int) -> ReportRow | None:
    row = db.fetchone(f"SELECT {_COLUMNS} FROM reports WHERE id = ?", (report_id,))
    return ReportRow(*row) if row else None


def get_or_create_report(
    db: Database, unit_code: str, form_id: str, form_version: str, period: str
) -> ReportRow:
    """The report for unit × form × period, created as an empty draft if there is none.

    An existing report keeps the form version it was started with."""
    with db.transaction():
        existing = get_report(db, unit_code, form_id, period)
        if existing is not None:
            return existing
        if db.fetchone("SELECT 1 FROM units WHERE code = ?", (unit_code,)) is None:
            raise _unknown_unit(unit_code)
        now = db.now()
        db.execute(
            "INSERT INTO reports (unit_code, form_id, form_version, period, status, revision,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, 'draft', 1, ?, ?)",
            (unit_code, form_id, form_version, period, now, now),
        )
        created = get_report(db, unit_code, form_id, period)
    assert created is not None
    return created


def list_reports(
    db: Database,
    unit_code: str | None = None,
    form_id: str | None = None,
    period: str | None = None,
) -> list[ReportRow]:
    """Reports matching every filter given, by unit, form and period."""
    where, params = [], []
    for column, value in (("unit_code", unit_code), ("form_id", form_id), ("period", period)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {_COLUMNS} FROM reports"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY unit_code, form_id, period"
    return [ReportRow(*row) for row in db.fetchall(sql, params)]


def report_state(db: Database, report_id: int) -> tuple[str, int]:
    """(status, revision); AppError "storage.no_report" if there is no such report."""
    row = db.fetchone("SELECT status, revision FROM reports WHERE id = ?", (report_id,))
    if row is None:
        raise _no_report(report_id)
    return row[0], row[1]


def mark_edited(db: Database, report_id: int, state: tuple[str, int], user: str, now: str) -> None:
    """Record that the report's content changed, inside the caller's transaction:
    bump updated_at and, if it had left draft, reopen it as the next revision."""
    status, revision = state
    if status == "draft":
        db.execute("UPDATE reports SET updated_at = ? WHERE id = ?", (now, report_id))
        return
    db.execute(
        "UPDATE reports SET status = 'draft', revision = ?, updated_at = ? WHERE id = ?",
        (revision + 1, now, report_id),
    )
    write_audit(
        db,
        [
            (now, user, report_id, "status", None, status, "draft"),
            (now, user, report_id, "revision", None, str(revision), str(revision + 1)),
        ],
    )


def set_status(
    db: Database, report_id: int, status: str, user: str, *, exported_at: str | None = None
) -> ReportRow:
    """Move a report to ``status`` (audited). Marking it exported records ``exported_at``
    (default: now); the revision only changes when an edit reopens the report."""
    if status not in STATUSES:
        raise ValueError(f"unknown report status {status!r}; expected one of {STATUSES}")
    with db.transaction():
        old, _ = report_state(db, report_id)
        now = db.now()
        if status == "exported" and exported_at is None:
            exported_at = now
        if old != status or exported_at is not None:
            db.execute(
                "UPDATE reports SET status = ?, updated_at = ?,"
                " exported_at = coalesce(?, exported_at) WHERE id = ?",
                (status, now, exported_at, report_id),
            )
        if old != status:
            write_audit(db, [(now, user, report_id, "status", None, old, status)])
        row = get_report_by_id(db, report_id)
    assert row is not None
    return row
