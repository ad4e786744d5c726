"""The window's packet commands: export the open report, check packet files, manage the
unit's signing identity. Kept out of main_window.py so the window stays a wiring of
parts; each command opens its own dialog module and reaches the window only through its
``WindowContext``.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..workspace.changes import OpChanges
from .window_context import WindowContext


class PacketActions(QObject):
    def __init__(self, window: WindowContext) -> None:
        super().__init__(window.widget)
        self.window = window
        self.export_action = QAction(self.tr("&Xuất gói nộp…"), window.widget)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)
        self.verify_action = QAction(self.tr("&Kiểm tra gói nộp…"), window.widget)
        self.verify_action.triggered.connect(self.verify)
        self.identity_action = QAction(self.tr("Chữ &ký số của đơn vị…"), window.widget)
        self.identity_action.triggered.connect(self.identity)

    def export(self) -> None:
        window = self.window
        if window.session is None or not window.report_saved():
            return  # a packet holds what is saved: the clerk first fixes what is marked
        if window.entry is not None:
            window.entry.flag_all()  # missing required fields are marked from now on
        from .export_dialog import ExportDialog

        session = window.session
        dialog = ExportDialog(window.ui, session.form.id, str(session.period), window.widget)
        dialog.exported.connect(lambda _result: self._exported())
        dialog.show_problems.connect(window.focus_problems)
        dialog.manage_identity.connect(lambda: (self.identity(), dialog.refresh()))
        dialog.exec()

    def _exported(self) -> None:
        window = self.window
        if window.session is not None:
            window.session.reload()
        window.changed(OpChanges(status=True))

    def verify(self) -> None:
        from .export_dialog import default_export_dir
        from .verify_dialog import VerifyDialog

        window = self.window
        dialog = VerifyDialog(window.ui, default_export_dir(window.workspace), window.widget)
        dialog.exec()

    def identity(self) -> Any:
        from .identity_dialog import IdentityDialog

        window = self.window
        if window.workspace.profile is None:
            window.open_settings()
            return None
        dialog = IdentityDialog(window.ui, window.widget)
        dialog.exec()
        return dialog


__all__ = ["PacketActions"]
