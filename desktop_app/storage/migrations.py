"""The schema, one numbered migration at a time, tracked in ``PRAGMA user_version``.

Migration N takes a database at version N-1 to version N inside one transaction, so a
power cut in the middle leaves the previous version intact. An existing database is
backed up before it is migrated: a migration that turns out wrong must not take the
clerks' data with it. A database newer than this program is refused untouched, so an
old copy of the application cannot damage what a newer one wrote.

Migrations receive a ``sqlite_utils.Database``: later ones can use ``table.transform()``
for the column changes SQLite's ALTER TABLE cannot do.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.messages import AppError, Text
from .backups import BackupPolicy, backup_now

if TYPE_CHECKING:
    import sqlite_utils

Migration = Callable[["sqlite_utils.Database"], None]

# Values are TEXT and stay text: the core hands over canonical strings ("12.5", "1",
# "2026-03-01") and SQLite's TEXT affinity never turns a string into a number.
# Reports and audit rows are never deleted, so audit_log.report_id has no ON DELETE.
_V1 = (
    """CREATE TABLE units (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        parent_code TEXT,
        catalogue TEXT NOT NULL CHECK (catalogue IN ('legacy', 'current', 'custom'))
    )""",
    "CREATE INDEX units_parent ON units(parent_code)",
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES units(code),
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        period TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'exported', 'accepted', 'returned')),
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        exported_at TEXT,
        UNIQUE (unit_code, form_id, period)
    )""",
    """CREATE TABLE report_values (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        field_id TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (report_id, field_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE comments (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        field_id TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (report_id, field_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE explanations (
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        rule_id TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (report_id, rule_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        report_id INTEGER REFERENCES reports(id),
        kind TEXT NOT NULL,
        target TEXT,
        old TEXT,
        new TEXT
    )""",
    "CREATE INDEX audit_log_report_target ON audit_log(report_id, target)",
)


def _v1(db: sqlite_utils.Database) -> None:
    for statement in _V1:
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


# The receiving side (a unit receiving its children's packets), and receipts both ways.
# trust_entries: which certificate (or issuing CA) may sign for which unit; an entry is
#   never deleted: replacing or revoking ends it (ended_at, end_reason), so the officer
#   can always show which key was trusted when.
# received_files: every file received, rejected ones included, with its verdict; the
#   bytes themselves are kept under <data dir>/received/, named by their sha256.
# submissions: each verified packet held, with its values (canonical JSON text, as in
#   data.json) in submission_values; ``state`` says which one counts (current), which
#   were replaced (superseded), which wait for the officer (pending: a same-revision
#   conflict) or were set aside by the officer's decision (discarded).
# receipts: receipts and return notes, issued (district) or received (commune).
_V3 = (
    """CREATE TABLE trust_entries (
        id INTEGER PRIMARY KEY,
        unit_code TEXT,
        is_ca INTEGER NOT NULL CHECK (is_ca IN (0, 1)),
        fingerprint TEXT NOT NULL,
        subject TEXT NOT NULL,
        issuer TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        der BLOB NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        ended_at TEXT,
        ended_by TEXT,
        end_reason TEXT CHECK (end_reason IN ('replaced', 'revoked')),
        end_note TEXT,
        replaced_by INTEGER REFERENCES trust_entries(id),
        CHECK (is_ca = 1 OR unit_code IS NOT NULL)
    )""",
    "CREATE INDEX trust_entries_unit ON trust_entries(unit_code)",
    "CREATE INDEX trust_entries_fingerprint ON trust_entries(fingerprint)",
    """CREATE TABLE received_files (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL,
        file_name TEXT NOT NULL,
        source_path TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        stored_path TEXT,
        verdict TEXT NOT NULL CHECK (verdict IN
            ('accepted', 'duplicate', 'superseding', 'conflict', 'rejected')),
        reason_code TEXT,
        check_number INTEGER,
        message_vi TEXT,
        message_en TEXT,
        unit_code TEXT,
        form_id TEXT,
        period TEXT,
        revision INTEGER,
        data_sha256 TEXT,
        signer_fingerprint TEXT,
        submission_id INTEGER REFERENCES submissions(id)
    )""",
    "CREATE INDEX received_files_unit ON received_files(unit_code, form_id, period)",
    """CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        unit_code TEXT NOT NULL,
        unit_name TEXT NOT NULL,
        form_id TEXT NOT NULL,
        form_version TEXT NOT NULL,
        period TEXT NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        data_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        packet_path TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        data_json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('current', 'superseded', 'pending', 'discarded')),
        review TEXT NOT NULL DEFAULT 'submitted'
            CHECK (review IN ('submitted', 'accepted', 'returned')),
        reviewed_at TEXT,
        reviewed_by TEXT,
        review_reason TEXT
    )""",
    "CREATE INDEX submissions_key ON submissions(form_id, period, unit_code, revision)",
    """CREATE UNIQUE INDEX submissions_one_current ON submissions(unit_code, form_id, period)
        WHERE state = 'current'""",
    """CREATE TABLE submission_values (
        submission_id INTEGER NOT NULL REFERENCES submissions(id),
        kind TEXT NOT NULL CHECK (kind IN ('input', 'computed', 'comment')),
        field_id TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (submission_id, kind, field_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE receipts (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('issued', 'received')),
        submission_id INTEGER REFERENCES submissions(id),
        report_id INTEGER REFERENCES reports(id),
        decision TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
        reason TEXT NOT NULL DEFAULT '',
        issuer_code TEXT NOT NULL,
        unit_code TEXT NOT NULL,
        form_id TEXT NOT NULL,
        period TEXT NOT NULL,
        revision INTEGER NOT NULL,
        data_sha256 TEXT NOT NULL,
        signer_fingerprint TEXT NOT NULL,
        file_name TEXT NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL
    )""",
)


def _v3(db: sqlite_utils.Database) -> None:
    for statement in _V3:
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


MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8)
LATEST_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    row: tuple[int] = conn.execute("PRAGMA user_version").fetchone()
    return row[0]


def check_not_too_new(
    conn: sqlite3.Connection, path: Path | str, known: int = LATEST_VERSION
) -> int:
    """The database's schema version; AppError "storage.too_new" if this program is
    older than the one that last wrote it."""
    version = user_version(conn)
    if version > known:
        name = Path(path).name
        raise AppError(
            "storage.too_new",
            Text(
                f"Tệp dữ liệu {name} được tạo bởi phiên bản mới hơn của phần mềm (lược đồ {version}, phiên bản này chỉ hiểu đến {known}). Hãy cài phiên bản mới; tệp không bị thay đổi.",
                f"The data file {name} was written by a newer version of this application (schema {version}, this one knows up to {known}). Install the newer version; the file was not changed.",
            ),
            path=str(path),
            version=version,
            known=known,
        )
    return version


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone() is not None


def _foreign_file(path: Path | str) -> AppError:
    name = Path(path).name
    return AppError(
        "storage.foreign",
        Text(
            f"{name} là một cơ sở dữ liệu SQLite nhưng không phải của phần mềm này; không dùng được làm tệp dữ liệu.",
            f"{name} is an SQLite database but not one of this application's; it cannot be used as the data file.",
        ),
        path=str(path),
    )


def migrate(
    db: sqlite_utils.Database,
    path: Path | str,
    *,
    backups: BackupPolicy | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
    now: datetime | None = None,
) -> int:
    """Bring the database up to ``len(migrations)``; returns the version it started at.

    Expects a connection in autocommit mode (``isolation_level=None``) outside any
    transaction."""
    conn = db.conn
    start = check_not_too_new(conn, path, len(migrations))
    if start == len(migrations):
        return start
    if start == 0 and _has_tables(conn):
        raise _foreign_file(path)
    if start > 0 and backups is not None:
        backup_now(conn, backups, f"before-v{len(migrations)}", now=now)
    for target, step in enumerate(migrations, start=1):
        if target <= start:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            if user_version(conn) < target:
                step(db)
                conn.execute(f"PRAGMA user_version = {int(target)}")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return start
