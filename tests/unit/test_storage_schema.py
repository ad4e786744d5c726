"""The database file: pragmas, schema versions, refusals, transactions (real SQLite files)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
import sqlite_utils

from desktop_app.core.messages import AppError
from desktop_app.storage import LATEST_VERSION, Database, list_backups, now_iso
from desktop_app.storage.backups import BackupPolicy
from desktop_app.storage.errors import translate
from desktop_app.storage.migration_steps import MIGRATIONS
from desktop_app.storage.migrations import migrate
from desktop_app.storage.submissions import find_submissions

VN = timezone(timedelta(hours=7))


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "data.sqlite3"


def _tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def test_pragmas_are_really_on(path):
    with Database.open(path) as db:
        assert db.fetchone("PRAGMA synchronous") == (2,)  # FULL
        assert db.fetchone("PRAGMA foreign_keys") == (1,)
        assert db.fetchone("PRAGMA busy_timeout")[0] >= 1000
    # WAL is a property of the file: a plain connection sees it too.
    plain = sqlite3.connect(path)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        plain.close()


def test_fresh_file_migrates_from_zero(path):
    assert not path.exists()
    with Database.open(path) as db:
        assert path.parent.is_dir()
        assert db.fetchone("PRAGMA user_version") == (LATEST_VERSION,) == (8,)
        assert {
            "units",
            "settings",
            "reports",
            "report_values",
            "comments",
            "explanations",
            "audit_log",
            "exports",
            "submissions",
            "prefills",
            "report_evidence",
            "submission_evidence",
        } <= _tables(db.conn)
        indexes = {name for (name,) in db.fetchall("SELECT name FROM sqlite_master")}
        assert "audit_log_report_target" in indexes
        assert db.utils["reports"].pks == ["id"]
        assert db.utils["report_values"].pks == ["report_id", "field_id"]
        assert db.utils["prefills"].pks == ["report_id", "field_id"]


def test_reopening_changes_nothing(path):
    Database.open(path).close()
    with Database.open(path) as db:
        assert db.fetchone("PRAGMA user_version") == (LATEST_VERSION,)


def test_status_is_constrained(path):
    with Database.open(path) as db:
        db.execute("INSERT INTO units VALUES ('1', 'Xã A', 'commune', NULL, 'custom')")
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO reports (unit_code, form_id, form_version, period, status,"
                " created_at, updated_at) VALUES ('1', 'f', '1', '2026', 'sent', 'x', 'x')"
            )


def test_newer_schema_is_refused_untouched(path):
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(AppError) as caught:
        Database.open(path, backups=BackupPolicy(path.parent / "backups"))

    assert caught.value.code == "storage.too_new"
    assert caught.value.details["version"] == 99
    assert "99" in caught.value.message.vi and "newer" in caught.value.message.en
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["data.sqlite3"]


def test_migration_backs_up_an_existing_database_first(path):
    policy = BackupPolicy(path.parent / "backups")
    with Database.open(path) as db:
        db.execute("INSERT INTO settings VALUES ('k', '\"v\"')")

    def v2(utils: sqlite_utils.Database) -> None:
        utils.execute("ALTER TABLE reports ADD COLUMN note TEXT")

    conn = sqlite3.connect(path, isolation_level=None)
    started = migrate(
        sqlite_utils.Database(conn), path, backups=policy, migrations=[*MIGRATIONS, v2]
    )
    assert started == LATEST_VERSION
    assert conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION + 1,)
    conn.close()

    [backup] = list_backups(policy)
    assert backup.reason == f"before-v{LATEST_VERSION + 1}"
    old = sqlite3.connect(backup.path)
    assert old.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)
    assert old.execute("SELECT value FROM settings").fetchall() == [('"v"',)]
    old.close()


def test_a_version_3_database_gains_the_prefills_table_and_keeps_its_reports(path):
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(sqlite_utils.Database(conn), path, migrations=MIGRATIONS[:3])
    conn.execute("INSERT INTO units VALUES ('064', 'Huyện Chợ Đồn', 'district', '06', 'legacy')")
    conn.execute(
        "INSERT INTO reports (unit_code, form_id, form_version, period, created_at, updated_at)"
        " VALUES ('064', 'cntt-huyen', '2026.1', '2026', 'x', 'x')"
    )
    conn.close()
    policy = BackupPolicy(path.parent / "backups")
    with Database.open(path, backups=policy) as db:
        assert db.fetchone("PRAGMA user_version") == (LATEST_VERSION,)
        assert "prefills" in _tables(db.conn)
        assert db.fetchall("SELECT unit_code, form_id FROM reports") == [("064", "cntt-huyen")]
        db.execute("INSERT INTO prefills VALUES (1, 'xa_so_don_vi', '20', 's', '{}', 'x', 'u')")
        with pytest.raises(sqlite3.IntegrityError):  # a pre-fill belongs to a report
            db.execute("INSERT INTO prefills VALUES (9, 'f', '1', 's', '{}', 'x', 'u')")
    assert [b.reason for b in list_backups(policy)] == [f"before-v{LATEST_VERSION}"]


def test_a_version_4_database_gains_each_submissions_parent_code_from_its_data_json(path):
    """The parent unit a packet names was read again from every data.json at each
    consolidation; version 5 keeps it in its own column, filled from what is stored."""
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(sqlite_utils.Database(conn), path, migrations=MIGRATIONS[:4])
    units = {
        "02080": {"code": "02080", "name": "Xã Bình Trung", "parent_code": "064"},
        "02083": {"code": "02083", "name": "Xã Yên Phong", "parent_code": "19"},
        "064": {"code": "064", "name": "Huyện Chợ Đồn", "parent_code": None},
        "02047": {"code": "02047", "name": "Xã Lương Bằng"},  # a packet naming no parent
    }
    for index, (code, unit) in enumerate(units.items(), start=1):
        data = json.dumps({"format": "cntt-data/1", "unit": unit, "values": {}})
        conn.execute(
            "INSERT INTO submissions (unit_code, unit_name, form_id, form_version, period,"
            " revision, data_sha256, created_at, signed_at, received_at, packet_path,"
            " signer_fingerprint, signer_name, data_json, state) VALUES"
            " (?, ?, 'cntt-xa', '2026.1', '2026', 1, ?, 'x', 'x', 'x', 'p.zip', 'AA', 's', ?,"
            " 'current')",
            (code, unit["name"], str(index) * 64, data),
        )
    conn.close()
    policy = BackupPolicy(path.parent / "backups")
    with Database.open(path, backups=policy) as db:
        assert db.fetchone("PRAGMA user_version") == (LATEST_VERSION,)
        found = dict(db.fetchall("SELECT unit_code, parent_code FROM submissions"))
        assert found == {"02080": "064", "02083": "19", "064": None, "02047": None}
        [held] = find_submissions(db, "cntt-xa", "2026", "02083", with_data=False)
        assert held.parent_code == "19" and held.unit_name == "Xã Yên Phong"
    assert [b.reason for b in list_backups(policy)] == [f"before-v{LATEST_VERSION}"]


def test_a_failing_migration_leaves_the_previous_version(path):
    Database.open(path).close()

    def broken(utils: sqlite_utils.Database) -> None:
        utils.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("bug in migration")

    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(sqlite_utils.Database(conn), path, migrations=[*MIGRATIONS, broken])
    assert conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)
    assert "half_done" not in _tables(conn)
    conn.close()


def test_someone_elses_sqlite_file_is_refused(path):
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name)")
    conn.commit()
    conn.close()
    with pytest.raises(AppError) as caught:
        Database.open(path)
    assert caught.value.code == "storage.foreign"


def test_a_file_that_is_not_a_database_is_reported_corrupt(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 200)
    with pytest.raises(AppError) as caught:
        Database.open(path)
    assert caught.value.code == "storage.corrupt"
    assert "data.sqlite3" in caught.value.message.vi


def test_a_directory_in_place_of_the_file_cannot_be_opened(path):
    path.mkdir(parents=True)
    with pytest.raises(AppError) as caught:
        Database.open(path)
    assert caught.value.code == "storage.cannot_open"


def test_writing_a_read_only_database_is_reported(path):
    Database.open(path).close()
    # A read-only connection gives the same SQLite error as a read-only file, and works
    # even when the tests run as root (who ignores file permissions).
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("INSERT INTO settings VALUES ('k', '1')")
    conn.close()
    error = translate(caught.value, path)
    assert error is not None and error.code == "storage.readonly"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_read_only_folder_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(AppError) as caught:
            Database.open(locked / "sub" / "data.sqlite3")
        assert caught.value.code == "storage.readonly"
    finally:
        locked.chmod(0o755)


def test_transaction_commits_or_rolls_back_whole(path):
    with Database.open(path) as db:
        with pytest.raises(LookupError), db.transaction():
            db.execute("INSERT INTO settings VALUES ('a', '1')")
            raise LookupError("any failure half-way")
        assert db.fetchall("SELECT key FROM settings") == []
        assert not db.conn.in_transaction

        with db.transaction():
            db.execute("INSERT INTO settings VALUES ('a', '1')")
        assert db.fetchall("SELECT key FROM settings") == [("a",)]


def test_nested_transactions_are_savepoints(path):
    with Database.open(path) as db:
        with db.transaction():
            db.execute("INSERT INTO settings VALUES ('outer', '1')")
            with pytest.raises(ValueError), db.transaction():
                db.execute("INSERT INTO settings VALUES ('inner', '1')")
                raise ValueError("inner fails")
            # sqlite-utils' own transactions nest the same way.
            db.utils["settings"].insert({"key": "utils", "value": "2"})
            assert db.conn.in_transaction
        assert sorted(db.fetchall("SELECT key FROM settings")) == [("outer",), ("utils",)]


def test_vietnamese_collation_is_registered_when_the_core_has_it(path):
    pytest.importorskip("desktop_app.core.collation").vi_sort_key  # noqa: B018
    with Database.open(path) as db:
        names = ["Xuân Lạc", "Đồng Lạc", "Bình Trung", "Đại Sảo"]
        for i, name in enumerate(names):
            db.execute("INSERT INTO units VALUES (?, ?, 'commune', NULL, 'custom')", (str(i), name))
        rows = db.fetchall("SELECT name FROM units ORDER BY name COLLATE vi")
    assert [r[0] for r in rows] == ["Bình Trung", "Đại Sảo", "Đồng Lạc", "Xuân Lạc"]


def test_now_iso_is_local_time_with_offset():
    assert now_iso(lambda: datetime(2026, 3, 1, 8, 30, 5, 123456, tzinfo=VN)).endswith("+07:00")
    text = now_iso()
    parsed = datetime.fromisoformat(text)
    assert parsed.tzinfo is not None
    assert abs((parsed - datetime.now(parsed.tzinfo)).total_seconds()) < 5


def test_close_twice_is_harmless(path):
    db = Database.open(path)
    db.close()
    db.close()


def test_a_version_5_database_gains_the_declared_children_table(tmp_path):
    from desktop_app.storage.declared_children import declared_children, save_declaration

    path = tmp_path / "data.sqlite3"
    old = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    migrate(old, path, migrations=MIGRATIONS[:5])
    old.conn.close()
    with Database.open(path) as db:
        assert db.fetchone("PRAGMA user_version") == (LATEST_VERSION,)
        save_declaration(db, "064", "2018", "02017", "add", "Xã Thử Một", "Bình")
        save_declaration(db, "064", "2018-Q1", "02017", "rename", "Xã Thử Một (Q1)", "Bình")
        [year] = declared_children(db, "064", "2018-Q2")
        [quarter] = declared_children(db, "064", "2018-Q1")
    assert (year.action, year.period) == ("add", "2018")  # a year's holds for its quarters
    assert (quarter.action, quarter.name) == ("rename", "Xã Thử Một (Q1)")  # the exact one wins
