"""Phát hành biểu mẫu: a unit with children signs one form version (and, if chosen, its
plan for a period) as a form packet for the units below: who signs, the passphrase or
PIN, the plan, the folder; then where the file went and the fingerprint the units will
be asked to confirm once.

Signing reads the key and writes the packet off the GUI thread (``background``); the
passphrase leaves the widget as soon as it is taken.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..workspace import Workspace
from .background import BackgroundTask, error_text, in_workspace
from .base_dialog import AppDialog
from .fingerprint_view import FingerprintView
from .identity_panel import IdentityPanel
from .ui_context import UiContext


class PublishFormDialog(AppDialog):
    def __init__(self, ui: UiContext, form: Any, parent: QWidget | None = None) -> None:
        from ..packets.identities import current_identity
        from ..workspace.plans import plan_periods
        from .export_dialog import default_export_dir

        super().__init__(ui, parent)
        workspace, lang = self.workspace, self.lang
        self.form = form
        self.task: BackgroundTask | None = None
        self.published: tuple[Any, Path, str] | None = None
        self.set_up(
            "publishFormDialog", self.tr("Phát hành biểu mẫu cho đơn vị cấp dưới"), min_width=720
        )
        layout = QVBoxLayout(self)
        heading = QLabel(
            f"<b>{form.title.pick(lang)}</b><br>"
            + self.tr("Mã %1 · phiên bản %2").replace("%1", form.id).replace("%2", form.version),
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("<b>Ký bằng chữ ký số của đơn vị</b>"), self))
        self.identity = IdentityPanel(self)
        info = current_identity(workspace.db, workspace.data_dir)
        self.identity.show_identity(info, lang)
        layout.addWidget(self.identity)
        inputs = QFormLayout()
        self.plan = QComboBox(self)
        self.plan.setObjectName("publishPlan")
        self.plan.addItem(self.tr("Không gửi kèm kế hoạch"), None)
        for period in plan_periods(workspace, form.id):
            self.plan.addItem(self.tr("Kế hoạch kỳ %1").replace("%1", period), period)
        inputs.addRow(self.tr("Kèm kế hoạch (chỉ tiêu):"), self.plan)
        self.folder, self.browse_button, folder_row = self.folder_input(
            "publishFolder",
            default_export_dir(workspace),
            self.tr("Chọn…"),
            self.tr("Thư mục lưu gói biểu mẫu"),
        )
        self.browse_button.setAutoDefault(False)
        inputs.addRow(self.tr("Lưu gói vào thư mục:"), folder_row)
        self.secret_label = QLabel(
            self.tr("Mã PIN của USB ký số:")
            if info is not None and info.needs_pin
            else self.tr("Mật khẩu khóa ký:"),
            self,
        )
        self.secret = self.secret_input("publishSecret", self.publish)
        inputs.addRow(self.secret_label, self.secret)
        layout.addLayout(inputs)
        self.done_label = self.done_box("publishDone")
        layout.addWidget(self.done_label)
        self.done_fingerprint = FingerprintView(self)
        self.done_fingerprint.hide()
        layout.addWidget(self.done_fingerprint)
        layout.addLayout(self._buttons(info is not None))
        self.secret.setFocus()

    def _buttons(self, ready: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.open_button = QPushButton(self.tr("Mở thư mục"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open_folder)
        self.open_button.hide()
        self.publish_button = QPushButton(self.tr("Phát hành"), self)
        self.publish_button.setObjectName("publishButton")
        self.publish_button.setDefault(True)
        self.publish_button.setEnabled(ready)
        self.publish_button.clicked.connect(self.publish)
        close = QPushButton(self.tr("Đóng"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        for button in (self.open_button, self.publish_button, close):
            row.addWidget(button)
        return row

    def publish(self) -> None:
        if not self.publish_button.isEnabled() or (self.task is not None and self.task.running):
            return
        if self.secret_missing(self.secret_label, self.secret):
            return
        from ..workspace.form_library import publish_form_packet

        folder = Path(self.folder.text().strip() or str(Path.home()))
        secret, period = self.secret.text(), self.plan.currentData()
        self.secret.clear()  # not kept in the widget longer than needed
        form_id, version = self.form.id, self.form.version

        def job(ws: Workspace, _progress: Any) -> Any:
            return publish_form_packet(ws, form_id, version, folder, secret, period=period)

        self.task = BackgroundTask(
            self, self.tr("Đang ký gói biểu mẫu…"), in_workspace(self.workspace.data_dir, job)
        )
        self.task.finished.connect(self._published)
        self.task.failed.connect(
            lambda error: self.dialogs.error(self, self.windowTitle(), error_text(error, self.lang))
        )
        self.task.start()

    def _published(self, result: tuple[Any, Path, str]) -> None:
        self.published = result
        form, path, fingerprint = result
        plan = self.plan.currentData()
        lines = [
            self.tr("Đã phát hành biểu mẫu %1 phiên bản %2")
            .replace("%1", form.id)
            .replace("%2", form.version)
            + (self.tr(" kèm kế hoạch kỳ %1").replace("%1", plan) if plan else "")
            + ":",
            f"<b>{path.name}</b>",
            self.tr("trong thư mục %1").replace("%1", str(path.parent)),
            self.tr(
                "Gửi tệp này cho các đơn vị cấp dưới; lần đầu cài, họ sẽ được hỏi vân tay "
                "chứng thư này:"
            ),
        ]
        self.done_label.setText("<br>".join(lines))
        self.done_label.show()
        self.done_fingerprint.set_fingerprint(fingerprint)
        self.done_fingerprint.show()
        self.open_button.show()

    def _open_folder(self) -> None:
        if self.published is not None:
            self.dialogs.open_folder(self.published[1].parent)


__all__ = ["PublishFormDialog"]
