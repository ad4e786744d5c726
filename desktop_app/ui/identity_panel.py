"""Who signs: the unit's certificate in a few lines, with the SHA-256 fingerprint set out in
groups so the clerk can read it to the district over the phone.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from .fingerprint_view import FingerprintView


def grouped_fingerprint(fingerprint: str) -> str:
    """ "AA:BB:…" (32 bytes) as four lines of eight bytes: short enough to read aloud."""
    parts = fingerprint.split(":")
    return "\n".join(":".join(parts[i : i + 8]) for i in range(0, len(parts), 8))


def _date(iso: str) -> str:
    return datetime.datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y")


class IdentityPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        rows = [
            ("kind", self.tr("Loại:")),
            ("subject", self.tr("Chủ thể:")),
            ("issuer", self.tr("Nơi cấp:")),
            ("valid", self.tr("Hiệu lực:")),
        ]
        for key, title in rows:
            label = QLabel("", self)
            label.setObjectName(f"identity_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key] = label
            self.form.addRow(title, label)
        self.fingerprint = FingerprintView(self)
        self.fingerprint.setObjectName("identity_fingerprint")
        self.form.addRow(self.tr("Vân tay SHA-256:"), self.fingerprint)
        self.none = QLabel(
            self.tr(
                "Đơn vị chưa có chữ ký số. Hãy tạo chữ ký tự cấp, nhập tệp .p12/.pfx "
                "do tổ chức chứng thực cấp, hoặc dùng USB ký số."
            ),
            self,
        )
        self.none.setObjectName("identityMissing")
        self.none.setWordWrap(True)
        self.form.addRow(self.none)

    def show_identity(self, info: Any, lang: str) -> None:
        """``info`` is a packets.identities.IdentityInfo, or None when there is none yet."""
        self.none.setVisible(info is None)
        for field in [*self.labels.values(), self.fingerprint]:
            field.setVisible(info is not None)
            self.form.labelForField(field).setVisible(info is not None)
        if info is None:
            return
        from ..packets.identity_errors import KINDS

        data = info.as_dict()
        self.labels["kind"].setText(KINDS[info.kind].pick(lang))
        self.labels["subject"].setText(data["subject"])
        self.labels["issuer"].setText(
            self.tr("tự cấp (đăng ký theo vân tay)") if data["self_signed"] else data["issuer"]
        )
        self.labels["valid"].setText(f"{_date(data['not_before'])} – {_date(data['not_after'])}")
        self.fingerprint.set_fingerprint(info.fingerprint)


__all__ = ["IdentityPanel", "grouped_fingerprint"]
