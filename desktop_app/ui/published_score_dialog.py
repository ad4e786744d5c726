"""**Báo cáo → Điểm qua các kỳ, điểm công bố…** (issue 18): the unit's score period by
period, the one the application computes from its own figures beside the one a higher
level published (score, change, rank, the document that published it), in columns of
their own; and a line to record a published score from its document, as ``score record``
does on the command line. Whatever is refused is said under the line, nothing is kept.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.messages import AppError, Text
from ..core.numbers import format_number
from ..core.periods import Period
from ..workspace.published_scores import record_published_score
from ..workspace.score_history import ScorePeriod, score_history
from .field_row import error_line, show_error
from .style import INFO

if TYPE_CHECKING:
    from .window_context import WindowContext

PUBLISHED_COLOUR = INFO  # the published columns, apart from the computed one


def _signed(number: object) -> str:
    text = format_number(number)  # type: ignore[arg-type]
    return text if text.startswith("-") or text == "0" else f"+{text}"


class ScoresDialog(QDialog):
    def __init__(self, window: WindowContext, form_id: str) -> None:
        super().__init__(window.widget)
        self.window = window
        self.form_id = form_id
        self.setObjectName("scoresDialog")
        self.setWindowTitle(self.tr("Điểm qua các kỳ và điểm công bố"))
        lead = QLabel(
            self.tr(
                "Điểm tự chấm do phần mềm tính từ số liệu của đơn vị; điểm công bố ghi theo "
                "văn bản của cấp trên. Hai loại điểm để riêng, không cộng lẫn."
            ),
            self,
        )
        lead.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("scoresTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Kỳ"),
                self.tr("Điểm tự chấm\n(phần mềm tính)"),
                self.tr("Điểm công bố"),
                self.tr("Xếp hạng\n(công bố)"),
                self.tr("Nguồn (văn bản công bố)"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.period = QLineEdit(self)
        self.period.setObjectName("publishedPeriod")
        self.period.setPlaceholderText("2025")
        self.score = QLineEdit(self)
        self.score.setObjectName("publishedScore")
        self.score.setPlaceholderText("89,2")
        self.rank = QLineEdit(self)
        self.rank.setObjectName("publishedRank")
        self.of = QLineEdit(self)
        self.of.setObjectName("publishedOf")
        ranks = QHBoxLayout()
        ranks.addWidget(self.rank)
        ranks.addWidget(QLabel(self.tr("trên tổng số"), self))
        ranks.addWidget(self.of)
        self.source = QLineEdit(self)
        self.source.setObjectName("publishedSource")
        self.source.setPlaceholderText(
            self.tr("Quyết định số …/QĐ-UBND ngày …/…/… của UBND tỉnh …")
        )
        self.record = QPushButton(self.tr("&Ghi điểm công bố"), self)
        self.record.setObjectName("recordPublished")
        self.record.clicked.connect(self._record)
        self.error = error_line(self)
        entry = QFormLayout()
        entry.addRow(self.tr("Kỳ (năm):"), self.period)
        entry.addRow(self.tr("Điểm công bố:"), self.score)
        entry.addRow(self.tr("Xếp hạng (nếu có):"), ranks)
        entry.addRow(self.tr("Văn bản công bố:"), self.source)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.record, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(self.tr("Ghi điểm do cấp trên công bố:"), self))
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(820, 460)
        self.refresh()

    def refresh(self) -> None:
        lang = self.window.lang
        history: list[ScorePeriod] = score_history(self.window.workspace, self.form_id)
        self.table.setRowCount(len(history))
        for r, row in enumerate(history):
            published = row.published
            score = "—"
            if published is not None:
                score = format_number(published.score)
                if published.change is not None:
                    score += f" ({_signed(published.change)})"
            rank = "—"
            if published is not None and published.rank is not None:
                rank = f"{published.rank}/{published.of}"
            cells = [
                Period.parse(row.period).label(lang),
                "—" if row.computed is None else format_number(row.computed),
                score,
                rank,
                published.source if published is not None else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (1, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c >= 2 and published is not None:
                    item.setForeground(QColor(PUBLISHED_COLOUR))
                    said = self.tr("Điểm công bố, theo: {source}")
                    item.setToolTip(said.format(source=published.source))
                self.table.setItem(r, c, item)

    def _number(self, edit: QLineEdit) -> int | None:
        text = edit.text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise AppError(
                "score.invalid",
                Text(
                    f"Xếp hạng «{text}» cần là số nguyên dương.",
                    f"The rank «{text}» must be a whole number.",
                ),
            )
        return int(text)

    def _record(self) -> None:
        try:
            record_published_score(
                self.window.workspace,
                self.form_id,
                self.period.text().strip(),
                self.score.text().strip(),
                self.source.text(),
                self._number(self.rank),
                self._number(self.of),
            )
        except AppError as exc:
            show_error(self.error, exc.message.pick(self.window.lang))
            return
        show_error(self.error, "")
        for edit in (self.period, self.score, self.rank, self.of, self.source):
            edit.clear()
        self.refresh()


__all__ = ["PUBLISHED_COLOUR", "ScoresDialog"]
