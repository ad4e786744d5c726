"""The clerk reaches a year the toolbar does not list (2018) through "Kỳ khác…", with the
form version for each year shown, and nothing later than the period running today."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.ui.period_choice import OTHER_PERIOD, PeriodPicker
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit
from tests.gui.clerk import TODAY, click, key, open_window
from tests.gui.modal import when_modal

pytestmark = pytest.mark.gui


@pytest.fixture
def district(tmp_path):
    with Workspace.open(tmp_path / "huyen") as ws:
        setup_unit(ws, "064", "legacy", "Nguyễn Văn Bình", "Hoàng Văn Minh")
        yield ws


def _choose_other(qtbot, window) -> None:
    """Open the period list with the mouse; the last entry, "Kỳ khác…", by the keys."""
    combo = window.period_combo
    click(qtbot, combo)
    qtbot.waitUntil(combo.view().isVisible)
    key(qtbot, Qt.Key.Key_End, widget=combo.view())
    key(qtbot, Qt.Key.Key_Return, widget=combo.view())


def test_other_period_opens_2018_with_its_own_form_version(qtbot, district):
    window = open_window(qtbot, district)
    combo = window.period_combo
    assert combo.itemData(combo.count() - 1) == OTHER_PERIOD
    assert combo.findData("2018") < 0  # not among the recent years
    seen: dict[str, list[str]] = {}

    def answer(picker: PeriodPicker) -> None:
        rows = [picker.list.item(i) for i in range(picker.list.count())]
        seen["periods"] = [r.data(Qt.ItemDataRole.UserRole) for r in rows]
        seen["texts"] = [r.text() for r in rows]
        target = seen["periods"].index("2018")
        for _ in range(target):  # down the list to 2018, then Enter
            key(qtbot, Qt.Key.Key_Down, widget=picker.list)
        key(qtbot, Qt.Key.Key_Return, widget=picker.list)

    when_modal(PeriodPicker, answer)
    _choose_other(qtbot, window)
    qtbot.waitUntil(lambda: window.session is not None and str(window.session.period) == "2018")
    # 2026 back to 2017, no 2025 (no district version covers it), nothing not started
    assert seen["periods"] == [
        "2026",
        "2024",
        "2023",
        "2022",
        "2021",
        "2020",
        "2019",
        "2018",
        "2017",
    ]
    assert "Năm 2018 — phiên bản 2017.1 (2017–2021)" in seen["texts"]
    assert window.session.form.version == "2017.1"
    assert combo.currentData() == "2018" and combo.currentText() == "Năm 2018"
    assert combo.itemData(combo.count() - 1) == OTHER_PERIOD  # still there for the next time


def test_cancelling_the_other_period_keeps_the_report_open(qtbot, district):
    window = open_window(qtbot, district)
    before = str(window.session.period)
    when_modal(PeriodPicker, lambda picker: key(qtbot, Qt.Key.Key_Escape, widget=picker.list))
    _choose_other(qtbot, window)
    qtbot.waitUntil(lambda: window.period_combo.currentData() == before)
    assert str(window.session.period) == before


def test_the_board_offers_entered_years_and_reaches_any_other(qtbot, district, tmp_path):
    """The receiving board lists a year whose communes' figures were imported (entered
    here, not signed packets) and reaches any other year through "Kỳ khác…"."""
    import openpyxl

    from desktop_app.ui.dialogs import ScriptedDialogs
    from desktop_app.ui.receiving.board_window import BoardWindow
    from desktop_app.ui.ui_context import UiContext
    from desktop_app.workspace.values_import import apply_import, plan_import

    book = openpyxl.Workbook()
    book.active.append(["Mã đơn vị", "cbcc_tong"])
    book.active.append(["02080", 22])
    book.save(tmp_path / "2019.xlsx")
    apply_import(district, plan_import(district, tmp_path / "2019.xlsx", "2019"))
    board = BoardWindow(UiContext.of(district, ScriptedDialogs(), today=TODAY, lang="vi"))
    qtbot.addWidget(board)
    board.show()
    qtbot.waitExposed(board)
    combo = board.period_combo
    assert combo.findData("2019") >= 0 and combo.findData("2017") < 0
    assert combo.itemData(combo.count() - 1) == OTHER_PERIOD

    def answer(picker: PeriodPicker) -> None:
        rows = [
            picker.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(picker.list.count())
        ]
        for _ in range(rows.index("2017")):
            key(qtbot, Qt.Key.Key_Down, widget=picker.list)
        key(qtbot, Qt.Key.Key_Return, widget=picker.list)

    when_modal(PeriodPicker, answer)
    click(qtbot, combo)
    qtbot.waitUntil(combo.view().isVisible)
    key(qtbot, Qt.Key.Key_End, widget=combo.view())
    key(qtbot, Qt.Key.Key_Return, widget=combo.view())
    qtbot.waitUntil(lambda: board.period == "2017")
    assert board.board.form.version == "2017.1" and board.board.counts()["missing"] == 20
    board.choose("cntt-xa", "2019")
    states = {row.unit_code: row.state for row in board.board.rows}
    assert states["02080"] == "entered"


def test_a_current_commune_is_named_as_its_unit_of_2018(qtbot, tmp_path):
    """Xã Chợ Đồn (02020, current structure) opening its 2018 report: the toolbar names
    the unit its code named then, under its district; back on 2026, itself."""
    with Workspace.open(tmp_path / "xa") as ws:
        setup_unit(ws, "02020", "current", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        window = open_window(qtbot, ws)
        assert window.unit_label.text().strip() == "Xã Chợ Đồn, Tỉnh Thái Nguyên"

        def answer(picker: PeriodPicker) -> None:
            rows = [
                picker.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(picker.list.count())
            ]
            for _ in range(rows.index("2018")):
                key(qtbot, Qt.Key.Key_Down, widget=picker.list)
            key(qtbot, Qt.Key.Key_Return, widget=picker.list)

        when_modal(PeriodPicker, answer)
        _choose_other(qtbot, window)
        qtbot.waitUntil(lambda: window.session is not None and str(window.session.period) == "2018")
        label = window.unit_label.text().strip()
        assert label == "Thị trấn Bằng Lũng, Huyện Chợ Đồn, Tỉnh Bắc Kạn"
        combo = window.period_combo
        click(qtbot, combo)
        qtbot.waitUntil(combo.view().isVisible)
        key(qtbot, Qt.Key.Key_Home, widget=combo.view())
        key(qtbot, Qt.Key.Key_Return, widget=combo.view())
        qtbot.waitUntil(lambda: str(window.session.period) == "2026")
        assert window.unit_label.text().strip() == "Xã Chợ Đồn, Tỉnh Thái Nguyên"
        window.close()
