"""A field's label that wraps to at most two lines: on a narrow screen a longer label
ends in "…" and is whole in its tooltip, so that a row never grows to three or four
lines and the form stays readable at 1024×768.

Imports Qt only.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

MAX_LINES = 2


class TwoLineLabel(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None, keep: str = "") -> None:
        """``keep`` ends the text and is never cut (a required field's " *")."""
        super().__init__(text + keep, parent)
        self.full_text = text + keep
        self._keep = keep
        self._tip = ""
        self.setWordWrap(True)

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._show_tip()

    def _show_tip(self) -> None:
        cut = self.text() != self.full_text
        tip = f"{self.full_text}\n\n{self._tip}" if cut and self._tip else self._tip
        super().setToolTip(self.full_text if cut and not tip else tip)

    def _lines(self, width: int) -> list[tuple[int, int]]:
        """Where each line of the whole text starts and how long it is, wrapped as the
        label wraps it (at word boundaries) at ``width`` pixels."""
        layout = QTextLayout(self.full_text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        lines = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return lines

    def _text_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return max(1, width - margins.left() - margins.right() - 2 * self.margin())

    def _fitted(self, width: int) -> str:
        lines = self._lines(self._text_width(width))
        if len(lines) <= MAX_LINES:
            return self.full_text
        start = lines[MAX_LINES - 1][0]
        end = len(self.full_text) - len(self._keep)
        rest = self.full_text[start:end].replace("\n", " ")
        metrics = self.fontMetrics()
        # A few pixels spare: the label's own wrapping must not push "…" to a third line.
        room = self._text_width(width) - 4 - metrics.horizontalAdvance(self._keep)
        last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)
        return self.full_text[:start].rstrip() + "\n" + last + self._keep

    def heightForWidth(self, width: int) -> int:
        count = min(MAX_LINES, max(1, len(self._lines(self._text_width(width)))))
        margins = self.contentsMargins()
        return (
            count * self.fontMetrics().lineSpacing()
            + margins.top()
            + margins.bottom()
            + 2 * self.margin()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        shown = self._fitted(event.size().width())
        if shown != self.text():
            super().setText(shown)
            self._show_tip()
        super().resizeEvent(event)


__all__ = ["TwoLineLabel"]
