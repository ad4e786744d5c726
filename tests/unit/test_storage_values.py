"""Reports, values, comments, explanations, settings and units, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from desktop_app.core.messages import AppError
from desktop_app.core.units import Unit
from desktop_app.storage import (
    Change,
    Database,
    child_units,
    get_comments,
    get_explanations,
    get_or_create_report,
    get_report,
    get_report_by_id,
    get_setting,
    get_unit,
    get_values,
    history,
    list_reports,
    save_values,
    set_comment,
    set_explanation,
    set_setting,
    set_status,
    upsert_units,
)

VN = timezone(timedelta(hours=7))


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 8, 0, tzinfo=VN)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


UNITS = [
    Unit("06", "Tỉnh Bắc Kạn", "province", None, "legacy"),
    Unit("064", "Huyện Chợ Đồn", "district", "06", "legacy"),
    ("02083", "Xã Đồng Lạc", "commune", "064", "legacy"),
    ("02080", "Xã Bình Trung", "commune", "064", "legacy"),
]


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def db(tmp_path, clock):
    database = Database.open(tmp_path / "data.sqlite3", clock=clock)
    upsert_units(database, UNITS)
    yield database
    database.close()


@pytest.fixture
def report(db):
    return get_or_create_report(db, "02080", "cntt-xa", "2026.1", "2026")


def _audit_count(db) -> int:
    return db.fetchone("SELECT count(*) FROM audit_log")[0]


# -- reports -----------------------------------------------------------------------


def test_a_new_report_is_an_empty_draft(db, report):
    assert report.status == "draft" and report.revision == 1
    assert report.created_at == report.updated_at == "2026-03-01T08:00:00+07:00"
    assert report.exported_at is None
    assert get_values(db, report.id) == {}
    assert get_or_create_report(db, "02080", "cntt-xa", "2027.1", "2026") == report
    assert get_report(db, "02080", "cntt-xa", "2026") == report
    assert get_report(db, "02080", "cntt-xa", "2025") is None


def test_list_reports_filters(db, report):
    other = get_or_create_report(db, "02083", "cntt-xa", "2026.1", "2026")
    get_or_create_report(db, "02080", "cntt-xa", "2025.1", "2025")
    assert [r.period for r in list_reports(db, "02080")] == ["2025", "2026"]
    assert list_reports(db, period="2026") == [report, other]
    assert list_reports(db, "02080", "cntt-huyen") == []
    assert len(list_reports(db)) == 3


def test_a_report_needs_a_known_unit(db):
    with pytest.raises(AppError) as caught:
        get_or_create_report(db, "99999", "cntt-xa", "2026.1", "2026")
    assert caught.value.code == "storage.unknown_unit"


# -- values ------------------------------------------------------------------------


def test_values_round_trip_as_exact_text(db, report):
    values = {
        "cbcc_tong": "25",
        "ngan_sach": "12.50",
        "ma": "007",
        "co_lan": "1",
        "ngay": "2026-03-01",
    }
    changes = save_values(db, report.id, values, "Chị Lan")
    assert {c.field_id for c in changes} == set(values)
    assert get_values(db, report.id) == values
    types = db.fetchall("SELECT DISTINCT typeof(value) FROM report_values")
    assert types == [("text",)]


def test_non_text_values_are_refused_before_anything_is_written(db, report):
    with pytest.raises(TypeError):
        save_values(db, report.id, {"a": "1", "b": 0.1}, "x")  # type: ignore[dict-item]
    assert get_values(db, report.id) == {}


def test_blank_deletes_the_value(db, report, clock):
    save_values(db, report.id, {"a": "1", "b": "2"}, "lan")
    clock.advance(minutes=1)
    assert save_values(db, report.id, {"a": None, "c": None}, "lan") == [Change("a", "1", None)]
    assert get_values(db, report.id) == {"b": "2"}
    assert history(db, report.id, "a")[0].new is None


def test_unchanged_values_write_nothing(db, report, clock):
    save_values(db, report.id, {"a": "1", "b": "2"}, "lan")
    audit_rows = _audit_count(db)
    before = get_report_by_id(db, report.id)
    writes = db.conn.total_changes
    clock.advance(hours=1)

    assert save_values(db, report.id, {"a": "1", "b": "2", "gone": None}, "lan") == []

    assert db.conn.total_changes == writes
    assert _audit_count(db) == audit_rows
    assert get_report_by_id(db, report.id) == before


def test_only_real_changes_are_written_and_audited(db, report, clock):
    save_values(db, report.id, {"a": "1", "b": "2"}, "lan")
    clock.advance(minutes=5)
    changes = save_values(db, report.id, {"a": "1", "b": "3", "c": "4"}, "hoa")
    assert changes == [Change("b", "2", "3"), Change("c", None, "4")]
    rows = history(db, report.id)
    assert [(r.kind, r.target, r.old, r.new, r.user) for r in rows[:2]] == [
        ("value", "c", None, "4", "hoa"),
        ("value", "b", "2", "3", "hoa"),
    ]
    assert rows[0].at == "2026-03-01T08:05:00+07:00"
    assert get_report_by_id(db, report.id).updated_at == "2026-03-01T08:05:00+07:00"
    stored = db.fetchone(
        "SELECT updated_at, updated_by FROM report_values WHERE report_id = ? AND field_id = 'b'",
        (report.id,),
    )
    assert stored == ("2026-03-01T08:05:00+07:00", "hoa")


def test_one_save_is_one_transaction(db, report):
    with pytest.raises(RuntimeError), db.transaction():
        save_values(db, report.id, {"a": "1"}, "lan")
        set_comment(db, report.id, "a", "ghi chú", "lan")
        raise RuntimeError("power cut stand-in")
    assert get_values(db, report.id) == {}
    assert get_comments(db, report.id) == {}
    assert _audit_count(db) == 0


def test_editing_an_exported_report_makes_a_new_revision(db, report, clock):
    save_values(db, report.id, {"a": "1"}, "lan")
    clock.advance(days=1)
    exported = set_status(db, report.id, "exported", "lan")
    assert exported.status == "exported" and exported.revision == 1
    assert exported.exported_at == "2026-03-02T08:00:00+07:00"

    clock.advance(days=1)
    save_values(db, report.id, {"a": "2"}, "lan")
    reopened = get_report_by_id(db, report.id)
    assert (reopened.status, reopened.revision) == ("draft", 2)
    assert reopened.exported_at == exported.exported_at  # when revision 1 went out

    kinds = [(r.kind, r.old, r.new) for r in history(db, report.id)]
    assert kinds[:4] == [
        ("value", "1", "2"),
        ("revision", "1", "2"),
        ("status", "exported", "draft"),
        ("status", "draft", "exported"),
    ]
    # A further edit of the draft stays in revision 2.
    save_values(db, report.id, {"a": "3"}, "lan")
    assert get_report_by_id(db, report.id).revision == 2


def test_a_returned_report_reopens_on_edit(db, report):
    set_status(db, report.id, "exported", "lan", exported_at="2026-03-05T10:00:00+07:00")
    set_status(db, report.id, "returned", "phòng VHTT")
    set_comment(db, report.id, "a", "Đã sửa theo yêu cầu", "lan")
    row = get_report_by_id(db, report.id)
    assert (row.status, row.revision, row.exported_at) == ("draft", 2, "2026-03-05T10:00:00+07:00")


def test_set_status_rejects_unknown_status_and_report(db, report):
    with pytest.raises(ValueError):
        set_status(db, report.id, "sent", "lan")
    with pytest.raises(AppError) as caught:
        set_status(db, 9999, "exported", "lan")
    assert caught.value.code == "storage.no_report"
    with pytest.raises(AppError):
        save_values(db, 9999, {"a": "1"}, "lan")


# -- comments, explanations, history ----------------------------------------------


def test_comments_are_set_replaced_removed_and_audited(db, report):
    assert set_comment(db, report.id, "a", "Số liệu ước tính", "lan") == Change(
        "a", None, "Số liệu ước tính"
    )
    assert set_comment(db, report.id, "a", "Số liệu ước tính", "lan") is None
    set_comment(db, report.id, "a", "Số liệu chính thức", "lan")
    assert get_comments(db, report.id) == {"a": "Số liệu chính thức"}
    set_comment(db, report.id, "a", "", "lan")
    assert get_comments(db, report.id) == {}
    assert [(r.kind, r.old, r.new) for r in history(db, report.id, "a")] == [
        ("comment", "Số liệu chính thức", None),
        ("comment", "Số liệu ước tính", "Số liệu chính thức"),
        ("comment", None, "Số liệu ước tính"),
    ]


def test_explanations_are_kept_per_rule(db, report):
    set_explanation(db, report.id, "r1", "Xã mới sáp nhập", "lan")
    set_explanation(db, report.id, "r2", "Máy hỏng chờ thay", "lan")
    set_explanation(db, report.id, "r2", None, "lan")
    assert get_explanations(db, report.id) == {"r1": "Xã mới sáp nhập"}
    assert [r.kind for r in history(db, report.id, "r2")] == ["explanation", "explanation"]


def test_history_is_newest_first_and_per_target(db, report, clock):
    for i in range(3):
        clock.advance(minutes=1)
        save_values(db, report.id, {"a": str(i), "b": str(i * 10)}, "lan")
    rows = history(db, report.id, "a")
    assert [r.new for r in rows] == ["2", "1", "0"]
    assert all(r.target == "a" and r.report_id == report.id for r in rows)
    assert len(history(db, report.id)) == 6
    assert len(history(db, report.id, limit=2)) == 2


# -- integrity -----------------------------------------------------------------------


def test_foreign_keys_are_enforced(db, report):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO report_values VALUES (9999, 'a', '1', '2026-03-01T08:00:00+07:00', 'x')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            "INSERT INTO reports (unit_code, form_id, form_version, period, created_at,"
            " updated_at) VALUES ('nope', 'f', '1', '2026', 'x', 'x')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("DELETE FROM units WHERE code = '02080'")


# -- settings and units ------------------------------------------------------------


def test_settings_are_json_and_audited(db):
    assert get_setting(db, "profile") is None
    assert get_setting(db, "profile", {}) == {}
    profile = {"unit_code": "02080", "clerk": "Nguyễn Thị Lan", "scale": 1.5, "ok": True}
    assert set_setting(db, "profile", profile, user="admin") is True
    assert get_setting(db, "profile") == profile
    assert set_setting(db, "profile", dict(reversed(profile.items())), user="admin") is False
    assert set_setting(db, "profile", None, user="admin") is True
    assert get_setting(db, "profile") is None
    rows = history(db, None, "profile")
    assert [(r.kind, r.old is None, r.new is None, r.user) for r in rows] == [
        ("setting", False, True, "admin"),
        ("setting", True, False, "admin"),
    ]
    assert "Nguyễn Thị Lan" in rows[1].new  # readable, not \\u escapes


def test_units_upsert_get_and_children(db):
    assert get_unit(db, "064") == Unit("064", "Huyện Chợ Đồn", "district", "06", "legacy")
    assert get_unit(db, "nope") is None
    assert [u.code for u in child_units(db, "064")] == ["02080", "02083"]
    upsert_units(db, [{"code": "02080", "name": "Xã Bình Trung", "level": "commune",
                       "parent_code": "064", "catalogue": "current"}])  # fmt: skip
    assert get_unit(db, "02080").catalogue == "current"
    assert child_units(db, "02080") == []
