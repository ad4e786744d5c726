"""The audit log: who changed what, when, from what to what (DESIGN §2).

Rows are only ever appended. ``kind`` says what changed and ``target`` which one:

=============  =================  ==============================================
kind           target             old / new
=============  =================  ==============================================
value          field id           stored text (NULL = blank)
comment        field id           comment text
explanation    rule id            the clerk's explanation of a warning
status         NULL               report status (draft, exported, ...)
revision       NULL               revision number, when an edit reopens a report
setting        setting key        JSON text
export         packet file name   new = sha256 of the packet's data.json
children       period:code        a declared child (action, name) as JSON
import         the file's name    new = what was imported, as JSON
=============  =================  ==============================================

Later code (imports, merges) may add kinds; readers must accept unknown ones.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .database import Database

AuditEntry = tuple[str, str, int | None, str, str | None, str | None, str | None]
"""(at, user, report_id, kind, target, old, new), the columns in write order."""

_INSERT = (
    "INSERT INTO audit_log (at, user, report_id, kind, target, old, new) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_COLUMNS = "id, at, user, report_id, kind, target, old, new"


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: str
    user: str
    report_id: int | None
    kind: str
    target: str | None
    old: str | None
    new: str | None


def write_audit(db: Database, entries: Iterable[AuditEntry]) -> None:
    """Append rows; call inside the transaction that makes the change, so the change
    and its record are committed together or not at all."""
    db.conn.executemany(_INSERT, entries)


def history(
    db: Database, report_id: int | None, target: str | None = None, *, limit: int | None = None
) -> list[AuditRow]:
    """A report's audit rows (settings' if ``report_id`` is None), newest first; only
    those about one field or rule if ``target`` is given.

    Ordered by insertion, not by timestamp: a PC clock set wrong and corrected later
    must not shuffle the story."""
    where = ["report_id = ?" if report_id is not None else "report_id IS NULL"]
    params: list[object] = [] if report_id is None else [report_id]
    if target is not None:
        where.append("target = ?")
        params.append(target)
    sql = f"SELECT {_COLUMNS} FROM audit_log WHERE {' AND '.join(where)} ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [AuditRow(*row) for row in db.fetchall(sql, params)]
