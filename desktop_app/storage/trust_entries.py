"""The trust list's rows (schema v3, table ``trust_entries``): which certificate may sign
for which unit, or which issuing CA is trusted. Plain rows here; reading certificates and
the rules of who may be registered are in ``receiving.trust_store``.

An entry is never deleted. Replacing or revoking one sets ``ended_at`` with who, why
and (for a replacement) the entry that took its place: the officer can always show
which certificate was trusted for a unit on a given day.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .audit import write_audit
from .database import Database

_COLUMNS = (
    "id, unit_code, is_ca, fingerprint, subject, issuer, not_before, not_after, der, "
    "added_at, added_by, note, ended_at, ended_by, end_reason, end_note, replaced_by"
)


@dataclass(frozen=True)
class TrustEntry:
    id: int
    unit_code: str | None  # None: a CA trusted for any unit its certificates name
    is_ca: bool
    fingerprint: str  # "AA:BB:…", certs.fingerprint
    subject: str
    issuer: str
    not_before: str  # ISO 8601, UTC
    not_after: str
    der: bytes
    added_at: str
    added_by: str
    note: str
    ended_at: str | None
    ended_by: str | None
    end_reason: str | None  # "replaced" | "revoked"
    end_note: str | None  # the officer's reason
    replaced_by: int | None

    @property
    def active(self) -> bool:
        return self.ended_at is None

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "der"}


def _row(row: tuple) -> TrustEntry:
    values = list(row)
    values[2] = bool(values[2])
    values[8] = bytes(values[8])
    return TrustEntry(*values)


def list_entries(db: Database, *, include_ended: bool = False) -> list[TrustEntry]:
    """Entries by unit (CAs first), oldest first within a unit."""
    where = "" if include_ended else " WHERE ended_at IS NULL"
    sql = f"SELECT {_COLUMNS} FROM trust_entries{where} ORDER BY coalesce(unit_code, ''), id"
    return [_row(r) for r in db.fetchall(sql)]


def active_for(db: Database, unit_code: str) -> list[TrustEntry]:
    """The active entries that may vouch for ``unit_code``: its own and every CA not bound
    to another unit."""
    sql = (
        f"SELECT {_COLUMNS} FROM trust_entries WHERE ended_at IS NULL"
        " AND (unit_code = ? OR (is_ca = 1 AND unit_code IS NULL)) ORDER BY id"
    )
    return [_row(r) for r in db.fetchall(sql, (unit_code,))]


def by_fingerprint(db: Database, fingerprint: str) -> list[TrustEntry]:
    """Every entry (active or ended) for a certificate, newest first."""
    sql = f"SELECT {_COLUMNS} FROM trust_entries WHERE fingerprint = ? ORDER BY id DESC"
    return [_row(r) for r in db.fetchall(sql, (fingerprint,))]


def get_entry(db: Database, entry_id: int) -> TrustEntry | None:
    row = db.fetchone(f"SELECT {_COLUMNS} FROM trust_entries WHERE id = ?", (entry_id,))
    return _row(row) if row else None


def insert_entry(
    db: Database,
    *,
    unit_code: str | None,
    is_ca: bool,
    fingerprint: str,
    subject: str,
    issuer: str,
    not_before: str,
    not_after: str,
    der: bytes,
    user: str,
    note: str = "",
) -> TrustEntry:
    """Add an entry and its audit row (kind ``trust_add``) inside the caller's transaction
    or a new one."""
    with db.transaction():
        now = db.now()
        cursor = db.execute(
            "INSERT INTO trust_entries (unit_code, is_ca, fingerprint, subject, issuer,"
            " not_before, not_after, der, added_at, added_by, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (unit_code, int(is_ca), fingerprint, subject, issuer, not_before, not_after,
             der, now, user, note),
        )  # fmt: skip
        target = unit_code or "CA"
        write_audit(db, [(now, user, None, "trust_add", target, None, fingerprint)])
        entry = get_entry(db, int(cursor.lastrowid or 0))
    assert entry is not None
    return entry


def insert_revoked(
    db: Database,
    *,
    unit_code: str,
    fingerprint: str,
    subject: str,
    issuer: str,
    not_before: str,
    not_after: str,
    der: bytes,
    user: str,
    note: str,
) -> TrustEntry:
    """Record a certificate that was never registered (one a trusted CA issued) as
    revoked for ``unit_code`` from now: an entry born ended, audited as ``trust_revoke``
    only (it was never trusted through the list)."""
    with db.transaction():
        now = db.now()
        cursor = db.execute(
            "INSERT INTO trust_entries (unit_code, is_ca, fingerprint, subject, issuer,"
            " not_before, not_after, der, added_at, added_by, note, ended_at, ended_by,"
            " end_reason, end_note) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, 'revoked', ?)",
            (unit_code, fingerprint, subject, issuer, not_before, not_after, der, now, user,
             now, user, note),
        )  # fmt: skip
        write_audit(db, [(now, user, None, "trust_revoke", unit_code, fingerprint, note)])
        entry = get_entry(db, int(cursor.lastrowid or 0))
    assert entry is not None
    return entry


def end_entry(
    db: Database,
    entry_id: int,
    *,
    reason: str,
    note: str,
    user: str,
    replaced_by: int | None = None,
    at: str | None = None,
) -> TrustEntry:
    """End an active entry (``reason`` "replaced" or "revoked"), audited as
    ``trust_replace`` / ``trust_revoke`` with the officer's note."""
    with db.transaction():
        now = at or db.now()
        db.execute(
            "UPDATE trust_entries SET ended_at = ?, ended_by = ?, end_reason = ?,"
            " end_note = ?, replaced_by = ? WHERE id = ? AND ended_at IS NULL",
            (now, user, reason, note, replaced_by, entry_id),
        )
        entry = get_entry(db, entry_id)
        assert entry is not None
        new = None if replaced_by is None else get_entry(db, replaced_by)
        write_audit(
            db,
            [
                (
                    db.now(),
                    user,
                    None,
                    f"trust_{'replace' if reason == 'replaced' else 'revoke'}",
                    entry.unit_code or "CA",
                    entry.fingerprint,
                    new.fingerprint if new else note,
                )
            ],
        )
    return entry


__all__ = [
    "TrustEntry",
    "active_for",
    "by_fingerprint",
    "end_entry",
    "get_entry",
    "insert_entry",
    "insert_revoked",
    "list_entries",
]
