"""The trust list: which certificate may sign for which child unit, and which issuing CAs
are trusted. The officer adds a unit's certificate from a file or pasted PEM text, reads
its fingerprint back to the unit by phone before confirming, replaces it when the unit
changes certificate, and revokes it with a reason. Ended entries stay as history.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.messages import AppError
from ..base_dialog import AppDialog
from ..identity_panel import grouped_fingerprint
from ..read_table import read_only_table
from ..ui_context import UiContext
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


class TrustDialog(AppDialog):
    """The trust list with its history; add, trust a CA, revoke."""

    def __init__(
        self,
        ui: UiContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ui, parent)
        self.entries: list[Any] = []
        self.set_up(
            "trustDialog", self.tr("Chứng thư tin cậy của đơn vị cấp dưới"), size=(1200, 560)
        )
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
        heads = [
            self.tr("Đơn vị"),
            self.tr("Chứng thư"),
            self.tr("Vân tay SHA-256"),
            self.tr("Hiệu lực"),
            self.tr("Đăng ký"),
            self.tr("Tình trạng"),
        ]
        self.table = read_only_table(self, "trustTable", heads, stretch=5, wrap=True)
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        add = QPushButton(self.tr("Đăng ký chứng thư đơn vị…"), self)
        add.setObjectName("trustAdd")
        add.clicked.connect(lambda: self.add(ca=False))
        add_ca = QPushButton(self.tr("Tin cậy CA…"), self)
        add_ca.setObjectName("trustAddCa")
        add_ca.clicked.connect(lambda: self.add(ca=True))
        self.revoke_button = QPushButton(self.tr("Thu hồi…"), self)
        self.revoke_button.setObjectName("trustRevoke")
        self.revoke_button.clicked.connect(self.revoke)
        # A certificate a trusted CA issued is not in the list until it is revoked.
        self.revoke_other_button = QPushButton(self.tr("Thu hồi theo vân tay…"), self)
        self.revoke_other_button.setObjectName("trustRevokeByFingerprint")
        self.revoke_other_button.setToolTip(
            self.tr(
                "Thu hồi một chứng thư do CA tin cậy cấp mà không có trong danh sách: nhập "
                "vân tay SHA-256 của nó (xem ở kết quả nhận gói)."
            )
        )
        self.revoke_other_button.clicked.connect(self.revoke_by_fingerprint)
        self.show_ended = QCheckBox(self.tr("Hiện cả chứng thư đã thay thế hoặc thu hồi"), self)
        self.show_ended.setObjectName("trustShowEnded")
        self.show_ended.toggled.connect(lambda _on: self.refresh())
        left = [add, add_ca, self.revoke_button, self.revoke_other_button, 16, self.show_ended]
        layout.addLayout(self.button_row(left))
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

    def add(self, *, ca: bool) -> Any:
        from .add_certificate_dialog import AddCertificateDialog

        dialog = AddCertificateDialog(self.ui, ca=ca, parent=self)
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
            self.show_error(error)
            return
        self.refresh()

    def revoke_by_fingerprint(self) -> None:
        """Revoke any certificate by its fingerprint: one in the list, or one a trusted CA
        issued whose packet was received here (it is then refused whoever issued it)."""
        from ...workspace.receive import revoke_trust

        title = self.tr("Thu hồi chứng thư theo vân tay")
        fingerprint = self.dialogs.ask_text(
            self, title, self.tr("Vân tay SHA-256 của chứng thư cần thu hồi (64 chữ số hex):")
        )
        if not fingerprint or not fingerprint.strip():
            return
        reason = self.dialogs.ask_text(
            self, title, self.tr("Lý do thu hồi (gói ký bằng chứng thư này sẽ bị từ chối):")
        )
        if reason is None:
            return
        try:
            ended = revoke_trust(self.workspace, fingerprint.strip(), reason)
        except AppError as error:
            self.show_error(error, title)
            return
        self.show_ended.setChecked(True)  # a revoked certificate shows with the history
        self.refresh()
        self.dialogs.info(
            self,
            title,
            self.tr("Đã thu hồi chứng thư %1 của đơn vị %2.")
            .replace("%1", ended[0].fingerprint)
            .replace("%2", ended[0].unit_code or self.tr("CA")),
        )


__all__ = ["TrustDialog"]
