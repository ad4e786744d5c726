"""What the application's dialogs had each written again: their name, title and size,
the row of buttons ending in «Đóng», the «OK / Hủy» box with Vietnamese texts, and a
refusal shown in the clerk's language with its reason (``Dialogs.error``).

``AppDialog`` is the base of the dialogs and windows opened with a ``UiContext`` (the
workspace, language, dialogs and today they use); ``ok_cancel`` serves the small
dialogs that are given less (a session, a list to pick from).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QWidget

from .background import error_text
from .ui_context import UiContext


class AppDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.workspace = ui.workspace
        self.lang = ui.lang
        self.dialogs = ui.dialogs
        self.today = ui.today

    def set_up(
        self,
        name: str,
        title: str,
        *,
        size: tuple[int, int] | None = None,
        min_width: int | None = None,
        window: bool = False,
    ) -> None:
        """Name (for the tests and the style sheet), title, and the size it opens at or
        its least width. ``window``: a window of its own that can be maximised."""
        self.setObjectName(name)
        if window:
            self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(title)
        if size is not None:
            self.resize(*size)
        if min_width is not None:
            self.setMinimumWidth(min_width)

    def close_button(self, slot: Callable[[], object] | None = None) -> QPushButton:
        """«Đóng»: accepts the dialog, or runs ``slot`` (``reject`` where closing means
        nothing was done)."""
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(slot or self.accept)
        return close

    def button_row(
        self,
        left: Iterable[QWidget | int] = (),
        right: Iterable[QWidget] = (),
        close: Callable[[], object] | None = None,
    ) -> QHBoxLayout:
        """The dialog's bottom row: ``left`` (a number there is a space that wide), a
        stretch, ``right``, then «Đóng» (``close``: as ``close_button``)."""
        row = QHBoxLayout()
        for item in left:
            row.addSpacing(item) if isinstance(item, int) else row.addWidget(item)
        row.addStretch(1)
        for widget in right:
            row.addWidget(widget)
        row.addWidget(self.close_button(close))
        return row

    def show_error(self, error: BaseException, title: str | None = None) -> None:
        """A refusal's reason in the clerk's language (an unexpected fault named as one),
        under the dialog's title unless another is given."""
        self.dialogs.error(self, title or self.windowTitle(), error_text(error, self.lang))


def ok_cancel(
    dialog: QDialog, ok_text: str, on_ok: Callable[[], object] | None = None
) -> QDialogButtonBox:
    """«``ok_text``» and «Hủy» buttons: the first accepts ``dialog`` (or runs ``on_ok``,
    which decides), the second rejects it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    cancel = QCoreApplication.translate("AppDialog", "Hủy")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


__all__ = ["AppDialog", "ok_cancel"]
