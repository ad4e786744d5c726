"""``report.pdf``: the report laid out as Decree 30/2020/NĐ-CP (Appendix I) asks.

A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right; Liberation Serif
(Times metrics, every Vietnamese letter) embedded; national motto 13 pt bold with its
rule; place and date in italics; page numbers from page 2, centred in the top margin;
tables split across pages with their header row repeated. Body text is 13–14 pt; the
tables use 12 pt, as offices print wide tables, so a label and its figure share a line.

The report closes as Decree 30 orders it: "Nơi nhận" at the left and, beside it, the
leader's block with an empty 60 × 22 mm box under "CHỦ TỊCH" for the PAdES signature
that ``signing.py`` adds (its page and exact coordinates are returned); the preparer is
named under the recipients, with no line to sign on.
Output is deterministic (reportlab ``invariant``): the same data gives the same bytes,
which matters because a packet hashes its members.

The decree's furniture (page, heading, signature block, table borders) is
``documents``'; this module lays out the report's own tables on it: the indicators and,
on a page of its own, the self-assessment appendix.

May import: ``packets``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.forms.model import Form
from ..documents.blocks import ClosingBlock, Heading, TitleRule
from ..documents.decree30 import Agency
from ..documents.flow import (
    CENTRE,
    JUSTIFY,
    RIGHT,
    Flowable,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
    para,
    style,
    text_width,
)
from ..documents.fonts import SERIF_BOLD, SERIF_ITALIC, register_pdf_fonts
from ..documents.long_text import pieces
from ..documents.page import MM, PORTRAIT, build_pdf
from ..documents.tables import ClosedTable, grid
from .cells import Cell
from .layout import ReportLayout, Row, build_layout, previous_shown, table_headers
from .published_part import published_flowables
from .score_sheet import SCORE_HEADERS
from .textpieces import paragraphs

WIDTH = PORTRAIT.width  # 165 mm


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    signature_page: int  # 0-based
    signature_box: tuple[float, float, float, float]  # x1, y1, x2, y2 in points, origin bottom-left


_CELL = style(12)
_CELL_BOLD = style(12, SERIF_BOLD)
_CELL_ITALIC = style(12, SERIF_ITALIC)
_CENTRE = style(12, align=CENTRE)
_CENTRE_BOLD = style(12, SERIF_BOLD, CENTRE)
_NUMBER = style(12, align=RIGHT)
_NUMBER_BOLD = style(12, SERIF_BOLD, RIGHT)
_FREE_TEXT = style(12, align=JUSTIFY)
_SMALL = style(11)
_SMALL_ITALIC_CENTRE = style(11, SERIF_ITALIC, CENTRE)
_SMALL_BOLD_CENTRE = style(11, SERIF_BOLD, CENTRE)


def _value(cell: Cell, bold: bool = False) -> Paragraph:
    if cell.is_number:
        return para(cell.text, _NUMBER_BOLD if bold else _NUMBER)
    return para(cell.text, _CENTRE_BOLD if bold else _CENTRE)


_WIDTHS = tuple(w * MM for w in (11, 76, 19, 23, 36))  # STT | Chỉ tiêu | ĐVT | Số liệu | Ghi chú
# with the year-on-year column after Số liệu: "Năm 2025 (tăng, giảm)"
_YOY_WIDTHS = tuple(w * MM for w in (12, 61, 16, 21, 26, 29))


def _continued(
    rows: list[list[Any]], joined: set[int], columns: dict[int, list[Any]], width: int = 5
) -> None:
    """Rows carrying the rest of texts cut into pieces (``documents.long_text``): piece ``i`` of
    column ``c`` in the ``i``-th row, joined to the row above without a rule."""
    for i in range(max(len(p) for p in columns.values())):
        joined.add(len(rows))
        row: list[Any] = [""] * width
        for column, flowables in columns.items():
            if i < len(flowables):
                row[column] = flowables[i]
        rows.append(row)


def _previous_cell(row: Row) -> Paragraph:
    """The year-on-year cell: "30,1 (+0,3)", "Có", "—" (``core.comparison``'s words)."""
    return para(previous_shown(row), _NUMBER if row.previous.is_number else _CENTRE)


def _report_table(layout: ReportLayout, closing: list[Flowable]) -> LongTable:
    """The indicator table. ``closing`` (the signatures) is its last, borderless row, tied
    to the row above it, so a page never holds the signatures alone (Decree 30). A long
    label, note or free text continues in rows of its own, across pages if need be. With
    the previous period's values (``layout.previous_period``) a column after Số liệu shows
    each beside this period's, with the change."""
    yoy = layout.previous_period is not None
    widths = _YOY_WIDTHS if yoy else _WIDTHS
    n = len(widths)
    last = n - 1  # Ghi chú
    text_width = sum(widths[1:last])
    rows: list[list[Any]] = [[para(h, _CENTRE_BOLD) for h in table_headers(layout)]]
    commands: list[tuple] = []
    joined: set[int] = set()
    for row in layout.rows:
        r = len(rows)
        if row.kind == "section":
            rows.append(
                [para(row.number, _CENTRE_BOLD), para(row.label, _CELL_BOLD)] + [""] * (n - 2)
            )
            # a section title never ends a page: it stays with its first row
            commands += [("SPAN", (1, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
            continue
        note = pieces(row.note, _CELL, widths[last])
        if row.kind == "text":
            label = pieces(row.label, _CELL, text_width)
            rows.append([para(row.number, _CENTRE), label[0]] + [""] * (n - 3) + [note[0]])
            commands += [("SPAN", (1, r), (last - 1, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
            # the text under its label, one row per piece of each paragraph, so that a
            # long text runs onto the next page; the note continues beside it
            body = label[1:] + [p for text in paragraphs(row.value.text)
                                for p in pieces(text, _FREE_TEXT, text_width)]  # fmt: skip
            start = len(rows)
            _continued(rows, joined, {1: body, last: note[1:]}, n)
            commands += [("SPAN", (1, i), (last - 1, i)) for i in range(start, len(rows))]
            continue
        label = pieces(row.label, _CELL_ITALIC if row.computed else _CELL, widths[1])
        unit = para(row.unit, _CENTRE)
        cells = [para(row.number, _CENTRE), label[0], unit, _value(row.value)]
        cells += [_previous_cell(row)] if yoy else []
        rows.append([*cells, note[0]])
        _continued(rows, joined, {1: label[1:], last: note[1:]}, n)
    for title, lines in (
        ("Giải trình thêm:", [f"- {n}" for n in layout.general_notes]),
        ("Tài liệu kiểm chứng kèm theo:", list(layout.evidence)),
    ):
        if not lines:
            continue
        notes = "\n".join(lines)
        start = len(rows)
        for i, piece in enumerate(pieces(f"{title}\n{notes}", _CELL, sum(widths))):
            if i:
                joined.add(len(rows))
            rows.append([piece] + [""] * (n - 1))
        commands += [("SPAN", (0, i), (-1, i)) for i in range(start, len(rows))]
    framed = len(rows)
    rows.append([closing] + [""] * (n - 1))
    commands += [("SPAN", (0, framed), (-1, framed)), ("NOSPLIT", (0, framed - 1), (-1, framed))]
    commands += [
        ("LEFTPADDING", (0, framed), (-1, framed), 0),
        ("RIGHTPADDING", (0, framed), (-1, framed), 0),
        ("TOPPADDING", (0, framed), (-1, framed), 18),
    ]
    return ClosedTable(
        rows, colWidths=list(widths), repeatRows=1, style=grid(framed, joined) + commands
    )


def _score_table(layout: ReportLayout) -> LongTable:
    assert layout.score is not None
    rows: list[list[Any]] = [[para(h, _CENTRE_BOLD) for h in SCORE_HEADERS]]
    commands: list[tuple] = []
    for row in layout.score.rows:
        r, bold = len(rows), row.kind != "item"
        if row.kind == "section":
            commands.append(("NOSPLIT", (0, r), (-1, r + 1)))
        elif row.kind == "total":  # the total, the band and the last item stay together
            commands.append(("NOSPLIT", (0, r - 1), (-1, -1)))
        label = para(row.label, _CELL_BOLD if bold else _CELL)
        first = para(row.number, _CENTRE_BOLD if bold else _CENTRE)
        if row.kind in ("total", "band"):
            first = label
            commands.append(("SPAN", (0, r), (1, r)))
        points = _value(row.points, bold)
        if not row.points.is_number:  # "Chấm khi tổng hợp", the band's letter
            points = para(row.points.text, _SMALL_BOLD_CENTRE if bold else _SMALL_ITALIC_CENTRE)
        method, note = para(row.method, _SMALL), para(row.note, _SMALL)
        rows.append([first, label, _value(row.maximum, bold), method, points, note])
    widths = [w * MM for w in (12, 50, 16, 39, 18, 30)]
    return ClosedTable(
        rows, colWidths=widths, repeatRows=1, style=grid(len(rows), set()) + commands
    )


def _story(layout: ReportLayout, signatures: ClosingBlock) -> list[Flowable]:
    h = layout.header
    title = style(14, SERIF_BOLD, CENTRE, spaceAfter=2)
    rule = TitleRule(min(text_width(h.summary, SERIF_BOLD, 14), WIDTH) / 3, PORTRAIT)  # 1/3–1/2
    closing = [signatures]
    agency = Agency(h.parent_agency, h.issuer)
    story = [Heading(agency, h.number, h.place_date, PORTRAIT), Spacer(1, 18)]
    story += [para(h.doc_type, title), para(h.summary, title)]
    story += [rule, Spacer(1, 12), _report_table(layout, closing)]
    if layout.score is not None:
        heading, name, reference = layout.score.heading
        story += [PageBreak(), para(heading, style(14, SERIF_BOLD, CENTRE))]
        story += [para(name, title), para(reference, style(13, SERIF_ITALIC, CENTRE))]
        story += [Spacer(1, 10), _score_table(layout), *published_flowables(layout.published)]
    return story


def render_pdf(
    form: Form, data: Mapping[str, Any], created: datetime.datetime | None = None
) -> RenderedPdf:
    """``report.pdf`` for ``data`` (a ``data.json`` object of ``form``); ``created``: the
    export's time, the PDF's creation date (the same time gives the same bytes)."""
    register_pdf_fonts()  # before the signature block measures the names
    layout = build_layout(form, data)
    signatures = ClosingBlock(layout.recipients, layout.preparer, layout.approver, PORTRAIT)
    content = build_pdf(
        _story(layout, signatures),
        PORTRAIT,
        title=layout.metadata_title,
        author=data["unit"]["name"],
        subject=f"{data['form']['id']} {data['form']['version']} — {data['period']}",
        # 20 % smaller, and read back (the receiving compares the text shown with
        # data.json) by zlib alone
        ascii85=False,
        created=created,
    )
    return RenderedPdf(content, signatures.box_page, signatures.box)


__all__ = ["RenderedPdf", "render_pdf"]
