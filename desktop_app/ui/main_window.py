"""The clerk's main window: choose form and period, fill the sections, watch the problems.

Everything typed is saved field by field by the ReportSession; this window wires the
pieces together (menus, shortcuts, status bar, language) and rebuilds them when the
language or the report changes. It also guards what is typed: a report is left (another
report, the language, closing) only once nothing typed is unsaved, or the clerk agreed."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import AppError
from ..workspace import Workspace
from ..workspace.session import ReportSession
from .dialogs import Dialogs
from .entry_view import EntryView
from .maintenance_actions import MaintenanceActions
from .packet_actions import PacketActions
from .problems_panel import ProblemsPanel
from .receiving.receiving_actions import ReceivingActions
from .report_toolbar import ReportToolbar
from .settings_actions import SettingsActions
from .style import STYLE_SHEET
from .window_fit import WindowMemory

if TYPE_CHECKING:
    from ..workspace.instance_lock import InstanceLock

# Dialogs used now and then (notes, copy, settings) are imported when first opened:
# start-up is measured, and every module and Qt class loaded costs on an old PC.


class MainWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        *,
        dialogs: Dialogs | None = None,
        today: datetime.date | None = None,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.dialogs = dialogs or Dialogs()
        self.today = today or datetime.date.today()
        self.session: ReportSession | None = None
        self.entry: EntryView | None = None
        self.toolbar: ReportToolbar | None = None
        self.problems_dock: QDockWidget | None = None
        # The data folder's lock (ui.app takes it); moved along when Settings moves it.
        self.instance_lock: InstanceLock | None = None
        self.setStyleSheet(STYLE_SHEET)
        self.setAcceptDrops(True)  # a receiving unit drops packets and folders on the window
        memory = WindowMemory(workspace.data_dir)
        memory.place(self)  # within the screen; maximised on a small one
        self.build()
        memory.restore_state(self)

    @property
    def lang(self) -> str:
        profile = self.workspace.profile
        return profile.language if profile else "vi"

    # -- building ------------------------------------------------------------------------

    def build(self) -> None:
        """(Re)build every widget: at start, and after a language or unit change."""
        self.setWindowTitle(self.tr("Báo cáo ứng dụng công nghệ thông tin"))
        self.menuBar().clear()
        if self.toolbar is not None:
            self.removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
        problems_shown = True
        if self.problems_dock is not None:
            # The panel folded away stays so in the other language.
            problems_shown = self.problems_dock.toggleViewAction().isChecked()
            self.removeDockWidget(self.problems_dock)
            self.problems_dock.deleteLater()
        self._build_problems(problems_shown)
        self._build_actions()
        self._build_toolbar()
        olds = ("saved_label", "status_label", "problems_toggle")
        for old in (getattr(self, name, None) for name in olds):
            if old is not None:
                self.statusBar().removeWidget(old)
                old.deleteLater()
        # The panel's switch sits in the status bar, which is on screen at any width
        # (a toolbar too narrow hides its last buttons behind »).
        self.problems_toggle = QToolButton(self)
        self.problems_toggle.setObjectName("problemsToggle")
        self.problems_toggle.setAutoRaise(True)
        self.problems_toggle.setDefaultAction(self.problems_dock.toggleViewAction())
        self.saved_label = QLabel("", self)
        self.saved_label.setObjectName("savedLabel")
        self.status_label = QLabel("", self)
        self.status_label.setObjectName("reportStatus")
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.problems_toggle)
        self._fill_forms()

    def _build_problems(self, shown: bool) -> None:
        """The problems panel, in a dock the clerk can fold away (its button on the
        toolbar, F8 brings it back) or move: on a 1024-pixel screen the form needs the room."""
        self.problems = ProblemsPanel(self.lang, self)
        self.problems.jump_requested.connect(self.go_to_field)
        self.problems.explanation_saved.connect(self._after_change)
        self.problems_dock = QDockWidget(self.tr("Lỗi và cảnh báo"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.problems_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.problems_dock.setMinimumWidth(240)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.problems_dock)
        self.problems_dock.setVisible(shown)
        toggle = self.problems_dock.toggleViewAction()
        toggle.setToolTip(self.tr("Hiện hoặc ẩn danh sách lỗi và cảnh báo (F8 để mở)"))

    def _action(self, text: str, slot: Callable[[], object], shortcuts: Sequence = ()) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.save_action = self._action(
            self.tr("&Lưu"), self.save_now, [QKeySequence.StandardKey.Save]
        )
        self.copy_action = self._action(self.tr("Sao chép từ &kỳ trước…"), self.copy_previous)
        self.quit_action = self._action(self.tr("&Thoát"), self.close, ["Ctrl+Q"])
        self.undo_action = self._action(self.tr("&Hoàn tác"), self.undo, ["Ctrl+Z"])
        self.redo_action = self._action(self.tr("&Làm lại"), self.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        self.notes_action = self._action(self.tr("&Ghi chú và lịch sử…"), self.open_notes, ["F4"])
        self.next_action = self._action(
            self.tr("Mục &tiếp theo"), self.next_section, ["Ctrl+PgDown"]
        )
        self.prev_action = self._action(self.tr("Mục t&rước"), self.previous_section, ["Ctrl+PgUp"])
        self.problems_action = self._action(self.tr("Danh sách &lỗi"), self.focus_problems, ["F8"])
        self.packets = PacketActions(self)
        self.receiving = ReceivingActions(self)
        self.maintenance = MaintenanceActions(self)
        self.settings = SettingsActions(self)
        menus = [
            (
                self.tr("&Báo cáo"),
                [
                    self.save_action,
                    self.copy_action,
                    None,
                    self.packets.export_action,
                    self.packets.verify_action,
                    self.receiving.receipt_action,
                    None,
                    self.quit_action,
                ],
            ),
            (self.tr("&Sửa"), [self.undo_action, self.redo_action, None, self.notes_action]),
            (
                self.tr("&Xem"),
                [
                    self.next_action,
                    self.prev_action,
                    self.problems_action,
                    self.problems_dock.toggleViewAction(),
                ],
            ),
            (
                self.tr("&Công cụ"),
                [
                    self.packets.identity_action,
                    self.maintenance.backups_action,
                    None,
                    self.settings.settings_action,
                ],
            ),
        ]
        if self.receiving.receives:
            menus.insert(1, (self.tr("&Tiếp nhận"), self.receiving.menu_actions()))
        for title, actions in menus:
            menu = self.menuBar().addMenu(title)
            for action in actions:
                menu.addSeparator() if action is None else menu.addAction(action)
                if action is not None:
                    self.addAction(action)  # shortcuts work with the menu closed
        language = self.menuBar().addMenu(self.tr("&Ngôn ngữ"))
        language.addAction(self.settings.vi_action)
        language.addAction(self.settings.en_action)
        help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        help_menu.addAction(self.maintenance.about_action)
        self.addAction(self.maintenance.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = ReportToolbar(self.today, self.lang, self.packets.export_action, self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.form_picked.connect(self._form_chosen)
        self.toolbar.period_picked.connect(self._period_chosen)

    # The toolbar's parts, as the tests and the screenshots reach them.
    @property
    def unit_label(self) -> QLabel:
        return self.toolbar.unit_label

    @property
    def form_combo(self) -> QComboBox:
        return self.toolbar.form_combo

    @property
    def period_combo(self) -> QComboBox:
        return self.toolbar.period_combo

    # -- choosing the report -------------------------------------------------------------

    def _fill_forms(self) -> None:
        if not self.toolbar.fill_forms(self.workspace):
            self._show_no_unit()
            return
        self.toolbar.fill_periods(self.workspace)
        # The report shown so far may belong to another unit or language (Settings, the
        # language menu): it is not left on screen if the new one cannot open.
        self._show_placeholder(self.tr("Không mở được báo cáo nào của đơn vị này."))
        self.open_report()

    def _form_chosen(self) -> None:
        if self.may_leave_report():
            self.toolbar.fill_periods(self.workspace)
            self.open_report()
        else:
            self._show_open_report()

    def _period_chosen(self) -> None:
        if self.may_leave_report():
            self.open_report()
        else:
            self._show_open_report()

    def _show_open_report(self) -> None:
        """The form and period choices back on the report still open."""
        if self.session is not None:
            self.toolbar.show_report(self.workspace, self.session.form.id, str(self.session.period))

    def _unsaved_after_commit(self) -> list[str]:
        """The fields whose typed text is still unsaved once the one being typed is saved."""
        if self.entry is None:
            return []
        self.problems.commit_explanation()  # an explanation being typed is saved too
        self.entry.commit_pending()
        return self.entry.unsaved_fields()

    def may_leave_report(self, closing: bool = False, *, discard: bool = True) -> bool:
        """Save what is being typed; if some typed text still cannot be saved (a value not
        accepted, or a save that failed), say so and ask before it is dropped. The clerk
        who says no is taken to the first such field. With ``discard`` False the text is
        left in place after a yes: the caller drops it once it really leaves."""
        unsaved = self._unsaved_after_commit()
        if not unsaved:
            return True
        if closing:
            question = self.tr(
                "%n ô chưa lưu được (xem thông báo đỏ dưới ô). Nếu đóng bây giờ, nội "
                "dung vừa nhập ở các ô đó sẽ mất.\n\nVẫn đóng phần mềm?",
                "",
                len(unsaved),
            )
        else:
            question = self.tr(
                "%n ô chưa lưu được (xem thông báo đỏ dưới ô). Nếu chuyển đi bây giờ, "
                "nội dung vừa nhập ở các ô đó sẽ mất.\n\nVẫn chuyển?",
                "",
                len(unsaved),
            )
        if not self.dialogs.confirm(self, self.windowTitle(), question):
            self.entry.go_to_field(unsaved[0])
            return False
        if discard:
            self.entry.discard_unsaved()
        return True

    def open_report(self, form_id: str | None = None, period: str | None = None) -> None:
        """Open (or reopen) a report; the one open is left only as ``may_leave_report``
        allows."""
        if not self.may_leave_report():
            self._show_open_report()
            return
        form_id = form_id or self.toolbar.form_id
        period = period or self.toolbar.period
        if form_id is None or period is None:
            self._show_open_report()  # the choices stay on what is on screen
            return
        try:
            self.session = ReportSession.open(self.workspace, form_id, period)
        except AppError as error:
            self.dialogs.error(self, self.windowTitle(), error.message.pick(self.lang))
            self._show_open_report()
            return
        self.toolbar.show_report(self.workspace, form_id, period)
        self.entry = entry = EntryView(self.session, self.lang, self, self._window_keys())
        entry.saved.connect(lambda: self._saved(entry))
        entry.save_failed.connect(self._save_failed)
        entry.report_changed.connect(self._report_changed)
        entry.notes_requested.connect(self.open_notes)
        entry.unsaved_changed.connect(lambda: self._unsaved_changed(entry))
        self.setCentralWidget(entry)
        self.problems.show_session(self.session, entry.fields)
        self.copy_action.setEnabled(bool(self.session.copy_candidates()))
        self.packets.export_action.setEnabled(True)
        self.update_status()
        entry.start(self.session.last_edited_field())  # where the clerk left off

    def _window_keys(self) -> tuple[QKeySequence, ...]:
        """The window's shortcuts, which a field's editor must not take for itself."""
        return tuple(key for action in self.actions() for key in action.shortcuts())

    def _unsaved_changed(self, entry: EntryView) -> None:
        # A view being replaced may still signal (its editors lose focus): not its panel.
        if entry is self.entry:
            self.problems.refresh()

    def _show_no_unit(self) -> None:
        self._show_placeholder(self.tr("Máy này chưa có đơn vị báo cáo."))

    def _show_placeholder(self, message: str) -> None:
        """No report open: what to do instead, and the way to Settings."""
        self.packets.export_action.setEnabled(False)
        self.copy_action.setEnabled(False)
        placeholder = QWidget(self)
        column = QVBoxLayout(placeholder)
        column.addStretch(1)
        text = QLabel(message, placeholder)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(text)
        button = QPushButton(self.tr("Thiết lập đơn vị…"), placeholder)
        button.clicked.connect(lambda: self.settings.open_settings())
        column.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        self.setCentralWidget(placeholder)
        self.entry = None
        self.session = None

    # -- after edits ---------------------------------------------------------------------

    def _saved(self, entry: EntryView | None = None) -> None:
        """Something was saved; ``entry`` when that view saved it (and showed it already)."""
        if entry is not None and entry is not self.entry:
            return
        self.saved_label.setText(
            self.tr("Đã lưu lúc %1").replace("%1", datetime.datetime.now().strftime("%H:%M:%S"))
        )
        self._after_change(refresh_entry=entry is None)

    def _save_failed(self, _field_id: str, message: str) -> None:
        """A full disk, a read-only folder, a database held by another program: the
        field keeps what was typed and says why; the status bar says it too."""
        self.saved_label.setText(self.tr("Chưa lưu được!"))
        self.statusBar().showMessage(message, 30000)

    def _after_change(self, refresh_entry: bool = True) -> None:
        if self.entry is not None and refresh_entry:
            self.entry.refresh()
        self.problems.refresh()
        self.update_status()

    def _report_changed(self) -> None:
        if self.session is None:
            return
        self.statusBar().showMessage(
            self.tr(
                "Báo cáo đã xuất nay được sửa: đây là lần sửa %1, cần xuất và gửi lại."
            ).replace("%1", str(self.session.revision)),
            15000,
        )
        self.update_status()

    def update_status(self) -> None:
        session = self.session
        if session is None:
            self.status_label.setText("")
            return
        names = {
            "draft": self.tr("Bản nháp"),
            "exported": self.tr("Đã xuất gói"),
            "accepted": self.tr("Đã được tiếp nhận"),
            "returned": self.tr("Bị trả lại"),
        }
        self.status_label.setText(
            self.tr("Trạng thái: %1 · lần sửa %2")
            .replace("%1", names.get(session.status, session.status))
            .replace("%2", str(session.revision))
        )
        self.status_label.setToolTip(self._review_note(session))
        self.undo_action.setEnabled(session.can_undo)
        self.redo_action.setEnabled(session.can_redo)

    def _review_note(self, session: ReportSession) -> str:
        """What the parent unit said in its last receipt about this report, if any."""
        if session.report is None or session.status not in ("accepted", "returned"):
            return ""
        from ..storage.receipts import list_receipts

        found = list_receipts(self.workspace.db, "received", report_id=session.report.id)
        if not found or not found[0].reason:
            return ""
        if found[0].decision == "returned":
            return self.tr("Lý do trả lại: %1").replace("%1", found[0].reason)
        return self.tr("Ghi chú khi tiếp nhận: %1").replace("%1", found[0].reason)

    # -- commands ------------------------------------------------------------------------

    def report_saved(self) -> bool:
        """Save the field being typed. False if some typed text cannot be saved: the clerk
        is taken to the first such field and the status bar says how many there are."""
        unsaved = self._unsaved_after_commit()
        if not unsaved:
            return True
        self.entry.go_to_field(unsaved[0])
        self.statusBar().showMessage(
            self.tr("%n ô chưa lưu được: sửa nội dung đang đánh dấu đỏ dưới ô.", "", len(unsaved)),
            10000,
        )
        return False

    def save_now(self) -> None:
        if self.report_saved():
            self.statusBar().showMessage(
                self.tr("Mọi số liệu đã được lưu tự động ngay khi nhập xong từng ô."), 5000
            )

    def undo(self) -> None:
        if self.session and self.entry:
            touched = self.session.undo()
            if touched:
                self._saved()
                self.entry.go_to_field(touched[0])

    def redo(self) -> None:
        if self.session and self.entry:
            touched = self.session.redo()
            if touched:
                self._saved()
                self.entry.go_to_field(touched[0])

    def go_to_field(self, field_id: str) -> None:
        if self.entry is not None:
            self.entry.go_to_field(field_id)

    def next_section(self) -> None:
        if self.entry is not None:
            self.entry.next_section()

    def previous_section(self) -> None:
        if self.entry is not None:
            self.entry.previous_section()

    def focus_problems(self) -> None:
        self.problems_dock.show()
        self.problems.focus_list()

    def open_notes(self, field_id: str | None = None) -> None:
        if self.session is None or self.entry is None:
            return
        field_id = field_id or self.entry.current_field
        if not field_id:
            return
        from .notes_dialog import NotesDialog

        dialog = NotesDialog(self.session, field_id, self.lang, self)
        dialog.exec()
        self._after_change()

    def copy_previous(self) -> None:
        if self.session is None:
            return
        from .copy_dialog import CopyPreviousDialog

        dialog = CopyPreviousDialog(self.session, self.lang, self)
        if dialog.exec() and dialog.chosen():
            copied = self.session.copy_from_previous(dialog.chosen())
            if copied:
                self._saved()

    def _dropped(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        if not self.receiving.receives:
            return []
        from .receiving.receive_dialog import dropped_paths

        return dropped_paths(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.receiving.receive(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave_report(closing=True):
            event.ignore()
            return
        WindowMemory(self.workspace.data_dir).remember(self)  # the folder may have moved
        super().closeEvent(event)
