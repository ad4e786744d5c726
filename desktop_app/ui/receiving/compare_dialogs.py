"""Two submissions of one unit's report side by side.

``ChangesDialog``: what a newer revision changed (field, old, new), so the officer sees
what a superseding packet replaced. ``ConflictDialog``: two packets of the same revision
with different data; nothing is replaced until the officer picks one and says why (the
decision is logged with who and when).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.forms import Form
from ...workspace import Workspace
from ..base_dialog import AppDialog
from ..identity_panel import grouped_fingerprint
from ..style import CHANGED_BACKGROUND, ERROR_TEXT
from ..ui_context import UiContext
from .board_model import local_time

CHANGED = QColor(CHANGED_BACKGROUND)


def shown_value(form: Form | None, field_id: str, raw: Any, lang: str) -> str:
    """A data.json value as the officer reads it (Vietnamese numbers, Có/Không, labels)."""
    if raw is None:
        return ""
    field = form.fields.get(field_id) if form is not None else None
    if field is None:
        return str(raw)
    from ...core.messages import AppError
    from ...core.values import display
    from ...packets.cells import typed_value

    try:  # canonical text: "1.234" in data.json is one point two three four
        return display(field, typed_value(field, raw), lang)
    except (AppError, ValueError, TypeError, ArithmeticError):
        return str(raw)


def field_label(form: Form | None, field_id: str, lang: str) -> str:
    field = form.fields.get(field_id) if form is not None else None
    return f"{field.label.pick(lang)} ({field_id})" if field is not None else field_id


def _table(parent: QWidget, heads: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(heads), parent)
    table.setHorizontalHeaderLabels(heads)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(heads)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _form_of(workspace: Workspace, submission: Any) -> Form | None:
    return workspace.forms.by_version(submission.form_id, submission.form_version)


def describe_submission(submission: Any, lang: str) -> str:
    """Revision, when signed and received, the signer and the fingerprint."""
    if lang == "en":
        lines = [
            f"<b>Revision {submission.revision}</b>",
            f"signed {local_time(submission.created_at)}",
            f"received {local_time(submission.received_at)}",
            f"signer: {submission.signer_name}",
        ]
    else:
        lines = [
            f"<b>Lần sửa {submission.revision}</b>",
            f"lập ngày {local_time(submission.created_at)}",
            f"nhận ngày {local_time(submission.received_at)}",
            f"người ký: {submission.signer_name}",
        ]
    fingerprint = grouped_fingerprint(submission.signer_fingerprint).replace("\n", "<br>")
    return "<br>".join(lines) + f"<br><tt>{fingerprint}</tt>"


class ChangesDialog(AppDialog):
    """What the current revision of a unit's report changed from the one it replaced."""

    def __init__(
        self,
        ui: UiContext,
        submission_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        from ...storage.submissions import get_submission
        from ...workspace.receive import latest_changes

        self.set_up("changesDialog", self.tr("Thay đổi so với lần nộp trước"), size=(900, 520))
        layout = QVBoxLayout(self)
        submission = get_submission(self.workspace.db, submission_id)
        assert submission is not None
        previous, changes = latest_changes(self.workspace, submission_id)
        form = _form_of(self.workspace, submission)
        self.summary = QLabel(self)
        self.summary.setObjectName("changesSummary")
        self.summary.setWordWrap(True)
        who = f"<b>{submission.unit_name}</b> ({submission.unit_code})"
        if previous is None:
            self.summary.setText(
                self.tr("%1: lần sửa %2 là lần nộp đầu tiên, chưa có gì để so sánh.")
                .replace("%1", who)
                .replace("%2", str(submission.revision))
            )
        else:
            self.summary.setText(
                self.tr("%1: lần sửa %2 so với lần %3 — %4 thay đổi.")
                .replace("%1", who)
                .replace("%2", str(submission.revision))
                .replace("%3", str(previous.revision))
                .replace("%4", str(len(changes)))
            )
        layout.addWidget(self.summary)
        self.table = _table(
            self, [self.tr("Chỉ tiêu"), self.tr("Giá trị cũ"), self.tr("Giá trị mới")]
        )
        self.table.setObjectName("changesTable")
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            label = field_label(form, change.field, self.lang)
            if change.kind == "comment":
                label += self.tr(" — ghi chú")
            elif change.kind == "computed":
                label += self.tr(" — tự tính")
            cells = [
                label,
                shown_value(form, change.field, change.old, self.lang) if change.kind != "comment"
                else str(change.old or ""),
                shown_value(form, change.field, change.new, self.lang) if change.kind != "comment"
                else str(change.new or ""),
            ]  # fmt: skip
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        layout.addLayout(self.button_row())


class ConflictDialog(AppDialog):
    """The held submission and a conflicting one, field by field; the officer keeps one."""

    decided = Signal(object)  # the submission that now counts

    def __init__(
        self,
        ui: UiContext,
        pending_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        from ...storage.submissions import current_submission, get_submission
        from ...workspace.receive import changes_between

        self.pending_id = pending_id
        pending = get_submission(self.workspace.db, pending_id)
        assert pending is not None
        held = current_submission(
            self.workspace.db, pending.unit_code, pending.form_id, pending.period
        )
        assert held is not None
        self.held, self.pending = held, pending
        form = _form_of(self.workspace, pending)
        self.set_up("conflictDialog", self.tr("Xung đột: hai gói cùng lần sửa"), size=(1100, 620))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "<b>%1</b> (%2) đã gửi hai gói cùng lần sửa %3 nhưng số liệu khác nhau. "
                "Bản đang dùng chưa bị thay thế. Hãy so sánh, hỏi lại đơn vị nếu cần, rồi chọn "
                "bản được dùng và ghi lý do."
            )
            .replace("%1", pending.unit_name)
            .replace("%2", pending.unit_code)
            .replace("%3", str(pending.revision)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        sides = QHBoxLayout()
        for title, submission, name in (
            (self.tr("Bản đang dùng"), held, "heldInfo"),
            (self.tr("Bản mới nhận"), pending, "pendingInfo"),
        ):
            label = QLabel(f"<u>{title}</u><br>" + describe_submission(submission, self.lang), self)
            label.setObjectName(name)
            label.setWordWrap(True)
            sides.addWidget(label, 1)
        layout.addLayout(sides)
        changes = changes_between(self.workspace, held.id, pending.id)
        self.table = _table(
            self, [self.tr("Chỉ tiêu"), self.tr("Bản đang dùng"), self.tr("Bản mới nhận")]
        )
        self.table.setObjectName("conflictTable")
        self.table.setRowCount(len(changes))
        for row, change in enumerate(changes):
            label = field_label(form, change.field, self.lang)
            if change.kind == "comment":
                label += self.tr(" — ghi chú")
            cells = [
                label,
                shown_value(form, change.field, change.old, self.lang),
                shown_value(form, change.field, change.new, self.lang),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setBackground(CHANGED)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table, 1)
        reason_row = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("conflictReason")
        self.reason.setPlaceholderText(
            self.tr("Ví dụ: đã gọi điện, đơn vị xác nhận bản mới là bản đúng")
        )
        self.reason_label = QLabel(self.tr("Lý do chọn (bắt buộc):"), self)
        reason_row.addRow(self.reason_label, self.reason)
        layout.addLayout(reason_row)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton(self.tr("Giữ bản đang dùng"), self)
        self.keep_button.setObjectName("keepHeld")
        self.keep_button.clicked.connect(lambda: self.decide("held"))
        self.take_button = QPushButton(self.tr("Dùng bản mới nhận"), self)
        self.take_button.setObjectName("takeNew")
        self.take_button.clicked.connect(lambda: self.decide("new"))
        later = QPushButton(self.tr("Để sau"), self)
        later.clicked.connect(self.reject)
        buttons.addStretch(1)
        for button in (self.keep_button, self.take_button, later):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def decide(self, take: str) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.reason_label.setStyleSheet(ERROR_TEXT)
            self.reason.setFocus()
            return
        from ...core.messages import AppError
        from ...workspace.receive import decide_conflict

        try:
            counted = decide_conflict(self.workspace, self.pending_id, take, reason)
        except AppError as error:
            self.show_error(error)
            return
        self.decided.emit(counted)
        self.accept()


__all__ = ["ChangesDialog", "ConflictDialog", "describe_submission", "shown_value"]
