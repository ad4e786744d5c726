"""Export the open report as a signed packet: what will be sent, who signs, the passphrase
or PIN, where to put the file; then where it went and the fingerprint to read out.

The report is checked when the dialog opens: with errors or unexplained warnings it says
why and offers the problems list instead of an Export button that would only refuse.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..paths import DOCUMENTS_FOLDER, documents_dir
from ..storage import get_setting, set_setting
from ..workspace import Workspace
from .background import BackgroundTask, in_workspace
from .base_dialog import AppDialog
from .fingerprint_view import FingerprintView
from .identity_panel import IdentityPanel
from .style import ERROR_TEXT, OK_TEXT
from .ui_context import UiContext
from .unit_words import receiver

EXPORT_DIR_SETTING = "export_dir"
DEFAULT_FOLDER = DOCUMENTS_FOLDER


def default_export_dir(workspace: Workspace) -> Path:
    """The folder last exported to while it can be had (a USB stick may be out), else
    the unit's documents folder (``paths.documents_dir``); either created if need be,
    so a file dialog shown it opens there."""
    chosen = get_setting(workspace.db, EXPORT_DIR_SETTING)
    if chosen:
        try:
            Path(chosen).mkdir(parents=True, exist_ok=True)
            return Path(chosen)
        except OSError:
            pass
    return documents_dir(workspace.data_dir)


class ExportDialog(AppDialog):
    exported = Signal(object)  # workspace.export.ExportResult
    show_problems = Signal()
    manage_identity = Signal()

    def __init__(
        self,
        ui: UiContext,
        form_id: str,
        period: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.form_id = form_id
        self.period = period
        self.task: BackgroundTask | None = None
        self.result: Any = None
        self.set_up("exportDialog", self.tr("Xuất gói nộp"), min_width=760)
        layout = QVBoxLayout(self)
        self.report_label = QLabel(self)
        self.report_label.setObjectName("exportReport")
        self.report_label.setWordWrap(True)
        layout.addWidget(self.report_label)
        self.check_label = QLabel(self)
        self.check_label.setObjectName("exportCheck")
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)
        layout.addWidget(self._separator())
        layout.addWidget(QLabel(self.tr("<b>Ký bằng chữ ký số của đơn vị</b>"), self))
        self.identity = IdentityPanel(self)
        layout.addWidget(self.identity)
        layout.addLayout(self._inputs())
        self.done_label = self.done_box("exportDone")
        layout.addWidget(self.done_label)
        self.done_fingerprint = FingerprintView(self)
        self.done_fingerprint.setObjectName("exportDoneFingerprint")
        self.done_fingerprint.hide()
        layout.addWidget(self.done_fingerprint)
        layout.addLayout(self._buttons())
        self.refresh()

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        return line

    def _inputs(self) -> QFormLayout:
        form = QFormLayout()
        self._document_inputs(form)
        self.secret_label = QLabel(self)
        self.secret = self.secret_input("exportSecret", self.start_export)
        form.addRow(self.secret_label, self.secret)
        self.folder, self.browse_button, folder_row = self.folder_input(
            "exportFolder",
            default_export_dir(self.workspace),
            self.tr("Chọn…"),
            self.tr("Thư mục lưu gói nộp"),
        )
        form.addRow(self.tr("Lưu gói vào thư mục:"), folder_row)
        return form

    def _document_inputs(self, form: QFormLayout) -> None:
        """The number the office's clerk gives the report and its date: printed in the
        signed PDF, which cannot be filled in afterwards; kept for the next export."""
        from ..workspace.doc_number import NUMBER_MAX_LENGTH, stored_number

        kept = stored_number(self.workspace.db, self.form_id, self.period)
        self.doc_number = QLineEdit(kept.number if kept else "", self)
        self.doc_number.setObjectName("exportDocNumber")
        self.doc_number.setMaxLength(NUMBER_MAX_LENGTH)
        self.doc_number.setPlaceholderText(self.tr("ví dụ 12 hoặc 12/BC-UBND"))
        form.addRow(self.tr("Số văn bản (văn thư cấp):"), self.doc_number)
        date = kept.date.strftime("%d/%m/%Y") if kept and kept.date else ""
        self.doc_date = QLineEdit(date, self)
        self.doc_date.setObjectName("exportDocDate")
        self.doc_date.setPlaceholderText(self.tr("dd/mm/yyyy; để trống: ngày xuất gói"))
        form.addRow(self.tr("Ngày văn bản:"), self.doc_date)

    def _document(self) -> Any:
        """The number and date entered, or None when the clerk goes back to them (a date
        that is not one, or a blank number not confirmed)."""
        from ..core.dates import parse_date
        from ..core.messages import AppError
        from ..core.text import nfc
        from ..workspace.doc_number import DocumentNumber

        number = nfc(self.doc_number.text()).strip()
        if not number and not self.dialogs.confirm(
            self,
            self.windowTitle(),
            self.tr(
                "Xuất báo cáo chưa có số văn bản? Báo cáo sẽ in «Số: ……» và không thể điền"
                " số vào bản đã ký."
            ),
        ):
            self.doc_number.setFocus()
            return None
        try:
            text = self.doc_date.text().strip()
            return DocumentNumber(number, parse_date(text) if text else None)
        except AppError as error:
            self.show_error(error)
            self.doc_date.setFocus()
            return None

    def _buttons(self) -> QHBoxLayout:
        self.identity_button = QPushButton(self.tr("Chữ ký số…"), self)
        self.identity_button.clicked.connect(self.manage_identity.emit)
        self.problems_button = QPushButton(self.tr("Xem danh sách lỗi"), self)
        self.problems_button.clicked.connect(lambda: (self.show_problems.emit(), self.reject()))
        self.open_button = QPushButton(self.tr("Mở thư mục"), self)
        self.open_button.setObjectName("openFolder")
        self.open_button.clicked.connect(self._open_folder)
        self.open_button.hide()
        self.export_button = QPushButton(self.tr("Xuất gói"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        return self.button_row(
            [self.identity_button, self.problems_button],
            [self.open_button, self.export_button],
            close=self.reject,
        )

    # -- state ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-check the report and the identity (after either changed)."""
        from ..packets.identities import current_identity
        from ..workspace.entry import check_report
        from ..workspace.export import refusal

        state = check_report(self.workspace, self.form_id, self.period)
        revision = state.report.revision if state.report else 1
        self.report_label.setText(
            f"<b>{state.form.title.pick(self.lang)}</b><br>"
            + self.tr("Kỳ báo cáo: %1 · lần sửa %2")
            .replace("%1", state.period.label(self.lang))
            .replace("%2", str(revision))
        )
        refused = refusal(state)
        if refused is None:
            warnings = len(state.result.warnings)
            text = self.tr("Báo cáo không còn lỗi.")
            if warnings:
                text += " " + self.tr("%1 cảnh báo đã có giải trình, được gửi kèm.").replace(
                    "%1", str(warnings)
                )
            self.check_label.setStyleSheet(OK_TEXT)
        else:
            text = refused.message.pick(self.lang)
            self.check_label.setStyleSheet(ERROR_TEXT)
        self.check_label.setText(text)
        self.problems_button.setVisible(refused is not None and state.report is not None)
        info = current_identity(self.workspace.db, self.workspace.data_dir)
        self.identity.show_identity(info, self.lang)
        needs_pin = info is not None and info.needs_pin
        self.secret_label.setText(
            self.tr("Mã PIN của USB ký số:") if needs_pin else self.tr("Mật khẩu khóa ký:")
        )
        self.ready = refused is None and info is not None
        self.export_button.setEnabled(self.ready)
        self.secret.setEnabled(self.ready)
        if self.ready:
            self.secret.setFocus()

    # -- exporting -----------------------------------------------------------------------

    def start_export(self) -> None:
        if not self.ready or (self.task is not None and self.task.running):
            return
        if self.secret_missing(self.secret_label, self.secret):
            return
        from ..workspace.export import export_report

        document = self._document()
        if document is None:
            return
        folder = Path(self.folder.text().strip() or default_export_dir(self.workspace))
        secret = self.secret.text()
        self.secret.clear()  # not kept in the widget longer than needed
        form_id, period = self.form_id, self.period

        def job(ws: Workspace, progress: Any) -> Any:
            return export_report(
                ws, form_id, period, folder, secret=secret, progress=progress, document=document
            )

        self.task = BackgroundTask(
            self, self.tr("Đang lập và ký gói nộp…"), in_workspace(self.workspace.data_dir, job)
        )
        self.task.finished.connect(lambda result: self._exported(result, folder))
        self.task.failed.connect(self._failed)
        self.export_button.setEnabled(False)
        self.task.done.connect(lambda: self.export_button.setEnabled(self.ready))
        self.task.start()

    def _failed(self, error: BaseException) -> None:
        self.show_error(error)
        self.refresh()

    def _exported(self, result: Any, folder: Path) -> None:
        self.result = result
        set_setting(self.workspace.db, EXPORT_DIR_SETTING, str(folder))
        lines = [
            self.tr("Đã xuất gói nộp lần sửa %1:").replace("%1", str(result.revision)),
            f"<b>{result.path.name}</b>",
            self.tr("trong thư mục %1").replace("%1", str(result.path.parent)),
        ]
        to = receiver(self.workspace, self.lang)
        if result.duplicate:
            lines.append(
                self.tr("Số liệu giống lần xuất trước: %1 sẽ coi là bản trùng.").replace("%1", to)
            )
        lines.append(self.tr("Vân tay chứng thư (đọc cho %1 nếu được hỏi):").replace("%1", to))
        self.done_label.setText("<br>".join(lines))
        self.done_label.show()
        self.done_fingerprint.set_fingerprint(result.fingerprint)
        self.done_fingerprint.show()
        self.open_button.show()
        self.exported.emit(result)

    def _open_folder(self) -> None:
        if self.result is not None:
            self.dialogs.open_folder(self.result.path.parent)


__all__ = ["ExportDialog", "default_export_dir"]
