"""The data-entry session: what the window does, driven without a screen, on a real file."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from desktop_app.core.values import ValueRejected
from desktop_app.storage import get_or_create_report, save_values, set_setting, set_status
from desktop_app.workspace import Workspace
from desktop_app.workspace.session import ReportSession
from desktop_app.workspace.setup_unit import setup_unit


@pytest.fixture
def ws(tmp_path):
    with Workspace.open(tmp_path / "data") as workspace:
        setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Lan", "Hoàng Văn Minh")
        yield workspace


def _stored(ws, field_id):
    row = ws.db.fetchall("SELECT value FROM report_values WHERE field_id = ?", (field_id,))
    return row[0][0] if row else None


def test_commit_saves_at_once_and_recomputes(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    assert s.report is None  # nothing written until the first value
    s.commit("cbcc_tong", "23")
    result = s.commit("cbcc_co_may_tinh", "20")
    assert result.changed and result.value == 20
    assert s.value("ty_le_cbcc_co_may_tinh") == Decimal("87")
    # committed means on disk: another connection sees it
    other = sqlite3.connect(ws.data_dir / "data.sqlite3")
    assert other.execute(
        "SELECT value FROM report_values WHERE field_id='cbcc_co_may_tinh'"
    ).fetchone() == ("20",)
    other.close()


def test_vietnamese_and_plain_numbers_are_understood(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    assert s.commit("kinh_phi_cntt", "1.234,5").value == Decimal("1234.5")
    assert s.commit("kinh_phi_cntt", "1234.5").changed is False
    ambiguous = s.commit("kinh_phi_da_chi", "1.500")  # money: could have meant 1,5
    assert ambiguous.value == 1500 and ambiguous.warning is not None
    count = s.commit("ho_so_tiep_nhan", "1.500")  # a count cannot be 1,5: no warning
    assert count.value == 1500 and count.warning is None


def test_a_malformed_or_out_of_range_value_is_refused_and_nothing_changes(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    s.commit("cbcc_tong", "23")
    for bad in ("abc", "-3", "2,5"):
        with pytest.raises(ValueRejected):
            s.commit("cbcc_tong", bad)
    assert s.value("cbcc_tong") == 23 and _stored(ws, "cbcc_tong") == "23"


def test_rule_problem_appears_and_goes(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    s.commit("cbcc_tong", "10")
    s.commit("cbcc_co_may_tinh", "12")
    rules = [p.rule_id for p in s.result.errors if p.code == "rule"]
    assert rules, "a part above its whole must be an error"
    s.commit("cbcc_co_may_tinh", "9")
    assert not [p for p in s.result.errors if p.code == "rule" and p.rule_id in rules]


def test_undo_redo_are_saved_and_survive_reopening(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    s.commit("cbcc_tong", "23")
    s.commit("cbcc_tong", "25")
    assert s.undo() == ["cbcc_tong"] and s.value("cbcc_tong") == 23
    assert _stored(ws, "cbcc_tong") == "23"
    assert s.redo() == ["cbcc_tong"] and s.value("cbcc_tong") == 25
    s.undo()
    s.undo()
    assert s.value("cbcc_tong") is None and not s.can_undo
    again = ReportSession.open(ws, "cntt-xa", "2026")
    assert again.value("cbcc_tong") is None
    # a new edit after undo drops the redo branch
    s.commit("cbcc_tong", "30")
    assert not s.can_redo


def test_comment_explanation_and_history(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    s.commit("cbcc_tong", "23")
    s.commit("cbcc_tong", "24")
    s.set_comment("cbcc_tong", "Ti\u0301nh ca\u0309 công chức tăng cường ")  # Unikey, combining
    again = ReportSession.open(ws, "cntt-xa", "2026")
    assert again.comments["cbcc_tong"] == "Tính cả công chức tăng cường"
    rows = again.history("cbcc_tong")
    assert [(r.kind, r.old, r.new) for r in rows][-2:] == [
        ("value", "23", "24"),
        ("value", None, "23"),
    ]
    assert rows[0].kind == "comment" and rows[0].user == "Nguyễn Thị Lan"


def test_editing_an_exported_report_starts_a_new_revision(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    s.commit("cbcc_tong", "23")
    set_status(ws.db, s.report.id, "exported", ws.user)
    s = ReportSession.open(ws, "cntt-xa", "2026")
    assert s.status == "exported"
    result = s.commit("cbcc_tong", "24")
    assert result.new_revision == 2 and s.status == "draft" and s.revision == 2


def test_copy_from_previous_period_and_outlier_hint(ws):
    # last year's report, as an earlier installation of the application left it
    form = ws.forms.get("cntt-xa")
    last = get_or_create_report(ws.db, "02080", "cntt-xa", "2025.1", "2025")
    save_values(
        ws.db,
        last.id,
        {"cbcc_tong": "22", "co_cap_quang": "1", "ho_so_tiep_nhan": "400"},
        "earlier clerk",
    )
    assert form.fields["cbcc_tong"].copy_forward
    assert not form.fields["ho_so_tiep_nhan"].copy_forward  # changes every year
    s = ReportSession.open(ws, "cntt-xa", "2026")
    candidates = {c.field_id: c for c in s.copy_candidates()}
    assert "cbcc_tong" in candidates and "co_cap_quang" in candidates
    assert "ho_so_tiep_nhan" not in candidates
    copied = s.copy_from_previous(["cbcc_tong", "co_cap_quang"])
    assert sorted(copied) == ["cbcc_tong", "co_cap_quang"]
    assert s.value("cbcc_tong") == 22 and s.value("co_cap_quang") is True
    s.undo()  # one step undoes the whole copy
    assert s.value("cbcc_tong") is None and s.value("co_cap_quang") is None

    s.commit("ho_so_tiep_nhan", "420")
    assert s.outlier_hint("ho_so_tiep_nhan") is None
    s.commit("ho_so_tiep_nhan", "900")
    hint = s.outlier_hint("ho_so_tiep_nhan")
    assert hint is not None and "+125%" in hint.vi
    set_setting(ws.db, "outlier_share", "2")
    assert s.outlier_hint("ho_so_tiep_nhan") is None
