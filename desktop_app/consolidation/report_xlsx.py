"""The consolidated workbook: a ranking sheet, a sheet per section with every unit's figures
and the district-wide figure under them, a submission status sheet and the statements.

One row per unit and one column per indicator. Sheets print on A4 landscape at 8 pt or
more, split across pages with the number, code and name columns and the header rows
repeated on each (``xlsx_print``); header rows stay frozen on screen. Numbers are real
numeric cells with locale-neutral formats (``#,##0``, ``0.0``): a PC set to Vietnamese
shows 30,5, one set to English 30.5. The "Tổng hợp chung" row holds formulas over the
unit rows (``xlsx_totals``); the units' own figures stay values.

The workbook is written in openpyxl's write-only mode: each row goes to the sheet's file as
it is appended, so a province's 3,321 units × a hundred indicators never sit in memory as
cell objects. Everything a sheet shows before its rows (column widths, frozen panes, page
setup, repeated header rows) is therefore set before the first row; a merged range is
only a note in the sheet's tail and may be added at any time.

May import: ``consolidation``, ``core``; openpyxl.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from ..core.comparison import NONE, previous_text
from ..core.forms.model import Field, Section
from ..core.text import nfc, printable
from .compare import YearOnYear
from .consolidate import Consolidation
from .model import ReportInfo
from .ranking import Ranking, band_text
from .statements import Statement
from .xlsx_print import header_height, section_sheet_name, set_up_printing
from .xlsx_totals import Formula, UnitColumns, cache_results, unit_columns

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
_FORMULA_START = ("=", "+", "-", "@")


DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
_VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


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


def _local_time(stamp: str | None) -> datetime.datetime | None:
    """A packet's ISO signing time as a date-time cell: Vietnam's wall clock, no zone
    (a spreadsheet cell has none)."""
    if not stamp:
        return None
    try:
        moment = datetime.datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(_VIETNAM).replace(tzinfo=None)
    return moment.replace(microsecond=0)


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
        if isinstance(value, datetime.datetime) and (value.hour, value.minute) != (0, 0):
            fmt = DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            fmt = DATE_FORMAT  # as Vietnamese documents write dates, not openpyxl's ISO
        dated = fmt in (DATE_FORMAT, DATETIME_FORMAT)
        formula = isinstance(value, Formula)
        fmt = fmt if fmt and (_is_number(value) or dated or formula) else None
        quoted = isinstance(value, str) and not formula and value.startswith(_FORMULA_START)
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
    heads: Sequence[str] = (),
) -> tuple[WriteOnlyWorksheet, _Cells]:
    """A sheet of ``rows`` rows with its columns, page setup, frozen panes, repeated
    header row and its height set: in a write-only sheet these must be in place before
    the first row. The columns before ``freeze_col`` repeat on every printed page."""
    ws = wb.create_sheet(title)
    # The sheet's extent, written before its rows as an in-memory sheet does: readers that
    # stream a sheet (openpyxl's and pandas' read-only mode) size it from this. openpyxl's
    # writer asks the sheet for it; a write-only sheet cannot know it in advance, we can.
    dimension = f"A1:{get_column_letter(len(widths))}{rows}"
    ws.calculate_dimension = lambda: dimension
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    set_up_printing(ws, widths, freeze_col - 1)
    if header_row is not None:
        ws.freeze_panes = f"{get_column_letter(freeze_col)}{header_row + 1}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        ws.row_dimensions[header_row].height = header_height(heads, widths)
    return ws, _Cells(ws)


def table_sheet(
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
    ws, cells = _new_sheet(wb, sheet, widths, header_row + lines, header_row, freeze_col, heads)
    ws.append([cells(title, _TITLE, border=None)])
    if note:
        ws.append([cells(note, _NOTE, border=None)])
    ws.append([cells(text, _BOLD, alignment=_HEAD) for text in heads])
    return ws, cells, header_row


def _section_sheet(
    wb: Workbook,
    sheet: str,
    section: Section,
    c: Consolidation,
    totals: UnitColumns | None,
    yoy: YearOnYear | None = None,
) -> tuple[WriteOnlyWorksheet, int, dict[str, Any]]:
    """The section's unit rows and, under them, the "Tổng hợp chung" row: formulas over
    the unit rows where ``totals`` can write them, else the application's figures; then,
    with ``yoy``, the previous period's figures and the change.
    Returns the sheet, the totals row and each formula's result by cell reference."""
    fields = list(section.fields)
    heads = ["STT", "Mã", "Đơn vị"] + [
        nfc(f.label.vi) + (f" ({nfc(f.unit.vi)})" if f.unit else "") for f in fields
    ]
    widths = [5, 8, 24] + [40 if f.type == "text" else 14 for f in fields]
    ws, cells, row = table_sheet(
        wb, sheet, widths, nfc(section.title.vi).upper(),
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
    results: dict[str, Any] = {}
    for col, (f, (fmt, _)) in enumerate(zip(fields, looks, strict=True), start=4):
        figure = c.figures.values.get(f.id)
        shown = figure if f.is_numeric or f.type == "boolean" else None
        if isinstance(shown, bool):
            shown = None
        formula = totals.total(f, sheet) if totals and shown is not None else None
        if formula:
            results[f"{get_column_letter(col)}{row}"] = shown
        line.append(cells(formula or shown, _BOLD, fmt))
    ws.append(line)
    if yoy is not None:
        _year_on_year_lines(ws, cells, row + 1, fields, yoy)
    return ws, row, results


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
    ws, cells, _ = table_sheet(wb, "Xếp hạng", widths, title, note, heads, len(ranking.rows))
    total_col = 4 + len(sections)
    for r in ranking.rows:
        values: list[tuple[Any, str | None]] = [(r.rank, "0"), (r.code, None), (r.name, None)]
        values += [(r.by_section[s.id], "0.00") for s in sections]
        band = band_text(r.band) or None
        values += [(r.total, "0.00"), (band, None), (r.previous_total, "0.00")]
        values += [(r.total_change, "+0.00;-0.00;0.00"), (r.previous_rank, "0")]
        ws.append(line_cells(cells, values, bold_col=total_col))


def line_cells(
    cells: _Cells, values: Iterable[tuple[Any, str | None]], bold_col: int
) -> list[WriteOnlyCell]:
    return [
        cells(value, _BOLD if col == bold_col else _PLAIN, fmt)
        for col, (value, fmt) in enumerate(values, start=1)
    ]


def _status_sheet(wb: Workbook, c: Consolidation) -> None:
    heads = ["STT", "Mã", "Đơn vị", "Tình trạng", "Lần nộp", "Thời điểm nộp", "Gộp từ"]
    title = f"TÌNH HÌNH NỘP BÁO CÁO: {len(c.reports)}/{len(c.expected)} ĐƠN VỊ ĐÃ NỘP"
    widths = [5, 8, 28, 12, 8, 17, 20]
    ws, cells, _ = table_sheet(wb, "Tình hình nộp", widths, title, None, heads, len(c.expected))
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
        values += [report.revision if report else None, _local_time(report and report.submitted_at)]
        formats = [None, None, None, None, "0", None, None]
        # a unit that has not reported stands out: its state in bold
        bold_col = 4 if report is None else 0
        ws.append(line_cells(cells, zip([*values, merged], formats, strict=True), bold_col))


def _statements_sheet(wb: Workbook, statements: Sequence[Statement]) -> None:
    ws, cells = _new_sheet(wb, "Kết quả chung", [120], 1 + len(statements))
    ws.append([cells("KẾT QUẢ CHUNG", _TITLE, border=None)])
    for s in statements:
        ws.append([cells(f"- {nfc(s.text.vi)}", border=None)])


def write_consolidated_xlsx(
    out: str | Path | IO[bytes],
    c: Consolidation,
    ranking: Ranking | None,
    statements: Sequence[Statement],
    info: ReportInfo,
    year_on_year: YearOnYear | None = None,
    extra_sheets: Sequence[Callable[[Workbook], None]] = (),
) -> None:
    """Write the consolidated workbook to ``out`` (a path or a binary stream);
    ``year_on_year``: each section's district-wide row followed by the previous period's
    figures and the change; ``extra_sheets`` add their sheets after the others (the
    appraisal, ``appraised``)."""
    wb = Workbook(write_only=True)
    # openpyxl cannot store a formula's result: the spreadsheet computes them on opening
    wb.calculation.fullCalcOnLoad = True
    if ranking is not None:  # a form without scoring (the years before 2026) ranks nobody
        _ranking_sheet(wb, c, ranking, info)
    taken: set[str] = {"Xếp hạng", "Tình hình nộp", "Kết quả chung"}
    sheets = {s.id: section_sheet_name(i, s, taken) for i, s in enumerate(c.form.sections, start=1)}
    # unit rows start under the title and the header row (see _section_sheet); figures
    # that include units without a row cannot be a formula over the rows
    first = 3
    totals = (
        unit_columns(c.form, sheets, first, first + len(c.expected) - 1, 4)
        if c.expected and not c.unexpected
        else None
    )
    written = [
        _section_sheet(wb, sheets[s.id], s, c, totals, year_on_year) for s in c.form.sections
    ]
    _status_sheet(wb, c)
    _statements_sheet(wb, statements)
    for add_sheet in extra_sheets:
        add_sheet(wb)
    wb.properties.title = f"Tổng hợp báo cáo {c.form.id} kỳ {info.period} — {info.unit_name}"
    wb.properties.creator = "cntt-baocao"
    saved = io.BytesIO()
    wb.save(saved)
    # the formulas' results beside them, for readers that do not calculate
    results = {ws.path.lstrip("/"): (row, cells) for ws, row, cells in written if cells}
    content = cache_results(saved.getvalue(), results)
    if isinstance(out, (str, Path)):
        Path(out).write_bytes(content)
    else:
        out.write(content)
