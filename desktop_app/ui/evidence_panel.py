"""Evidence files (tài liệu kiểm chứng) in the entry window: the small "Kiểm chứng (n)"
button beside a field that takes evidence, and the dialog it opens, which lists the
field's files and attaches (through the window's ``Dialogs``, so tests script the file
dialog), opens and removes them. A refused file is shown with its own reason; a
required file still missing is a problem of the report like any other (the session
checks it), listed in the problems panel and under the field.

Everything it does is a ``workspace.evidence`` call; this module only shows.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.evidence import megabytes
from ..core.forms import Field
from ..core.messages import AppError
from ..workspace import evidence as ev
from ..workspace.changes import OpChanges
from ..workspace.session import ReportSession
from .dialogs import Dialogs

_FILTER = "PDF, JPEG, PNG (*.pdf *.jpg *.jpeg *.png)"


def evidence_button(field: Field, parent: QWidget) -> QToolButton:
    """The button beside a field that takes evidence; ``show_count`` sets its text."""
    button = QToolButton(parent)
    button.setObjectName(f"evidence_{field.id}")
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    required = field.evidence == "required"
    button.setProperty("required", required)
    button.setToolTip(
        QCoreApplication.translate(
            "EvidencePanel", "Tài liệu kiểm chứng (bắt buộc khi có số liệu): PDF, JPEG hoặc PNG"
        )
        if required
        else QCoreApplication.translate(
            "EvidencePanel", "Tài liệu kiểm chứng (không bắt buộc): PDF, JPEG hoặc PNG"
        )
    )
    show_count(button, 0)
    return button


def show_count(button: QToolButton, count: int) -> None:
    button.setText(
        QCoreApplication.translate("EvidencePanel", "Kiểm chứng (%1)").replace("%1", str(count))
    )
    font = button.font()
    font.setBold(count > 0)
    button.setFont(font)


def show_counts(buttons: dict[str, QToolButton], session: ReportSession) -> None:
    counts = ev.evidence_counts(session.ws, session.form, str(session.period))
    for fid, button in buttons.items():
        show_count(button, counts.get(fid, 0))


class EvidenceDialog(QDialog):
    """The files of one field: add, open, remove."""

    def __init__(
        self,
        session: ReportSession,
        field_id: str,
        lang: str,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.field = session.form.fields[field_id]
        self.lang = lang
        self.dialogs = dialogs
        self.changed = False
        self.setObjectName("evidenceDialog")
        self.setWindowTitle(
            self.tr("Tài liệu kiểm chứng: %1").replace("%1", self.field.label.pick(lang))
        )
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        title = QLabel(self.field.label.pick(lang), self)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        layout.addWidget(title)
        limits = session.form.evidence_limits
        rule = (
            self.tr("Bắt buộc khi chỉ tiêu có số liệu (Có, số lớn hơn 0).")
            if self.field.evidence == "required"
            else self.tr("Không bắt buộc.")
        )
        about = QLabel(
            self.tr(
                "%1 Tệp PDF, JPEG hoặc PNG, tối đa %2 một tệp, %3 cả báo cáo, %4 tệp một chỉ tiêu."
            )
            .replace("%1", rule)
            .replace("%2", megabytes(limits.file_bytes))
            .replace("%3", megabytes(limits.packet_bytes))
            .replace("%4", str(limits.files_per_field)),
            self,
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        self.files = QListWidget(self)
        self.files.setObjectName("evidenceFiles")
        self.files.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.files.currentRowChanged.connect(lambda _row: self._enable())
        layout.addWidget(self.files, 1)
        self.message = QLabel("", self)
        self.message.setObjectName("fieldMessage")
        self.message.setProperty("severity", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm tệp…"), self)
        self.add_button.setObjectName("evidenceAdd")
        self.open_button = QPushButton(self.tr("Mở"), self)
        self.open_button.setObjectName("evidenceOpen")
        self.remove_button = QPushButton(self.tr("Bỏ tệp"), self)
        self.remove_button.setObjectName("evidenceRemove")
        close = QPushButton(self.tr("Đóng"), self)
        close.setObjectName("evidenceClose")
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_files)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        close.clicked.connect(self.accept)
        self.refresh()

    # -- showing ------------------------------------------------------------------------

    def _period(self) -> str:
        return str(self.session.period)

    def rows(self) -> list[Any]:
        return ev.list_evidence(self.session.ws, self.session.form.id, self._period()).get(
            self.field.id, []
        )

    def refresh(self) -> None:
        self.files.clear()
        for row in self.rows():
            item = QListWidgetItem(
                f"{row.name}   —   {megabytes(row.size)}, SHA-256 {row.sha256[:12]}…", self.files
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if self.files.count():
            self.files.setCurrentRow(self.files.count() - 1)
        self._enable()

    def _enable(self) -> None:
        chosen = self.files.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _show_error(self, error: AppError | None) -> None:
        self.message.setText(error.message.pick(self.lang) if error else "")
        self.message.setVisible(error is not None)

    def _chosen_id(self) -> int | None:
        item = self.files.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    # -- acting -------------------------------------------------------------------------

    def add_files(self) -> None:
        chosen = self.dialogs.choose_files(
            self, self.tr("Chọn tài liệu kiểm chứng"), str(Path.home()), _FILTER
        )
        refused: AppError | None = None
        for name in chosen:
            try:
                ev.attach_evidence(
                    self.session.ws, self.session.form.id, self._period(), self.field.id, name
                )
                self.changed = True
            except AppError as error:
                refused = error
                break  # the files after it are not tried: the clerk sees why first
        self._show_error(refused)
        self.refresh()

    def open_selected(self) -> None:
        evidence_id = self._chosen_id()
        if evidence_id is None:
            return
        try:
            folder = Path(tempfile.mkdtemp(prefix="kiem-chung-"))
            [path] = ev.extract_evidence(
                self.session.ws, self.session.form.id, self._period(), folder, evidence_id
            )
        except AppError as error:
            self._show_error(error)
            return
        if not self.dialogs.open_file(path):
            self.dialogs.error(
                self,
                self.windowTitle(),
                self.tr("Máy không có phần mềm mở được tệp này: %1").replace("%1", str(path)),
            )

    def remove_selected(self) -> None:
        evidence_id = self._chosen_id()
        item = self.files.currentItem()
        if evidence_id is None or item is None:
            return
        question = self.tr("Bỏ tệp «%1» khỏi chỉ tiêu này?").replace(
            "%1", item.text().split("   —   ")[0]
        )
        if not self.dialogs.confirm(self, self.windowTitle(), question):
            return
        try:
            ev.remove_evidence(self.session.ws, self.session.form.id, self._period(), evidence_id)
            self.changed = True
            self._show_error(None)
        except AppError as error:
            self._show_error(error)
        self.refresh()


def open_evidence(window: Any, field_id: str) -> None:
    """The entry window's handler for a field's evidence button: the dialog, then every
    view told what changed (an exported report reopens as the next revision)."""
    session = window.session
    if session is None:
        return
    dialog = EvidenceDialog(session, field_id, window.lang, window.dialogs, window)
    dialog.exec()
    if dialog.changed:
        session.evidence_changed()
        window.changed(OpChanges(fields=(field_id,), values=True, status=True, saved=True))


__all__ = ["EvidenceDialog", "evidence_button", "open_evidence", "show_count", "show_counts"]
