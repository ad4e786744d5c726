"""What each field of the entry window shows and why (workspace/field_state.py), without a
screen, on a real database file: the window's promises about typed text, marks and
missing required fields are kept here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_app.core.validation import UNSAVED
from desktop_app.storage import get_or_create_report, get_values, save_values
from desktop_app.workspace import Workspace
from desktop_app.workspace.field_state import FieldStates
from desktop_app.workspace.session import ReportSession
from desktop_app.workspace.setup_unit import setup_unit


@pytest.fixture
def ws(tmp_path):
    with Workspace.open(tmp_path / "data") as workspace:
        setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Lan", "Hoàng Văn Minh")
        yield workspace


@pytest.fixture
def fields(ws):
    return FieldStates(ReportSession.open(ws, "cntt-xa", "2026"))


def stored(fields):
    report = fields.session.report
    return {} if report is None else get_values(fields.session.ws.db, report.id)


def test_a_blank_report_counts_missing_fields_and_marks_none(fields):
    required = [f.id for f in fields.form.input_fields if f.required]
    assert fields.missing() == required
    assert not [p for p in fields.problems() if p.code == "required"]
    assert all(fields.marker(fid) == ("", []) for fid in required)
    first = fields.section_counts()[0]
    assert (first.filled, first.missing, first.errors, first.flagged) == (0, 8, 0, False)

    assert fields.flag("ha_tang") and not fields.flag("ha_tang")
    marked = [p.field_id for p in fields.problems() if p.code == "required"]
    assert marked == [f.id for f in fields.form.sections[0].fields if f.required]
    severity, why = fields.marker("cbcc_tong")
    assert severity == "error" and why[0].vi.startswith("Chưa nhập")
    assert fields.marker("vb_di_tong") == ("", [])  # section II not left yet
    assert fields.flag_all() and not fields.flag_all()
    assert fields.marker("vb_di_tong")[0] == "error"


def test_a_value_saved_after_a_refusal_is_clean_whatever_rule_it_breaks(fields):
    fields.commit("cbcc_tong", "10")
    state = fields.edit("cbcc_co_may_tinh", "hai mươi")
    assert state.unsaved and state.reason is not None
    assert not fields.commit("cbcc_co_may_tinh", "hai mươi").saved
    assert fields.typed_fields() == ["cbcc_co_may_tinh"]
    assert [p.code for p in fields.unsaved_problems()] == [UNSAVED]

    fields.edit("cbcc_co_may_tinh", "30")
    assert fields["cbcc_co_may_tinh"].reason is None  # valid, still being typed
    outcome = fields.commit("cbcc_co_may_tinh", "30")
    assert outcome.saved and outcome.changed
    assert stored(fields)["cbcc_co_may_tinh"] == "30"
    assert fields.typed_fields() == [] and fields.unsaved_problems() == []
    severity, why = fields.marker("cbcc_co_may_tinh")  # the rule, not "unsaved"
    assert severity == "error" and "không được lớn hơn" in why[0].vi


def test_a_refusal_names_no_field_id(fields):
    fields.edit("cbcc_co_may_tinh", "hai mươi")
    why = fields["cbcc_co_may_tinh"].reason
    assert "cbcc_co_may_tinh" not in why.vi + why.en
    assert "«hai mươi»" in why.vi
    fields.edit("cbcc_tong", "0")  # below the minimum of 1
    why = fields["cbcc_tong"].reason
    assert "cbcc_tong" not in why.vi + why.en and "≥ 1" in why.vi


def test_typed_back_to_the_saved_value_is_nothing_to_lose(fields):
    fields.commit("kinh_phi_cntt", "85,5")
    assert fields["kinh_phi_cntt"].saved == "85,5"
    fields.edit("kinh_phi_cntt", "9")
    assert fields.typed_fields() == ["kinh_phi_cntt"]
    fields.edit("kinh_phi_cntt", "85,5")
    assert fields.typed_fields() == []
    # the same value typed another way is saved unchanged and shown the Vietnamese way
    outcome = fields.commit("kinh_phi_cntt", "85.5")
    assert outcome.saved and not outcome.changed and fields["kinh_phi_cntt"].shown == "85,5"


LONG = ("Đường truyền cáp quang tới trụ sở xã chập chờn vào mùa mưa; " * 60)[:3990].strip()


def test_a_save_that_fails_keeps_the_text_until_a_retry_saves_it(fields):
    fields.commit("cbcc_tong", "21")
    db = fields.session.ws.db
    db.conn.execute("PRAGMA max_page_count = 1")  # SQLITE_FULL, like a full disk
    outcome = fields.commit("kho_khan_vuong_mac", LONG)
    assert not outcome.saved and outcome.failure is not None
    state = fields["kho_khan_vuong_mac"]
    assert state.typed == LONG and state.failure is not None
    assert fields.marker("kho_khan_vuong_mac")[0] == "failed"
    fields.edit("kho_khan_vuong_mac", LONG[:-1])  # still typing: the failure stays said
    assert fields["kho_khan_vuong_mac"].reason == state.failure
    db.conn.execute("PRAGMA max_page_count = 1073741823")
    assert fields.commit("kho_khan_vuong_mac", LONG[:-1]).saved
    assert fields.typed_fields() == []


def test_typed_text_stays_over_a_value_changed_by_undo(fields):
    session = fields.session
    fields.commit("cbcc_tong", "10")
    fields.commit("may_tinh_tong", "5")
    fields.edit("cbcc_tong", "mười")  # refused text typed over the 10
    session.undo()  # may_tinh_tong back to blank
    session.undo()  # cbcc_tong back to blank, under the typed text
    fields.sync()
    assert fields["may_tinh_tong"].shown == ""
    state = fields["cbcc_tong"]
    assert (state.saved, state.typed) == ("", "mười") and state.reason is not None
    session.redo()  # 10 again: still under the typed text
    fields.sync()
    assert fields["cbcc_tong"].shown == "mười" and fields["cbcc_tong"].saved == "10"
    fields.edit("cbcc_tong", "")  # typed to blank while 10 is saved
    session.undo()  # blank saved: the typed text equals it, nothing is unsaved
    fields.sync()
    assert fields.typed_fields() == []


def test_revert_drops_only_what_the_clerk_said(fields):
    fields.commit("cbcc_tong", "10")
    fields.edit("cbcc_tong", "hai")
    fields.edit("may_tinh_tong", "bốn")
    fields.revert("cbcc_tong")
    assert fields["cbcc_tong"].shown == "10"
    assert fields.typed_fields() == ["may_tinh_tong"]


def test_hints_and_section_counts(ws):
    last = get_or_create_report(ws.db, "02080", "cntt-xa", "2026.1", "2025")
    save_values(ws.db, last.id, {"may_tinh_tong": "10"}, "x")
    fields = FieldStates(ReportSession.open(ws, "cntt-xa", "2026"))
    fields.commit("may_tinh_tong", "30")  # tripled since last period
    assert "kỳ trước" in fields.hint("may_tinh_tong").vi
    fields.commit("kinh_phi_cntt", "1.500")  # money: the reading is said
    assert "1500" in fields.hint("kinh_phi_cntt").vi
    assert fields.session.value("kinh_phi_cntt") == Decimal(1500)
    fields.commit("vb_di_tong", "1.500")  # a count: nothing to say
    assert fields.hint("vb_di_tong") is None
    fields.edit("cbcc_tong", "abc")
    first = fields.section_counts()[0]
    assert (first.filled, first.unsaved, first.missing) == (1, 1, 7)


def test_a_saved_value_shows_as_it_will_after_reopening(ws):
    fields = FieldStates(ReportSession.open(ws, "cntt-xa", "2026"))
    fields.commit("kinh_phi_da_chi", "12,0")
    fields.commit("kinh_phi_cntt", "1.234,50")
    shown = (fields["kinh_phi_da_chi"].shown, fields["kinh_phi_cntt"].shown)
    fields.session.undo()
    fields.session.redo()
    fields.sync()
    again = FieldStates(ReportSession.open(ws, "cntt-xa", "2026"))
    assert shown == ("12", "1.234,5")
    assert (fields["kinh_phi_cntt"].shown, again["kinh_phi_cntt"].shown) == ("1.234,5",) * 2
    assert again["kinh_phi_da_chi"].shown == "12"
