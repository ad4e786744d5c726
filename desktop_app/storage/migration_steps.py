"""The schema's migration steps: one function per version, ``_vN`` taking a database
at version N-1 to version N. ``migrations`` runs them, each in its own transaction, and
records the version; a step only changes the schema (and fills what it adds).

To change the schema: write ``_vN`` at the end of this module, with a docstring saying
what the change keeps and why, and append it to ``MIGRATIONS``. A step receives a
``sqlite_utils.Database``: it can use ``table.transform()`` for the column changes
SQLite's ALTER TABLE cannot do.

May import: ``storage``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from .first_tables import RECEIVING_TABLES, REPORTING_TABLES

if TYPE_CHECKING:
    import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]


def _v1(db: sqlite_utils.Database) -> None:
    """The reporting unit's tables: units, settings, reports and their values, the audit log."""
    for statement in REPORTING_TABLES:
        db.execute(statement)


def _v2(db: sqlite_utils.Database) -> None:
    """Every packet exported: which revision, when, by whom, with which data (the sha256
    of its data.json), signed by which certificate, written where. Never deleted: it is
    the clerk's proof of what was sent, and re-exporting an unchanged report re-uses the
    revision and report date recorded here so its data.json hashes the same."""
    db.execute(
        """CREATE TABLE exports (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            exported_at TEXT NOT NULL,
            exported_by TEXT NOT NULL,
            report_date TEXT NOT NULL,
            data_sha256 TEXT NOT NULL,
            packet_name TEXT NOT NULL,
            path TEXT NOT NULL,
            signer_fingerprint TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX exports_report_revision ON exports(report_id, revision)")


def _v3(db: sqlite_utils.Database) -> None:
    """The receiving unit's tables: trust, received files, submissions, receipts."""
    for statement in RECEIVING_TABLES:
        db.execute(statement)


def _v4(db: sqlite_utils.Database) -> None:
    """Values of the unit's own report pre-filled from its children's consolidation
    (``prefill: children`` fields): the value as pre-filled (canonical text, as in
    report_values) and what it came from, so the window can mark a pre-filled field and
    show one the officer has since overridden. One row per field, replaced by the next
    pre-fill; each value change itself is in the audit log like any other."""
    db.execute(
        """CREATE TABLE prefills (
            report_id INTEGER NOT NULL REFERENCES reports(id),
            field_id TEXT NOT NULL,
            value TEXT,
            source TEXT NOT NULL,
            basis TEXT NOT NULL,
            prefilled_at TEXT NOT NULL,
            prefilled_by TEXT NOT NULL,
            PRIMARY KEY (report_id, field_id)
        ) WITHOUT ROWID"""
    )


def _v5(db: sqlite_utils.Database) -> None:
    """The parent unit each submission's packet names (``unit.parent_code`` of its
    data.json), in a column of its own: it tells an old unit's packet from the packet of
    a new unit that kept its code (``consolidation.merges``), which consolidation read
    again from every data.json. Filled from the data.json already stored (verified on
    receipt, so it parses), a few hundred at a time: a province holds thousands."""
    db.execute("ALTER TABLE submissions ADD COLUMN parent_code TEXT")
    last = 0
    while True:
        rows = db.execute(
            "SELECT id, data_json FROM submissions WHERE id > ? ORDER BY id LIMIT 500", (last,)
        ).fetchall()
        if not rows:
            return
        db.conn.executemany(
            "UPDATE submissions SET parent_code = ? WHERE id = ?",
            [(_named_parent(text), row_id) for row_id, text in rows],
        )
        last = rows[-1][0]


def _named_parent(data_json: str) -> str | None:
    unit = json.loads(data_json).get("unit") or {}
    parent = unit.get("parent_code")
    return parent if isinstance(parent, str) else None


def _v6(db: sqlite_utils.Database) -> None:
    """The children a receiving unit declared for a period where the catalogue cannot
    give that year's structure (Chợ Đồn counted 22 communes and towns in 2018, the
    catalogue shows 20): a code added, removed or renamed for one period (a year's
    declaration also holds for its quarters and months). One row per code and period,
    replaced by the next declaration; every change is an audit row ("children")."""
    db.execute(
        """CREATE TABLE declared_children (
            parent_code TEXT NOT NULL,
            period TEXT NOT NULL,
            code TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'remove', 'rename')),
            name TEXT,
            declared_at TEXT NOT NULL,
            declared_by TEXT NOT NULL,
            PRIMARY KEY (parent_code, period, code)
        ) WITHOUT ROWID"""
    )


def _v7(db: sqlite_utils.Database) -> None:
    """The receiving unit's appraisal of each self-assessed score item of a submission
    (``storage.appraisals``): the points it sets (the self-assessed ones when it accepts
    them) and why; one row per item, replaced by a later decision, each audited."""
    db.execute(
        """CREATE TABLE appraisals (
            submission_id INTEGER NOT NULL REFERENCES submissions(id),
            item_id TEXT NOT NULL,
            points TEXT NOT NULL,
            reason TEXT NOT NULL,
            appraised_at TEXT NOT NULL,
            appraised_by TEXT NOT NULL,
            PRIMARY KEY (submission_id, item_id)
        ) WITHOUT ROWID"""
    )


def _v8(db: sqlite_utils.Database) -> None:
    """Evidence files (tài liệu kiểm chứng, ``storage.evidence``), kept in the database
    itself so nothing is lost and the single-file backup carries them: the unit's own
    report's attachments per field, and those of each submission received (its packet's
    evidence members), for the receiving unit to open."""
    db.execute(
        """CREATE TABLE report_evidence (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id),
            field_id TEXT NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL CHECK (size > 0),
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            added_at TEXT NOT NULL,
            added_by TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX report_evidence_field ON report_evidence(report_id, field_id)")
    db.execute(
        """CREATE TABLE submission_evidence (
            submission_id INTEGER NOT NULL REFERENCES submissions(id),
            member TEXT NOT NULL,
            field_id TEXT NOT NULL,
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            PRIMARY KEY (submission_id, member)
        ) WITHOUT ROWID"""
    )


# In order: MIGRATIONS[N-1] takes version N-1 to N. Append, never reorder or edit a
# released step: databases in the field are at every version between.
MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8)
LATEST_VERSION = len(MIGRATIONS)


__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration"]
