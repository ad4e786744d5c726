"""Writing one cell of ``report.xlsx``: numbers as numbers, dates as dates, text always
as text (never a formula), in the report's few fonts and alignments; and a stand-in
sheet that records only what each cell says, so the same placement code can tell a
receiver what a workbook must contain without building one.

May import: ``packets``; openpyxl.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from .cells import Cell

FONT = "Times New Roman"  # what offices have; LibreOffice shows it as Liberation Serif
_THIN = Side(style="thin", color="000000")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FORMULA_START = ("=", "+", "-", "@")


@functools.cache  # style objects are values: one per look, shared by every cell that has it
def font(
    size: float = 12, bold: bool = False, italic: bool = False, underline: bool = False
) -> Font:
    return Font(
        name=FONT, size=size, bold=bold, italic=italic, underline="single" if underline else None
    )


@functools.cache
def align(horizontal: str = "left", vertical: str = "center") -> Alignment:
    return Alignment(horizontal=horizontal, vertical=vertical, wrap_text=True)


def number_format(decimals: int) -> str:
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def put(ws: Worksheet, row: int, col: int, value: Cell | str, **style: Any) -> None:
    """Write one cell: numbers as numbers, dates as dates, anything else as plain text."""
    if isinstance(ws, Recorder):  # only what the cell says, not how it looks
        ws.put(row, col, value)
        return
    target = ws.cell(row=row, column=col)
    cell = value if isinstance(value, Cell) else Cell(value or None, value)
    if cell.is_number:
        target.value = cell.value
        target.number_format = number_format(cell.decimals)
    elif isinstance(cell.value, datetime.date):
        target.value = cell.value
        target.number_format = "dd/mm/yyyy"
    elif cell.text:
        target.value = cell.text
        target.data_type = "s"  # never a formula, whatever the text starts with
        target.quotePrefix = cell.text.startswith(_FORMULA_START)
    for name, item in style.items():
        setattr(target, name, item)


def merge(ws: Worksheet, row: int, first: int, last: int, value: Cell | str, **style: Any) -> None:
    put(ws, row, first, value, **style)
    if last > first:
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def frame(ws: Worksheet, row: int, first: int, last: int) -> None:
    """Thin borders round columns ``first``..``last`` of ``row`` (a recorder has none)."""
    if isinstance(ws, Recorder):
        return
    for col in range(first, last + 1):
        ws.cell(row=row, column=col).border = BOX


def ordinal(number: str) -> Cell | str:
    """STT: 1, 2, 3… as numbers (Excel flags digits stored as text); I, II… as text."""
    return Cell(int(number), number) if number.isdigit() else number


def value_style(cell: Cell, bold: bool = False) -> dict[str, Any]:
    horizontal = "right" if cell.is_number else "center"
    return {"font": font(12, bold=bold), "alignment": align(horizontal)}


class Recorder:
    """A stand-in for a worksheet that keeps only what each cell says (value and number
    format, as ``put`` would set them): the report's placement code runs unchanged,
    without the cost of building a workbook."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], tuple[Any, str]] = {}
        self.print_title_rows = ""

    def put(self, row: int, col: int, value: Cell | str) -> None:
        if isinstance(value, Cell):
            if value.is_number:
                self.cells[(row, col)] = (value.value, number_format(value.decimals))
                return
            if isinstance(value.value, datetime.date):
                self.cells[(row, col)] = (value.value, "dd/mm/yyyy")
                return
            value = value.text
        if value:
            self.cells[(row, col)] = (value, "General")

    def merge_cells(self, **_: int) -> None:
        pass


__all__ = [
    "BOX",
    "FONT",
    "Recorder",
    "align",
    "font",
    "frame",
    "merge",
    "number_format",
    "ordinal",
    "put",
    "value_style",
]
