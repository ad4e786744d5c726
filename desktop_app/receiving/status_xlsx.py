"""The status board as an Excel workbook, to print or send to the leadership: a title, the
counts, then one row per unit with real cells (dates as dates, revisions as numbers),
Vietnamese headers, A4 landscape fitted to the page width, the header row repeated on
every printed page and frozen on screen.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..core.text import nfc
from ..packets.manifest import vietnam_time
from .status import STATE_LABELS, Board, BoardRow

FONT = "Times New Roman"
_TITLE = Font(name=FONT, bold=True, size=13)
_BOLD = Font(name=FONT, bold=True, size=11)
_PLAIN = Font(name=FONT, size=11)
_ITALIC = Font(name=FONT, italic=True, size=11)
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP = Alignment(vertical="top", wrap_text=True)
_LATE = PatternFill("solid", fgColor="FCE4D6")
_DATE = "dd/mm/yyyy"
_DATETIME = "dd/mm/yyyy hh:mm"

HEADERS = (
    ("STT", 6),
    ("Mã đơn vị", 10),
    ("Tên đơn vị", 28),
    ("Tình trạng", 22),
    ("Lần nộp", 8),
    ("Ngày ký lần đầu", 13),
    ("Ngày ký lần này", 13),
    ("Đúng hạn", 10),
    ("Số ngày trễ", 9),
    ("Ngày nhận", 16),
    ("Người ký", 24),
    ("Lý do trả lại", 34),
)


def _moment(iso: str | None) -> datetime.datetime | None:
    # Excel has no time zones: the wall-clock time the ISO text carries is what is shown.
    return datetime.datetime.fromisoformat(iso).replace(tzinfo=None) if iso else None


def _day(iso: str | None) -> datetime.date | None:
    # The day in Vietnam: a signing time is kept as the signature gives it (UTC).
    return vietnam_time(datetime.datetime.fromisoformat(iso)).date() if iso else None


def _cells(number: int, row: BoardRow) -> list[tuple[Any, str | None]]:
    on_time = None if row.on_time is None else ("Đúng hạn" if row.on_time else "Trễ hạn")
    return [
        (number, "0"),
        (row.unit_code, "@"),
        (nfc(row.unit_name), None),
        (STATE_LABELS[row.state].vi, None),
        (row.revision, "0"),
        (_day(row.first_signed_at), _DATE),
        (_day(row.signed_at), _DATE),
        (on_time, None),
        (row.days_late if row.on_time is False else None, "0"),
        (_moment(row.received_at), _DATETIME),
        (nfc(row.signer) if row.signer else None, None),
        (nfc(row.review_reason) if row.review_reason else None, None),
    ]


def _heading(ws: Any, board: Board) -> int:
    title = f"TÌNH HÌNH NỘP BÁO CÁO {board.period.label('vi').upper()}"
    ws.cell(1, 1, title).font = _TITLE
    form = f"{nfc(board.form.title.vi)} (biểu mẫu {board.form.id}, phiên bản {board.form.version})"
    ws.cell(2, 1, f"{form} — {nfc(board.unit_name)}").font = _ITALIC
    c = board.counts()
    summary = (
        f"Hạn nộp: {board.deadline:%d/%m/%Y}. Tổng số {c['total']} đơn vị: "
        f"{c['accepted']} đã tiếp nhận, {c['submitted']} chờ xem xét, {c['returned']} đã trả lại, "
        f"{c['conflict']} xung đột, {c['missing']} chưa nộp; {c['late']} nộp trễ hạn."
    )
    ws.cell(3, 1, summary).font = _PLAIN
    header_row = 5
    for col, (text, width) in enumerate(HEADERS, start=1):
        cell = ws.cell(header_row, col, text)
        cell.font, cell.alignment, cell.border = _BOLD, _HEAD, _BOX
        ws.column_dimensions[get_column_letter(col)].width = width
    return header_row


def _print_setup(ws: Any, header_row: int) -> None:
    ws.freeze_panes = ws.cell(header_row + 1, 4)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "Trang &P / &N"


def write_status_xlsx(
    out: str | Path | IO[bytes], board: Board, rows: list[BoardRow] | None = None
) -> None:
    """Write the board (``rows`` in the order shown on screen, default by state)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tình hình nộp"
    header_row = _heading(ws, board)
    for number, row in enumerate(rows if rows is not None else board.sorted(), start=1):
        r = header_row + number
        for col, (value, fmt) in enumerate(_cells(number, row), start=1):
            cell = ws.cell(r, col, value)
            cell.font, cell.border = _PLAIN, _BOX
            if fmt and value is not None:
                cell.number_format = fmt
            if col in (3, 11, 12):
                cell.alignment = _WRAP
            if row.on_time is False and col in (8, 9):
                cell.fill = _LATE
    _print_setup(ws, header_row)
    wb.properties.title = f"Tình hình nộp báo cáo {board.form.id} kỳ {board.period}"
    wb.properties.creator = "cntt-baocao"
    wb.save(out)


__all__ = ["HEADERS", "write_status_xlsx"]
