import datetime

import pytest

from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit

pytestmark = pytest.mark.gui


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    yield ws
    ws.close()


def test_window_without_a_unit_offers_the_setup(qtbot, workspace):
    from PySide6.QtWidgets import QPushButton

    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert window.session is None
    buttons = [b.text() for b in window.centralWidget().findChildren(QPushButton)]
    assert buttons == ["Thiết lập đơn vị…"]


def test_window_shows_the_unit_its_forms_and_earlier_periods(qtbot, workspace):
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import install_fonts
    from desktop_app.ui.main_window import MainWindow

    install_fonts(QApplication.instance())
    setup_unit(workspace, "064", "legacy")
    window = MainWindow(workspace, today=datetime.date(2027, 1, 10))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.unit_label.text().strip() == "Huyện Chợ Đồn, Tỉnh Bắc Kạn"
    forms = [window.form_combo.itemData(i) for i in range(window.form_combo.count())]
    assert forms[0] == "cntt-huyen"  # a district fills the district form first
    assert "cntt-xa" in forms
    # early January: the year just ended is still the one being reported
    assert window.period_combo.currentData() == "2026"
    combo = window.period_combo
    periods = [combo.itemData(i) for i in range(combo.count() - 2)]  # then "Kỳ khác…"
    # earlier years are reachable where a version of the form covers them: not 2025, when
    # no district was left to report (cntt-huyen 2022.1 ends in 2024)
    assert periods == ["2027", "2026", "2024", "2023", "2022"]
