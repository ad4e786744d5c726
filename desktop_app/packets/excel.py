"""``report.xlsx``: the same report as ``report.pdf``, as a workbook offices can print,
copy figures from and re-check.

Sheet "Báo cáo" holds the report (agency and motto blocks, title, the indicator table,
signatures); sheet "Tự chấm điểm" the self-assessment appendix when the form scores.
Numbers are real numeric cells with locale-neutral formats (``#,##0.0``: a Vietnamese
Excel shows ``87,0``), never text; text is always text, even "=1+1" (never a formula),
and text that Excel would read as a formula when edited carries a quote prefix. Print
setup: A4 portrait, margins as Decree 30/2020, fit to one page wide, the table header
repeated on every page, page numbers from page 2.

This module places the report on the sheets; how one cell is written is ``xlsx_cells``,
how a sheet prints ``xlsx_page``, and the workbook's bytes, the same for the same data
(a packet hashes its members), ``xlsx_save``.

May import: ``packets``, ``documents`` (``decree30``: plain data), ``core``; openpyxl.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ..core.forms.model import Form
from ..documents.decree30 import MOTTO
from .layout import TABLE_HEADERS, ReportLayout, Row, build_layout
from .score_sheet import SCORE_HEADERS
from .textpieces import chunks, paragraphs
from .xlsx_cells import BOX, Recorder, align, font, frame, merge, ordinal, put, value_style
from .xlsx_page import print_setup
from .xlsx_save import stamped_bytes

REPORT_WIDTHS = (5, 37, 9, 12, 27)  # STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú
YOY_WIDTHS = (12, 10)  # after Ghi chú, when data.json has the previous period: its value, change
SCORE_WIDTHS = (5, 28, 8, 24, 9, 18)  # STT | Chỉ số | Tối đa | Cách tính | Tự chấm | Giải trình
# Longest text in one cell, in characters, so that a row never needs more than the 409
# points a spreadsheet row can have, even in wide letters: a longer note or paragraph
# continues in the rows under it.
NOTE_CHUNK = 300  # the Ghi chú column (27 wide)
TEXT_CHUNK = 800  # free text across Chỉ tiêu to Số liệu (58 wide), and general notes


Block = list[tuple[str, Font]]  # lines of a block, each in its own font


def _side_by_side(ws: Worksheet, row: int, left: Block, right: Block) -> int:
    """Two centred blocks from ``row`` down, one under A:B and one under C:E, as the
    decree sets the agency beside the motto and the preparer beside the approver;
    returns how many rows the taller one takes."""
    centre = align("center")
    for i in range(max(len(left), len(right))):
        if i < len(left):
            merge(ws, row + i, 1, 2, left[i][0], font=left[i][1], alignment=centre)
        if i < len(right):
            merge(ws, row + i, 3, 5, right[i][0], font=right[i][1], alignment=centre)
    return max(len(left), len(right))


def _header(ws: Worksheet, layout: ReportLayout) -> int:
    """Agency block left (A:B), motto block right (C:E), title; returns the next row."""
    h = layout.header
    left: Block = [(h.parent_agency, font(13))] if h.parent_agency else []
    left += [(line, font(13, bold=True)) for line in h.issuer]
    left.append(("─" * 8, font(10)))  # the short rule under the issuer's name
    right = [
        (MOTTO[0], font(12, bold=True)),
        (MOTTO[1], font(13, bold=True, underline=True)),  # the decree's rule, as long as the line
    ]
    centre = align("center")
    row = _side_by_side(ws, 1, left, right) + 1
    merge(ws, row, 1, 2, h.number, font=font(13), alignment=centre)
    merge(ws, row, 3, 5, h.place_date, font=font(13, italic=True), alignment=centre)
    row += 2
    merge(ws, row, 1, 5, h.doc_type, font=font(14, bold=True), alignment=centre)
    merge(ws, row + 1, 1, 5, h.summary, font=font(14, bold=True), alignment=centre)
    merge(ws, row + 2, 1, 5, "─" * 12, font=font(10), alignment=align("center", "top"))
    return row + 4


def _table_header(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    for col, text in enumerate(headers, start=1):
        put(ws, row, col, text, font=font(12, bold=True), alignment=align("center"), border=BOX)
    ws.print_title_rows = f"{row}:{row}"


def _continue_notes(ws: Worksheet, row: int, notes: list[str]) -> int:
    """The rest of a long note, one piece per row in the Ghi chú column."""
    for piece in notes:
        put(ws, row, 5, piece, font=font(12), alignment=align("left", "top"))
        frame(ws, row, 1, 5)
        row += 1
    return row


def _report_rows(ws: Worksheet, layout: ReportLayout, row: int) -> int:
    for item in layout.rows:
        notes = chunks(item.note, NOTE_CHUNK)
        put(
            ws,
            row,
            1,
            ordinal(item.number),
            font=font(12, bold=item.kind == "section"),
            alignment=align("center"),
        )
        if item.kind == "section":
            merge(ws, row, 2, 5, item.label, font=font(12, bold=True), alignment=align())
        else:
            put(ws, row, 2, item.label, font=font(12, italic=item.computed), alignment=align())
            put(ws, row, 3, item.unit, font=font(12), alignment=align("center"))
            put(ws, row, 5, notes[0], font=font(12), alignment=align())
            if item.kind == "field":
                put(ws, row, 4, item.value, **value_style(item.value))
                _year_on_year(ws, row, item, layout)
        frame(ws, row, 1, 5)
        row += 1
        if item.kind != "text":
            row = _continue_notes(ws, row, notes[1:])
            continue
        # the free text under its label, across Chỉ tiêu to Số liệu, one row per paragraph
        # (or piece of a long one); the note continues beside it
        body = paragraphs(item.value.text, TEXT_CHUNK) if item.value.text else []
        for index, paragraph in enumerate(body):
            merge(ws, row, 2, 4, paragraph, font=font(12), alignment=align("justify", "top"))
            if index + 1 < len(notes):
                put(ws, row, 5, notes[index + 1], font=font(12), alignment=align("left", "top"))
            frame(ws, row, 1, 5)
            row += 1
        row = _continue_notes(ws, row, notes[len(body) + 1 :])
    return row


def _year_on_year(ws: Worksheet, row: int, item: Row, layout: ReportLayout) -> None:
    """Columns F and G, with the previous period's values: its value ("—" when it had
    none) and the change, numbers as numbers (``core.comparison`` via the layout)."""
    if layout.previous_period is None:
        return
    put(ws, row, 6, item.previous, **value_style(item.previous))
    put(ws, row, 7, item.change, **value_style(item.change))
    frame(ws, row, 6, 7)


def _headers(layout: ReportLayout) -> tuple[str, ...]:
    if layout.previous_period is None:
        return TABLE_HEADERS
    return (*TABLE_HEADERS, layout.previous_period, "Tăng, giảm")


def _widths(layout: ReportLayout) -> tuple[int, ...]:
    return REPORT_WIDTHS + (YOY_WIDTHS if layout.previous_period is not None else ())


def _closing(ws: Worksheet, layout: ReportLayout, row: int) -> int:
    """General notes, the two signature blocks and "Nơi nhận:"; returns the last row."""
    for title, lines in (
        ("Giải trình thêm:", [f"- {n}" for n in layout.general_notes]),
        ("Tài liệu kiểm chứng kèm theo:", list(layout.evidence)),
    ):
        if not lines:
            continue
        for piece in chunks(title + "\n" + "\n".join(lines), TEXT_CHUNK):
            merge(ws, row, 1, 5, piece, font=font(12), alignment=align("justify", "top"))
            row += 1
    row += 1
    centre = align("center")
    preparer, approver = layout.preparer, layout.approver
    left = [(t, font(13, bold=True)) for t in preparer.titles] + [
        (preparer.hint, font(13, italic=True))
    ]
    right = [(t, font(13, bold=True)) for t in approver.titles]
    row += _side_by_side(ws, row, left, right) + 4  # room to sign
    merge(ws, row, 1, 2, preparer.name, font=font(13, bold=True), alignment=centre)
    merge(ws, row, 3, 5, approver.name, font=font(13, bold=True), alignment=centre)
    row += 2
    merge(ws, row, 1, 2, "Nơi nhận:", font=font(12, bold=True, italic=True), alignment=align())
    for line in layout.recipients:
        row += 1
        merge(ws, row, 1, 2, line, font=font(11), alignment=align())
    return row


def _score_sheet(wb: Workbook, layout: ReportLayout) -> None:
    ws = wb.create_sheet("Tự chấm điểm")
    print_setup(ws, SCORE_WIDTHS, _score_rows(ws, layout))


def _score_rows(ws: Worksheet, layout: ReportLayout) -> int:
    """The self-assessment sheet's cells; returns its last row."""
    assert layout.score is not None
    centre = align("center")
    heading, title, reference = layout.score.heading
    merge(ws, 1, 1, 6, heading, font=font(14, bold=True), alignment=centre)
    merge(ws, 2, 1, 6, title, font=font(13, bold=True), alignment=centre)
    merge(ws, 3, 1, 6, reference, font=font(13, italic=True), alignment=centre)
    _table_header(ws, 5, SCORE_HEADERS)
    row = 6
    for item in layout.score.rows:
        bold = item.kind != "item"
        if item.kind in ("total", "band"):
            merge(ws, row, 1, 2, item.label, font=font(12, bold=True), alignment=align())
        else:
            put(ws, row, 1, ordinal(item.number), font=font(12, bold=bold), alignment=centre)
            put(ws, row, 2, item.label, font=font(12, bold=bold), alignment=align())
        put(ws, row, 3, item.maximum, **value_style(item.maximum, bold))
        put(ws, row, 4, item.method, font=font(11), alignment=align())
        points_style = value_style(item.points, bold)
        if not item.points.is_number:
            points_style["font"] = font(11, bold=bold, italic=not bold)
        put(ws, row, 5, item.points, **points_style)
        put(ws, row, 6, item.note, font=font(11), alignment=align())
        frame(ws, row, 1, 6)
        row += 1
    for index, line in enumerate(layout.published):  # published scores: apart, under it
        bold = index == 0
        merge(ws, row + 1 + index, 1, 6, line, font=font(12, bold=bold), alignment=align())
    return row - 1 + (len(layout.published) + 1 if layout.published else 0)


ExpectedCell = tuple[Any, str]  # (value: number, date or text; number format)


def expected_cells(layout: ReportLayout) -> dict[str, dict[tuple[int, int], ExpectedCell]]:
    """Sheet title → {(row, column): (value, number format)} of every non-empty cell
    ``render_xlsx`` writes for ``layout``: what a received workbook must say."""
    report: Any = Recorder()
    row = _header(report, layout)
    _table_header(report, row, _headers(layout))
    _closing(report, layout, _report_rows(report, layout, row + 1))
    sheets = {"Báo cáo": report}
    if layout.score is not None:
        score: Any = Recorder()
        _score_rows(score, layout)
        sheets["Tự chấm điểm"] = score
    return {title: sheet.cells for title, sheet in sheets.items()}


def render_xlsx(form: Form, data: Mapping[str, Any]) -> bytes:
    """``report.xlsx`` for ``data`` (a ``data.json`` object of ``form``)."""
    layout = build_layout(form, data)
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    row = _header(ws, layout)
    _table_header(ws, row, _headers(layout))
    last = _closing(ws, layout, _report_rows(ws, layout, row + 1))
    print_setup(ws, _widths(layout), last)
    if layout.score is not None:
        _score_sheet(wb, layout)
    wb.properties.creator = data["unit"]["name"]
    wb.properties.lastModifiedBy = None
    wb.properties.title = layout.metadata_title
    wb.properties.language = "vi-VN"
    return stamped_bytes(wb, datetime.date.fromisoformat(data["date"]))


__all__ = ["ExpectedCell", "expected_cells", "render_xlsx"]
