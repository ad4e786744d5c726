"""Báo cáo → Điểm qua các kỳ, điểm công bố (issue 18): a published score recorded by keys
and clicks, listed beside the score the application computes and apart from it; a score
outside the form's points refused under the line, nothing kept."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop_app.ui.dialogs import ScriptedDialogs
from desktop_app.workspace import Workspace
from desktop_app.workspace.entry import load_values
from desktop_app.workspace.published_scores import published_scores
from desktop_app.workspace.setup_unit import setup_unit
from tests.conftest import PROJECT

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]
SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
SOURCE = "Quyết định số 30/QĐ-UBND ngày 02/3/2026 của UBND huyện Chợ Đồn"


def _type(widget, text):
    """As Unikey commits composed text (QTest's keyClicks knows ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_a_published_score_recorded_from_the_window(qtbot, tmp_path):
    from desktop_app.ui.main_window import MainWindow

    ws = Workspace.open(tmp_path / "data")
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Lan", "Hoàng Văn Minh")
    load_values(ws, SAMPLE)
    win = MainWindow(ws, dialogs=ScriptedDialogs(), today=datetime.date(2026, 11, 23))
    qtbot.addWidget(win)
    win.show()
    win.scores.action.trigger()
    dialog = win.scores.dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    assert [table.item(0, c).text() for c in range(4)] == ["Năm 2026", "77,12", "—", "—"]

    qtbot.keyClicks(dialog.period, "2025")
    qtbot.keyClicks(dialog.score, "1001")
    _type(dialog.source, SOURCE)
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    assert "nằm ngoài 0–" in dialog.error.text() and not dialog.error.isHidden()
    assert published_scores(ws, "cntt-xa") == []  # nothing kept

    dialog.score.clear()
    qtbot.keyClicks(dialog.score, "89,2")
    qtbot.keyClicks(dialog.rank, "1")
    qtbot.keyClicks(dialog.of, "12")
    qtbot.mouseClick(dialog.record, Qt.MouseButton.LeftButton)
    assert dialog.error.isHidden()
    (kept,) = published_scores(ws, "cntt-xa")
    assert (kept.period, str(kept.score), kept.rank, kept.of, kept.source) == (
        "2025", "89.2", 1, 12, SOURCE,
    )  # fmt: skip
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert rows == [
        ["Năm 2025", "—", "89,2", "1/12", SOURCE],
        ["Năm 2026", "77,12", "—", "—", ""],
    ]
    dialog.close()
    ws.close()
