"""Driving the entry window as a clerk does: keys into the focused widget, clicks on what
is on screen, menus opened with the mouse. Nothing here calls a slot of the window."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
)

from desktop_app.storage import get_values, history
from desktop_app.ui.dialogs import ScriptedDialogs

TODAY = datetime.date(2026, 11, 23)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_window(qtbot, ws, dialogs=None):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(ws, dialogs=dialogs or ScriptedDialogs(), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def back_to(qtbot, window) -> None:
    """After a modal dialog: the window is active again, as a window manager makes it
    (the offscreen platform has none)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def focused():
    return QApplication.focusWidget()


def type_text(widget, text: str) -> None:
    """Type like Unikey does: the input method commits the composed text (QTest's
    keyClicks only knows ASCII)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def key(qtbot, k, modifiers=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
    """A key pressed where the keyboard focus is (or into ``widget``)."""
    qtbot.keyClick(widget or focused(), k, modifiers)


def click(qtbot, widget, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


def click_field(qtbot, window, field_id: str):
    """Click into a field with the mouse (its section shown first, as the clerk would
    have scrolled to it). A choice opens its list: the keys then go to the list."""
    entry = window.entry
    row = entry.row(field_id)
    entry.nav.setCurrentRow(entry.section_index(field_id))
    scroll = entry.pages.currentWidget()
    scroll.ensureWidgetVisible(row.editor)
    click(qtbot, row.editor)
    if isinstance(row.editor, QComboBox):
        qtbot.waitUntil(row.editor.view().isVisible)
    else:
        assert focused() is row.editor, focused()
    return row


def replace_text(qtbot, editor, text: str) -> None:
    """Select what the field holds and type over it."""
    if isinstance(editor, QLineEdit):
        qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    elif isinstance(editor, QPlainTextEdit):
        editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        type_text(editor, text)


def type_into(qtbot, window, field_id: str, text: str, k=Qt.Key.Key_Return):
    """Click into the field, type over it, and press ``k`` (Enter; None: no key)."""
    row = click_field(qtbot, window, field_id)
    replace_text(qtbot, row.editor, text)
    if k is not None:
        if isinstance(row.editor, QPlainTextEdit) and k == Qt.Key.Key_Return:
            qtbot.keyClick(row.editor, k, CTRL)
        else:
            qtbot.keyClick(row.editor, k)
    return row


def choose_menu(qtbot, window, menu_title: str, action_text: str) -> None:
    """Open a menu of the menu bar with the mouse and click one of its entries."""
    bar = window.menuBar()
    top = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    click(qtbot, bar, bar.actionGeometry(top).center())
    menu: QMenu = top.menu()
    qtbot.waitUntil(menu.isVisible)
    action = next(a for a in menu.actions() if a.text().replace("&", "") == action_text)
    click(qtbot, menu, menu.actionGeometry(action).center())
    if not action.isEnabled():  # a greyed entry does nothing: the clerk closes the menu
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())


def click_section(qtbot, window, index: int) -> None:
    nav: QListWidget = window.entry.nav
    click(qtbot, nav.viewport(), nav.visualItemRect(nav.item(index)).center())


def stored(window) -> dict[str, str]:
    """What the database holds for the open report (field id → stored text)."""
    report = window.session.report
    return {} if report is None else get_values(window.workspace.db, report.id)


def value_rows(window, field_id: str) -> list[tuple[str | None, str | None]]:
    """The audit log's value changes of a field, oldest first: (old, new)."""
    rows = history(window.workspace.db, window.session.report.id, field_id)
    return [(r.old, r.new) for r in reversed(rows) if r.kind == "value"]
