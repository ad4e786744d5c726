"""Receipts and return notes (schema v3, table ``receipts``): those a receiving unit
issued for its children's submissions, and those a unit received for its own reports.
Never deleted: each is the proof of a decision.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .database import Database

_COLUMNS = (
    "id, direction, submission_id, report_id, decision, reason, issuer_code, unit_code, "
    "form_id, period, revision, data_sha256, signer_fingerprint, file_name, path, sha256, at, by"
)
_FIELDS = tuple(c.strip() for c in _COLUMNS.split(","))


@dataclass(frozen=True)
class ReceiptRow:
    id: int
    direction: str  # "issued" | "received"
    submission_id: int | None  # issued: the child's submission it decides on
    report_id: int | None  # received: the unit's own report it is about
    decision: str  # "accepted" | "returned"
    reason: str
    issuer_code: str
    unit_code: str
    form_id: str
    period: str
    revision: int
    data_sha256: str
    signer_fingerprint: str
    file_name: str
    path: str  # where the receipt file was written (issued) or kept (received)
    sha256: str  # of the receipt file
    at: str
    by: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def insert_receipt(db: Database, **values: Any) -> ReceiptRow:
    """Add a row inside the caller's transaction; ``at`` defaults to now."""
    values.setdefault("at", db.now())
    names = [n for n in _FIELDS if n in values]
    cursor = db.execute(
        f"INSERT INTO receipts ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [values[n] for n in names],
    )
    row = db.fetchone(f"SELECT {_COLUMNS} FROM receipts WHERE id = ?", (cursor.lastrowid,))
    assert row is not None
    return ReceiptRow(*row)


def list_receipts(
    db: Database,
    direction: str,
    *,
    submission_id: int | None = None,
    report_id: int | None = None,
) -> list[ReceiptRow]:
    """Receipts issued or received (for one submission or report), newest first."""
    where = ["direction = ?"]
    params: list[int | str] = [direction]
    if submission_id is not None:
        where.append("submission_id = ?")
        params.append(submission_id)
    if report_id is not None:
        where.append("report_id = ?")
        params.append(report_id)
    sql = f"SELECT {_COLUMNS} FROM receipts WHERE {' AND '.join(where)} ORDER BY id DESC"
    return [ReceiptRow(*r) for r in db.fetchall(sql, params)]


__all__ = ["ReceiptRow", "insert_receipt", "list_receipts"]
