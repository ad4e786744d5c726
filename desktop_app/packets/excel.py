"""``report.xlsx``: the same report as ``report.pdf``, as a workbook offices can print,
copy figures from and re-check.

Sheet "Báo cáo" holds the report (agency and motto blocks, title, the indicator table,
signatures); sheet "Tự chấm điểm" the self-assessment appendix when the form scores.
Numbers are real numeric cells with locale-neutral formats (``#,##0.0``: a Vietnamese
Excel shows ``87,0``), never text; text is always text, even "=1+1" (never a formula),
and text that Excel would read as a formula when edited carries a quote prefix. Print
setup: A4 portrait, margins as Decree 30/2020, fit to one page wide, the table header
repeated on every page, page numbers from page 2.

Determinism: the workbook's created/modified times and every zip entry's timestamp are
the report date, so the same data gives the same bytes (a packet hashes its members).

May import: ``packets``, ``documents`` (``decree30``: plain data), ``core``; openpyxl.
"""

from __future__ import annotations

import datetime
import functools
import io
import math
import zipfile
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..core.forms.model import Form
from ..documents.decree30 import MOTTO
from .cells import Cell
from .layout import TABLE_HEADERS, ReportLayout, Row, build_layout
from .score_sheet import SCORE_HEADERS
from .textpieces import chunks, paragraphs

if TYPE_CHECKING:
    from _typeshed import SizedBuffer  # zipfile's own annotation of member data

FONT = "Times New Roman"  # what offices have; LibreOffice shows it as Liberation Serif
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FORMULA_START = ("=", "+", "-", "@")
REPORT_WIDTHS = (5, 37, 9, 12, 27)  # STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú
YOY_WIDTHS = (12, 10)  # after Ghi chú, when data.json has the previous period: its value, change
SCORE_WIDTHS = (5, 28, 8, 24, 9, 18)  # STT | Chỉ số | Tối đa | Cách tính | Tự chấm | Giải trình
_LEADING = 1.3  # line height / font size in Excel and LibreOffice
# Longest text in one cell, in characters, so that a row never needs more than the 409
# points a spreadsheet row can have, even in wide letters: a longer note or paragraph
# continues in the rows under it.
NOTE_CHUNK = 300  # the Ghi chú column (27 wide)
TEXT_CHUNK = 800  # free text across Chỉ tiêu to Số liệu (58 wide), and general notes


@functools.cache  # style objects are values: one per look, shared by every cell that has it
def _font(
    size: float = 12, bold: bool = False, italic: bool = False, underline: bool = False
) -> Font:
    return Font(
        name=FONT, size=size, bold=bold, italic=italic, underline="single" if underline else None
    )


@functools.cache
def _align(horizontal: str = "left", vertical: str = "center") -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True)


def _number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _put(ws: Worksheet, row: int, col: int, value: Cell | str, **style: Any) -> None:
    """Write one cell: numbers as numbers, dates as dates, anything else as plain text."""
    if isinstance(ws, _Recorder):  # only what the cell says, not how it looks
        ws.put(row, col, value)
        return
    target = ws.cell(row=row, column=col)
    cell = value if isinstance(value, Cell) else Cell(value or None, value)
    if cell.is_number:
        target.value = cell.value
        target.number_format = _number_format(cell.decimals)
    elif isinstance(cell.value, datetime.date):
        target.value = cell.value
        target.number_format = "dd/mm/yyyy"
    elif cell.text:
        target.value = cell.text
        target.data_type = "s"  # never a formula, whatever the text starts with
        target.quotePrefix = cell.text.startswith(_FORMULA_START)
    for name, item in style.items():
        setattr(target, name, item)


def _merge(ws: Worksheet, row: int, first: int, last: int, value: Cell | str, **style: Any) -> None:
    _put(ws, row, first, value, **style)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _ordinal(number: str) -> Cell | str:
    """STT: 1, 2, 3… as numbers (Excel flags digits stored as text); I, II… as text."""
    return Cell(int(number), number) if number.isdigit() else number


def _lines(text: str, width_chars: float) -> int:
    return sum(max(1, math.ceil(len(part) / max(width_chars, 1))) for part in text.split("\n"))


def _fit_rows(ws: Worksheet, widths: Sequence[float]) -> None:
    """Row heights for wrapped text. Neither Excel nor LibreOffice reliably sizes a row
    written without a height, and neither ever sizes one with merged cells, so each row
    gets the height its longest cell needs. Times at 12 pt fits about 1.2 characters per
    width unit; counting 1.15 errs towards a little white space rather than cut text."""
    spans = {
        (r.min_row, r.min_col): sum(widths[c - 1] for c in range(r.min_col, r.max_col + 1))
        for r in ws.merged_cells.ranges
    }
    for cells in ws.iter_rows():
        height = 0.0
        for cell in cells:
            if cell.value is None or cell.column > len(widths):
                continue
            size = cell.font.sz or 11
            width = spans.get((cell.row, cell.column), widths[cell.column - 1])
            text = cell.value if isinstance(cell.value, str) else "0"
            chars = (width - 1) * 1.15 * 12 / size
            height = max(height, _lines(text, chars) * size * _LEADING + 4)
        if height:  # 409 points is the most a spreadsheet row can be
            ws.row_dimensions[cells[0].row].height = round(min(height, 409), 1)


def _frame(ws: Worksheet, row: int, columns: int) -> None:
    if isinstance(ws, _Recorder):
        return
    for col in range(1, columns + 1):
        ws.cell(row=row, column=col).border = _BOX


def _header(ws: Worksheet, layout: ReportLayout) -> int:
    """Agency block left (A:B), motto block right (C:E), title; returns the next row."""
    h = layout.header
    left: list[tuple[str, Font]] = [(h.parent_agency, _font(13))] if h.parent_agency else []
    left += [(line, _font(13, bold=True)) for line in h.issuer]
    left.append(("─" * 8, _font(10)))  # the short rule under the issuer's name
    right = [
        (MOTTO[0], _font(12, bold=True)),
        (MOTTO[1], _font(13, bold=True, underline=True)),  # the decree's rule, as long as the line
    ]
    centre = _align("center")
    for i in range(max(len(left), len(right))):
        if i < len(left):
            _merge(ws, i + 1, 1, 2, left[i][0], font=left[i][1], alignment=centre)
        if i < len(right):
            _merge(ws, i + 1, 3, 5, right[i][0], font=right[i][1], alignment=centre)
    row = max(len(left), len(right)) + 1
    _merge(ws, row, 1, 2, h.number, font=_font(13), alignment=centre)
    _merge(ws, row, 3, 5, h.place_date, font=_font(13, italic=True), alignment=centre)
    row += 2
    _merge(ws, row, 1, 5, h.doc_type, font=_font(14, bold=True), alignment=centre)
    _merge(ws, row + 1, 1, 5, h.summary, font=_font(14, bold=True), alignment=centre)
    _merge(ws, row + 2, 1, 5, "─" * 12, font=_font(10), alignment=_align("center", "top"))
    return row + 4


def _table_header(ws: Worksheet, row: int, headers: Sequence[str]) -> None:
    for col, text in enumerate(headers, start=1):
        _put(ws, row, col, text, font=_font(12, bold=True), alignment=_align("center"), border=_BOX)
    ws.print_title_rows = f"{row}:{row}"


def _value_style(cell: Cell, bold: bool = False) -> dict[str, Any]:
    horizontal = "right" if cell.is_number else "center"
    return {"font": _font(12, bold=bold), "alignment": _align(horizontal)}


def _continue_notes(ws: Worksheet, row: int, notes: list[str]) -> int:
    """The rest of a long note, one piece per row in the Ghi chú column."""
    for piece in notes:
        _put(ws, row, 5, piece, font=_font(12), alignment=_align("left", "top"))
        _frame(ws, row, 5)
        row += 1
    return row


def _report_rows(ws: Worksheet, layout: ReportLayout, row: int) -> int:
    for item in layout.rows:
        notes = chunks(item.note, NOTE_CHUNK)
        _put(
            ws,
            row,
            1,
            _ordinal(item.number),
            font=_font(12, bold=item.kind == "section"),
            alignment=_align("center"),
        )
        if item.kind == "section":
            _merge(ws, row, 2, 5, item.label, font=_font(12, bold=True), alignment=_align())
        else:
            _put(ws, row, 2, item.label, font=_font(12, italic=item.computed), alignment=_align())
            _put(ws, row, 3, item.unit, font=_font(12), alignment=_align("center"))
            _put(ws, row, 5, notes[0], font=_font(12), alignment=_align())
            if item.kind == "field":
                _put(ws, row, 4, item.value, **_value_style(item.value))
                _year_on_year(ws, row, item, layout)
        _frame(ws, row, 5)
        row += 1
        if item.kind != "text":
            row = _continue_notes(ws, row, notes[1:])
            continue
        # the free text under its label, across Chỉ tiêu to Số liệu, one row per paragraph
        # (or piece of a long one); the note continues beside it
        body = paragraphs(item.value.text, TEXT_CHUNK) if item.value.text else []
        for index, paragraph in enumerate(body):
            _merge(ws, row, 2, 4, paragraph, font=_font(12), alignment=_align("justify", "top"))
            if index + 1 < len(notes):
                _put(ws, row, 5, notes[index + 1], font=_font(12), alignment=_align("left", "top"))
            _frame(ws, row, 5)
            row += 1
        row = _continue_notes(ws, row, notes[len(body) + 1 :])
    return row


def _year_on_year(ws: Worksheet, row: int, item: Row, layout: ReportLayout) -> None:
    """Columns F and G, with the previous period's values: its value ("—" when it had
    none) and the change, numbers as numbers (``core.comparison`` via the layout)."""
    if layout.previous_period is None:
        return
    _put(ws, row, 6, item.previous, **_value_style(item.previous))
    _put(ws, row, 7, item.change, **_value_style(item.change))
    if not isinstance(ws, _Recorder):
        for col in (6, 7):
            ws.cell(row=row, column=col).border = _BOX


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
            _merge(ws, row, 1, 5, piece, font=_font(12), alignment=_align("justify", "top"))
            row += 1
    row += 1
    centre = _align("center")
    preparer, approver = layout.preparer, layout.approver
    left = [(t, _font(13, bold=True)) for t in preparer.titles] + [
        (preparer.hint, _font(13, italic=True))
    ]
    right = [(t, _font(13, bold=True)) for t in approver.titles]
    for i in range(max(len(left), len(right))):
        if i < len(left):
            _merge(ws, row + i, 1, 2, left[i][0], font=left[i][1], alignment=centre)
        if i < len(right):
            _merge(ws, row + i, 3, 5, right[i][0], font=right[i][1], alignment=centre)
    row += max(len(left), len(right)) + 4  # room to sign
    _merge(ws, row, 1, 2, preparer.name, font=_font(13, bold=True), alignment=centre)
    _merge(ws, row, 3, 5, approver.name, font=_font(13, bold=True), alignment=centre)
    row += 2
    _merge(ws, row, 1, 2, "Nơi nhận:", font=_font(12, bold=True, italic=True), alignment=_align())
    for line in layout.recipients:
        row += 1
        _merge(ws, row, 1, 2, line, font=_font(11), alignment=_align())
    return row


def _print_setup(ws: Worksheet, widths: Sequence[int], last_row: int) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    _fit_rows(ws, widths)
    ws.sheet_view.showGridLines = False
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    mm = 1 / 25.4
    ws.page_margins = PageMargins(
        left=30 * mm, right=15 * mm, top=20 * mm, bottom=20 * mm, header=8 * mm, footer=8 * mm
    )
    # Decree 30: page numbers centred at the top, none on the first page
    ws.HeaderFooter.differentFirst = True
    ws.oddHeader.center.text = "&P"
    ws.oddHeader.center.font = f"{FONT},Regular"
    ws.oddHeader.center.size = 13
    ws.print_area = f"A1:{chr(64 + len(widths))}{last_row}"


def _score_sheet(wb: Workbook, layout: ReportLayout) -> None:
    ws = wb.create_sheet("Tự chấm điểm")
    _print_setup(ws, SCORE_WIDTHS, _score_rows(ws, layout))


def _score_rows(ws: Worksheet, layout: ReportLayout) -> int:
    """The self-assessment sheet's cells; returns its last row."""
    assert layout.score is not None
    centre = _align("center")
    heading, title, reference = layout.score.heading
    _merge(ws, 1, 1, 6, heading, font=_font(14, bold=True), alignment=centre)
    _merge(ws, 2, 1, 6, title, font=_font(13, bold=True), alignment=centre)
    _merge(ws, 3, 1, 6, reference, font=_font(13, italic=True), alignment=centre)
    _table_header(ws, 5, SCORE_HEADERS)
    row = 6
    for item in layout.score.rows:
        bold = item.kind != "item"
        if item.kind in ("total", "band"):
            _merge(ws, row, 1, 2, item.label, font=_font(12, bold=True), alignment=_align())
        else:
            _put(ws, row, 1, _ordinal(item.number), font=_font(12, bold=bold), alignment=centre)
            _put(ws, row, 2, item.label, font=_font(12, bold=bold), alignment=_align())
        _put(ws, row, 3, item.maximum, **_value_style(item.maximum, bold))
        _put(ws, row, 4, item.method, font=_font(11), alignment=_align())
        points_style = _value_style(item.points, bold)
        if not item.points.is_number:
            points_style["font"] = _font(11, bold=bold, italic=not bold)
        _put(ws, row, 5, item.points, **points_style)
        _put(ws, row, 6, item.note, font=_font(11), alignment=_align())
        _frame(ws, row, 6)
        row += 1
    return row - 1


class _StampedZip(zipfile.ZipFile):
    """A zip whose every entry carries one fixed timestamp and mode, so that writing the
    same workbook twice gives the same bytes (openpyxl stamps entries with the clock)."""

    def __init__(self, file: io.BytesIO, stamp: datetime.date) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self._stamp = (stamp.year, stamp.month, stamp.day, 0, 0, 0)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._stamp)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
            zinfo_or_arcname.external_attr = 0o644 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        with open(filename, "rb") as handle:  # worksheets arrive as temporary files
            self.writestr(arcname or filename, handle.read())


class _Recorder:
    """A stand-in for a worksheet that keeps only what each cell says (value and number
    format, as ``_put`` would set them): the placement code above runs unchanged,
    without the cost of building a workbook."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], tuple[Any, str]] = {}
        self.print_title_rows = ""

    def put(self, row: int, col: int, value: Cell | str) -> None:
        if isinstance(value, Cell):
            if value.is_number:
                self.cells[(row, col)] = (value.value, _number_format(value.decimals))
                return
            if isinstance(value.value, datetime.date):
                self.cells[(row, col)] = (value.value, "dd/mm/yyyy")
                return
            value = value.text
        if value:
            self.cells[(row, col)] = (value, "General")

    def merge_cells(self, **_: int) -> None:
        pass


ExpectedCell = tuple[Any, str]  # (value: number, date or text; number format)


def expected_cells(layout: ReportLayout) -> dict[str, dict[tuple[int, int], ExpectedCell]]:
    """Sheet title → {(row, column): (value, number format)} of every non-empty cell
    ``render_xlsx`` writes for ``layout``: what a received workbook must say."""
    report: Any = _Recorder()
    row = _header(report, layout)
    _table_header(report, row, _headers(layout))
    _closing(report, layout, _report_rows(report, layout, row + 1))
    sheets = {"Báo cáo": report}
    if layout.score is not None:
        score: Any = _Recorder()
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
    _print_setup(ws, _widths(layout), last)
    if layout.score is not None:
        _score_sheet(wb, layout)
    date = datetime.date.fromisoformat(data["date"])
    moment = datetime.datetime(date.year, date.month, date.day)
    wb.properties.created = wb.properties.modified = moment
    wb.properties.creator = data["unit"]["name"]
    wb.properties.lastModifiedBy = None
    wb.properties.title = layout.metadata_title
    wb.properties.language = "vi-VN"
    out = io.BytesIO()
    # ExcelWriter rather than wb.save(): save() stamps "modified" with the clock.
    with _StampedZip(out, date) as archive:
        ExcelWriter(wb, archive).write_data()
    return out.getvalue()


__all__ = ["ExpectedCell", "expected_cells", "render_xlsx"]
