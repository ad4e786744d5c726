"""A certificate's SHA-256 fingerprint as the officer reads it aloud over the phone: all
32 bytes, in four groups of eight, in a readable monospace font, wrapping between groups
(two lines when the dialog is narrow, never cut), with a button that copies it.

Used by the identity, export and accept (receipt) dialogs. May import Qt only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

GROUP_BYTES = 8
GAP = "   "  # between groups: where a narrow dialog may wrap the line


def fingerprint_groups(fingerprint: str) -> list[str]:
    """ "AA:BB:…" (32 bytes) as four groups of eight bytes: short enough to read aloud."""
    parts = [p for p in fingerprint.strip().split(":") if p]
    return [":".join(parts[i : i + GROUP_BYTES]) for i in range(0, len(parts), GROUP_BYTES)]


class FingerprintView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fingerprint = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("", self)
        self.label.setObjectName("fingerprintText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(max(mono.pointSize(), 11))
        self.label.setFont(mono)
        # Never narrower than two groups, so the wrap gives at most two lines.
        two = GAP.join(["AA:" * (GROUP_BYTES - 1) + "AA"] * 2)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance(two) + 4)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        row.addWidget(self.label, 1)
        self.copy_button = QPushButton(self.tr("Sao chép"), self)
        self.copy_button.setObjectName("copyFingerprint")
        self.copy_button.setAutoDefault(False)
        self.copy_button.setToolTip(
            self.tr("Sao chép vân tay để dán vào thư điện tử hoặc tin nhắn")
        )
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

    def set_fingerprint(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        self.label.setText(GAP.join(fingerprint_groups(fingerprint)))
        self.copy_button.setText(self.tr("Sao chép"))
        self.copy_button.setEnabled(bool(fingerprint))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.fingerprint)
        self.copy_button.setText(self.tr("Đã sao chép ✓"))


__all__ = ["FingerprintView", "fingerprint_groups"]
