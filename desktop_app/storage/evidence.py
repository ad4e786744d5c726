"""Evidence files (tài liệu kiểm chứng) in the database (schema v8): the unit's own
report's attachments (``report_evidence``, one row a file, on a field) and those of each
submission received (``submission_evidence``, one row a packet member). The bytes are a
BLOB beside their name, media type, size and sha256, so the single-file backup carries
them and nothing depends on a folder the clerk may tidy away.

Adding or removing a file of the own report is a change of its content: it reopens an
exported report like a value does, and leaves an audit row (kind ``evidence``, target
the field id, old/new the file as JSON) in the same transaction.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from .audit import write_audit
from .database import Database
from .reports import mark_edited, report_state


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    field_id: str
    name: str
    media_type: str
    size: int
    sha256: str
    added_at: str
    added_by: str

    def described(self) -> str:
        return json.dumps(
            {"id": self.id, "name": self.name, "size": self.size, "sha256": self.sha256},
            ensure_ascii=False,
            sort_keys=True,
        )


@dataclass(frozen=True)
class ReceivedEvidenceRow:
    submission_id: int
    member: str
    field_id: str
    name: str
    media_type: str
    size: int
    sha256: str


_OWN = "id, field_id, name, media_type, size, sha256, added_at, added_by"


def report_evidence(db: Database, report_id: int) -> list[EvidenceRow]:
    """The report's files, by field then in the order they were added (no bytes)."""
    rows = db.fetchall(
        f"SELECT {_OWN} FROM report_evidence WHERE report_id = ? ORDER BY field_id, id",
        (report_id,),
    )
    return [EvidenceRow(*row) for row in rows]


def evidence_counts(db: Database, report_id: int) -> dict[str, int]:
    """field id → how many files it has (fields without files absent)."""
    rows = db.fetchall(
        "SELECT field_id, count(*) FROM report_evidence WHERE report_id = ? GROUP BY field_id",
        (report_id,),
    )
    return {fid: int(n) for fid, n in rows}


def evidence_content(db: Database, report_id: int, evidence_id: int) -> bytes | None:
    row = db.fetchone(
        "SELECT content FROM report_evidence WHERE report_id = ? AND id = ?",
        (report_id, evidence_id),
    )
    return None if row is None else bytes(row[0])


def add_evidence(
    db: Database,
    report_id: int,
    field_id: str,
    *,
    name: str,
    media_type: str,
    sha256: str,
    content: bytes,
    user: str,
) -> EvidenceRow:
    """Keep one file on a field, audited; reopens an exported report."""
    with db.transaction():
        state = report_state(db, report_id)
        now = db.now()
        mark_edited(db, report_id, state, user, now)
        cursor = db.execute(
            "INSERT INTO report_evidence (report_id, field_id, name, media_type, size, sha256,"
            " content, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (report_id, field_id, name, media_type, len(content), sha256, content, now, user),
        )
        row = EvidenceRow(
            int(cursor.lastrowid or 0), field_id, name, media_type, len(content), sha256, now, user
        )
        write_audit(db, [(now, user, report_id, "evidence", field_id, None, row.described())])
    return row


def remove_evidence(
    db: Database, report_id: int, evidence_id: int, user: str
) -> EvidenceRow | None:
    """Take one file off the report, audited; None if there is no such file."""
    with db.transaction():
        found = [r for r in report_evidence(db, report_id) if r.id == evidence_id]
        if not found:
            return None
        row = found[0]
        state = report_state(db, report_id)
        now = db.now()
        mark_edited(db, report_id, state, user, now)
        db.execute(
            "DELETE FROM report_evidence WHERE report_id = ? AND id = ?", (report_id, evidence_id)
        )
        write_audit(db, [(now, user, report_id, "evidence", row.field_id, row.described(), None)])
    return row


def keep_received_evidence(
    db: Database,
    submission_id: int,
    files: Iterable[tuple[str, str, str, str, str, bytes]],
) -> None:
    """A received submission's evidence, (member, field, name, media type, sha256,
    bytes) each; inside the caller's transaction (the one that keeps the submission)."""
    db.conn.executemany(
        "INSERT INTO submission_evidence (submission_id, member, field_id, name, media_type,"
        " size, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (submission_id, member, fid, name, media, len(data), digest, data)
            for member, fid, name, media, digest, data in files
        ],
    )


def received_evidence(db: Database, submission_id: int) -> list[ReceivedEvidenceRow]:
    rows = db.fetchall(
        "SELECT submission_id, member, field_id, name, media_type, size, sha256"
        " FROM submission_evidence WHERE submission_id = ? ORDER BY member",
        (submission_id,),
    )
    return [ReceivedEvidenceRow(*row) for row in rows]


def received_content(db: Database, submission_id: int, member: str) -> bytes | None:
    row = db.fetchone(
        "SELECT content FROM submission_evidence WHERE submission_id = ? AND member = ?",
        (submission_id, member),
    )
    return None if row is None else bytes(row[0])


__all__ = [
    "EvidenceRow",
    "ReceivedEvidenceRow",
    "add_evidence",
    "evidence_content",
    "evidence_counts",
    "keep_received_evidence",
    "received_content",
    "received_evidence",
    "remove_evidence",
    "report_evidence",
]
