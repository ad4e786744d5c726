"""The plan's targets under the fields they bear on (issue 18): typed by real keys, the
hint flips from "chưa đạt" to "đạt" before and after the value is saved, never as an
error; the help strip names the plan; Xem → Chỉ tiêu lists every target of the period."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.workspace.plan_files import import_plan
from tests.gui.clerk import open_window
from tests.support.plans import PROVINCE_PLAN, plan_file

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]


@pytest.fixture
def window(qtbot, tmp_path, workspace):
    plan = plan_file(tmp_path, PROVINCE_PLAN)
    import_plan(workspace, plan)
    return open_window(qtbot, workspace)


def _type(qtbot, win, field_id, text, key=Qt.Key.Key_Return):
    win.entry.go_to_field(field_id)
    editor = win.entry.row(field_id).editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if key is not None:
        qtbot.keyClick(editor, key)
    return editor


def _hint(win, field_id):
    return win.entry.target_hints.labels[field_id]


def test_typing_flips_the_hint_from_not_reached_to_reached(qtbot, window):
    win = window
    _type(qtbot, win, "tthc_tong", "100")
    _type(qtbot, win, "tthc_toan_trinh", "20")
    _type(qtbot, win, "tthc_mot_phan", "15")
    ratio = _hint(win, "ty_le_tthc_truc_tuyen")
    assert ratio.text() == "Chỉ tiêu ≥ 40%: chưa đạt (35,0%)"
    assert ratio.property("state") == "not_reached" and ratio.isVisible()
    # as the clerk types, before Enter: the hint of the field typed and of the ratio
    editor = _type(qtbot, win, "tthc_mot_phan", "25", key=None)
    assert "tthc_mot_phan" not in win.entry.target_hints.labels  # it only feeds the ratio
    assert ratio.text() == "Chỉ tiêu ≥ 40%: đạt (45,0% nếu lưu)"
    assert win.session.inputs["tthc_mot_phan"] == 15  # not saved yet
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert win.session.inputs["tthc_mot_phan"] == 25
    assert ratio.text() == "Chỉ tiêu ≥ 40%: đạt (45,0%)"
    assert ratio.property("state") == "reached"
    # never an input error: the field's own message line stays empty
    assert win.entry.row("ty_le_tthc_truc_tuyen").message.text() == ""
    assert win.entry.row("tthc_mot_phan").editor.property("problem") == ""


def test_the_help_strip_names_the_plan(qtbot, window):
    win = window
    win.entry.go_to_field("tthc_tong")
    assert (
        "Chỉ tiêu: Tối thiểu 40% TTHC trực tuyến (≥ 40%) — Kế hoạch số 12/KH-UBND ngày"
        " 15/01/2026 của UBND tỉnh Bắc Kạn: chưa biết" in win.entry.help.text()
    )
    assert "cbcc_tong" not in win.entry.target_hints.labels  # no target bears on it
    win.entry.go_to_field("cbcc_tong")
    assert "Chỉ tiêu" not in win.entry.help.text()


def test_every_target_of_the_period_in_one_list(qtbot, window):
    win = window
    win.entry.go_to_field("co_mot_cua_dien_tu")
    combo = win.entry.row("co_mot_cua_dien_tu").editor
    qtbot.keyClicks(combo, "C")  # "Có"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert win.session.inputs["co_mot_cua_dien_tu"] is True
    win.targets.action.trigger()
    dialog = win.targets.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.heading.text().startswith("Chỉ tiêu theo Kế hoạch số 12/KH-UBND")
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["Tối thiểu 40% TTHC trực tuyến", "≥ 40%", "—", "chưa biết"],
        ["Dùng một cửa điện tử", "= Có", "Có", "đạt"],
    ]
    # the list follows what is saved while it is open
    _type(qtbot, win, "tthc_tong", "10")
    _type(qtbot, win, "tthc_toan_trinh", "5")
    _type(qtbot, win, "tthc_mot_phan", "0")
    assert table.item(0, 2).text() == "50,0%" and table.item(0, 3).text() == "đạt"
    rect = table.visualItemRect(table.item(1, 0))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.entry.current_field == "co_mot_cua_dien_tu"
