"""How a sheet of ``report.xlsx`` prints: column widths, row heights for wrapped text,
A4 portrait with the margins of Decree 30/2020, fit to one page wide, page numbers from
page 2.

May import: ``packets``; openpyxl.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from .xlsx_cells import FONT

_LEADING = 1.3  # line height / font size in Excel and LibreOffice


def _lines(text: str, width_chars: float) -> int:
    return sum(max(1, math.ceil(len(part) / max(width_chars, 1))) for part in text.split("\n"))


def fit_rows(ws: Worksheet, widths: Sequence[float]) -> None:
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


def print_setup(ws: Worksheet, widths: Sequence[int], last_row: int) -> None:
    """Widths, row heights and the printed page of a sheet whose cells are all written."""
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    fit_rows(ws, widths)
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


__all__ = ["fit_rows", "print_setup"]
