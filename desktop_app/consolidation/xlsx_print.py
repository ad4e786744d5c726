"""How the consolidated workbook's sheets print and are named: readable type on A4
landscape, the identifying columns and header rows repeated on every page, header rows
tall enough for their wrapped text, and sheet names that are never cut mid-word.

Fitting a whole section to the page width printed section II at about 3.6 pt. A sheet is
therefore fitted to the width only when its body text still prints at ``MIN_PRINTED_PT``
or more; a wider sheet prints at a fixed scale, split across pages, with the number,
code and name columns repeated on each (print titles for columns as well as rows).

The widths here are estimates from the column widths, in characters of the default
font's digit: Excel on Windows draws one as about 5.25 pt, LibreOffice (without Calibri)
as 7 pt. The wider one is taken, so a sheet judged to fit prints at 8 pt or more in
both; in Excel it only prints larger.

May import: ``core``; openpyxl.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..core.forms.model import Section
from ..core.text import nfc

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

BODY_PT = 11  # the sheets' body and header type
MIN_PRINTED_PT = 8  # the smallest printed text an officer must be able to read
# a sheet too wide for the page prints at this scale: 11 pt × 80 % = 8.8 pt
PRINT_SCALE = 80
MARGIN_IN = 0.5
_A4_LANDSCAPE_PT = 841.9
_PRINTABLE_PT = _A4_LANDSCAPE_PT - 2 * MARGIN_IN * 72
_LINE_PT = 15.0  # one line of 11 pt Times with Vietnamese marks above and below
_CHAR_PT = 5.6  # an average width of a bold 11 pt Times letter, with some to spare
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_NUMBER = re.compile(r"^\s*([IVXLC]+|\d+)\s*[.)]")
SHEET_NAME_MAX = 31  # Excel's limit


def column_pt(width: float) -> float:
    """The printed width at 100 % of a column ``width`` characters wide."""
    return width * 7.0 + 4


def _fits(widths: Sequence[float]) -> bool:
    needed = sum(column_pt(w) for w in widths)
    return needed * MIN_PRINTED_PT / BODY_PT <= _PRINTABLE_PT


def set_up_printing(ws: WriteOnlyWorksheet, widths: Sequence[float], title_cols: int) -> None:
    """A4 landscape; fitted to the width when the text stays readable, else at
    ``PRINT_SCALE`` % across pages with the first ``title_cols`` columns on each."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_margins.left = ws.page_margins.right = MARGIN_IN
    ws.oddFooter.center.text = "Trang &P / &N"
    # the footer is printed text too: the body's size, scaled with the page like it
    ws.oddFooter.center.size = BODY_PT
    ws.oddFooter.center.font = "Times New Roman,Regular"
    if _fits(widths):
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
    else:
        ws.page_setup.scale = PRINT_SCALE
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        if title_cols:
            ws.print_title_cols = f"A:{get_column_letter(title_cols)}"


def _lines(text: str, width: float, bold_pt: float = BODY_PT) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (word wrap,
    as the spreadsheet does it)."""
    # Excel's narrower column (5.25 pt a character): a header tall enough there has room
    # to spare in LibreOffice
    room = max(width * 5.25 - 4, _CHAR_PT) / (_CHAR_PT * bold_pt / BODY_PT)
    lines, used = 1, 0
    for word in text.split():
        length = len(word)
        if used and used + 1 + length > room:
            lines, used = lines + 1, 0
        used = used + (1 if used else 0) + length
        while used > room:  # a word longer than the column breaks inside it
            lines, used = lines + 1, used - int(room)
    return lines


def header_height(heads: Sequence[str], widths: Sequence[float]) -> float:
    """The height in points of a header row whose texts wrap in their columns."""
    lines = max((_lines(h, w) for h, w in zip(heads, widths, strict=False)), default=1)
    return math.ceil(lines * _LINE_PT + 4)


def section_sheet_name(index: int, section: Section, taken: set[str]) -> str:
    """ "II. Ứng dụng CNTT": the section's number and the short name the form gives
    (at most 24 characters, checked when the form is loaded); a form without one has its
    title shortened at a word. Unique within the workbook."""
    title = nfc(section.title.vi)
    match = _NUMBER.match(title)
    number = match.group(1) if match else str(index)
    rest = (
        nfc(section.short_title.vi)
        if section.short_title
        else title[match.end() :]
        if match
        else title
    )
    name = _BAD_SHEET_CHARS.sub("-", f"{number}. {rest.strip()}")
    name = _cut_at_word(name, SHEET_NAME_MAX)
    while name in taken:  # two sections named alike: tell them apart by their place
        name = _cut_at_word(name, SHEET_NAME_MAX - 4) + f" ({index})"
    taken.add(name)
    return name


def _cut_at_word(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,.;-–")
    return cut if len(cut) > limit // 2 else text[:limit]
