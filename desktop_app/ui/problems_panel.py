"""The problems panel: every error and warning of the report, each one a jump to its
field; a warning selected here can be explained (the explanation travels in the packet
and lets the report be exported). Missing required fields are a count until the clerk
has left their section or tried to export (FieldStates decides what is listed).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.messages import AppError
from ..core.validation import UNSAVED, Problem
from ..workspace.field_state import FieldStates
from ..workspace.session import ReportSession
from .field_row import error_line, show_error
from .style import ERROR, WARNING

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QWidget):
    jump_requested = Signal(str)  # field id
    explanation_saved = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: ReportSession | None = None
        self.fields: FieldStates | None = None
        self._listed: list[Problem] = []  # what the list shows, in order
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("problemsSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Wrapped items are laid out again at the panel's width, never cut short with "…".
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.currentItemChanged.connect(self._selected)
        self.explain_label = QLabel(self.tr("Giải trình cho cảnh báo đã chọn:"), self)
        self.explain_label.setWordWrap(True)
        self.explanation = QPlainTextEdit(self)
        self.explanation.setObjectName("explanationEdit")
        self.explanation.setTabChangesFocus(True)
        self.explanation.setFixedHeight(70)
        self.explanation_error = error_line(self)
        # Typed explanations are saved on leaving the box, like a field's text.
        self.explanation.installEventFilter(self)
        self._explaining: Problem | None = None  # the warning whose explanation is shown
        self.save_explanation = QPushButton(self.tr("Lưu giải trình"), self)
        self.save_explanation.setObjectName("saveExplanation")
        self.save_explanation.clicked.connect(self._save_explanation)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.explain_label)
        layout.addWidget(self.explanation)
        layout.addWidget(self.explanation_error)
        layout.addWidget(self.save_explanation)
        self._show_explanation(None)

    def show_session(self, session: ReportSession, fields: FieldStates) -> None:
        self.session = session
        self.fields = fields
        self._listed = []
        self.list.clear()
        self.refresh()

    def refresh(self) -> None:
        """The list and the summary from the open report; the list is rebuilt only when
        what it lists changed (a keystroke in a field does not reset the selection)."""
        if self.session is None or self.fields is None:
            return
        unsaved = self.fields.unsaved_problems()
        shown = self.fields.problems()
        ordered = sorted(shown, key=lambda p: (not p.is_error, p.rule_id or ""))
        listed = [*unsaved, *ordered]
        self.summary.setText(self._summary(len(unsaved)))
        if listed == self._listed:
            return
        self._listed = listed
        selected = self._current_problem()
        self.list.clear()
        for problem in listed:
            self.list.addItem(self._item(problem))
        if selected is not None:
            for row in range(self.list.count()):
                problem = self.list.item(row).data(PROBLEM_ROLE)
                if (problem.rule_id, problem.field_id) == (selected.rule_id, selected.field_id):
                    self.list.setCurrentRow(row)
                    break

    def _summary(self, unsaved: int) -> str:
        result = self.session.result
        missing = len(self.fields.missing())
        errors = len(result.errors) - missing  # a missing field is counted apart
        warnings = len(result.warnings)
        if not errors and not warnings:
            summary = self.tr("Không có lỗi hay cảnh báo nào.")
        else:
            summary = (
                self.tr("Lỗi: %1 · cảnh báo: %2 (chưa giải trình: %3)")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
                .replace("%3", str(len(result.unexplained_warnings)))
            )
        if missing:
            summary = self.tr("%n ô bắt buộc chưa nhập.", "", missing) + " " + summary
        if unsaved:
            summary = self.tr("%n ô chưa lưu được.", "", unsaved) + " " + summary
        return summary

    def _item(self, problem: Problem) -> QListWidgetItem:
        form = self.session.form if self.session else None
        where = ""
        if form and problem.field_id in form.fields:
            where = form.fields[problem.field_id].label.pick(self.lang)
        if problem.code == UNSAVED:
            kind = self.tr("Chưa lưu")
        elif problem.is_error:
            kind = self.tr("Lỗi")
        elif problem.explanation:
            kind = self.tr("Cảnh báo (đã giải trình)")
        else:
            kind = self.tr("Cảnh báo")
        text = f"{kind}: {problem.message.pick(self.lang)}"
        if where:
            text += f"\n→ {where}"
        item = QListWidgetItem(text)
        item.setData(PROBLEM_ROLE, problem)
        if problem.is_error:
            item.setForeground(QColor(ERROR))
        elif not problem.explanation:
            item.setForeground(QColor(WARNING))
        return item

    def _current_problem(self) -> Problem | None:
        item = self.list.currentItem()
        return item.data(PROBLEM_ROLE) if item else None

    def _activated(self, item: QListWidgetItem) -> None:
        problem: Problem = item.data(PROBLEM_ROLE)
        if problem.field_id:
            self.jump_requested.emit(problem.field_id)

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        # Another warning chosen: what was typed for the one before is saved, not
        # overwritten (the list is rebuilt after this handler, not inside it).
        if self.commit_explanation(announce=False):
            QTimer.singleShot(0, self, self._announce)
        self._show_explanation(current.data(PROBLEM_ROLE) if current else None)

    def _show_explanation(self, problem: Problem | None) -> None:
        explainable = problem is not None and not problem.is_error and problem.rule_id
        for widget in (self.explain_label, self.explanation, self.save_explanation):
            widget.setVisible(bool(explainable))
        self.explanation_error.hide()
        self._explaining = problem if explainable else None
        if explainable:
            self.explanation.setPlainText(problem.explanation or "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        leaving = watched is self.explanation and event.type() == QEvent.Type.FocusOut
        # Shown after the click that took the focus (it may be on this list's items).
        if leaving and self.commit_explanation(announce=False):
            QTimer.singleShot(0, self, self._announce)
        return False

    def commit_explanation(self, *, announce: bool = True) -> bool:
        """Save the explanation typed in the box, if it changed (leaving the box, choosing
        another warning, the button, leaving the report). True if something was saved."""
        problem = self._explaining
        if self.session is None or problem is None or not problem.rule_id:
            return False
        text = self.explanation.toPlainText()
        if text == (problem.explanation or ""):
            return False
        try:
            self.session.set_explanation(problem.rule_id, text)
        except AppError as error:  # kept as typed, nothing saved: say why under the box
            show_error(self.explanation_error, error.message.pick(self.lang))
            self.explanation.setFocus()
            return False
        self.explanation_error.hide()
        self._explaining = None  # the list, rebuilt, shows it saved
        if announce:
            self._announce()
        return True

    def _announce(self) -> None:
        self.explanation_saved.emit()
        self.refresh()

    def _save_explanation(self) -> None:
        # Leaving the box for the button saved it already; shown now, not a turn later.
        if not self.commit_explanation():
            self._announce()

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)


class ProblemsDock(QDockWidget):
    """The panel in a dock the clerk can fold away (its switch in the status bar and the
    View menu; F8 brings it back) or move: on a 1024-pixel screen the form needs the room."""

    def __init__(self, lang: str, parent: QWidget) -> None:
        super().__init__(self.tr("Lỗi và cảnh báo"), parent)
        self.setObjectName("problemsDock")
        self.panel = ProblemsPanel(lang, self)
        self.setWidget(self.panel)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.setMinimumWidth(240)
        self.toggleViewAction().setToolTip(
            self.tr("Hiện hoặc ẩn danh sách lỗi và cảnh báo (F8 để mở)")
        )
