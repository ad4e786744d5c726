import pytest

from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit

pytestmark = pytest.mark.gui


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    yield ws
    ws.close()


def test_window_without_a_unit_says_how_to_set_one_up(qtbot, workspace):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(workspace)
    qtbot.addWidget(window)
    assert "setup" in window.unit_label.text()
    assert window.forms_table.rowCount() == len(workspace.forms.ids())


def test_window_shows_the_unit_and_its_forms(qtbot, workspace):
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.app import install_fonts
    from desktop_app.ui.main_window import MainWindow

    install_fonts(QApplication.instance())
    setup_unit(workspace, "02080", "legacy")
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.unit_label.text() == "02080 – Xã Bình Trung, Huyện Chợ Đồn, Tỉnh Bắc Kạn"
    ids = {window.forms_table.item(r, 0).text() for r in range(window.forms_table.rowCount())}
    assert {"cntt-xa", "cntt-huyen"} <= ids
