"""Registering a child unit's certificate (or trusting a CA): read it from a file or
pasted PEM text, show what it is with its fingerprint to read back to the unit by phone,
then register it; a unit that already has one is asked before it is replaced.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import AppError
from ...paths import dialog_start
from ..background import error_text
from ..base_dialog import AppDialog
from ..identity_panel import grouped_fingerprint
from ..style import ERROR, ERROR_TEXT
from ..ui_context import UiContext


class AddCertificateDialog(AppDialog):
    """Read a certificate, show what it is and its fingerprint, then register it."""

    def __init__(
        self,
        ui: UiContext,
        *,
        ca: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        from ...workspace.receive import office

        self.ca = ca
        self.source: Path | str | None = None
        self.previews: list[Any] = []
        self.registered: list[Any] = []
        self.set_up(
            "addCertificateDialog",
            self.tr("Tin cậy tổ chức cấp chứng thư (CA)")
            if ca
            else self.tr("Đăng ký chứng thư của đơn vị cấp dưới"),
            size=(820, 620),
        )
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chọn tệp chứng thư (.pem, .cer, .crt) đơn vị gửi, hoặc dán nội dung "
                "«-----BEGIN CERTIFICATE-----…» vào ô dưới đây."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        source_row = QHBoxLayout()
        self.file_label = QLabel(self.tr("(chưa chọn tệp)"), self)
        choose = QPushButton(self.tr("Chọn tệp…"), self)
        choose.setObjectName("chooseCertificate")
        choose.clicked.connect(self.choose_file)
        source_row.addWidget(choose)
        source_row.addWidget(self.file_label, 1)
        layout.addLayout(source_row)
        self.pasted = QPlainTextEdit(self)
        self.pasted.setObjectName("pastedPem")
        self.pasted.setPlaceholderText("-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----")
        self.pasted.setFixedHeight(110)
        self.pasted.textChanged.connect(self._pasted_changed)
        layout.addWidget(self.pasted)
        self.preview = QLabel(self)
        self.preview.setObjectName("certificatePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setMinimumHeight(150)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.preview, 1)
        form = QFormLayout()
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("certificateUnit")
        self.unit_combo.setEditable(True)  # type-ahead by code or name
        self.unit_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for unit in office(self.workspace).children.values():
            self.unit_combo.addItem(f"{unit.code} — {unit.name}", unit.code)
        self.unit_combo.setCurrentIndex(-1)
        if not ca:
            form.addRow(self.tr("Chứng thư ký cho đơn vị:"), self.unit_combo)
        else:
            self.unit_combo.hide()
        self.note = QLineEdit(self)
        self.note.setObjectName("certificateNote")
        self.note.setPlaceholderText(
            self.tr("Ví dụ: nhận qua thư điện tử ngày …, đã đọc vân tay qua điện thoại")
        )
        form.addRow(self.tr("Ghi chú:"), self.note)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.register_button = QPushButton(
            self.tr("Tin cậy CA này") if ca else self.tr("Đăng ký chứng thư"), self
        )
        self.register_button.setObjectName("registerCertificate")
        self.register_button.setEnabled(False)
        self.register_button.clicked.connect(self.register)
        cancel = QPushButton(self.tr("Hủy"), self)
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)

    # -- reading -------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen = self.dialogs.choose_files(
            self,
            self.tr("Chọn tệp chứng thư"),
            dialog_start(self.workspace.data_dir),
            self.tr("Chứng thư (*.pem *.cer *.crt *.der);;Mọi tệp (*)"),
        )
        if chosen:
            self.read(Path(chosen[0]))

    def _pasted_changed(self) -> None:
        text = self.pasted.toPlainText()
        if "-----END CERTIFICATE-----" in text:
            self.read(text)

    def read(self, source: Path | str) -> None:
        from ...workspace.receive import preview_certificates

        self.source = source
        if isinstance(source, Path):
            self.file_label.setText(str(source))
        try:
            self.previews = preview_certificates(source)
        except AppError as error:
            self.previews = []
            self.preview.setStyleSheet(ERROR_TEXT)
            self.preview.setText(error_text(error, self.lang))
            self.register_button.setEnabled(False)
            return
        self.preview.setStyleSheet("")
        shown = [p for p in self.previews if p.is_ca == self.ca] or self.previews
        parts = [self._describe(p) for p in shown[:3]]
        parts.append(
            self.tr(
                "<i>Trước khi tin cậy, hãy gọi điện cho đơn vị và đọc đối chiếu vân tay: "
                "đơn vị xem vân tay ở Công cụ → Chữ ký số của đơn vị.</i>"
            )
        )
        self.preview.setText("<br>".join(parts))
        named = next((c for p in shown for c in p.unit_codes), None)
        if named is not None and not self.ca:
            index = self.unit_combo.findData(named)
            if index >= 0:
                self.unit_combo.setCurrentIndex(index)
        self.register_button.setEnabled(True)

    def _describe(self, preview: Any) -> str:
        kind = self.tr("Chứng thư CA") if preview.is_ca else self.tr("Chứng thư đơn vị")
        fingerprint = grouped_fingerprint(preview.fingerprint).replace("\n", "<br>")
        return (
            f"<b>{kind}</b>: {preview.subject}<br>"
            + self.tr("Cấp bởi: %1").replace("%1", preview.issuer)
            + "<br>"
            + self.tr("Hiệu lực: %1 – %2")
            .replace("%1", preview.not_before.strftime("%d/%m/%Y"))
            .replace("%2", preview.not_after.strftime("%d/%m/%Y"))
            + "<br>"
            + self.tr("Vân tay SHA-256:")
            + f"<br><span style='font-family: monospace; font-size: 12pt'><b>{fingerprint}</b></span><br>"
        )

    def unit_code(self) -> str | None:
        data = self.unit_combo.currentData()
        if data is not None and self.unit_combo.currentText() == self.unit_combo.itemText(
            self.unit_combo.currentIndex()
        ):
            return data
        typed = self.unit_combo.currentText().split("—")[0].strip()
        return typed or None

    # -- registering ---------------------------------------------------------------------

    def register(self) -> None:
        if self.source is None:
            return
        from ...workspace.receive import register_certificate, trust_ca

        note = self.note.text().strip()
        try:
            if self.ca:
                self.registered = trust_ca(self.workspace, self.source, note=note)
            else:
                code = self.unit_code()
                if not code:
                    self.unit_combo.setFocus()
                    self.unit_combo.setStyleSheet(f"border: 1px solid {ERROR};")
                    return
                self.registered = [self._register_unit(register_certificate, code, note)]
        except AppError as error:
            self.show_error(error)
            return
        if self.registered and self.registered[0] is not None:
            self.accept()

    def _register_unit(self, register: Any, code: str, note: str) -> Any:
        try:
            return register(self.workspace, self.source, code, note=note)
        except AppError as error:
            if error.code != "trust.exists":
                raise
            question = (
                error_text(error, self.lang)
                + "\n\n"
                + self.tr("Thay chứng thư cũ bằng chứng thư này? Chứng thư cũ sẽ hết được tin cậy.")
            )
            if not self.dialogs.confirm(self, self.windowTitle(), question):
                return None
            return register(self.workspace, self.source, code, replace=True, note=note)


__all__ = ["AddCertificateDialog"]
