"""Reading figures out of a workbook for ``values import``, bounded: the two layouts a
district's history comes in, as plain rows, before anything about forms or units is
decided (``workspace.values_import`` does that).

- **own**: the application's own ``report.xlsx`` (sheet "Báo cáo"): one unit, one period;
  the agency block names the unit, the title the form and the period, each table row an
  indicator by its label (column "Chỉ tiêu") and its figure (column "Số liệu").
- **grid**: a sheet of units × indicators for one period: a header row (the first cell
  names the unit column, e.g. "Mã đơn vị"; every other cell a field id or a label), then
  one row per unit code.

Bounds: the file at most 20 MB, its parts at most 100 MB unpacked (a zip bomb is refused
before openpyxl sees it), 5,000 rows and 400 columns read (openpyxl ``read_only``). A
file that is not an xlsx is refused with its own reason: an old .xls, a CSV or text
saved as .xlsx, a zip that holds no workbook.

May import: ``core``; openpyxl.
"""

from __future__ import annotations

import datetime
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.messages import AppError, Text
from ..core.text import nfc

FILE_LIMIT = 20_000_000
UNPACKED_LIMIT = 100_000_000
MAX_ROWS = 5_000
MAX_COLUMNS = 400
OWN_SHEET = "Báo cáo"
OWN_HEADER = ("STT", "Chỉ tiêu")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 (.xls), Word .doc …


@dataclass
class Sheet:
    """What a workbook holds, as read: ``own`` or ``grid``."""

    layout: str
    headers: list[tuple[int, str]] = field(default_factory=list)  # grid: (column, text)
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, cells)
    agency: str = ""  # own: the unit's name as the agency block prints it
    title: str = ""  # own: the report's title line ("… năm 2018")
    # own: (row, label, value, note in the "Ghi chú" column)
    labels: list[tuple[int, str, Any, Any]] = field(default_factory=list)


def _refuse(code: str, path: Path, vi: str, en: str) -> AppError:
    return AppError(code, Text(f"{path.name}: {vi}", f"{path.name}: {en}"), path=str(path))


def check_xlsx(path: Path) -> None:
    """Refuse what cannot be a workbook to read, each with its own reason; nothing of
    the file is unpacked here."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise _refuse("import.unreadable", path, f"không đọc được tệp ({exc})",
                      f"cannot read the file ({exc})") from exc  # fmt: skip
    if size > FILE_LIMIT:
        raise _refuse("import.too_large", path,
                      f"tệp lớn quá {FILE_LIMIT // 1_000_000} MB",
                      f"the file is over {FILE_LIMIT // 1_000_000} MB")  # fmt: skip
    if head.startswith(_OLE):
        raise _refuse("import.old_xls", path,
                      "đây là tệp Excel 97–2003 (.xls): mở bằng Excel và lưu lại dạng .xlsx",
                      "this is an Excel 97–2003 file (.xls): open it in Excel and save it as .xlsx")  # fmt: skip
    if not head.startswith(b"PK\x03\x04"):
        raise _refuse("import.not_xlsx", path,
                      "không phải tệp Excel .xlsx (có thể là CSV, văn bản hay tệp đổi đuôi)",
                      "not an Excel .xlsx file (perhaps a CSV, text or a renamed file)")  # fmt: skip
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse("import.not_xlsx", path, "tệp nén hỏng, không phải .xlsx đọc được",
                      "a damaged zip, not a readable .xlsx") from exc  # fmt: skip
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise _refuse("import.not_xlsx", path,
                      "tệp nén không chứa bảng tính Excel (có thể là .docx, .ods hay tệp zip khác)",
                      "the zip holds no Excel workbook (perhaps a .docx, an .ods or another zip)")  # fmt: skip
    if unpacked > UNPACKED_LIMIT:
        raise _refuse("import.too_large", path,
                      f"nội dung giải nén quá {UNPACKED_LIMIT // 1_000_000} MB",
                      f"its content unpacks to over {UNPACKED_LIMIT // 1_000_000} MB")  # fmt: skip


def cell_value(value: Any) -> Any:
    """A cell as the import reads it: text NFC and stripped (empty → None), a float as
    the exact decimal it displays, a date as dd/mm/yyyy; int and bool as they are."""
    if isinstance(value, str):
        text = nfc(value).strip()
        return text or None
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return f"{value:%d/%m/%Y}"
    return value


def read_sheet(path: Path) -> Sheet:
    """The workbook's figures in one of the two layouts; AppError ``import.*`` otherwise."""
    check_xlsx(path)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise _refuse("import.unreadable", path, "Excel không đọc được tệp này",
                      "the workbook cannot be read") from exc  # fmt: skip
    try:
        if OWN_SHEET in book.sheetnames:
            own = _own(book[OWN_SHEET])
            if own is not None:
                return own
        return _grid(path, book[book.sheetnames[0]])
    except AppError:
        raise
    except Exception as exc:
        raise _refuse("import.unreadable", path, "Excel không đọc được tệp này",
                      "the workbook cannot be read") from exc  # fmt: skip
    finally:
        book.close()


def _rows(sheet: Any) -> list[tuple[int, list[Any]]]:
    found = []
    for number, row in enumerate(
        sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True), start=1
    ):
        cells = [cell_value(v) for v in row]
        if any(c is not None for c in cells):
            found.append((number, cells))
    return found


def _own(sheet: Any) -> Sheet | None:
    rows = _rows(sheet)
    header = next((i for i, (_, c) in enumerate(rows) if tuple(c[:2]) == OWN_HEADER), None)
    if header is None:
        return None
    top = [c[0] for _, c in rows[:header] if c and isinstance(c[0], str)]
    # agency block: "UBND HUYỆN CHỢ ĐỒN", "ỦY BAN NHÂN DÂN", "XÃ BÌNH TRUNG"; the title
    # is the line after "BÁO CÁO"
    agency = top[2] if len(top) > 2 and top[1] == "ỦY BAN NHÂN DÂN" else top[0] if top else ""
    title = next((top[i + 1] for i, t in enumerate(top[:-1]) if t == "BÁO CÁO"), "")
    labels = []
    for number, cells in rows[header + 1 :]:
        cells = [*cells, None, None, None, None]
        if isinstance(cells[0], int) and isinstance(cells[1], str):
            labels.append((number, cells[1], cells[3], cells[4]))
        elif labels and cells[0] is None and cells[1] is None and isinstance(cells[4], str):
            # a long note continues in the rows under its figure; the break it was cut
            # at comes back as a space
            at, label, value, note = labels[-1]
            labels[-1] = (at, label, value, f"{note} {cells[4]}" if note else cells[4])
    return Sheet("own", agency=agency, title=title, labels=labels)


def _grid(path: Path, sheet: Any) -> Sheet:
    rows = _rows(sheet)
    if not rows:
        raise _refuse("import.empty", path, "bảng tính trống", "the sheet is empty")
    _, header = rows[0]
    headers = [(col, str(text)) for col, text in enumerate(header) if col > 0 and text is not None]
    if not headers:
        raise _refuse("import.no_header", path,
                      "dòng đầu phải là dòng tiêu đề: cột A mã đơn vị, các cột sau mã hoặc tên chỉ tiêu",
                      "the first row must be a header: column A the unit code, then field ids or labels")  # fmt: skip
    return Sheet("grid", headers=headers, rows=rows[1:])


__all__ = ["FILE_LIMIT", "Sheet", "cell_value", "check_xlsx", "read_sheet"]
