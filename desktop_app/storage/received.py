"""Every file a receiving unit was given (schema v3, table ``received_files``): when, which
file, its sha256 and where its bytes are kept, the verdict and, for a refusal, the
reason code and message. Rejected files get this row and nothing else, so the officer
can always show what arrived when, and the merged tables stay exactly as they were.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .database import Database

VERDICTS = ("accepted", "duplicate", "superseding", "conflict", "rejected")

_COLUMNS = (
    "id, received_at, received_by, file_name, source_path, size, sha256, stored_path, "
    "verdict, reason_code, check_number, message_vi, message_en, unit_code, form_id, "
    "period, revision, data_sha256, signer_fingerprint, submission_id"
)
_FIELDS = tuple(c.strip() for c in _COLUMNS.split(","))


@dataclass(frozen=True)
class ReceivedFile:
    id: int
    received_at: str
    received_by: str
    file_name: str
    source_path: str
    size: int
    sha256: str
    stored_path: str | None  # relative to the data directory; None if too large to keep
    verdict: str
    reason_code: str | None
    check_number: int | None
    message_vi: str | None
    message_en: str | None
    unit_code: str | None  # as the packet claims it, even for a rejected one
    form_id: str | None
    period: str | None
    revision: int | None
    data_sha256: str | None
    signer_fingerprint: str | None
    submission_id: int | None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def insert_received(db: Database, **values: Any) -> ReceivedFile:
    """Add a row (inside the caller's transaction); ``received_at`` defaults to now."""
    values.setdefault("received_at", db.now())
    unknown = set(values) - set(_FIELDS)
    if unknown:
        raise TypeError(f"unknown received_files columns: {sorted(unknown)}")
    names = [n for n in _FIELDS if n in values]
    cursor = db.execute(
        f"INSERT INTO received_files ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [values[n] for n in names],
    )
    row = get_received(db, int(cursor.lastrowid or 0))
    assert row is not None
    return row


def get_received(db: Database, received_id: int) -> ReceivedFile | None:
    row = db.fetchone(f"SELECT {_COLUMNS} FROM received_files WHERE id = ?", (received_id,))
    return ReceivedFile(*row) if row else None


def list_received(
    db: Database,
    *,
    unit_code: str | None = None,
    form_id: str | None = None,
    period: str | None = None,
    after_id: int = 0,
    limit: int | None = None,
) -> list[ReceivedFile]:
    """Received files, oldest first (``after_id``: only those received since)."""
    where = ["id > ?"]
    params: list[int | str] = [after_id]
    for column, value in (("unit_code", unit_code), ("form_id", form_id), ("period", period)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"SELECT {_COLUMNS} FROM received_files WHERE {' AND '.join(where)} ORDER BY id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [ReceivedFile(*r) for r in db.fetchall(sql, params)]


def files_of_submissions(db: Database, form_id: str, period: str) -> dict[int, ReceivedFile]:
    """submission id → the received file that brought it (the first one: a later
    duplicate of the same revision names the same submission but did not bring it)."""
    rows = db.fetchall(
        f"SELECT {_COLUMNS} FROM received_files WHERE form_id = ? AND period = ?"
        " AND submission_id IS NOT NULL AND verdict != 'duplicate' ORDER BY id",
        (form_id, period),
    )
    found: dict[int, ReceivedFile] = {}
    for row in rows:
        received = ReceivedFile(*row)
        assert received.submission_id is not None
        found.setdefault(received.submission_id, received)
    return found


def is_named(db: Database, stored_path: str) -> bool:
    """Whether any row names this kept copy (else it is an orphan that can go)."""
    return db.fetchone("SELECT 1 FROM received_files WHERE stored_path = ? LIMIT 1",
                       (stored_path,)) is not None  # fmt: skip


__all__ = [
    "VERDICTS",
    "ReceivedFile",
    "files_of_submissions",
    "get_received",
    "insert_received",
    "is_named",
    "list_received",
]
