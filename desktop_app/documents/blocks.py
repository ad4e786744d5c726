"""The drawn blocks of a Decree 30/2020 document: the heading (agency block and national
motto, each with its rule; the number under the agency, the place and date under the
motto), the rule under the title, and the signature blocks.

The heading and the packet's signature block are drawn line by line rather than laid out
as paragraphs, so the rules sit where the decree puts them and the box left for the
digital signature has exact coordinates. Each block is drawn for a ``Page`` (portrait
for a commune's report, landscape for the consolidated one's wide tables).

May import: ``documents``; reportlab.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table

from .decree30 import MOTTO, PREPARED_BY, RECIPIENTS, Agency, Signature
from .flow import style
from .fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC
from .long_text import para, pieces, wrap_line
from .page import MM, PORTRAIT, Page

LINE = 0.6  # every rule and table border, in points
RECIPIENTS_SIZE = 12  # "Nơi nhận:" (the recipients under it: 11)
BOX_W, BOX_H = 60 * MM, 22 * MM  # the empty box under the leader's title, for the signature


def fit(text: str, font: str, size: float, width: float) -> float:
    """The font size at which one line fits ``width`` (long unit names shrink a little)."""
    while size > 9 and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


class Lines(Flowable):
    """Centred single lines in two columns, with optional rules, across the page's width."""

    def __init__(self, page: Page, height: float) -> None:
        super().__init__()
        self.sheet = page
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.sheet.width, self.height

    def text(self, x: float, y: float, text: str, font: str, size: float, room: float) -> float:
        """Draw ``text`` centred on ``x`` at baseline ``y``; return its width."""
        size = fit(text, font, size, room)
        self.canv.setFont(font, size)
        self.canv.drawCentredString(x, y, text)
        return stringWidth(text, font, size)

    def rule(self, x: float, y: float, length: float) -> None:
        self.canv.setLineWidth(LINE)
        self.canv.line(x - length / 2, y, x + length / 2, y)


class Heading(Lines):
    """The agency block left (the parent agency, then the issuer in bold capitals, a short
    rule under it) and the motto right (its second line underlined by a rule as long as
    itself); the number under the agency, the place and date, in italics, under the motto."""

    def __init__(self, agency: Agency, number: str, place_date: str, page: Page) -> None:
        self.agency = ([(agency.parent, SERIF)] if agency.parent else []) + [
            (line, SERIF_BOLD) for line in agency.issuer
        ]
        self.number, self.place_date = number, place_date
        super().__init__(page, (max(len(self.agency), 2) + 2) * 16 + 4)

    def draw(self) -> None:
        block, width = self.sheet.left_block, self.sheet.width
        lx, rx = block / 2, block + (width - block) / 2
        top = self.height - 13
        drawn = 0.0
        for i, (line, font) in enumerate(self.agency):
            drawn = self.text(lx, top - i * 16, line, font, 13, block - 4)
        self.rule(lx, top - (len(self.agency) - 1) * 16 - 7, drawn * 0.4)
        self.text(rx, top, MOTTO[0], SERIF_BOLD, 13, width - block)
        drawn = self.text(rx, top - 16, MOTTO[1], SERIF_BOLD, 13, width - block)
        self.rule(rx, top - 16 - 7, drawn)
        self.text(lx, 4, self.number, SERIF, 13, block - 4)
        self.text(rx, 4, self.place_date, SERIF_ITALIC, 14, width - block)


class TitleRule(Lines):
    """The rule under the document's summary, centred (Decree 30: 1/3 to 1/2 of its line)."""

    def __init__(self, length: float, page: Page) -> None:
        super().__init__(page, 6)
        self.length = length

    def draw(self) -> None:
        self.rule(self.sheet.width / 2, 1, self.length)


class SignatureBlock(Lines):
    """The preparer on the left, the leader's titles on the right, with the empty box for
    the digital signature between the titles and the leader's name; after drawing,
    ``box_page`` (0-based) and ``box`` (x1, y1, x2, y2 in points, origin bottom-left) say
    where the box is. A name too long for its column is wrapped (at 12 pt past two lines)
    under the box."""

    def __init__(self, preparer: Signature, approver: Signature, page: Page = PORTRAIT) -> None:
        block, width = page.left_block, page.width
        self.left_x = width / 4  # the preparer's column is centred here…
        self.right_x = block + (width - block) / 2  # …and the leader's under the motto
        self.rooms = (2 * (block - self.left_x) - 6, width - block - 6)  # never overlapping
        self.preparer, self.approver = preparer, approver
        self.titles = max(len(approver.titles), len(preparer.titles) + bool(preparer.hint))
        self.size = 14
        self.leading: float = 17  # 14.5 at the smaller size below
        self.names = self._wrapped()
        if max(len(lines) for lines in self.names) > 2:
            self.size, self.leading = 12, 14.5
            self.names = self._wrapped()
        self.name_lines = max(len(lines) for lines in self.names)
        extra = (self.name_lines - 1) * self.leading
        super().__init__(page, self.titles * 17 + 6 + BOX_H + 24 + extra)
        self.box_page = 0
        self.box = (0.0, 0.0, 0.0, 0.0)

    def _wrapped(self) -> tuple[list[str], list[str]]:
        left = wrap_line(self.preparer.name, SERIF_BOLD, self.size, self.rooms[0])
        return left, wrap_line(self.approver.name, SERIF_BOLD, self.size, self.rooms[1])

    def draw(self) -> None:
        block, width = self.sheet.left_block, self.sheet.width
        half = width / 2
        lx, rx = self.left_x, self.right_x
        top = self.height - 14
        for i, title in enumerate(self.preparer.titles):
            self.text(lx, top - i * 17, title, SERIF_BOLD, 13, half)
        if self.preparer.hint:
            self.text(
                lx, top - len(self.preparer.titles) * 17, self.preparer.hint, SERIF_ITALIC, 13, half
            )
        for i, title in enumerate(self.approver.titles):
            self.text(rx, top - i * 17, title, SERIF_BOLD, 13, width - block)
        box_top = top - (self.titles - 1) * 17 - 8
        first = 6 + (self.name_lines - 1) * self.leading  # the names' first baseline
        for x, lines, room in zip((lx, rx), self.names, self.rooms, strict=True):
            for i, line in enumerate(lines):
                self.text(x, first - i * self.leading, line, SERIF_BOLD, self.size, room)
        x1, y1 = self.canv.absolutePosition(rx - BOX_W / 2, box_top - BOX_H)
        self.box = (round(x1, 2), round(y1, 2), round(x1 + BOX_W, 2), round(y1 + BOX_H, 2))
        self.box_page = self.canv.getPageNumber() - 1


class ClosingBlock(Lines):
    """The end of a report as Decree 30 orders it: "Nơi nhận:" and the recipients at the
    left, the leader's titles, the empty box for the digital signature and the name at
    the right, side by side. The preparer, who does not sign the packet, is named under
    the recipients ("Người lập biểu: …") with no line to sign on.

    Drawn in this order: recipients, preparer, titles, name (``decree30.closing_texts``).
    After drawing, ``box_page`` (0-based) and ``box`` (x1, y1, x2, y2 in points, origin
    bottom-left) say where the signature box is."""

    def __init__(
        self, recipients: Sequence[str], preparer: Signature, approver: Signature, page: Page
    ) -> None:
        block, width = page.left_block, page.width
        self.right_x = block + (width - block) / 2  # under the motto
        self.left_room = block - 6
        self.right_room = width - block - 6
        self.approver = approver
        self.left = [(RECIPIENTS_SIZE, SERIF_BOLD_ITALIC, RECIPIENTS, 0.0)]
        for line in recipients:
            self.left += [
                (11, SERIF, part, 0.0) for part in wrap_line(line, SERIF, 11, self.left_room)
            ]
        if preparer.name:
            self.left.append((11, SERIF, "", 6.0))
            named = f"{PREPARED_BY}: {preparer.name}"
            self.left += [
                (11, SERIF, part, 0.0) for part in wrap_line(named, SERIF, 11, self.left_room)
            ]
        self.size, self.leading = 14, 17.0
        self.names = wrap_line(approver.name, SERIF_BOLD, self.size, self.right_room)
        if len(self.names) > 2:
            self.size, self.leading = 12, 14.5
            self.names = wrap_line(approver.name, SERIF_BOLD, self.size, self.right_room)
        right = len(approver.titles) * 17 + 6 + BOX_H + 24 + (len(self.names) - 1) * self.leading
        left = sum(13 + extra for _size, _font, _text, extra in self.left) + 4
        super().__init__(page, max(right, left))
        self.box_page = 0
        self.box = (0.0, 0.0, 0.0, 0.0)

    def draw(self) -> None:
        top = self.height - 14
        y = top
        for size, font, text, extra in self.left:
            y -= extra
            if text:
                self.canv.setFont(font, size)
                self.canv.drawString(0, y, text)
            y -= 13
        rx = self.right_x
        for i, title in enumerate(self.approver.titles):
            self.text(rx, top - i * 17, title, SERIF_BOLD, 13, self.right_room)
        box_top = top - (len(self.approver.titles) - 1) * 17 - 8
        name_top = box_top - BOX_H - 18
        for i, line in enumerate(self.names):
            self.text(rx, name_top - i * self.leading, line, SERIF_BOLD, self.size, self.right_room)
        x1, y1 = self.canv.absolutePosition(rx - BOX_W / 2, box_top - BOX_H)
        self.box = (round(x1, 2), round(y1, 2), round(x1 + BOX_W, 2), round(y1 + BOX_H, 2))
        self.box_page = self.canv.getPageNumber() - 1


def closing_table(
    recipients: Sequence[str], preparer: Signature, approver: Signature, page: Page
) -> Table:
    """``ClosingBlock``'s layout (Nơi nhận at the left, the leader's block at the right,
    the preparer named under the recipients) as a table of paragraphs, for a report
    signed by hand on paper: a name kept by an older version had no limit, and a row of
    this table may run onto the next page where a drawn block could not."""
    half = page.width / 2
    heading = [para(RECIPIENTS, style(RECIPIENTS_SIZE, SERIF_BOLD_ITALIC))]
    heading += [para(line, style(11)) for line in recipients]
    named = f"{PREPARED_BY}: {preparer.name}"
    left: list[Any] = pieces(named, style(11, spaceBefore=6), half - 12) if preparer.name else []
    bold = style(13, SERIF_BOLD, TA_CENTER)
    right: list[Any] = [Spacer(1, 24 * MM)]
    right += pieces(approver.name, style(14, SERIF_BOLD, TA_CENTER), half - 12)
    rows = [[heading, para("\n".join(approver.titles), bold)]]
    rows += [list(pair) for pair in zip_longest(left, right, fillvalue="")]
    table = Table(rows, colWidths=[half, half])
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), SERIF),  # empty cells would name Helvetica
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("LEFTPADDING", (0, 0), (0, -1), 0)])  # fmt: skip
    return table


def signature_table(preparer: Signature, approver: Signature, page: Page) -> Table:
    """The two signature blocks as a table of paragraphs, half the page each, room to
    sign between the titles and the names. A name too long for one row (a profile kept by
    an older version had no limit) goes on in the rows under it, which may run onto the
    next page."""
    bold, italic = style(13, SERIF_BOLD, TA_CENTER), style(13, SERIF_ITALIC, TA_CENTER)
    left = [para(title, bold) for title in preparer.titles]
    left += [para(preparer.hint, italic)] if preparer.hint else []
    right = [para("\n".join(approver.titles), bold)]
    right += [para(approver.hint, italic)] if approver.hint else []
    half = page.width / 2
    name = style(14, SERIF_BOLD, TA_CENTER)
    columns = [pieces(preparer.name, name, half), pieces(approver.name, name, half)]
    names = [
        [column[i] if i < len(column) else "" for column in columns]
        for i in range(max(map(len, columns)))
    ]
    rows = [[left, right], ["", ""], *names]
    heights = [None, 24 * MM] + [None] * len(names)
    table = Table(rows, colWidths=[half, half], rowHeights=heights)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), SERIF),  # empty cells would name Helvetica
                    ("VALIGN", (0, 2), (-1, -1), "TOP")])  # fmt: skip
    return table


__all__ = [
    "BOX_H",
    "BOX_W",
    "LINE",
    "ClosingBlock",
    "Heading",
    "Lines",
    "SignatureBlock",
    "TitleRule",
    "closing_table",
    "fit",
    "signature_table",
]
