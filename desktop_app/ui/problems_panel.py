"""The problems panel: every error and warning of the report, each one a jump to its
field; a warning selected here can be explained (the explanation travels in the packet
and lets the report be exported)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
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
from ..workspace.session import ReportSession
from .field_row import error_line, show_error

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QWidget):
    jump_requested = Signal(str)  # field id
    explanation_saved = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: ReportSession | None = None
        self.unsaved: list[Problem] = []  # typed in the window, not saved (listed first)
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

    def show_session(self, session: ReportSession) -> None:
        self.session = session
        self.unsaved = []
        self.refresh()

    def show_unsaved(self, unsaved: list[Problem]) -> None:
        if unsaved != self.unsaved:
            self.unsaved = unsaved
            self.refresh()

    def refresh(self) -> None:
        if self.session is None:
            return
        selected = self._current_problem()
        result = self.session.result
        self.list.clear()
        ordered = sorted(result.problems, key=lambda p: (not p.is_error, p.rule_id or ""))
        for problem in [*self.unsaved, *ordered]:
            self.list.addItem(self._item(problem))
        errors, warnings = len(result.errors), len(result.warnings)
        if not errors and not warnings:
            summary = self.tr("Không có lỗi hay cảnh báo nào.")
        else:
            summary = (
                self.tr("Lỗi: %1 · cảnh báo: %2 (chưa giải trình: %3)")
                .replace("%1", str(errors))
                .replace("%2", str(warnings))
                .replace("%3", str(len(result.unexplained_warnings)))
            )
        if self.unsaved:
            summary = self.tr("%n ô chưa lưu được.", "", len(self.unsaved)) + " " + summary
        self.summary.setText(summary)
        if selected is not None:
            for row in range(self.list.count()):
                problem = self.list.item(row).data(PROBLEM_ROLE)
                if (problem.rule_id, problem.field_id) == (selected.rule_id, selected.field_id):
                    self.list.setCurrentRow(row)
                    break

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
            item.setForeground(QColor("#b71c1c"))
        elif not problem.explanation:
            item.setForeground(QColor("#8a5a00"))
        return item

    def _current_problem(self) -> Problem | None:
        item = self.list.currentItem()
        return item.data(PROBLEM_ROLE) if item else None

    def _activated(self, item: QListWidgetItem) -> None:
        problem: Problem = item.data(PROBLEM_ROLE)
        if problem.field_id:
            self.jump_requested.emit(problem.field_id)

    def _selected(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._show_explanation(current.data(PROBLEM_ROLE) if current else None)

    def _show_explanation(self, problem: Problem | None) -> None:
        explainable = problem is not None and not problem.is_error and problem.rule_id
        for widget in (self.explain_label, self.explanation, self.save_explanation):
            widget.setVisible(bool(explainable))
        self.explanation_error.hide()
        if explainable:
            self.explanation.setPlainText(problem.explanation or "")

    def _save_explanation(self) -> None:
        problem = self._current_problem()
        if self.session is None or problem is None or not problem.rule_id:
            return
        try:
            self.session.set_explanation(problem.rule_id, self.explanation.toPlainText())
        except AppError as error:  # kept as typed, nothing saved: say why under the box
            show_error(self.explanation_error, error.message.pick(self.lang))
            self.explanation.setFocus()
            return
        self.explanation_error.hide()
        self.explanation_saved.emit()
        self.refresh()

    def focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
