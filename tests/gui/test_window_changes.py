"""One signal tells every view what an operation changed (workspace/changes.OpChanges):
typing and saving a value, undoing it, explaining a warning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.workspace import Workspace
from desktop_app.workspace.changes import OpChanges
from desktop_app.workspace.setup_unit import setup_unit
from tests.gui.clerk import CTRL, click_field, key, open_window, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def workspace(tmp_path):
    ws = Workspace.open(tmp_path / "data")
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa")
    yield ws
    ws.close()


def test_saving_and_undoing_say_what_changed(qtbot, workspace):
    window = open_window(qtbot, workspace)
    heard: list[tuple[OpChanges, object]] = []
    window.data_changed.connect(lambda changes, source: heard.append((changes, source)))
    row = click_field(qtbot, window, "cbcc_tong")
    type_text(row.editor, "23")
    key(qtbot, Qt.Key.Key_Return, widget=row.editor)
    changes, source = heard[-1]
    assert source is window.entry  # the view that saved shows the value already
    assert changes.values and changes.saved
    assert window.saved_label.text().startswith("Đã lưu lúc")

    heard.clear()
    key(qtbot, Qt.Key.Key_Z, CTRL, widget=window.entry.rows["cbcc_tong"].editor)
    assert heard == [(OpChanges.edited(["cbcc_tong"]), None)]  # every view shows it again
    assert window.entry.rows["cbcc_tong"].editor.text() == ""
    assert window.session.value("cbcc_tong") is None
