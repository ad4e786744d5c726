"""The window's upkeep commands: backups and restore (Công cụ), About and diagnostics
(Trợ giúp), and moving the data folder (Cài đặt) with its lock and its log. Kept out of
main_window.py like the packet and receiving commands.

Restoring replaces the database under the window: the report being typed is committed,
every view holding the old connection is closed, the database is restored and the window
is rebuilt on the data the restored file holds (its unit, its language).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .window_context import WindowContext

if TYPE_CHECKING:
    from ..workspace.backups import Restored
    from .about_dialog import AboutDialog
    from .backups_dialog import BackupsDialog
    from .forms_dialog import FormsDialog


class MaintenanceActions(QObject):
    def __init__(
        self, window: WindowContext, other_views: Callable[[], Iterable[QWidget | None]]
    ) -> None:
        """``other_views``: the windows of their own (the receiving board, the district's
        window) that hold the database too, closed before a restore."""
        super().__init__(window.widget)
        self.window = window
        self.other_views = other_views
        self.backups_action = QAction(self.tr("Sao lưu và &khôi phục…"), window.widget)
        self.backups_action.triggered.connect(self.open_backups)
        self.forms_action = QAction(self.tr("&Biểu mẫu…"), window.widget)
        self.forms_action.triggered.connect(self.open_forms)
        self.about_action = QAction(self.tr("&Giới thiệu và chẩn đoán…"), window.widget)
        self.about_action.setShortcut(QKeySequence("F1"))
        self.about_action.triggered.connect(self.open_about)

    def open_about(self, *, modal: bool = True) -> AboutDialog:
        from .about_dialog import AboutDialog

        window = self.window
        dialog = AboutDialog(window.ui, window.widget)
        if modal:
            dialog.exec()
        return dialog

    def open_forms(self, *, modal: bool = True) -> FormsDialog:
        """Công cụ → Biểu mẫu…: the forms and versions, export, import, install. A new
        version serves reports begun after it is installed; the open one keeps its own."""
        from .forms_dialog import FormsDialog

        window = self.window
        if window.entry is not None:
            window.entry.commit_pending()
        dialog = FormsDialog(window.ui, lambda: None, window.widget)
        if modal:
            dialog.exec()
        return dialog

    def open_backups(self, *, modal: bool = True) -> BackupsDialog:
        from .backups_dialog import BackupsDialog

        window = self.window
        if window.entry is not None:
            window.entry.commit_pending()
        dialog = BackupsDialog(window.ui, self.restore, window.widget)
        if modal:
            dialog.exec()
            if dialog.must_close:
                window.close()
        return dialog

    def restore(self, backup: Path) -> Restored | None:
        """Restore ``backup`` and rebuild the window on it (see the module's docstring);
        None if the clerk keeps typed text that cannot be saved."""
        from ..workspace.backups import Restored, restore, restore_refusal
        from .i18n import install_language

        window = self.window
        # A backup that will not do is refused before the report is left: the window,
        # and any text typed in it, stay as they are.
        refused = restore_refusal(window.workspace, backup)
        if refused is not None:
            return Restored(window.workspace, error=refused)
        if not window.may_leave_report():
            return None
        old = window.entry
        if old is not None:
            old.commit_pending()
            # Nothing may use the connection about to close: the old entry view lives
            # until Qt deletes it, and its editors report focus and commit on leaving.
            old.setEnabled(False)
            for row in old.rows.values():
                row.blockSignals(True)
        window.show_nothing()
        for view in self.other_views():
            if view is not None:
                view.close()
        result = restore(window.workspace, backup, checked=True)
        window.workspace = result.workspace
        if not result.reopened:
            return result  # the data folder cannot be opened: the window closes
        profile = window.workspace.profile
        install_language(profile.language if profile else "vi")
        window.build()
        return result

    def move_data(self, data_dir: Path) -> bool:
        """Move the data to ``data_dir`` with its lock and the log; False (and why) if
        another window has that folder. The old folder's lock is kept until the move has
        succeeded."""
        from ..workspace.instance_lock import InstanceLock, LockState
        from ..workspace.logs import start_logging
        from ..workspace.relocate import move_workspace

        window = self.window
        lock = None
        if window.instance_lock is not None:
            lock = InstanceLock()
            if lock.acquire(data_dir) == LockState.TAKEN:
                window.dialogs.error(
                    window.widget,
                    window.windowTitle(),
                    self.tr(
                        "Thư mục dữ liệu %1 đang được mở ở một cửa sổ khác của phần mềm. "
                        "Hãy đóng cửa sổ đó trước khi chuyển sang thư mục này."
                    ).replace("%1", str(data_dir)),
                )
                return False
        try:
            window.workspace = move_workspace(window.workspace, data_dir)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is not None and window.instance_lock is not None:
            window.instance_lock.release()
            window.instance_lock = lock
        start_logging(window.workspace.data_dir, "window")
        return True


__all__ = ["MaintenanceActions"]
