"""The clerk's main window: choose form and period, fill the sections, watch the problems.

Everything typed is saved field by field by the ReportSession; this window wires the
pieces together (menus, shortcuts, status bar, language) and rebuilds them when the
language or the report changes. It also guards what is typed: a report is left (another
report, the language, closing) only once nothing typed is unsaved, or the clerk agreed.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
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
from ..workspace.changes import OpChanges
from ..workspace.session import ReportSession
from .dialogs import Dialogs
from .entry_view import EntryView
from .evidence_panel import open_evidence
from .import_dialog import ExcelImport
from .leave_guard import LeaveGuard
from .maintenance_actions import MaintenanceActions
from .packet_actions import PacketActions
from .problems_panel import ProblemsDock
from .receiving.receiving_actions import ReceivingActions
from .report_commands import ReportCommands
from .report_status import ReportStatus
from .report_toolbar import ReportToolbar
from .score_actions import ScoreActions
from .settings_actions import SettingsActions
from .style import STYLE_SHEET
from .target_hint import TargetActions
from .ui_context import UiContext
from .window_fit import WindowMemory
from .window_menus import install_menus

if TYPE_CHECKING:
    from ..workspace.instance_lock import InstanceLock

# Dialogs used now and then (notes, copy, settings) are imported when first opened:
# start-up is measured, and every module and Qt class loaded costs on an old PC.


class MainWindow(QMainWindow):
    # What an operation changed: the one signal every view listens to.
    # (OpChanges, the entry view that made the change and shows it already, or None)
    data_changed = Signal(object, object)

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
        self.guard = LeaveGuard(self, self.dialogs)  # nothing typed is dropped unasked
        self.today = today or datetime.date.today()
        self.session: ReportSession | None = None
        self.entry: EntryView | None = None
        self.toolbar: ReportToolbar | None = None
        self.problems_dock: QDockWidget | None = None
        self.status: ReportStatus | None = None
        # The data folder's lock (ui.app takes it); moved along when Settings moves it.
        self.instance_lock: InstanceLock | None = None
        self.setStyleSheet(STYLE_SHEET)
        self.setAcceptDrops(True)  # a receiving unit drops packets and folders on the window
        memory = WindowMemory(workspace.data_dir)
        memory.place(self)  # within the screen; maximised on a small one
        self.data_changed.connect(self._show_changes)
        self.build()
        memory.restore_state(self)

    @property
    def lang(self) -> str:
        profile = self.workspace.profile
        return profile.language if profile else "vi"

    @property
    def ui(self) -> UiContext:
        """What a window or dialog opened now is given (the workspace and language as
        they are now: a restore, a move or the language menu may change them)."""
        return UiContext(self.workspace, self.dialogs, self.today, self.lang)

    @property
    def widget(self) -> QWidget:
        return self

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
        if self.status is not None:
            self.status.remove()
        self.status = ReportStatus(
            self.statusBar(), self.problems_dock.toggleViewAction(), self.lang
        )
        self._fill_forms()

    def _build_problems(self, shown: bool) -> None:
        self.problems_dock = ProblemsDock(self.lang, self)
        self.problems = self.problems_dock.panel
        self.problems.jump_requested.connect(self.go_to_field)
        self.problems.explanation_saved.connect(
            lambda: self.changed(OpChanges(status=True, notes=True))
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.problems_dock)
        self.problems_dock.setVisible(shown)

    def _build_actions(self) -> None:
        self.commands = ReportCommands(self, self.statusBar().showMessage)
        self.quit_action = QAction(self.tr("&Thoát"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.packets = PacketActions(self)
        self.receiving = ReceivingActions(self)
        receiving = self.receiving
        self.maintenance = MaintenanceActions(self, lambda: (receiving.board, receiving.district))
        self.settings = SettingsActions(self, self.maintenance.move_data)
        self.excel_import = ExcelImport(self)
        self.targets = TargetActions(self)
        self.scores = ScoreActions(self)
        install_menus(self)

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

    # The status bar's and the commands' parts, as the tests and the screenshots reach them.
    @property
    def saved_label(self) -> QLabel:
        return self.status.saved_label

    @property
    def status_label(self) -> QLabel:
        return self.status.status_label

    @property
    def problems_toggle(self) -> QToolButton:
        return self.status.toggle

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

    def may_leave_report(self, closing: bool = False, *, discard: bool = True) -> bool:
        """What is typed saved, or the clerk agreed to drop it (``leave_guard``)."""
        return self.guard.may_leave(self.entry, self.problems, closing=closing, discard=discard)

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
        # The view saved and shows the value already: the others show what changed.
        entry.saved.connect(lambda: self.changed(OpChanges(values=True, saved=True), entry))
        entry.save_failed.connect(lambda _fid, message: self.status.save_failed(message))
        entry.report_changed.connect(self._report_changed)
        entry.notes_requested.connect(self.commands.open_notes)
        entry.evidence_requested.connect(lambda fid: open_evidence(self, fid))
        entry.unsaved_changed.connect(lambda: self._unsaved_changed(entry))
        self.setCentralWidget(entry)
        self.problems.show_session(self.session, entry.fields)
        self.commands.copy_action.setEnabled(bool(self.session.copy_candidates()))
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
        self.commands.copy_action.setEnabled(False)
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

    def changed(self, changes: OpChanges, source: EntryView | None = None) -> None:
        """Something changed the data (``source``: the entry view that saved it and shows
        it already); every view is told through ``data_changed``. A view replaced since
        (its editors commit as they lose focus) is not heard."""
        if source is not None and source is not self.entry:
            return
        self.data_changed.emit(changes, source)

    def _show_changes(self, changes: OpChanges, source: EntryView | None) -> None:
        if changes.saved:
            self.status.saved()
        if self.entry is not None and source is None and changes.any:
            self.entry.refresh()
        self.problems.refresh()
        self.update_status()

    def _after_change(self) -> None:
        """Show everything again (after a change made outside the window's commands)."""
        self.changed(OpChanges(values=True, status=True, notes=True))

    def _report_changed(self) -> None:
        if self.session is not None:
            self.status.report_changed(self.session.revision)
            self.update_status()

    def update_status(self) -> None:
        self.status.show(self.session)
        self.commands.enable()

    # -- commands ------------------------------------------------------------------------

    def report_saved(self) -> bool:
        return self.guard.all_saved(self.entry, self.problems, self.statusBar().showMessage)

    def open_settings(self) -> None:
        self.settings.open_settings()

    def show_nothing(self) -> None:
        self.setCentralWidget(QWidget(self))
        self.entry = None
        self.session = None

    def go_to_field(self, field_id: str) -> None:
        if self.entry is not None:
            self.entry.go_to_field(field_id)

    def focus_problems(self) -> None:
        self.problems_dock.show()
        self.problems.focus_list()

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
