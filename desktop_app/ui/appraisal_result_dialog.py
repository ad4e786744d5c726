"""Báo cáo → Kết quả thẩm định…: what the parent unit made of this unit's self-assessed
scores, as its signed receipt said (``workspace.appraisal.held_appraisal``): per score item
the unit's figure, its own points, the appraised points and the parent's reason, and the
official total against the self-assessed one. Read-only; the clerk answers through the
usual channels, with a new revision if a figure was wrong.

Also the one-line summary the status bar shows (``appraisal_summary``).

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.numbers import format_number
from ..core.values import display
from ..workspace.appraisal_held import held_appraisal
from ..workspace.session import ReportSession
from .read_table import read_only_table
from .style import ERROR, MUTED, OK, TITLE, WARNING

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def held_for(session: ReportSession) -> dict[str, Any] | None:
    """The appraisal the parent sent for the open report, if any."""
    return held_appraisal(session.ws, session.form.id, str(session.period))


def _points(text: str | None, decimals: int) -> str:
    return "" if text is None else format_number(Decimal(text), decimals)


def _decimals(session: ReportSession) -> int:
    scoring = session.form.scoring
    return scoring.decimals if scoring is not None else 2


def appraisal_summary(session: ReportSession, held: dict[str, Any] | None) -> str:
    """«Thẩm định: 82,50 (tự đánh giá 90,00)», and whether the parent is not done yet."""
    if held is None:
        return ""
    decimals = _decimals(session)
    text = (
        QCoreApplication.translate("AppraisalResult", "Điểm thẩm định: %1 (tự đánh giá %2)")
        .replace("%1", _points(held.get("official_total"), decimals))
        .replace("%2", _points(held.get("self_total"), decimals))
    )
    if not held.get("complete"):
        text += " " + QCoreApplication.translate("AppraisalResult", "— chưa thẩm định xong")
    return text


class AppraisalResultDialog(QDialog):
    def __init__(
        self,
        session: ReportSession,
        held: dict[str, Any],
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appraisalResultDialog")
        self.setWindowTitle(self.tr("Kết quả thẩm định"))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        heading, period = session.form.title.pick(lang), session.period.label(lang)
        if period.lower() not in heading.lower():  # titles usually name the year already
            heading += f" — {period}"
        title = QLabel(f"<b>{heading}</b>", self)
        title.setWordWrap(True)
        title.setStyleSheet(f"color: {TITLE}; font-size: 12pt;")
        layout.addWidget(title)
        self.totals = QLabel(self)
        self.totals.setObjectName("appraisalResultTotals")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        heads = [
            self.tr("Mục chấm điểm"),
            self.tr("Số liệu"),
            self.tr("Tự đánh giá"),
            self.tr("Thẩm định"),
            self.tr("Lý do của cấp trên"),
        ]
        self.table = read_only_table(self, "appraisalResultTable", heads, stretch=4, wrap=True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        close = QPushButton(self.tr("Đóng"), self)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self._fill(session, held, lang)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # the reasons wrap: their rows take the height the new width needs
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def _fill(self, session: ReportSession, held: dict[str, Any], lang: str) -> None:
        decimals = _decimals(session)
        sent: dict[str, Any] = held.get("items", {})
        scoring = session.form.scoring
        items = list(scoring.items) if scoring is not None else []
        known = {i.id for i in items}
        # every item of the form, in its order; any the parent named that the form does
        # not know (another version) after them, by its id
        rows: list[tuple[str, str, str]] = [
            (i.id, i.title.pick(lang), i.field_id) for i in items if i.id in sent
        ] + [(item_id, item_id, "") for item_id in sent if item_id not in known]
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for index, (item_id, title, field_id) in enumerate(rows):
            entry = sent[item_id]
            field = session.form.fields.get(field_id)
            value = display(field, session.value(field_id), lang) if field is not None else ""
            appraised = entry.get("appraised")
            cells = [
                title,
                value or "—",
                _points(entry.get("self"), decimals),
                _points(appraised, decimals) if appraised is not None else self.tr("chưa"),
                entry.get("reason") or "",
            ]
            shown = QTableWidgetItem()
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column in (1, 2, 3):
                    cell.setTextAlignment(RIGHT)
                self.table.setItem(index, column, cell)
                shown = cell if column == 3 else shown
            if appraised is None:
                shown.setForeground(QBrush(QColor(MUTED)))
            else:
                shown.setFont(bold)
                lower = Decimal(appraised) < Decimal(entry.get("self") or "0")
                shown.setForeground(QBrush(QColor(ERROR if lower else OK)))
        self.table.resizeRowsToContents()
        official = Decimal(held.get("official_total") or "0")
        own = Decimal(held.get("self_total") or "0")
        difference = official - own
        change = (
            f" ({'+' if difference > 0 else ''}{format_number(difference, decimals)})"
            if difference
            else ""
        )
        text = (
            self.tr("Điểm tự đánh giá: <b>%1</b> · Điểm chính thức sau thẩm định: <b>%2</b>%3")
            .replace("%1", format_number(own, decimals))
            .replace("%2", format_number(official, decimals))
            .replace("%3", change)
        )
        if not held.get("complete"):
            text += "<br>" + self.tr(
                "Cấp trên chưa thẩm định xong: mục ghi «chưa» đang tính theo điểm tự đánh giá."
            )
        self.totals.setText(text)
        self.totals.setStyleSheet("" if held.get("complete") else f"color: {WARNING};")


__all__ = ["AppraisalResultDialog", "appraisal_summary", "held_for"]
