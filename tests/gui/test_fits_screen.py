"""The clerk's window fits the screens commune PCs have (1024×768 and 1366×768): it opens
within the screen, every control is reachable without scrolling sideways, labels take
at most two lines, and the input column stays put when a message appears under a field.

The window is laid out at the screen's available size as the application places it
(maximised on a small screen: the available area, frame excluded; the offscreen
platform draws no frame), then real widgets are checked where they are on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QToolButton, QWidget

from desktop_app.ui.app import install_fonts
from desktop_app.workspace.entry import load_values
from tests.gui.clerk import click_field, open_window, type_text

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json"
SCREENS = [QRect(0, 0, 1024, 768), QRect(0, 0, 1366, 768)]


@pytest.fixture
def workspace(workspace):
    """The commune with the sample report's figures in."""
    load_values(workspace, SAMPLE)
    return workspace


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _visible_in(widget: QWidget, window, screen: QRect) -> bool:
    """The whole widget is shown, inside the window and inside the screen, and not cut
    off by a scroll area it sits in."""
    if not widget.isVisible():
        return False
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if not window.rect().contains(rect):
        return False
    top_left = window.geometry().topLeft() + rect.topLeft()
    if not screen.contains(QRect(top_left, rect.size())):
        return False
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            viewport = parent.viewport()
            inside = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            if not viewport.rect().contains(inside):
                return False
        parent = parent.parentWidget()
    return True


def _lines(label) -> float:
    """How many lines the label's text takes, wrapped at its width."""
    metrics = label.fontMetrics()
    width = label.contentsRect().width() - 2 * label.margin()
    flags = Qt.TextFlag.TextWordWrap
    height = metrics.boundingRect(QRect(0, 0, width, 10000), flags, label.text()).height()
    return height / metrics.lineSpacing()


def _window_at(qtbot, ws, screen: QRect, lang: str):
    install_fonts(QApplication.instance())
    window = open_window(qtbot, ws)
    if lang == "en":
        window.settings.en_action.trigger()  # Ngôn ngữ → English
    # Maximised on a screen this size: the window, frame included, takes the available
    # area (the offscreen screen itself is another size).
    window.setWindowState(Qt.WindowState.WindowNoState)
    frame, inner = window.frameGeometry(), window.geometry()
    window.setGeometry(
        screen.adjusted(
            inner.left() - frame.left(),
            inner.top() - frame.top(),
            inner.right() - frame.right(),
            inner.bottom() - frame.bottom(),
        )
    )
    _settle()
    assert window.frameGeometry() == screen
    return window


def _export_button(window) -> QWidget:
    return window.toolbar.widgetForAction(window.packets.export_action)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=["1024x768", "1366x768"])
def test_every_control_is_on_the_screen(qtbot, workspace, screen, lang):
    window = _window_at(qtbot, workspace, screen, lang)
    toggle = window.problems_toggle
    assert isinstance(toggle, QToolButton)
    for name, widget in [
        ("status bar", window.statusBar()),
        ("status", window.status_label),
        ("period box", window.period_combo),
        ("export button", _export_button(window)),
        ("problems panel toggle", toggle),
        ("problems panel", window.problems),
    ]:
        assert _visible_in(widget, window, screen), name
    entry = window.entry
    for index, section in enumerate(entry.session.form.sections):
        entry.go_to_section(index)
        _settle()
        scroll = entry.pages.currentWidget()
        assert not scroll.horizontalScrollBar().isVisible(), section.id
        for f in section.fields:
            row = entry.rows[f.id]
            scroll.ensureWidgetVisible(row.notes, 0, 0)
            _settle()
            assert _visible_in(row.notes, window, screen), f"Ghi chú of {f.id}"
            lines = _lines(row.label)
            assert lines < 3, f"{f.id}: {row.label.text()!r} takes {lines:.1f} lines"
            full = row.label.full_text
            assert row.label.text() == full or full in row.label.toolTip()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("screen", SCREENS, ids=["1024x768", "1366x768"])
def test_the_input_column_stays_put_when_a_message_appears(qtbot, workspace, screen, lang):
    window = _window_at(qtbot, workspace, screen, lang)
    entry = window.entry
    row = click_field(qtbot, window, "may_tinh_tong")
    _settle()
    before = {
        fid: entry.rows[fid].editor.mapTo(window, QPoint(0, 0)).x()
        for fid in ("cbcc_tong", "cbcc_co_may_tinh", "may_tinh_tong")
    }
    row.editor.selectAll()
    type_text(row.editor, "hai mươi máy tính của cơ quan và bộ phận một cửa")
    qtbot.keyClick(row.editor, Qt.Key.Key_Return)
    _settle()
    assert row.message.isVisible()
    after = {fid: entry.rows[fid].editor.mapTo(window, QPoint(0, 0)).x() for fid in before}
    assert after == before


def test_the_problems_panel_folds_away_and_stays_folded(qtbot, workspace):
    window = _window_at(qtbot, workspace, SCREENS[0], "vi")
    width = window.entry.width()
    qtbot.mouseClick(window.problems_toggle, Qt.MouseButton.LeftButton)
    _settle()
    assert not window.problems_dock.isVisible()
    assert window.entry.width() > width  # the form takes the room
    window.close()
    again = open_window(qtbot, workspace)
    _settle()
    assert not again.problems_dock.isVisible()
    assert not again.problems_toggle.isChecked()
    qtbot.keyClick(again.entry.rows["cbcc_tong"].editor, Qt.Key.Key_F8)
    assert again.problems_dock.isVisible()  # F8 brings the list back


def test_the_window_opens_within_the_screen(qtbot, workspace):
    window = open_window(qtbot, workspace)
    _settle()
    available = window.screen().availableGeometry()
    assert available.contains(window.frameGeometry())
    assert _visible_in(window.statusBar(), window, available)


def test_a_remembered_geometry_is_clamped_to_the_screen(qtbot, workspace):
    window = open_window(qtbot, workspace)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.setGeometry(QRect(300, 200, 2400, 1500))  # left on a larger screen
    _settle()
    window.close()
    again = open_window(qtbot, workspace)
    _settle()
    available = again.screen().availableGeometry()
    assert available.contains(again.frameGeometry())


@pytest.mark.parametrize("screen", SCREENS, ids=["1024x768", "1366x768"])
def test_the_first_geometry_leaves_room_for_the_frame_and_the_taskbar(screen):
    from PySide6.QtCore import QMargins

    from desktop_app.ui.window_fit import FRAME_GUESS, clamp, first_geometry, is_small

    available = screen.adjusted(0, 0, 0, -40)  # a taskbar at the bottom
    client = first_geometry(available)
    assert available.contains(client.marginsAdded(FRAME_GUESS))
    assert is_small(available)  # both open maximised
    # A window left at 1600×900 on another screen, and one left half off the screen.
    frame = QMargins(8, 31, 8, 8)
    for saved in (QRect(0, 0, 1600, 900), QRect(-500, 600, 900, 700)):
        assert available.contains(clamp(saved, available, frame).marginsAdded(frame))


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=["1024x768", "1366x768"])
def test_the_application_places_its_window_on_a_real_screen_of_that_size(tmp_path, size):
    """The offscreen platform given a screen of this size: the window as the application
    opens it, maximised, every part inside the screen."""
    import json
    import os
    import subprocess
    import sys

    width, height = size
    config = tmp_path / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.gui.window_on_screen", str(tmp_path / "data"), SAMPLE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    area = QRect(*seen["screen"])
    assert area == QRect(0, 0, width, height)
    assert seen["maximised"]
    assert area.contains(QRect(*seen["frame"]))
    for name, rect in seen["parts"].items():
        assert rect is not None, f"{name} not shown"
        assert area.contains(QRect(*rect)), f"{name} at {rect} is off the screen"
