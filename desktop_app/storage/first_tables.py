"""The tables as first created, as migration steps 1 (the reporting unit's) and 3 (the
receiving unit's) create them: their SQL, kept apart from the steps because a released
step never changes, and because these two are most of the schema's text. Later changes
to these tables are later steps in ``migration_steps``, not edits here.

May import: nothing.
"""

# Values are TEXT and stay text: the core hands over canonical strings ("12.5", "1",
# "2026-03-01") and SQLite's TEXT affinity never turns a string into a number.
# Reports and audit rows are never deleted, so audit_log.report_id has no ON DELETE.
REPORTING_TABLES = (
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
RECEIVING_TABLES = (
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


__all__ = ["RECEIVING_TABLES", "REPORTING_TABLES"]
