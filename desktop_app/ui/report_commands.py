"""The open report's own commands: save, copy from the last period, undo and redo, the
field's notes and history, and moving between sections. Kept out of main_window.py like
the packet, settings and upkeep commands; each reaches the window only through its
``WindowContext`` and says what it changed with one ``OpChanges``.

Imports Qt, the workspace (changes) and this package's context; dialogs are imported
when first opened.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from ..workspace.changes import OpChanges
from .window_context import WindowContext


class ReportCommands(QObject):
    def __init__(self, window: WindowContext, show_message: Callable[[str, int], None]) -> None:
        super().__init__(window.widget)
        self.window = window
        self.show_message = show_message  # the status bar's passing message
        self.save_action = self._action(
            self.tr("&Lưu"), self.save_now, [QKeySequence.StandardKey.Save]
        )
        self.copy_action = self._action(self.tr("Sao chép từ &kỳ trước…"), self.copy_previous)
        self.undo_action = self._action(self.tr("&Hoàn tác"), self.undo, ["Ctrl+Z"])
        self.redo_action = self._action(self.tr("&Làm lại"), self.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        self.notes_action = self._action(self.tr("&Ghi chú và lịch sử…"), self.open_notes, ["F4"])
        self.next_action = self._action(
            self.tr("Mục &tiếp theo"), self.next_section, ["Ctrl+PgDown"]
        )
        self.prev_action = self._action(self.tr("Mục t&rước"), self.previous_section, ["Ctrl+PgUp"])
        self.problems_action = self._action(
            self.tr("Danh sách &lỗi"), window.focus_problems, ["F8"]
        )

    def _action(self, text: str, slot: Callable[[], object], shortcuts: Sequence = ()) -> QAction:
        action = QAction(text, self.window.widget)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        return action

    def enable(self) -> None:
        """Undo and redo as the report allows; copying where an earlier report exists."""
        session = self.window.session
        self.undo_action.setEnabled(session is not None and session.can_undo)
        self.redo_action.setEnabled(session is not None and session.can_redo)

    def save_now(self) -> None:
        if self.window.report_saved():
            self.show_message(
                self.tr("Mọi số liệu đã được lưu tự động ngay khi nhập xong từng ô."), 5000
            )

    def _undone(self, touched: list[str]) -> None:
        window = self.window
        if touched:
            window.changed(OpChanges.edited(touched))
            if window.entry is not None:
                window.entry.go_to_field(touched[0])

    def undo(self) -> None:
        if self.window.session and self.window.entry:
            self._undone(self.window.session.undo())

    def redo(self) -> None:
        if self.window.session and self.window.entry:
            self._undone(self.window.session.redo())

    def next_section(self) -> None:
        if self.window.entry is not None:
            self.window.entry.next_section()

    def previous_section(self) -> None:
        if self.window.entry is not None:
            self.window.entry.previous_section()

    def open_notes(self, field_id: str | None = None) -> None:
        window = self.window
        if window.session is None or window.entry is None:
            return
        field_id = field_id or window.entry.current_field
        if not field_id:
            return
        from .notes_dialog import NotesDialog

        dialog = NotesDialog(window.session, field_id, window.lang, window.widget)
        dialog.exec()
        window.changed(OpChanges(fields=(field_id,), values=True, status=True, notes=True))

    def copy_previous(self) -> None:
        window = self.window
        if window.session is None:
            return
        from .copy_dialog import CopyPreviousDialog

        dialog = CopyPreviousDialog(window.session, window.lang, window.widget)
        if dialog.exec() and dialog.chosen():
            copied = window.session.copy_from_previous(dialog.chosen())
            if copied:
                window.changed(OpChanges.edited(copied))


__all__ = ["ReportCommands"]
