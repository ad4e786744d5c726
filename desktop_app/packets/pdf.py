"""``report.pdf``: the report laid out as Decree 30/2020/NĐ-CP (Appendix I) asks.

A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right; Liberation Serif
(Times metrics, every Vietnamese letter) embedded; national motto 13 pt bold with its
rule; place and date in italics; page numbers from page 2, centred in the top margin;
tables split across pages with their header row repeated. Body text is 13–14 pt; the
tables use 12 pt, as offices print wide tables, so a label and its figure share a line.

The right-hand signature block leaves an empty 60 × 22 mm box under "CHỦ TỊCH" for the
PAdES signature that ``signing.py`` adds; its page and exact coordinates are returned.
Output is deterministic (reportlab ``invariant``): the same data gives the same bytes,
which matters because a packet hashes its members.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    LongTable,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from ..core.forms.model import Form
from .fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, register_pdf_fonts
from .layout import (
    MOTTO,
    SCORE_HEADERS,
    TABLE_HEADERS,
    Cell,
    ReportLayout,
    Signature,
    build_layout,
    paragraphs,
)
from .pdf_cells import para, pieces, wrap_line

MM = 72 / 25.4
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
WIDTH = A4[0] - LEFT - RIGHT  # 165 mm
LEFT_BLOCK = 62 * MM  # agency block; the motto block takes the rest (the motto needs 96 mm)
BOX_W, BOX_H = 60 * MM, 22 * MM
LINE = 0.6


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    signature_page: int  # 0-based
    signature_box: tuple[float, float, float, float]  # x1, y1, x2, y2 in points, origin bottom-left


def _style(size: float, font: str = SERIF, align: int = TA_LEFT, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{font}{align}",
        fontName=font,
        fontSize=size,
        leading=size * 1.2,
        alignment=align,
        **kw,
    )


_para = para


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The font size at which one line fits ``width`` (long unit names shrink a little)."""
    while size > 9 and stringWidth(text, font, size) > width:
        size -= 0.5
    return size


class _Lines(Flowable):
    """Centred single lines in two columns, with optional rules: the agency and motto
    blocks and the signature blocks, drawn directly so the rules sit where the decree
    puts them and the signature box position is known exactly."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return WIDTH, self.height

    def text(self, x: float, y: float, text: str, font: str, size: float, room: float) -> float:
        """Draw ``text`` centred on ``x`` at baseline ``y``; return its width."""
        size = _fit(text, font, size, room)
        self.canv.setFont(font, size)
        self.canv.drawCentredString(x, y, text)
        return stringWidth(text, font, size)

    def rule(self, x: float, y: float, length: float) -> None:
        self.canv.setLineWidth(LINE)
        self.canv.line(x - length / 2, y, x + length / 2, y)


class _Header(_Lines):
    def __init__(self, layout: ReportLayout) -> None:
        self.h = layout.header
        self.left = ([(self.h.parent_agency, SERIF)] if self.h.parent_agency else []) + [
            (line, SERIF_BOLD) for line in self.h.issuer
        ]
        self.rows = max(len(self.left), 2) + 1  # one more row for the rules
        super().__init__((self.rows + 1) * 16 + 4)

    def draw(self) -> None:
        lx, rx = LEFT_BLOCK / 2, LEFT_BLOCK + (WIDTH - LEFT_BLOCK) / 2
        top = self.height - 13
        width = 0.0
        for i, (line, font) in enumerate(self.left):
            width = self.text(lx, top - i * 16, line, font, 13, LEFT_BLOCK - 4)
        self.rule(lx, top - (len(self.left) - 1) * 16 - 7, width * 0.4)
        self.text(rx, top, MOTTO[0], SERIF_BOLD, 13, WIDTH - LEFT_BLOCK)
        width = self.text(rx, top - 16, MOTTO[1], SERIF_BOLD, 13, WIDTH - LEFT_BLOCK)
        self.rule(rx, top - 16 - 7, width)
        y = 4
        self.text(lx, y, self.h.number, SERIF, 13, LEFT_BLOCK - 4)
        self.text(rx, y, self.h.place_date, SERIF_ITALIC, 14, WIDTH - LEFT_BLOCK)


class _Rule(_Lines):
    def __init__(self, length: float) -> None:
        super().__init__(6)
        self.length = length

    def draw(self) -> None:
        self.rule(WIDTH / 2, 1, self.length)


class _Signatures(_Lines):
    """NGƯỜI LẬP BIỂU on the left, TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH on the right, with the
    empty box for the digital signature between the title and the leader's name. A name
    too long for its column is wrapped (at 12 pt past two lines) under the box."""

    LEFT_X = WIDTH / 4  # the preparer's column is centred here…
    RIGHT_X = LEFT_BLOCK + (WIDTH - LEFT_BLOCK) / 2  # …and the leader's here
    ROOMS = (2 * (LEFT_BLOCK - LEFT_X) - 6, WIDTH - LEFT_BLOCK - 6)  # never overlapping

    def __init__(self, preparer: Signature, approver: Signature) -> None:
        self.preparer, self.approver = preparer, approver
        self.titles = max(len(approver.titles), len(preparer.titles) + bool(preparer.hint))
        self.size, self.leading = 14, 17
        self.names = self._wrapped()
        if max(len(lines) for lines in self.names) > 2:
            self.size, self.leading = 12, 14.5
            self.names = self._wrapped()
        self.name_lines = max(len(lines) for lines in self.names)
        extra = (self.name_lines - 1) * self.leading
        super().__init__(self.titles * 17 + 6 + BOX_H + 24 + extra)
        self.page = 0
        self.box = (0.0, 0.0, 0.0, 0.0)

    def _wrapped(self) -> tuple[list[str], list[str]]:
        left = wrap_line(self.preparer.name, SERIF_BOLD, self.size, self.ROOMS[0])
        return left, wrap_line(self.approver.name, SERIF_BOLD, self.size, self.ROOMS[1])

    def draw(self) -> None:
        half = WIDTH / 2
        lx, rx = self.LEFT_X, self.RIGHT_X
        top = self.height - 14
        for i, title in enumerate(self.preparer.titles):
            self.text(lx, top - i * 17, title, SERIF_BOLD, 13, half)
        if self.preparer.hint:
            self.text(
                lx, top - len(self.preparer.titles) * 17, self.preparer.hint, SERIF_ITALIC, 13, half
            )
        for i, title in enumerate(self.approver.titles):
            self.text(rx, top - i * 17, title, SERIF_BOLD, 13, WIDTH - LEFT_BLOCK)
        box_top = top - (self.titles - 1) * 17 - 8
        first = 6 + (self.name_lines - 1) * self.leading  # the names' first baseline
        for x, lines, room in zip((lx, rx), self.names, self.ROOMS, strict=True):
            for i, line in enumerate(lines):
                self.text(x, first - i * self.leading, line, SERIF_BOLD, self.size, room)
        x1, y1 = self.canv.absolutePosition(rx - BOX_W / 2, box_top - BOX_H)
        self.box = (round(x1, 2), round(y1, 2), round(x1 + BOX_W, 2), round(y1 + BOX_H, 2))
        self.page = self.canv.getPageNumber() - 1


_CELL = _style(12)
_CELL_BOLD = _style(12, SERIF_BOLD)
_CELL_ITALIC = _style(12, SERIF_ITALIC)
_CENTRE = _style(12, align=TA_CENTER)
_CENTRE_BOLD = _style(12, SERIF_BOLD, TA_CENTER)
_NUMBER = _style(12, align=TA_RIGHT)
_NUMBER_BOLD = _style(12, SERIF_BOLD, TA_RIGHT)
_FREE_TEXT = _style(12, align=TA_JUSTIFY)
_SMALL = _style(11)
_SMALL_ITALIC_CENTRE = _style(11, SERIF_ITALIC, TA_CENTER)
_SMALL_BOLD_CENTRE = _style(11, SERIF_BOLD, TA_CENTER)


def _value(cell: Cell, bold: bool = False) -> Paragraph:
    if cell.is_number:
        return _para(cell.text, _NUMBER_BOLD if bold else _NUMBER)
    return _para(cell.text, _CENTRE_BOLD if bold else _CENTRE)


class _Table(LongTable):
    """A table whose part on each page is closed by a rule, even when the page ends
    inside a free text (reportlab drops a "splitlast" rule after the first split)."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = super().split(avail_width, avail_height)
        if len(parts) == 2:
            parts[0]._addCommand(("LINEBELOW", (0, -1), (-1, -1), LINE, colors.black))
        return parts


def _grid(framed: int, joined: set[int]) -> list[tuple]:
    """Cell borders for the first ``framed`` rows (rows after them, the signatures, have
    none); no line between a free-text label and its paragraphs (the ``joined`` rows)."""
    style: list[tuple] = [
        ("LINEABOVE", (0, 0), (-1, 0), LINE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), SERIF),  # empty cells, which would name Helvetica
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in range(framed):
        style.append(("LINEBEFORE", (0, r), (0, r), LINE, colors.black))
        style.append(("LINEAFTER", (0, r), (-1, r), LINE, colors.black))
        if r + 1 not in joined:
            style.append(("LINEBELOW", (0, r), (-1, r), LINE, colors.black))
    return style


_WIDTHS = tuple(w * MM for w in (11, 76, 19, 23, 36))  # STT | Chỉ tiêu | ĐVT | Số liệu | Ghi chú
_TEXT_WIDTH = sum(_WIDTHS[1:4])  # free text runs across Chỉ tiêu to Số liệu


def _continued(rows: list[list[Any]], joined: set[int], columns: dict[int, list[Any]]) -> None:
    """Rows carrying the rest of texts cut into pieces (``pdf_cells``): piece ``i`` of
    column ``c`` in the ``i``-th row, joined to the row above without a rule."""
    for i in range(max(len(p) for p in columns.values())):
        joined.add(len(rows))
        row: list[Any] = ["", "", "", "", ""]
        for column, flowables in columns.items():
            if i < len(flowables):
                row[column] = flowables[i]
        rows.append(row)


def _report_table(layout: ReportLayout, closing: list[Flowable]) -> LongTable:
    """The indicator table. ``closing`` (the signatures) is its last, borderless row, tied
    to the row above it, so a page never holds the signatures alone (Decree 30). A long
    label, note or free text continues in rows of its own, across pages if need be."""
    rows: list[list[Any]] = [[_para(h, _CENTRE_BOLD) for h in TABLE_HEADERS]]
    style: list[tuple] = []
    joined: set[int] = set()
    for row in layout.rows:
        r = len(rows)
        if row.kind == "section":
            rows.append([_para(row.number, _CENTRE_BOLD), _para(row.label, _CELL_BOLD), "", "", ""])
            # a section title never ends a page: it stays with its first row
            style += [("SPAN", (1, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
            continue
        note = pieces(row.note, _CELL, _WIDTHS[4])
        if row.kind == "text":
            label = pieces(row.label, _CELL, _TEXT_WIDTH)
            rows.append([_para(row.number, _CENTRE), label[0], "", "", note[0]])
            style += [("SPAN", (1, r), (3, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
            # the text under its label, one row per piece of each paragraph, so that a
            # long text runs onto the next page; the note continues beside it
            body = label[1:] + [p for text in paragraphs(row.value.text)
                                for p in pieces(text, _FREE_TEXT, _TEXT_WIDTH)]  # fmt: skip
            start = len(rows)
            _continued(rows, joined, {1: body, 4: note[1:]})
            style += [("SPAN", (1, i), (3, i)) for i in range(start, len(rows))]
            continue
        label = pieces(row.label, _CELL_ITALIC if row.computed else _CELL, _WIDTHS[1])
        unit = _para(row.unit, _CENTRE)
        rows.append([_para(row.number, _CENTRE), label[0], unit, _value(row.value), note[0]])
        _continued(rows, joined, {1: label[1:], 4: note[1:]})
    if layout.general_notes:
        notes = "\n".join(f"- {n}" for n in layout.general_notes)
        start = len(rows)
        for i, piece in enumerate(pieces(f"Giải trình thêm:\n{notes}", _CELL, sum(_WIDTHS))):
            if i:
                joined.add(len(rows))
            rows.append([piece, "", "", "", ""])
        style += [("SPAN", (0, i), (-1, i)) for i in range(start, len(rows))]
    framed = len(rows)
    rows.append([closing, "", "", "", ""])
    style += [("SPAN", (0, framed), (-1, framed)), ("NOSPLIT", (0, framed - 1), (-1, framed))]
    style += [
        ("LEFTPADDING", (0, framed), (-1, framed), 0),
        ("RIGHTPADDING", (0, framed), (-1, framed), 0),
        ("TOPPADDING", (0, framed), (-1, framed), 18),
    ]
    return _Table(rows, colWidths=list(_WIDTHS), repeatRows=1, style=_grid(framed, joined) + style)


def _score_table(layout: ReportLayout) -> LongTable:
    assert layout.score is not None
    rows: list[list[Any]] = [[_para(h, _CENTRE_BOLD) for h in SCORE_HEADERS]]
    style: list[tuple] = []
    for row in layout.score.rows:
        r, bold = len(rows), row.kind != "item"
        if row.kind == "section":
            style.append(("NOSPLIT", (0, r), (-1, r + 1)))
        elif row.kind == "total":  # the total, the band and the last item stay together
            style.append(("NOSPLIT", (0, r - 1), (-1, -1)))
        label = _para(row.label, _CELL_BOLD if bold else _CELL)
        first = _para(row.number, _CENTRE_BOLD if bold else _CENTRE)
        if row.kind in ("total", "band"):
            first = label
            style.append(("SPAN", (0, r), (1, r)))
        points = _value(row.points, bold)
        if not row.points.is_number:  # "Chấm khi tổng hợp", the band's letter
            points = _para(row.points.text, _SMALL_BOLD_CENTRE if bold else _SMALL_ITALIC_CENTRE)
        method, note = _para(row.method, _SMALL), _para(row.note, _SMALL)
        rows.append([first, label, _value(row.maximum, bold), method, points, note])
    widths = [w * MM for w in (12, 50, 16, 39, 18, 30)]
    return _Table(rows, colWidths=widths, repeatRows=1, style=_grid(len(rows), set()) + style)


def _page_number(canvas: Any, doc: Any) -> None:
    # Decree 30: Arabic numerals, 13–14 pt, centred in the top margin, none on page 1.
    canvas.saveState()
    canvas.setFont(SERIF, 13)
    canvas.drawCentredString(LEFT + WIDTH / 2, A4[1] - TOP / 2 - 4, str(doc.page))
    canvas.restoreState()


def _story(layout: ReportLayout, signatures: _Signatures) -> list[Flowable]:
    h = layout.header
    title = _style(14, SERIF_BOLD, TA_CENTER, spaceAfter=2)
    rule = _Rule(min(stringWidth(h.summary, SERIF_BOLD, 14), WIDTH) / 3)  # Decree 30: 1/3–1/2
    closing = [signatures, Spacer(1, 10), _para("Nơi nhận:", _style(12, SERIF_BOLD_ITALIC))]
    closing += [_para(line, _SMALL) for line in layout.recipients]
    story = [_Header(layout), Spacer(1, 18), _para(h.doc_type, title), _para(h.summary, title)]
    story += [rule, Spacer(1, 12), _report_table(layout, closing)]
    if layout.score is not None:
        heading, name, reference = layout.score.heading
        story += [PageBreak(), _para(heading, _style(14, SERIF_BOLD, TA_CENTER))]
        story += [_para(name, title), _para(reference, _style(13, SERIF_ITALIC, TA_CENTER))]
        story += [Spacer(1, 10), _score_table(layout)]
    return story


def render_pdf(form: Form, data: Mapping[str, Any]) -> RenderedPdf:
    """``report.pdf`` for ``data`` (a ``data.json`` object of ``form``)."""
    register_pdf_fonts()
    layout = build_layout(form, data)
    signatures = _Signatures(layout.preparer, layout.approver)
    out = io.BytesIO()
    # The frame has no padding of its own, so the margins are exactly the decree's.
    frame = Frame(LEFT, BOTTOM, WIDTH, A4[1] - TOP - BOTTOM, 0, 0, 0, 0, id="body")
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        pageTemplates=[
            PageTemplate("first", [frame], autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=_page_number),
        ],
        title=layout.metadata_title,
        author=data["unit"]["name"],
        subject=f"{data['form']['id']} {data['form']['version']} — {data['period']}",
        creator="cntt-baocao",
        lang="vi",
        initialFontName=SERIF,  # else every page names Helvetica, a font not embedded
        initialFontSize=13,
        invariant=1,
    )
    # Streams compressed without the ASCII85 layer: 20 % smaller, and read back (the
    # receiving compares the text shown with data.json) by zlib alone.
    ascii85, rl_config.useA85 = rl_config.useA85, 0
    try:
        doc.build(_story(layout, signatures))
    finally:
        rl_config.useA85 = ascii85
    return RenderedPdf(out.getvalue(), signatures.page, signatures.box)


__all__ = ["RenderedPdf", "render_pdf"]
