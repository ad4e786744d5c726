"""The trust list: which certificate may sign for which child unit, and which issuing CAs
are trusted. The officer adds a unit's certificate from a file or pasted PEM text, reads
its fingerprint back to the unit by phone before confirming, replaces it when the unit
changes certificate, and revokes it with a reason. Ended entries stay as history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import AppError
from ...workspace import Workspace
from ..background import error_text
from ..dialogs import Dialogs
from ..identity_panel import grouped_fingerprint
from .board_model import local_time


def _day(iso: str | None) -> str:
    return local_time(iso)[:10]


def common_name(subject: str) -> str:
    """The CN of a "CN=…,O=…" subject (the unit's name on a unit certificate)."""
    for part in subject.split(","):
        key, _, value = part.partition("=")
        if key.strip().upper() == "CN":
            return value.strip()
    return subject


def short_fingerprint(fingerprint: str) -> str:
    """The first 16 bytes in two lines: enough to tell entries apart in the list (the
    whole fingerprint is in the tooltip and in the dialog that registered it)."""
    lines = grouped_fingerprint(fingerprint).splitlines()
    return "\n".join(lines[:2]) + " …"


class AddCertificateDialog(QDialog):
    """Read a certificate, show what it is and its fingerprint, then register it."""

    def __init__(
        self,
        workspace: Workspace,
        lang: str,
        dialogs: Dialogs,
        *,
        ca: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from ...workspace.receive import office

        self.workspace = workspace
        self.lang = lang
        self.dialogs = dialogs
        self.ca = ca
        self.source: Path | str | None = None
        self.previews: list[Any] = []
        self.registered: list[Any] = []
        self.setObjectName("addCertificateDialog")
        self.setWindowTitle(
            self.tr("Tin cậy tổ chức cấp chứng thư (CA)")
            if ca
            else self.tr("Đăng ký chứng thư của đơn vị cấp dưới")
        )
        self.resize(820, 620)
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
        for unit in office(workspace).children.values():
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
            str(Path.home()),
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
            self.preview.setStyleSheet("color: #b71c1c;")
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
                    self.unit_combo.setStyleSheet("border: 1px solid #b71c1c;")
                    return
                self.registered = [self._register_unit(register_certificate, code, note)]
        except AppError as error:
            self.dialogs.error(self, self.windowTitle(), error_text(error, self.lang))
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


class TrustDialog(QDialog):
    """The trust list with its history; add, trust a CA, revoke."""

    def __init__(
        self, workspace: Workspace, lang: str, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self.dialogs = dialogs
        self.entries: list[Any] = []
        self.setObjectName("trustDialog")
        self.setWindowTitle(self.tr("Chứng thư tin cậy của đơn vị cấp dưới"))
        self.resize(1200, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chỉ gói nộp ký bằng chứng thư đã đăng ký cho đúng đơn vị (hoặc do CA tin cậy "
                "cấp và ghi đúng mã đơn vị) mới được nhận."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("trustTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Đơn vị"),
                self.tr("Chứng thư"),
                self.tr("Vân tay SHA-256"),
                self.tr("Hiệu lực"),
                self.tr("Đăng ký"),
                self.tr("Tình trạng"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Đăng ký chứng thư đơn vị…"), self)
        add.setObjectName("trustAdd")
        add.clicked.connect(lambda: self.add(ca=False))
        add_ca = QPushButton(self.tr("Tin cậy CA…"), self)
        add_ca.setObjectName("trustAddCa")
        add_ca.clicked.connect(lambda: self.add(ca=True))
        self.revoke_button = QPushButton(self.tr("Thu hồi…"), self)
        self.revoke_button.setObjectName("trustRevoke")
        self.revoke_button.clicked.connect(self.revoke)
        self.show_ended = QCheckBox(self.tr("Hiện cả chứng thư đã thay thế hoặc thu hồi"), self)
        self.show_ended.setObjectName("trustShowEnded")
        self.show_ended.toggled.connect(lambda _on: self.refresh())
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.accept)
        for widget in (add, add_ca, self.revoke_button):
            buttons.addWidget(widget)
        buttons.addSpacing(16)
        buttons.addWidget(self.show_ended)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        from ...workspace.receive import office, trust_list

        children = office(self.workspace).children
        self.entries = trust_list(self.workspace, include_ended=self.show_ended.isChecked())
        self.table.setRowCount(len(self.entries))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        for row, entry in enumerate(self.entries):
            if entry.is_ca:
                unit = self.tr("Mọi đơn vị (CA)")
            else:
                child = children.get(entry.unit_code)
                unit = f"{entry.unit_code} — {child.name}" if child else entry.unit_code
            if entry.active:
                state = self.tr("Đang tin cậy")
            elif entry.end_reason == "replaced":
                state = self.tr("Đã thay thế ngày %1").replace("%1", _day(entry.ended_at))
            else:
                state = (
                    self.tr("Đã thu hồi ngày %1: %2")
                    .replace("%1", _day(entry.ended_at))
                    .replace("%2", entry.end_note or "")
                )
            cells = [
                unit,
                common_name(entry.subject),
                short_fingerprint(entry.fingerprint),
                f"{_day(entry.not_before)} – {_day(entry.not_after)}",
                f"{_day(entry.added_at)} · {entry.added_by}",
                state,
            ]
            tips = [
                entry.note, entry.subject, grouped_fingerprint(entry.fingerprint),
                self.tr("Cấp bởi: %1").replace("%1", entry.issuer), entry.note, state,
            ]  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tips[column] or text)
                if column == 2:
                    item.setFont(mono)
                if not entry.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._enable()

    def selected(self) -> Any:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self.entries[min(rows)] if rows else None

    def _enable(self) -> None:
        entry = self.selected()
        self.revoke_button.setEnabled(entry is not None and entry.active)

    def add(self, *, ca: bool) -> AddCertificateDialog:
        dialog = AddCertificateDialog(self.workspace, self.lang, self.dialogs, ca=ca, parent=self)
        dialog.accepted.connect(self.refresh)
        dialog.exec()
        return dialog

    def revoke(self) -> None:
        entry = self.selected()
        if entry is None or not entry.active:
            return
        from ...workspace.receive import revoke_trust

        who = self.tr("CA") if entry.is_ca else entry.unit_code
        reason = self.dialogs.ask_text(
            self,
            self.tr("Thu hồi chứng thư"),
            self.tr(
                "Lý do thu hồi chứng thư của %1 (gói ký bằng chứng thư này sẽ bị từ chối):"
            ).replace("%1", who),
        )
        if reason is None:
            return
        try:
            revoke_trust(self.workspace, entry.fingerprint, reason)
        except AppError as error:
            self.dialogs.error(self, self.windowTitle(), error_text(error, self.lang))
            return
        self.refresh()


__all__ = ["AddCertificateDialog", "TrustDialog"]
