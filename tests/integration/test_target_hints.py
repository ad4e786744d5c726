"""The targets the clerk sees while typing (issue 18, "Plans and targets"): for the field
in hand, the targets of the period's plan on it or on a ratio computed from it, what each
asks, the plan that sets it, and reached / not reached / not known, on the saved figures
or on what is being typed."""

from __future__ import annotations

import pytest

from desktop_app.workspace import Workspace
from desktop_app.workspace.plan_files import import_plan
from desktop_app.workspace.session import ReportSession
from desktop_app.workspace.setup_unit import setup_unit
from desktop_app.workspace.target_hints import field_hints, period_hints, plan_heading, targets_of
from tests.support.plans import PROVINCE_PLAN, plan_file


@pytest.fixture
def ws(tmp_path):
    with Workspace.open(tmp_path / "data") as workspace:
        setup_unit(workspace, "02080", "legacy", "Nguyễn Thị Lan", "Hoàng Văn Minh")
        plan = plan_file(tmp_path, PROVINCE_PLAN)
        import_plan(workspace, plan)
        yield workspace


def test_a_ratio_target_reaches_the_fields_it_is_computed_from(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    assert [t.id for t in targets_of(s.form, "tthc_tong")] == ["t_tthc"]
    assert [t.id for t in targets_of(s.form, "ty_le_tthc_truc_tuyen")] == ["t_tthc"]
    assert targets_of(s.form, "cbcc_tong") == []  # the plan replaced the example targets
    (hint,) = field_hints(s, "tthc_tong")
    assert hint.achieved is None and hint.state == "unknown"
    assert hint.short("tthc_tong") == (
        "Chỉ tiêu «Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến» ≥ 40%: chưa biết (chưa có số liệu)"
    )
    s.commit("tthc_tong", "100")
    s.commit("tthc_toan_trinh", "20")
    s.commit("tthc_mot_phan", "15")
    (hint,) = field_hints(s, "ty_le_tthc_truc_tuyen")
    assert hint.achieved is False
    assert hint.short("ty_le_tthc_truc_tuyen") == "Chỉ tiêu ≥ 40%: chưa đạt (35,0%)"
    assert hint.detail() == (
        "Chỉ tiêu: Tối thiểu 40% TTHC trực tuyến (≥ 40%) — Kế hoạch số 12/KH-UBND ngày"
        " 15/01/2026 của UBND tỉnh Bắc Kạn: chưa đạt (35,0%)"
    )
    assert hint.detail("en").startswith("Target: At least 40% of procedures online (≥ 40%)")


def test_what_is_typed_counts_before_it_is_saved(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    for fid, raw in (("tthc_tong", "100"), ("tthc_toan_trinh", "20"), ("tthc_mot_phan", "15")):
        s.commit(fid, raw)
    (typed,) = field_hints(s, "tthc_mot_phan", "25")
    assert typed.achieved is True and typed.short("tthc_mot_phan").endswith("đạt (45,0% nếu lưu)")
    (unreadable,) = field_hints(s, "tthc_mot_phan", "hai mươi")
    assert unreadable.achieved is None
    (saved,) = field_hints(s, "tthc_mot_phan")  # nothing was saved by looking
    assert saved.achieved is False and s.inputs["tthc_mot_phan"] == 15


def test_every_target_of_the_period_with_the_plan_named(ws):
    s = ReportSession.open(ws, "cntt-xa", "2026")
    s.commit("co_mot_cua_dien_tu", "Có")
    hints = period_hints(s)
    assert [(h.target.id, h.state) for h in hints] == [
        ("t_tthc", "unknown"),
        ("t_mot_cua", "reached"),
    ]
    assert hints[1].goal() == "= Có" and hints[1].goal("en") == "= Yes"
    heading = plan_heading(s)
    assert heading is not None
    assert (
        heading.vi == "Chỉ tiêu theo Kế hoạch số 12/KH-UBND ngày 15/01/2026 của UBND tỉnh Bắc Kạn"
    )
