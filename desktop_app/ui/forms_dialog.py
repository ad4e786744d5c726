"""Công cụ → Biểu mẫu…: every form and version this data folder knows, the years each
covers and where it comes from (shipped, imported from a workbook, published by the
parent), with export to a workbook, import from one, and installing a form packet; a unit
with children also publishes the chosen version for them (``publish_form_dialog``).

Reading a workbook or a packet (schema, expressions, signature) runs off the GUI thread
(``background``); the window's forms are read again once something is installed.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.levels import level_name
from ..core.messages import AppError
from ..workspace.form_library import (
    export_form_workbook,
    import_form_workbook,
    install_published_form,
)
from ..workspace.receive import receives
from ..workspace.workspace import forms_for
from .background import BackgroundTask, in_workspace
from .base_dialog import AppDialog
from .identity_panel import grouped_fingerprint
from .read_table import intro_label, read_only_table
from .ui_context import UiContext


class FormsDialog(AppDialog):
    def __init__(
        self,
        ui: UiContext,
        on_installed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.on_installed = on_installed
        self.task: BackgroundTask | None = None
        self.set_up("formsDialog", self.tr("Biểu mẫu"), size=(900, 420))
        layout = QVBoxLayout(self)
        intro = self.tr(
            "Các biểu mẫu và phiên bản có ở máy này. Người xây dựng bộ chỉ tiêu xuất một "
            "biểu mẫu ra Excel, sửa, rồi nhập lại; đơn vị cấp dưới cài gói biểu mẫu do cấp "
            "trên phát hành. Một phiên bản đã có không bao giờ bị thay đổi."
        )
        layout.addWidget(intro_label(intro, self))
        heads = [
            self.tr("Mã"),
            self.tr("Phiên bản"),
            self.tr("Áp dụng cho năm"),
            self.tr("Cấp"),
            self.tr("Tên biểu mẫu"),
            self.tr("Nguồn"),
        ]
        self.table = read_only_table(self, "formsTable", heads, stretch=4)
        layout.addWidget(self.table)
        self.export_button = QPushButton(self.tr("&Xuất ra Excel…"), self)
        self.import_button = QPushButton(self.tr("&Nhập từ Excel…"), self)
        self.install_button = QPushButton(self.tr("&Cài gói biểu mẫu của cấp trên…"), self)
        self.publish_button = QPushButton(self.tr("&Phát hành…"), self)
        self.publish_button.setObjectName("publishForm")
        self.publish_button.setToolTip(
            self.tr("Ký phiên bản đang chọn thành gói biểu mẫu gửi các đơn vị cấp dưới")
        )
        self.publish_button.clicked.connect(self.publish_selected)
        self.publish_button.setVisible(receives(self.workspace))
        self.export_button.clicked.connect(self.export_selected)
        self.import_button.clicked.connect(self.import_workbook)
        self.install_button.clicked.connect(self.install_packet)
        buttons = [self.export_button, self.import_button, self.install_button, self.publish_button]
        layout.addLayout(self.button_row(buttons))
        self.fill()

    def _sources(self) -> dict[str, str]:
        return {
            "shipped": self.tr("Kèm chương trình"),
            "imported": self.tr("Nhập từ Excel"),
            "published": self.tr("Cấp trên phát hành"),
        }

    def fill(self) -> None:
        forms = self.workspace.forms
        sources = self._sources()
        rows = [f for form_id in forms.ids() for f in forms.versions(form_id)]
        self.table.setRowCount(len(rows))
        self.rows = rows
        for index, form in enumerate(rows):
            cells = [
                form.id,
                form.version,
                forms.years_text(form),
                level_name(form.level).pick(self.lang),
                form.title.pick(self.lang),
                sources.get(forms.source(form), forms.source(form)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long title is cut in its column
                self.table.setItem(index, column, item)
        if rows and not self.table.selectedItems():
            self.table.selectRow(len(rows) - 1)

    def selected(self) -> Any:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def export_selected(self) -> None:
        form = self.selected()
        if form is None:
            return
        start = str(Path.home() / f"{form.id}-{form.version}.xlsx")
        target = self.dialogs.choose_save_file(
            self, self.tr("Xuất biểu mẫu ra Excel"), start, self.tr("Bảng tính Excel (*.xlsx)")
        )
        if not target:
            return
        try:
            export_form_workbook(self.workspace, form.id, form.version, Path(target))
        except (AppError, OSError) as error:
            self.show_error(error, self.tr("Biểu mẫu"))
            return
        self.dialogs.info(
            self,
            self.tr("Biểu mẫu"),
            self.tr(
                "Đã ghi %1. Sửa bằng Excel hoặc LibreOffice rồi nhập lại (đổi số phiên bản)."
            ).replace("%1", target),
        )

    def publish_selected(self) -> None:
        """«Phát hành…»: the chosen version signed for the units below."""
        form = self.selected()
        if form is None:
            return
        from .publish_form_dialog import PublishFormDialog

        self.publish_dialog = PublishFormDialog(self.ui, form, self)
        self.publish_dialog.exec()

    def _run(self, label: str, job: Callable[[Any, Any], Any], done: Callable[[Any], None]) -> None:
        task = BackgroundTask(self, label, in_workspace(self.workspace.data_dir, job))
        task.finished.connect(done)
        task.failed.connect(self._failed)
        self.task = task
        task.start()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, AppError) and error.code == "form_packet.parent_unconfirmed":
            self._confirm_parent(error)
            return
        self.show_error(error, self.tr("Biểu mẫu"))

    def _installed(self, form: Any, already: bool) -> None:
        self.workspace.forms = forms_for(self.workspace.data_dir)
        self.fill()
        self.on_installed()
        text = (
            self.tr("Biểu mẫu %1 phiên bản %2 đã có, giống hệt; không thay đổi gì.")
            if already
            else self.tr("Đã cài biểu mẫu %1 phiên bản %2.")
        )
        self.dialogs.info(
            self, self.tr("Biểu mẫu"), text.replace("%1", form.id).replace("%2", form.version)
        )

    def import_workbook(self) -> None:
        files = self.dialogs.choose_files(
            self,
            self.tr("Nhập biểu mẫu từ Excel"),
            str(Path.home()),
            self.tr("Bảng tính Excel (*.xlsx)"),
        )
        if not files:
            return
        path = Path(files[0])
        self._run(
            self.tr("Đang kiểm tra bảng tính…"),
            lambda ws, progress: import_form_workbook(ws, path),
            lambda done: self._installed(done.form, done.already_installed),
        )

    def install_packet(self, *, fingerprint: str | None = None, path: Path | None = None) -> None:
        if path is None:
            files = self.dialogs.choose_files(
                self, self.tr("Cài gói biểu mẫu"), str(Path.home()), self.tr("Gói biểu mẫu (*.zip)")
            )
            if not files:
                return
            path = Path(files[0])
        self.packet_path = path
        self._run(
            self.tr("Đang kiểm tra gói biểu mẫu…"),
            lambda ws, progress: install_published_form(ws, path, fingerprint=fingerprint),
            lambda done: self._installed(done.verified.form, done.already_installed),
        )

    def _confirm_parent(self, error: AppError) -> None:
        """The first packet from the parent: its signer and whole fingerprint, to read
        back by phone; installed (and the parent registered) only on yes."""
        details = error.details
        fingerprint = str(details.get("fingerprint", ""))
        parent = f"{details.get('parent_name', '')} ({details.get('parent_code', '')})"
        text = (
            self.tr(
                "Chưa có chứng thư nào của đơn vị cấp trên %1 được đăng ký ở máy này. Gói biểu "
                "mẫu được ký bởi «%2», vân tay SHA-256:\n\n%3\n\nHãy gọi điện cho đơn vị cấp "
                "trên và đọc đối chiếu từng nhóm. Tin cậy chứng thư này và cài biểu mẫu?"
            )
            .replace("%1", parent)
            .replace("%2", str(details.get("signer", "")))
            .replace("%3", grouped_fingerprint(fingerprint))
        )
        if self.dialogs.confirm(self, self.tr("Gói biểu mẫu đầu tiên của cấp trên"), text):
            self.install_packet(fingerprint=fingerprint, path=self.packet_path)


__all__ = ["FormsDialog"]
