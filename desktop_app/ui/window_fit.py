"""Where a main window opens: within the screen's available area (the taskbar left out,
the window's frame counted in), maximised on the small screens commune PCs have
(1024×768, 1366×768), and otherwise where the clerk left it, clamped to the screen it
opens on now (a window last used on a larger screen, or on a second screen since
unplugged, would open partly out of reach).

The window's layout (geometry, which panels are shown) is this PC's memory of the window,
not a setting of the unit: it is kept in ``window.ini`` beside the database (QSettings'
INI format), not in the database's audited settings, which a backup carries to another
PC with another screen.

Imports Qt only.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QMargins, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QMainWindow

WANTED = QSize(1366, 768)  # what the window asks for where the screen has room
# At or under this the window opens maximised: an un-maximised window would leave a
# sliver of desktop and cost the form its width.
SMALL = QSize(1440, 900)
# A frame not known yet (the window is placed before it is first shown): about what
# Windows 10 and the common X11 window managers draw.
FRAME_GUESS = QMargins(8, 31, 8, 8)
FILE_NAME = "window.ini"


def is_small(available: QRect) -> bool:
    return available.width() <= SMALL.width() or available.height() <= SMALL.height()


def clamp(client: QRect, available: QRect, frame: QMargins) -> QRect:
    """``client`` (the window without its frame) moved and shrunk so that, frame included,
    it lies within ``available``."""
    room = available.marginsRemoved(frame)
    width = min(client.width(), room.width())
    height = min(client.height(), room.height())
    x = min(max(client.x(), room.left()), room.right() - width + 1)
    y = min(max(client.y(), room.top()), room.bottom() - height + 1)
    return QRect(x, y, width, height)


def first_geometry(available: QRect, frame: QMargins = FRAME_GUESS) -> QRect:
    """The window's client area on a first start: the size it wants, shrunk to fit the
    screen with its frame, centred."""
    room = available.marginsRemoved(frame)
    size = WANTED.boundedTo(room.size())
    centred = QRect(0, 0, size.width(), size.height())
    centred.moveCenter(room.center())
    return clamp(centred, available, frame)


def _frame(window: QMainWindow) -> QMargins:
    shown, inner = window.frameGeometry(), window.geometry()
    margins = QMargins(
        inner.left() - shown.left(),
        inner.top() - shown.top(),
        shown.right() - inner.right(),
        shown.bottom() - inner.bottom(),
    )
    return margins if window.isVisible() else FRAME_GUESS


class WindowMemory:
    """The window's geometry and panels, remembered in ``folder/window.ini``."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILE_NAME

    def _settings(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def place(self, window: QMainWindow) -> None:
        """Give the window its first geometry (before it is shown)."""
        available = window.screen().availableGeometry()
        settings = self._settings()
        saved = settings.value("window/geometry")
        maximised = settings.value("window/maximised")
        if isinstance(saved, QRect) and saved.isValid():
            window.setGeometry(clamp(saved, available, FRAME_GUESS))
        else:
            window.setGeometry(first_geometry(available))
        if maximised in (True, "true") or (maximised is None and is_small(available)):
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)

    def restore_state(self, window: QMainWindow) -> None:
        """Toolbars and docks as the clerk left them (a panel folded away stays so)."""
        state = self._settings().value("window/state")
        if isinstance(state, QByteArray):
            window.restoreState(state)

    def remember(self, window: QMainWindow) -> None:
        """Called as the window closes. A window that cannot write its memory (a
        read-only folder) simply opens as on a first start next time."""
        settings = self._settings()
        maximised = window.isMaximized()
        settings.setValue("window/maximised", maximised)
        if not maximised:
            available = window.screen().availableGeometry()
            settings.setValue(
                "window/geometry", clamp(window.geometry(), available, _frame(window))
            )
        settings.setValue("window/state", window.saveState())
        settings.sync()


__all__ = ["WindowMemory", "clamp", "first_geometry", "is_small"]
