"""What the application's dialogs had each written again: their name, title and size,
the row of buttons ending in «Đóng», the «OK / Hủy» box with Vietnamese texts, and a
refusal shown in the clerk's language with its reason (``Dialogs.error``), and the
passphrase and folder rows and the «done» box of the dialogs that sign a packet and save it.

``AppDialog`` is the base of the dialogs and windows opened with a ``UiContext`` (the
workspace, language, dialogs and today they use); ``ok_cancel`` serves the small
dialogs that are given less (a session, a list to pick from).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..paths import dialog_start
from .background import error_text
from .style import ERROR_TEXT, OK_BOX
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

    # -- signing a packet and saving it: the passphrase and the folder -----------------------

    def secret_input(self, name: str, go: Callable[[], object] | None = None) -> QLineEdit:
        """The key's passphrase or the USB token's PIN, hidden as typed; Enter runs ``go``."""
        secret = QLineEdit(self)
        secret.setObjectName(name)
        secret.setEchoMode(QLineEdit.EchoMode.Password)
        if go is not None:
            secret.returnPressed.connect(go)
        return secret

    def secret_missing(self, label: QLabel, secret: QLineEdit) -> bool:
        """True, with the label marked and the cursor put there, when nothing was typed."""
        if secret.text():
            return False
        label.setStyleSheet(ERROR_TEXT)
        secret.setFocus()
        return True

    def folder_input(
        self, name: str, start: Path, browse: str, title: str
    ) -> tuple[QLineEdit, QPushButton, QHBoxLayout]:
        """The folder a file is saved in (``start`` at first) and the ``browse`` button
        beside it, which opens the folder chooser (``title``) where the line points."""
        folder = QLineEdit(str(start), self)
        folder.setObjectName(name)
        button = QPushButton(browse, self)
        button.clicked.connect(lambda: self.choose_folder(folder, title))
        row = QHBoxLayout()
        row.addWidget(folder, 1)
        row.addWidget(button)
        return folder, button, row

    def done_box(self, name: str) -> QLabel:
        """Where the signed file went, in a green box, hidden until it is written."""
        done = QLabel(self)
        done.setObjectName(name)
        done.setWordWrap(True)
        done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        done.setStyleSheet(OK_BOX)
        done.hide()
        return done

    def choose_folder(self, folder: QLineEdit, title: str) -> None:
        chosen = self.dialogs.choose_directory(
            self, title, dialog_start(self.workspace.data_dir, folder.text())
        )
        if chosen:
            folder.setText(chosen)


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
