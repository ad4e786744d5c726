"""Decree 30 blocks of the consolidated PDF on an A4 landscape page: agency block and
national motto with their rules, the place-and-date line, page numbers from page 2, and
the signature blocks. The same fonts and wording as the packet's ``report.pdf``
(``packets.fonts``, ``packets.layout.MOTTO``); drawn for a wider frame.

May import: ``consolidation``, ``packets`` (fonts, the packet report's layout), ``core``; reportlab.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table

from ..packets.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC
from ..packets.layout import MOTTO
from ..packets.pdf_cells import pieces

MM = 72 / 25.4
PAGE = landscape(A4)
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
WIDTH = PAGE[0] - LEFT - RIGHT
HEIGHT = PAGE[1] - TOP - BOTTOM
LEFT_BLOCK = 90 * MM
LINE = 0.6


def style(size: float, font: str = SERIF, align: int = TA_LEFT, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        f"c{size}{font}{align}", fontName=font, fontSize=size, leading=size * 1.2,
        alignment=align, **kw,
    )  # fmt: skip


def para(text: str, st: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), st)


def _fit(text: str, font: str, size: float, width: float) -> float:
    while size > 9 and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


class HeaderBlock(Flowable):
    """Agency block (parent agency, then the issuer in bold capitals) left, the motto right,
    each with its rule; the number under the agency and the place and date under the motto."""

    def __init__(self, agency: list[tuple[str, str]], number: str, place_date: str) -> None:
        super().__init__()
        self.agency, self.number, self.place_date = agency, number, place_date
        self.height = (max(len(agency), 2) + 2) * 16 + 4

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return WIDTH, self.height

    def _text(self, x: float, y: float, text: str, font: str, size: float, room: float) -> float:
        size = _fit(text, font, size, room)
        self.canv.setFont(font, size)
        self.canv.drawCentredString(x, y, text)
        return stringWidth(text, font, size)

    def _rule(self, x: float, y: float, length: float) -> None:
        self.canv.setLineWidth(LINE)
        self.canv.line(x - length / 2, y, x + length / 2, y)

    def draw(self) -> None:
        lx, rx = LEFT_BLOCK / 2, LEFT_BLOCK + (WIDTH - LEFT_BLOCK) / 2
        top, room = self.height - 13, WIDTH - LEFT_BLOCK
        width = 0.0
        for i, (line, font) in enumerate(self.agency):
            width = self._text(lx, top - i * 16, line, font, 13, LEFT_BLOCK - 4)
        self._rule(lx, top - (len(self.agency) - 1) * 16 - 7, width * 0.4)
        self._text(rx, top, MOTTO[0], SERIF_BOLD, 13, room)
        width = self._text(rx, top - 16, MOTTO[1], SERIF_BOLD, 13, room)
        self._rule(rx, top - 23, width)
        self._text(lx, 4, self.number, SERIF, 13, LEFT_BLOCK - 4)
        self._text(rx, 4, self.place_date, SERIF_ITALIC, 14, room)


class Rule(Flowable):
    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return WIDTH, 6

    def draw(self) -> None:
        self.canv.setLineWidth(LINE)
        self.canv.line(WIDTH / 2 - self.length / 2, 1, WIDTH / 2 + self.length / 2, 1)


def signatures(preparer: str, approver: str, titles: tuple[str, ...]) -> Table:
    """NGƯỜI LẬP BIỂU left, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH right, room to sign between.
    A name too long for one row (a profile kept by an older version had no limit) goes
    on in the rows under it, which may run onto the next page."""
    bold, italic = style(13, SERIF_BOLD, TA_CENTER), style(13, SERIF_ITALIC, TA_CENTER)
    left = [para("NGƯỜI LẬP BIỂU", bold), para("(Ký, ghi rõ họ tên)", italic)]
    right = [para("\n".join(titles), bold)]
    name = style(14, SERIF_BOLD, TA_CENTER)
    columns = [pieces(preparer, name, WIDTH / 2), pieces(approver, name, WIDTH / 2)]
    names = [
        [column[i] if i < len(column) else "" for column in columns]
        for i in range(max(map(len, columns)))
    ]
    rows = [[left, right], ["", ""], *names]
    heights = [None, 24 * MM] + [None] * len(names)
    table = Table(rows, colWidths=[WIDTH / 2, WIDTH / 2], rowHeights=heights)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), SERIF),  # empty cells would name Helvetica
                    ("VALIGN", (0, 2), (-1, -1), "TOP")])  # fmt: skip
    return table


def page_number(canvas: Any, doc: Any) -> None:
    # Decree 30: Arabic numerals centred in the top margin, none on the first page.
    canvas.saveState()
    canvas.setFont(SERIF, 13)
    canvas.drawCentredString(LEFT + WIDTH / 2, PAGE[1] - TOP / 2 - 4, str(doc.page))
    canvas.restoreState()
