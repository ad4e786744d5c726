"""Báo cáo → Nhập từ Excel…: the clerk chooses a workbook, sees every problem in the
preview with Nhập disabled while any error remains, and an error-free file is written
when Nhập is clicked and shows in the report."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.ui.import_dialog import ImportPreview
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit
from tests.gui.clerk import choose_menu, click, key, open_window, stored
from tests.gui.modal import when_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def commune(tmp_path):
    with Workspace.open(tmp_path / "xa") as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        yield ws


def _grid(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return str(path)


def test_the_preview_lists_every_problem_and_nhap_stays_disabled(qtbot, commune, tmp_path):
    path = _grid(tmp_path / "loi.xlsx", [
        ["Mã đơn vị", "cbcc_tong", "chi_tieu_khong_co", "tthc_truc_tuyen_tong", "tthc_muc_1_2",
         "tthc_muc_3", "tthc_muc_4", "tthc_muc_3_4"],
        ["02080", "12,3,4", 1, 114, 109, 15, 0, 15],
        ["99999", 5, 1, None, None, None, None, None],
    ])  # fmt: skip
    dialogs = ScriptedDialogs(files=[path])
    window = open_window(qtbot, commune, dialogs)
    seen: dict = {}

    def answer(preview: ImportPreview) -> None:
        table = preview.table
        seen["codes"] = {table.item(r, 2).text() for r in range(table.rowCount())}
        seen["enabled"] = preview.import_button.isEnabled()
        seen["verdict"] = preview.verdict.text()
        click(qtbot, preview.import_button)  # a click on a greyed button does nothing
        seen["still_open"] = preview.isVisible()
        key(qtbot, Qt.Key.Key_Escape, widget=preview)

    when_modal(ImportPreview, answer)
    choose_menu(qtbot, window, "Báo cáo", "Nhập từ Excel…")
    qtbot.waitUntil(lambda: "still_open" in seen, timeout=10000)
    # the grid names no period: the window's (2026), whose form has no level-3 counts
    assert {"import.unknown_field", "import.unknown_unit"} <= seen["codes"]
    assert any(code.startswith("number.") for code in seen["codes"])
    assert seen["enabled"] is False and seen["still_open"] is True
    assert "lỗi" in seen["verdict"] and "Chưa ghi gì" in seen["verdict"]
    assert stored(window) == {}  # nothing written
    assert commune.db.fetchone("SELECT count(*) FROM audit_log WHERE kind = 'import'") == (0,)


def test_an_error_free_file_is_written_when_nhap_is_clicked(qtbot, commune, tmp_path):
    path = _grid(tmp_path / "2026.xlsx", [
        ["Mã đơn vị", "cbcc_tong", "Số cán bộ, công chức có máy tính sử dụng cho công việc"],
        [2080, 21, 19],  # the code as Excel keeps it, without its leading zero
    ])  # fmt: skip
    dialogs = ScriptedDialogs(files=[path])
    window = open_window(qtbot, commune, dialogs)
    seen: dict = {}

    def answer(preview: ImportPreview) -> None:
        seen["enabled"] = preview.import_button.isEnabled()
        click(qtbot, preview.import_button)

    when_modal(ImportPreview, answer)
    choose_menu(qtbot, window, "Báo cáo", "Nhập từ Excel…")
    qtbot.waitUntil(lambda: stored(window).get("cbcc_tong") == "21", timeout=10000)
    assert seen["enabled"] is True
    assert stored(window)["cbcc_co_may_tinh"] == "19"
    assert any(kind == "info" and "2026.xlsx" in text for kind, _, text in dialogs.shown)
