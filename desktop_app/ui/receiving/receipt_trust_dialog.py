"""The first receipt from the parent unit: who signed it, with the whole SHA-256
fingerprint in groups to read back by phone, and the question whether to trust it. Nothing
is applied until the clerk says yes (issue 14 §7); «Hủy» is the default button.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..fingerprint_view import FingerprintView


class ReceiptTrustDialog(QDialog):
    """Shows the signer of a first receipt (``details`` of ``receipt.parent_unconfirmed``)
    and asks; ``exec()`` is Accepted when the clerk trusts it."""

    def __init__(self, details: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fingerprint = str(details.get("fingerprint", ""))
        self.setObjectName("receiptTrustDialog")
        self.setWindowTitle(self.tr("Biên nhận đầu tiên của đơn vị cấp trên"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        parent_unit = f"{details.get('parent_name', '')} ({details.get('parent_code', '')})"
        intro = QLabel(
            self.tr(
                "Chưa có chứng thư nào của đơn vị cấp trên %1 được đăng ký ở máy này. "
                "Biên nhận này được ký bởi:"
            ).replace("%1", parent_unit),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # The signer's name is the sender's text: shown as plain text, never as markup.
        self.signer_label = QLabel(str(details.get("signer", "")), self)
        self.signer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.signer_label.setStyleSheet("font-weight: bold;")
        self.signer_label.setObjectName("receiptSigner")
        self.signer_label.setToolTip(str(details.get("subject", "")))
        layout.addWidget(self.signer_label)
        layout.addWidget(QLabel(self.tr("Vân tay SHA-256:"), self))
        # The same view as the identity, export and accept dialogs: whole, with a copy button.
        self.fingerprint_view = FingerprintView(self)
        self.fingerprint_view.setObjectName("receiptFingerprint")
        self.fingerprint_view.set_fingerprint(self.fingerprint)
        self.fingerprint_label = self.fingerprint_view.label
        layout.addWidget(self.fingerprint_view)
        advice = QLabel(
            self.tr(
                "Hãy gọi điện cho đơn vị cấp trên và đọc đối chiếu vân tay này (đơn vị cấp trên "
                "xem ở Công cụ → Chữ ký số của đơn vị). Chỉ tin cậy khi vân tay khớp từng nhóm: "
                "từ đó mọi biên nhận phải được ký bằng đúng chứng thư này."
            ),
            self,
        )
        advice.setWordWrap(True)
        layout.addWidget(advice)
        buttons = QHBoxLayout()
        self.trust_button = QPushButton(self.tr("Vân tay khớp: tin cậy và mở biên nhận"), self)
        self.trust_button.setObjectName("receiptTrust")
        self.trust_button.setAutoDefault(False)
        self.trust_button.clicked.connect(self.accept)
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.cancel_button.setObjectName("receiptCancel")
        self.cancel_button.setDefault(True)  # Enter does not trust by accident
        self.cancel_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.trust_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)


__all__ = ["ReceiptTrustDialog"]
