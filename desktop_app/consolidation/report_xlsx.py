"""The consolidated workbook: a ranking sheet, a sheet per section with every unit's figures
and the district-wide figure under them, a submission status sheet and the statements.

One row per unit and one column per indicator, so a section prints across an A4 landscape
page (fit to width) however many units there are; header rows repeat on every printed
page and stay frozen on screen. Numbers are real numeric cells with locale-neutral formats
(``#,##0``, ``0.0``): the viewer's Excel shows them the Vietnamese way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..core.forms.model import Field, Section
from ..core.text import nfc
from .consolidate import Consolidation
from .model import ReportInfo
from .ranking import Ranking
from .statements import Statement

FONT = "Times New Roman"
_BOLD = Font(name=FONT, bold=True, size=11)
_PLAIN = Font(name=FONT, size=11)
_TITLE = Font(name=FONT, bold=True, size=13)
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


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
        # a text starting like a formula stays text (the packet workbook does the same)
        text = nfc(str(value))
        return "'" + text if text[:1] in "=+-@" else text
    return value


def _sheet_title(index: int, title: str) -> str:
    return _BAD_SHEET_CHARS.sub("-", title)[:31] or f"Phan {index}"


def _header(ws: Worksheet, title: str, note: str | None, heads: Sequence[str]) -> int:
    """Title, optional note and the header row; returns the header row's number."""
    ws.cell(1, 1, title).font = _TITLE
    row = 2
    if note:
        ws.cell(2, 1, note).font = Font(name=FONT, italic=True, size=11)
        row = 3
    for col, text in enumerate(heads, start=1):
        cell = ws.cell(row, col, text)
        cell.font, cell.alignment, cell.border = _BOLD, _HEAD, _BOX
    ws.freeze_panes = ws.cell(row + 1, 4 if len(heads) > 3 else 1)
    ws.print_title_rows = f"{row}:{row}"
    return row


def _print_setup(ws: Worksheet, widths: Sequence[float]) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "Trang &P / &N"


def _put(ws: Worksheet, row: int, col: int, value: Any, fmt: str | None = None, bold=False):
    cell = ws.cell(row, col, value)
    cell.font, cell.border = (_BOLD if bold else _PLAIN), _BOX
    if fmt and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        cell.number_format = fmt
    return cell


def _section_sheet(wb: Workbook, index: int, section: Section, c: Consolidation) -> None:
    ws = wb.create_sheet(_sheet_title(index, nfc(section.title.vi)))
    fields = list(section.fields)
    heads = ["STT", "Mã", "Đơn vị"] + [
        nfc(f.label.vi) + (f" ({nfc(f.unit.vi)})" if f.unit else "") for f in fields
    ]
    top = _header(ws, nfc(section.title.vi).upper(), None, heads)
    formats = [_format(f) if f.is_numeric else None for f in fields]
    row = top
    for number, unit in enumerate(c.expected, start=1):
        row += 1
        values = c.values_by_unit.get(unit.code)
        _put(ws, row, 1, number)
        _put(ws, row, 2, unit.code)
        _put(ws, row, 3, unit.name if values is not None else f"{unit.name} (chưa nộp)")
        for col, (f, fmt) in enumerate(zip(fields, formats, strict=True), start=4):
            raw = values.get(f.id) if values is not None else None
            cell = _put(ws, row, col, _cell_value(f, raw), fmt)
            if f.type == "text":
                cell.alignment = _WRAP
    row += 1
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    _put(ws, row, 1, "Tổng hợp chung", bold=True)
    for col, (f, fmt) in enumerate(zip(fields, formats, strict=True), start=4):
        figure = c.figures.values.get(f.id)
        shown = figure if f.is_numeric or f.type == "boolean" else None
        _put(ws, row, col, shown if not isinstance(shown, bool) else None, fmt, bold=True)
    widths = [5, 8, 24] + [40 if f.type == "text" else 14 for f in fields]
    _print_setup(ws, widths)


def _ranking_sheet(ws: Worksheet, c: Consolidation, ranking: Ranking, info: ReportInfo) -> None:
    sections = [c.form.sections_by_id[s] for s in ranking.section_ids]
    heads = ["Hạng", "Mã", "Đơn vị"] + [
        f"{nfc(s.title.vi)} (tối đa {ranking.section_maximum[s.id]:f})" for s in sections
    ]
    heads += ["Tổng điểm", "Xếp loại", "Điểm kỳ trước", "Tăng/giảm điểm", "Hạng kỳ trước"]
    note = ranking.note.vi if ranking.note else None
    title = f"BẢNG XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CNTT KỲ {info.period}"
    row = _header(ws, title, note, heads)
    for r in ranking.rows:
        row += 1
        cells: list[tuple[Any, str | None]] = [(r.rank, "0"), (r.code, None), (r.name, None)]
        cells += [(r.by_section[s.id], "0.00") for s in sections]
        band = f"{r.band.code} – {nfc(r.band.label.vi)}" if r.band else None
        cells += [(r.total, "0.00"), (band, None), (r.previous_total, "0.00")]
        cells += [(r.total_change, "+0.00;-0.00;0.00"), (r.previous_rank, "0")]
        for col, (value, fmt) in enumerate(cells, start=1):
            _put(ws, row, col, value, fmt, bold=col == 4 + len(sections))
    _print_setup(ws, [6, 8, 24] + [12] * len(sections) + [10, 16, 10, 10, 8])


def _status_sheet(wb: Workbook, c: Consolidation) -> None:
    ws = wb.create_sheet("Tình hình nộp")
    heads = ["STT", "Mã", "Đơn vị", "Tình trạng", "Lần nộp", "Thời điểm nộp", "Gộp từ"]
    title = f"TÌNH HÌNH NỘP BÁO CÁO: {len(c.reports)}/{len(c.expected)} ĐƠN VỊ ĐÃ NỘP"
    row = _header(ws, title, None, heads)
    for number, unit in enumerate(c.expected, start=1):
        row += 1
        report = c.reports.get(unit.code)
        merged = ", ".join(report.merged_from) if report and report.merged_from else None
        state = "Chưa nộp" if report is None else "Bị trả lại" if report.returned else "Đã nộp"
        values = [number, unit.code, unit.name, state]
        values += [report.revision if report else None, report.submitted_at if report else None]
        for col, value in enumerate([*values, merged], start=1):
            _put(ws, row, col, value, "0" if col == 5 else None, bold=col == 4 and not report)
    _print_setup(ws, [5, 8, 28, 12, 8, 26, 20])


def _statements_sheet(wb: Workbook, statements: Sequence[Statement]) -> None:
    ws = wb.create_sheet("Kết quả chung")
    ws.cell(1, 1, "KẾT QUẢ CHUNG").font = _TITLE
    for row, s in enumerate(statements, start=2):
        ws.cell(row, 1, f"- {nfc(s.text.vi)}").font = _PLAIN
    _print_setup(ws, [120])


def write_consolidated_xlsx(
    out: str | Path | IO[bytes],
    c: Consolidation,
    ranking: Ranking,
    statements: Sequence[Statement],
    info: ReportInfo,
) -> None:
    """Write the consolidated workbook to ``out`` (a path or a binary stream)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Xếp hạng"
    _ranking_sheet(ws, c, ranking, info)
    for index, section in enumerate(c.form.sections, start=1):
        _section_sheet(wb, index, section, c)
    _status_sheet(wb, c)
    _statements_sheet(wb, statements)
    wb.properties.title = f"Tổng hợp báo cáo {c.form.id} kỳ {info.period} — {info.unit_name}"
    wb.properties.creator = "cntt-baocao"
    wb.save(out)
