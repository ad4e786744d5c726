"""Accept a unit's report, or return it with the reason; either way the application writes
a small receipt (or return note) signed with this unit's identity, for the unit to open
in its own application. Signing opens the key, so it runs in the background.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...storage import get_setting, set_setting
from ...workspace import Workspace
from ..background import BackgroundTask, in_workspace
from ..base_dialog import AppDialog
from ..export_dialog import default_export_dir
from ..identity_panel import IdentityPanel
from ..style import ERROR_TEXT
from ..ui_context import UiContext

RECEIPT_DIR_SETTING = "receipt_dir"
RECEIPT_SUBFOLDER = "BienNhan"  # ASCII: carried on USB sticks with the packets


def default_receipt_dir(workspace: Workspace) -> Path:
    chosen = get_setting(workspace.db, RECEIPT_DIR_SETTING)
    return Path(chosen) if chosen else default_export_dir(workspace) / RECEIPT_SUBFOLDER


class ReviewDialog(AppDialog):
    reviewed = Signal(object)  # receiving.review.ReviewResult

    def __init__(
        self,
        ui: UiContext,
        row: Any,  # receiving.status.BoardRow
        form_id: str,
        period: str,
        decision: str,  # "accepted" | "returned"
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        from ...packets.identities import current_identity

        self.row = row
        self.form_id = form_id
        self.period = period
        self.decision = decision
        self.task: BackgroundTask | None = None
        self.result: Any = None
        returning = decision == "returned"
        self.set_up(
            "reviewDialog",
            self.tr("Trả lại báo cáo") if returning else self.tr("Tiếp nhận báo cáo"),
            min_width=720,
        )
        layout = QVBoxLayout(self)
        what = (
            self.tr("Trả lại báo cáo của <b>%1</b> (%2), lần sửa %3, để đơn vị sửa và gửi lại.")
            if returning
            else self.tr("Tiếp nhận báo cáo của <b>%1</b> (%2), lần sửa %3.")
        )
        head = QLabel(
            what.replace("%1", row.unit_name)
            .replace("%2", row.unit_code)
            .replace("%3", str(row.revision)),
            self,
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        form = QFormLayout()
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reviewReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.reason_label = QLabel(
            self.tr("Lý do trả lại (bắt buộc):") if returning else self.tr("Ghi chú (nếu có):"),
            self,
        )
        form.addRow(self.reason_label, self.reason)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("<b>Ký biên nhận bằng chữ ký số của đơn vị</b>"), self))
        self.identity = IdentityPanel(self)
        info = current_identity(self.workspace.db, self.workspace.data_dir)
        self.identity.show_identity(info, self.lang)
        layout.addWidget(self.identity)
        # With no identity yet, make or import one from here, as the export dialog offers.
        self.identity_button = QPushButton(self.tr("Tạo hoặc nhập chữ ký số…"), self)
        self.identity_button.setObjectName("reviewIdentity")
        self.identity_button.setAutoDefault(False)
        self.identity_button.clicked.connect(self.manage_identity)
        self.identity_button.setVisible(info is None)
        layout.addWidget(self.identity_button, 0, Qt.AlignmentFlag.AlignLeft)
        inputs = QFormLayout()
        self.secret = self.secret_input("reviewSecret")
        self.secret_label = QLabel(
            self.tr("Mã PIN của USB ký số:")
            if info is not None and info.needs_pin
            else self.tr("Mật khẩu khóa ký:"),
            self,
        )
        inputs.addRow(self.secret_label, self.secret)
        self.folder, self.browse_button, folder_row = self.folder_input(
            "reviewFolder",
            default_receipt_dir(self.workspace),
            self.tr("Chọn…"),
            self.tr("Thư mục lưu biên nhận"),
        )
        inputs.addRow(self.tr("Lưu biên nhận vào:"), folder_row)
        layout.addLayout(inputs)
        self.done_label = self.done_box("reviewDone")
        layout.addWidget(self.done_label)
        self.open_button = QPushButton(self.tr("Mở thư mục"), self)
        self.open_button.clicked.connect(
            lambda: self.result and self.dialogs.open_folder(self.result.path.parent)
        )
        self.open_button.hide()
        self.go_button = QPushButton(
            self.tr("Trả lại và ký phiếu") if returning else self.tr("Tiếp nhận và ký biên nhận"),
            self,
        )
        self.go_button.setObjectName("reviewButton")
        self.go_button.setDefault(True)
        self.go_button.setEnabled(info is not None)
        self.go_button.clicked.connect(self.start)
        layout.addLayout(
            self.button_row(right=[self.open_button, self.go_button], close=self.reject)
        )
        self._show_identity(info)
        (self.reason if returning else self.secret).setFocus()

    def _show_identity(self, info: Any) -> None:
        self.identity.show_identity(info, self.lang)
        self.identity_button.setVisible(info is None)
        self.go_button.setEnabled(info is not None and self.result is None)
        self.secret.setEnabled(info is not None)
        if info is None:
            self.secret_label.setText(
                self.tr("Đơn vị chưa có chữ ký số: bấm «Tạo hoặc nhập chữ ký số…».")
            )
        else:
            self.secret_label.setText(
                self.tr("Mã PIN của USB ký số:") if info.needs_pin else self.tr("Mật khẩu khóa ký:")
            )

    def manage_identity(self) -> None:
        """The identity dialog over this one; back here with the identity made or imported."""
        from ...packets.identities import current_identity
        from ..identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.ui, self)
        dialog.exec()
        info = current_identity(self.workspace.db, self.workspace.data_dir)
        self._show_identity(info)
        if info is not None:
            self.secret.setFocus()

    def start(self) -> None:
        if (self.task is not None and self.task.running) or self.result is not None:
            return
        reason = self.reason.toPlainText().strip()
        if self.decision == "returned" and not reason:
            self.reason_label.setStyleSheet(ERROR_TEXT)
            self.reason.setFocus()
            return
        if self.secret_missing(self.secret_label, self.secret):
            return
        from ...workspace.receive import review

        secret = self.secret.text()
        self.secret.clear()
        folder = Path(self.folder.text().strip() or default_receipt_dir(self.workspace))
        unit, form_id, period, decision = (
            self.row.unit_code, self.form_id, self.period, self.decision
        )  # fmt: skip

        def job(ws: Workspace, _progress: Any) -> Any:
            return review(ws, unit, form_id, period, decision, reason, folder, secret=secret)

        self.task = BackgroundTask(
            self, self.tr("Đang ký biên nhận…"), in_workspace(self.workspace.data_dir, job)
        )
        self.task.finished.connect(lambda result: self._done(result, folder))
        self.task.failed.connect(self.show_error)
        self.go_button.setEnabled(False)
        self.task.done.connect(lambda: self.go_button.setEnabled(self.result is None))
        self.task.start()

    def _done(self, result: Any, folder: Path) -> None:
        self.result = result
        set_setting(self.workspace.db, RECEIPT_DIR_SETTING, str(folder))
        kind = (
            self.tr("Đã trả lại báo cáo. Phiếu trả lại:")
            if self.decision == "returned"
            else self.tr("Đã tiếp nhận báo cáo. Biên nhận:")
        )
        self.done_label.setText(
            f"{kind}<br><b>{result.path.name}</b><br>"
            + self.tr("trong thư mục %1. Gửi tệp này cho đơn vị (thư điện tử, USB…).").replace(
                "%1", str(result.path.parent)
            )
        )
        self.done_label.show()
        self.open_button.show()
        self.reviewed.emit(result)


__all__ = ["ReviewDialog", "default_receipt_dir"]
