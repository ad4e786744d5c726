"""A value's comment and its history from the audit log (who, when, old → new).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.dates import format_date
from ..core.messages import AppError
from ..core.values import display
from ..workspace.session import ReportSession
from .field_row import error_line, show_error


def when(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    return f"{format_date(moment.date())} {moment:%H:%M:%S}"


class NotesDialog(QDialog):
    def __init__(
        self, session: ReportSession, field_id: str, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.field_id = field_id
        self.lang = lang
        f = session.form.fields[field_id]
        self.setWindowTitle(self.tr("Ghi chú và lịch sử: %1").replace("%1", f.label.pick(lang)))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        title = QLabel(f.label.pick(lang), self)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Ghi chú (in trong cột Ghi chú của báo cáo):"), self))
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("commentEdit")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlainText(session.comments.get(field_id, ""))
        self.comment.setFixedHeight(90)
        layout.addWidget(self.comment)
        self.error = error_line(self)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("Lịch sử thay đổi:"), self))
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Thời gian"),
                self.tr("Người sửa"),
                self.tr("Nội dung"),
                self.tr("Giá trị cũ"),
                self.tr("Giá trị mới"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu ghi chú"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fill_history()

    def _shown(self, kind: str, text: str | None) -> str:
        if text is None:
            return "—"
        if kind != "value":
            return text
        f = self.session.form.fields[self.field_id]
        value = self.session.display_stored(self.field_id, text)
        return display(f, value, self.lang) if value is not None else text

    def fill_history(self) -> None:
        kinds = {"value": self.tr("Số liệu"), "comment": self.tr("Ghi chú")}
        rows = self.session.history(self.field_id)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [
                when(row.at),
                row.user,
                kinds.get(row.kind, row.kind),
                self._shown(row.kind, row.old),
                self._shown(row.kind, row.new),
            ]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def save(self) -> None:
        """Save and close; a refused comment (a control character, too long) stays in
        the box with the reason under it, and nothing is saved."""
        try:
            self.session.set_comment(self.field_id, self.comment.toPlainText())
        except AppError as error:
            show_error(self.error, error.message.pick(self.lang))
            self.comment.setFocus()
            return
        self.accept()
