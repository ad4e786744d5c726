"""How a field of the entry window looks (workspace/field_look.py), decided without a
screen on a real database: the message line under it, the pre-fill shading and what was
taken, its comment; and the parent unit's note on the report (the status bar's tooltip)."""

from __future__ import annotations

import pytest

from desktop_app.storage import get_or_create_report, save_values
from desktop_app.storage.prefills import record_prefills
from desktop_app.storage.receipts import insert_receipt
from desktop_app.workspace import Workspace
from desktop_app.workspace.field_look import FAILED, FieldLooks
from desktop_app.workspace.field_state import FieldStates
from desktop_app.workspace.session import ReportSession
from desktop_app.workspace.setup_unit import setup_unit


@pytest.fixture
def ws(tmp_path):
    with Workspace.open(tmp_path / "data") as workspace:
        yield workspace


def _looks(ws, unit, form_id):
    setup_unit(ws, unit, "legacy", "Nguyễn Thị Lan", "Hoàng Văn Minh")
    return FieldLooks(FieldStates(ReportSession.open(ws, form_id, "2026")))


def test_a_refused_text_is_an_error_line_and_a_clean_field_has_none(ws):
    looks = _looks(ws, "02080", "cntt-xa")
    assert looks.look("cbcc_tong").severity == ""
    looks.fields.commit("cbcc_tong", "hai mươi")
    look = looks.look("cbcc_tong")
    assert look.severity == "error"
    assert "hai mươi" in look.message_text("vi")
    assert FAILED not in look.message  # refused, not a failed save
    assert look.prefilled == "" and look.prefill_note is None


def test_a_big_move_from_last_period_is_a_hint(ws):
    setup_unit(ws, "02080", "legacy")
    last = get_or_create_report(ws.db, "02080", "cntt-xa", "2025.1", "2025")
    save_values(ws.db, last.id, {"cbcc_tong": "22"}, "Nguyễn Thị Lan")
    looks = _looks(ws, "02080", "cntt-xa")
    looks.fields.commit("cbcc_tong", "60")
    look = looks.look("cbcc_tong")
    assert look.severity == "hint"
    assert "22" in look.message_text("vi")


def test_the_comment_is_shown_on_its_field(ws):
    looks = _looks(ws, "02080", "cntt-xa")
    looks.session.set_comment("cbcc_tong", "Gồm 2 công chức tăng cường.")
    assert looks.look("cbcc_tong").comment == "Gồm 2 công chức tăng cường."
    assert looks.look("may_tinh_tong").comment == ""


def test_a_prefilled_figure_kept_or_changed(ws):
    looks = _looks(ws, "064", "cntt-huyen")
    fields = looks.fields
    fields.commit("xa_so_don_vi", "20")
    fields.commit("xa_cbcc_tong", "410")
    report = looks.session.report
    with ws.db.transaction():
        record_prefills(
            ws.db,
            report.id,
            [("xa_so_don_vi", "20", "children", {}), ("xa_cbcc_tong", "1234", "children", {})],
            user="x",
            at="2026-12-01T08:00:00+07:00",
        )
    looks.sync()
    kept = looks.look("xa_so_don_vi", "vi")
    assert (kept.prefilled, kept.severity) == ("same", "")
    assert kept.prefill_note.vi == "Tổng hợp từ báo cáo của đơn vị cấp dưới: 20"
    changed = looks.look("xa_cbcc_tong", "vi")
    assert changed.prefilled == "overridden"
    assert changed.prefill_note.vi == "Đã sửa khác số tổng hợp từ cấp dưới (1.234)"
    assert changed.severity == "hint"  # the province will ask why: the officer is told
    assert changed.message_text("vi").startswith("Khác số tổng hợp từ báo cáo cấp dưới (1.234)")


def test_the_parent_units_note_on_a_returned_report(ws):
    looks = _looks(ws, "02080", "cntt-xa")
    session = looks.session
    session.commit("cbcc_tong", "20")
    assert session.review_note() is None  # a draft: nothing said about it
    report = session.report
    with ws.db.transaction():
        ws.db.execute("UPDATE reports SET status = 'returned' WHERE id = ?", (report.id,))
    insert_receipt(
        ws.db,
        direction="received",
        submission_id=None,
        report_id=report.id,
        decision="returned",
        reason="Thiếu số liệu mục III",
        issuer_code="064",
        unit_code="02080",
        form_id="cntt-xa",
        period="2026",
        revision=1,
        data_sha256="0" * 64,
        signer_fingerprint="1" * 64,
        file_name="r.json",
        path="r.json",
        sha256="2" * 64,
        at="2026-12-01T08:00:00+07:00",
        by="Phòng VH-TT",
    )
    session.reload()
    note = session.review_note()
    assert note.vi == "Lý do trả lại: Thiếu số liệu mục III"
    assert note.en == "Returned because: Thiếu số liệu mục III"
