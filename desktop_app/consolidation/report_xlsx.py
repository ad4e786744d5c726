"""The consolidated workbook: a ranking sheet, a sheet per section with every unit's figures
and the district-wide figure under them, a submission status sheet and the statements.

One row per unit and one column per indicator, so a section prints across an A4 landscape
page (fit to width) however many units there are; header rows repeat on every printed
page and stay frozen on screen. Numbers are real numeric cells with locale-neutral formats
(``#,##0``, ``0.0``): the viewer's Excel shows them the Vietnamese way.

The workbook is written in openpyxl's write-only mode: each row goes to the sheet's file as
it is appended, so a province's 3,321 units × a hundred indicators never sit in memory as
cell objects. Everything a sheet shows before its rows (column widths, frozen panes, page
setup, repeated header rows) is therefore set before the first row; a merged range is
only a note in the sheet's tail and may be added at any time.

May import: ``consolidation``, ``core``; openpyxl.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..core.comparison import NONE, previous_text
from ..core.forms.model import Field, Section
from ..core.text import nfc, printable
from .compare import YearOnYear
from .consolidate import Consolidation
from .model import ReportInfo
from .ranking import Ranking
from .statements import Statement

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

FONT = "Times New Roman"
_BOLD = Font(name=FONT, bold=True, size=11)
_PLAIN = Font(name=FONT, size=11)
_TITLE = Font(name=FONT, bold=True, size=13)
_NOTE = Font(name=FONT, italic=True, size=11)
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_FORMULA_START = ("=", "+", "-", "@")


DATE_FORMAT = "dd/mm/yyyy"


def _format(f: Field) -> str:
    if f.type == "integer":
        return "#,##0"
    decimals = f.display_decimals
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _cell_value(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if f.type == "boolean":
        return "Có" if value else "Không"
    if f.type == "choice":
        label = f.choice_label(value)
        return label.vi if label else value
    if f.type == "text":
        # a text starting like a formula stays text (see _Cells); a control character a
        # packet accepted before data.json was checked for them is shown, not fatal
        return printable(str(value))
    return value


def _sheet_title(index: int, title: str) -> str:
    return _BAD_SHEET_CHARS.sub("-", title)[:31] or f"Phan {index}"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


class _Cells:
    """Styled write-only cells for one sheet.

    Setting a font or a border on a cell looks the style up in the workbook's lists (a
    hash of every attribute); a workbook of 3,321 units has some 400,000 cells but a
    handful of distinct looks, so each look is made once on a pattern cell and copied
    (``_style`` is the cell's indices into those lists; openpyxl's own sheet copy does the
    same).

    A text starting like a formula (``=``, ``+``, ``-``, ``@``: a commune's bulleted
    "- Đề nghị …") is stored as text, never a formula, and marked with Excel's quote
    prefix so that editing the cell keeps it text; the packet workbook does the same."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        self.ws = ws
        self._looks: dict[tuple[Any, ...], WriteOnlyCell] = {}

    def __call__(
        self,
        value: Any,
        font: Font = _PLAIN,
        fmt: str | None = None,
        border: Border | None = _BOX,
        alignment: Alignment | None = None,
    ) -> WriteOnlyCell:
        if isinstance(value, datetime.date):
            fmt = DATE_FORMAT  # as Vietnamese documents write dates, not openpyxl's ISO
        fmt = fmt if fmt and (_is_number(value) or fmt == DATE_FORMAT) else None
        quoted = isinstance(value, str) and value.startswith(_FORMULA_START)
        key = (id(font), fmt, id(border), id(alignment), quoted)
        pattern = self._looks.get(key)
        if pattern is None:
            pattern = self._looks[key] = WriteOnlyCell(self.ws)
            pattern.font = font
            if border is not None:
                pattern.border = border
            if alignment is not None:
                pattern.alignment = alignment
            if fmt:
                pattern.number_format = fmt
            pattern.quotePrefix = quoted
        cell = WriteOnlyCell(self.ws)
        cell._style = copy(pattern._style)
        cell.value = value  # after the look: a date takes its date format here
        if quoted:
            cell.data_type = "s"  # openpyxl would take "=…" for a formula
        return cell


def _new_sheet(
    wb: Workbook,
    title: str,
    widths: Sequence[float],
    rows: int,
    header_row: int | None = None,
    freeze_col: int = 1,
) -> tuple[WriteOnlyWorksheet, _Cells]:
    """A sheet of ``rows`` rows with its columns, page setup, frozen panes and repeated
    header row set: in a write-only sheet these must be in place before the first row."""
    ws = wb.create_sheet(title)
    # The sheet's extent, written before its rows as an in-memory sheet does: readers that
    # stream a sheet (openpyxl's and pandas' read-only mode) size it from this. openpyxl's
    # writer asks the sheet for it; a write-only sheet cannot know it in advance, we can.
    dimension = f"A1:{get_column_letter(len(widths))}{rows}"
    ws.calculate_dimension = lambda: dimension
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "Trang &P / &N"
    if header_row is not None:
        ws.freeze_panes = f"{get_column_letter(freeze_col)}{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
    return ws, _Cells(ws)


def _table_sheet(
    wb: Workbook,
    sheet: str,
    widths: Sequence[float],
    title: str,
    note: str | None,
    heads: Sequence[str],
    lines: int,
) -> tuple[WriteOnlyWorksheet, _Cells, int]:
    """A sheet with its title, optional note and header row written, ``lines`` rows to
    follow; returns it, its cell maker and the header row's number."""
    header_row = 3 if note else 2
    freeze_col = 4 if len(heads) > 3 else 1
    ws, cells = _new_sheet(wb, sheet, widths, header_row + lines, header_row, freeze_col)
    ws.append([cells(title, _TITLE, border=None)])
    if note:
        ws.append([cells(note, _NOTE, border=None)])
    ws.append([cells(text, _BOLD, alignment=_HEAD) for text in heads])
    return ws, cells, header_row


def _section_sheet(
    wb: Workbook,
    index: int,
    section: Section,
    c: Consolidation,
    yoy: YearOnYear | None = None,
) -> None:
    fields = list(section.fields)
    heads = ["STT", "Mã", "Đơn vị"] + [
        nfc(f.label.vi) + (f" ({nfc(f.unit.vi)})" if f.unit else "") for f in fields
    ]
    widths = [5, 8, 24] + [40 if f.type == "text" else 14 for f in fields]
    ws, cells, row = _table_sheet(
        wb, _sheet_title(index, nfc(section.title.vi)), widths, nfc(section.title.vi).upper(),
        None, heads, len(c.expected) + 1 + (2 if yoy is not None else 0),
    )  # fmt: skip
    looks = [
        (_format(f) if f.is_numeric else None, _WRAP if f.type == "text" else None) for f in fields
    ]
    for number, unit in enumerate(c.expected, start=1):
        values = c.values_by_unit.get(unit.code)
        name = unit.name if values is not None else f"{unit.name} (chưa nộp)"
        line = [cells(number), cells(unit.code), cells(name)]
        for f, (fmt, alignment) in zip(fields, looks, strict=True):
            raw = values.get(f.id) if values is not None else None
            line.append(cells(_cell_value(f, raw), fmt=fmt, alignment=alignment))
        ws.append(line)
        row += 1
    row += 1
    # the district-wide row: its label spans the number, code and name columns
    ws.merged_cells.add(f"A{row}:C{row}")
    line = [cells("Tổng hợp chung", _BOLD), None, None]
    for f, (fmt, _) in zip(fields, looks, strict=True):
        figure = c.figures.values.get(f.id)
        shown = figure if f.is_numeric or f.type == "boolean" else None
        line.append(cells(shown if not isinstance(shown, bool) else None, _BOLD, fmt))
    ws.append(line)
    if yoy is not None:
        _year_on_year_lines(ws, cells, row + 1, fields, yoy)


def _year_on_year_lines(
    ws: WriteOnlyWorksheet, cells: _Cells, row: int, fields: Sequence[Field], yoy: YearOnYear
) -> None:
    """Under the district-wide row: the previous period's figure ("—" where it has none)
    and the change, numbers as numbers (``core.comparison`` via ``consolidation.compare``)."""
    previous, change = [], []
    for f in fields:
        cmp = yoy.rows.get(f.id)
        if cmp is None or not _comparable(f):
            previous.append(cells(None))
            change.append(cells(None))
            continue
        fmt = "#,##0" + ("." + "0" * cmp.decimals if cmp.decimals else "")
        before = cmp.previous if _is_number(cmp.previous) else previous_text(f, cmp)
        previous.append(cells(before, _PLAIN, fmt))
        signed = f"+{fmt};-{fmt};0"
        change.append(cells(cmp.change if cmp.change is not None else NONE, _PLAIN, signed))
    for label, line in ((yoy.label, previous), ("Tăng, giảm", change)):
        ws.merged_cells.add(f"A{row}:C{row}")
        ws.append([cells(label, _BOLD), None, None, *line])
        row += 1


def _comparable(f: Field) -> bool:
    return f.type != "text" and (f.is_computed or f.aggregate not in ("none", "list"))


def _ranking_sheet(wb: Workbook, c: Consolidation, ranking: Ranking, info: ReportInfo) -> None:
    sections = [c.form.sections_by_id[s] for s in ranking.section_ids]
    heads = ["Hạng", "Mã", "Đơn vị"] + [
        f"{nfc(s.title.vi)} (tối đa {ranking.section_maximum[s.id]:f})" for s in sections
    ]
    heads += ["Tổng điểm", "Xếp loại", "Điểm kỳ trước", "Tăng/giảm điểm", "Hạng kỳ trước"]
    note = ranking.note.vi if ranking.note else None
    title = f"BẢNG XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CNTT KỲ {info.period}"
    widths = [6, 8, 24] + [12] * len(sections) + [10, 16, 10, 10, 8]
    ws, cells, _ = _table_sheet(wb, "Xếp hạng", widths, title, note, heads, len(ranking.rows))
    total_col = 4 + len(sections)
    for r in ranking.rows:
        values: list[tuple[Any, str | None]] = [(r.rank, "0"), (r.code, None), (r.name, None)]
        values += [(r.by_section[s.id], "0.00") for s in sections]
        band = f"{r.band.code} – {nfc(r.band.label.vi)}" if r.band else None
        values += [(r.total, "0.00"), (band, None), (r.previous_total, "0.00")]
        values += [(r.total_change, "+0.00;-0.00;0.00"), (r.previous_rank, "0")]
        ws.append(_line(cells, values, bold_col=total_col))


def _line(
    cells: _Cells, values: Iterable[tuple[Any, str | None]], bold_col: int
) -> list[WriteOnlyCell]:
    return [
        cells(value, _BOLD if col == bold_col else _PLAIN, fmt)
        for col, (value, fmt) in enumerate(values, start=1)
    ]


def _status_sheet(wb: Workbook, c: Consolidation) -> None:
    heads = ["STT", "Mã", "Đơn vị", "Tình trạng", "Lần nộp", "Thời điểm nộp", "Gộp từ"]
    title = f"TÌNH HÌNH NỘP BÁO CÁO: {len(c.reports)}/{len(c.expected)} ĐƠN VỊ ĐÃ NỘP"
    widths = [5, 8, 28, 12, 8, 26, 20]
    ws, cells, _ = _table_sheet(wb, "Tình hình nộp", widths, title, None, heads, len(c.expected))
    for number, unit in enumerate(c.expected, start=1):
        report = c.reports.get(unit.code)
        merged = ", ".join(report.merged_from) if report and report.merged_from else None
        state = (
            "Chưa nộp" if report is None
            else "Bị trả lại" if report.returned
            else "Nhập từ Excel (không ký số)" if report.entered
            else "Đã nộp"
        )  # fmt: skip
        values = [number, unit.code, unit.name, state]
        values += [report.revision if report else None, report.submitted_at if report else None]
        formats = [None, None, None, None, "0", None, None]
        # a unit that has not reported stands out: its state in bold
        bold_col = 4 if report is None else 0
        ws.append(_line(cells, zip([*values, merged], formats, strict=True), bold_col))


def _statements_sheet(wb: Workbook, statements: Sequence[Statement]) -> None:
    ws, cells = _new_sheet(wb, "Kết quả chung", [120], 1 + len(statements))
    ws.append([cells("KẾT QUẢ CHUNG", _TITLE, border=None)])
    for s in statements:
        ws.append([cells(f"- {nfc(s.text.vi)}", border=None)])


def write_consolidated_xlsx(
    out: str | Path | IO[bytes],
    c: Consolidation,
    ranking: Ranking,
    statements: Sequence[Statement],
    info: ReportInfo,
    year_on_year: YearOnYear | None = None,
) -> None:
    """Write the consolidated workbook to ``out`` (a path or a binary stream);
    ``year_on_year``: each section's district-wide row followed by the previous period's
    figures and the change."""
    wb = Workbook(write_only=True)
    _ranking_sheet(wb, c, ranking, info)
    for index, section in enumerate(c.form.sections, start=1):
        _section_sheet(wb, index, section, c, year_on_year)
    _status_sheet(wb, c)
    _statements_sheet(wb, statements)
    wb.properties.title = f"Tổng hợp báo cáo {c.form.id} kỳ {info.period} — {info.unit_name}"
    wb.properties.creator = "cntt-baocao"
    wb.save(out)
