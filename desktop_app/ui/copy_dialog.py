"""Copy from the previous period: the slowly-changing figures (infrastructure, staff),
previewed with last period's and this period's values before anything is written.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.values import display
from ..workspace.session import CopyCandidate, ReportSession
from .base_dialog import ok_cancel


class CopyPreviousDialog(QDialog):
    def __init__(self, session: ReportSession, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.candidates: list[CopyCandidate] = session.copy_candidates()
        previous = session.period.previous().label(lang)
        previous = previous[:1].lower() + previous[1:] if lang == "vi" else previous
        self.setWindowTitle(self.tr("Sao chép từ kỳ trước"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Các chỉ tiêu ít thay đổi của %1. Bỏ chọn những dòng không muốn chép; "
                "ô đã có số liệu khác sẽ bị ghi đè (có thể hoàn tác bằng Ctrl+Z)."
            ).replace("%1", previous),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.candidates), 3, self)
        self.table.setObjectName("copyTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Chỉ tiêu"), self.tr("Kỳ trước"), self.tr("Hiện tại")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for r, candidate in enumerate(self.candidates):
            f = session.form.fields[candidate.field_id]
            name = QTableWidgetItem(f.label.pick(lang))
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # Already equal: nothing to copy. Otherwise copy unless the clerk unticks it.
            name.setCheckState(
                Qt.CheckState.Checked if candidate.differs else Qt.CheckState.Unchecked
            )
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(display(f, candidate.previous, lang)))
            self.table.setItem(r, 2, QTableWidgetItem(display(f, candidate.current, lang) or "—"))
        layout.addWidget(self.table, 1)
        if not self.candidates:
            layout.addWidget(QLabel(self.tr("Kỳ trước chưa có số liệu để sao chép."), self))
        buttons = ok_cancel(self, self.tr("Sao chép"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.candidates))
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [
            c.field_id
            for r, c in enumerate(self.candidates)
            if self.table.item(r, 0).checkState() == Qt.CheckState.Checked
        ]
