"""Reading a workbook an author edited, cell by cell: each sheet's rows as the YAML values
their columns say (text, numbers, TRUE/FALSE, comma-separated ids, comparisons), every
cell that cannot be one a problem named by its sheet, row and column. Used for form
definitions (``form_workbook_read``) and plans (``plan_workbook``).

May import: ``documents``, ``core``, openpyxl, the standard library.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from ..core.messages import AppError, Text
from .form_sheets import Column, Sheet, key_of_header

# A form workbook is a few hundred kilobytes (the 2017 district form, the largest, ~150 KB);
# anything far bigger is not one, and is refused before it is unpacked.
MAX_WORKBOOK_BYTES = 10 * 1024 * 1024
# A spreadsheet takes a cell typed "==" for a formula; "=" or "≥" is what an author types.
_OP_ALIASES = {"=": "==", "≥": ">=", "≤": "<=", "=>": ">=", "=<": "<="}
_TRUE = {"true", "đúng", "có", "x", "1", "yes", "y"}
_FALSE = {"false", "sai", "không", "0", "no", "n"}


@dataclass(frozen=True)
class Cell:
    sheet: str
    row: int
    column: str  # the column's letter
    key: str

    def render(self) -> str:
        return f"«{self.sheet}» {self.column}{self.row} ({self.key})"


@dataclass(frozen=True)
class WorkbookProblem:
    cell: Cell | None
    sheet: str
    message: str

    def render(self) -> str:
        return f"{self.cell.render() if self.cell else f'«{self.sheet}»'}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        cell = self.cell
        return {
            "sheet": self.sheet,
            "row": cell.row if cell else None,
            "column": cell.column if cell else None,
            "key": cell.key if cell else None,
            "message": self.message,
        }


class FormWorkbookError(AppError):
    def __init__(self, name: str, problems: list[WorkbookProblem]) -> None:
        lines = "\n".join(p.render() for p in problems)
        super().__init__(
            "form.workbook_invalid",
            Text(
                f"Bảng tính biểu mẫu {name} có lỗi:\n{lines}",
                f"Form workbook {name} has errors:\n{lines}",
            ),
            file=name,
            problems=[p.as_dict() for p in problems],
        )
        self.problems = problems


def _refusal(code: str, name: str, vi: str, en: str) -> AppError:
    return AppError(code, Text(f"{name}: {vi}", f"{name}: {en}"), file=name)


class SheetReader:
    def __init__(self) -> None:
        self.problems: list[WorkbookProblem] = []
        self.paths: dict[tuple[Any, ...], Cell] = {}

    def problem(self, sheet: str, cell: Cell | None, message: str) -> None:
        self.problems.append(WorkbookProblem(cell, sheet, message))

    def convert(self, column: Column, value: Any, cell: Cell) -> Any:
        """A cell's value as the YAML has it, or None (absent) after a problem."""
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
        kind = column.kind
        if kind == "op" and isinstance(value, str):
            return _OP_ALIASES.get(value, value)
        if kind in ("text", "parent", "op"):
            if isinstance(value, (bool, dt.date, dt.datetime)):
                self.problem(cell.sheet, cell, "cần chữ / text expected")
                return None
            if isinstance(value, float):
                return str(int(value)) if value.is_integer() else repr(value)
            return str(value)
        if kind == "deadline":
            if isinstance(value, (dt.date, dt.datetime)):
                return f"{value.month:02d}-{value.day:02d}"  # a spreadsheet took "01-15" for a date
            return self.convert(Column(column.key, column.header, "number_or_text"), value, cell)
        if kind == "bool" or (kind == "number_or_bool" and isinstance(value, (bool, str))):
            if isinstance(value, bool):
                return value
            if isinstance(value, (int, float)) and value in (0, 1):
                return bool(value)
            if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
                return value.lower() in _TRUE
            if kind == "bool":
                self.problem(cell.sheet, cell, "cần TRUE hoặc FALSE / TRUE or FALSE expected")
                return None
        if kind == "list":
            if not isinstance(value, str):
                self.problem(
                    cell.sheet,
                    cell,
                    "cần các mã cách nhau bởi dấu phẩy / comma-separated ids expected",
                )
                return None
            return [part.strip() for part in value.split(",") if part.strip()]
        number = _number(value)
        if number is None:
            if kind == "number_or_text" and isinstance(value, str):
                return value
            self.problem(cell.sheet, cell, "cần một số / a number expected")
            return None
        if kind == "integer" and not isinstance(number, int):
            self.problem(cell.sheet, cell, "cần số nguyên / a whole number expected")
            return None
        return number

    def rows(self, wb: Any, sheet: Sheet) -> list[tuple[dict[str, Any], dict[str, Cell]]]:
        """The sheet's rows that hold anything, as {key: YAML value}, each with the cell
        every value came from."""
        from openpyxl.utils import get_column_letter

        if sheet.name not in wb.sheetnames:
            if sheet.required:
                self.problem(sheet.name, None, "thiếu sheet này / this sheet is missing")
            return []
        found: list[tuple[dict[str, Any], dict[str, Cell]]] = []
        columns: list[Column | None] = []
        for number, values in enumerate(wb[sheet.name].iter_rows(values_only=True), start=1):
            if number == 1:
                for index, header in enumerate(values, start=1):
                    key = key_of_header(header)
                    column = sheet.column(key) if key else None
                    if header not in (None, "") and column is None:
                        where = Cell(sheet.name, 1, get_column_letter(index), str(key or header))
                        self.problem(sheet.name, where, "cột không biết / unknown column")
                    columns.append(column)
                continue
            row: dict[str, Any] = {}
            cells: dict[str, Cell] = {}
            for index, value in enumerate(values):
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                column = columns[index] if index < len(columns) else None
                letter = get_column_letter(index + 1)
                if column is None:
                    where = Cell(sheet.name, number, letter, "?")
                    self.problem(
                        sheet.name,
                        where,
                        "ô nằm ngoài các cột của sheet / a cell outside the sheet's columns",
                    )
                    continue
                cell = Cell(sheet.name, number, letter, column.key)
                cells[column.key] = cell
                converted = self.convert(column, value, cell)
                if converted is not None:
                    row[column.key] = converted
            if row or cells:
                found.append((row, cells))
        return found

    def item(
        self, row: dict[str, Any], cells: dict[str, Cell], path: tuple[Any, ...], skip: str = ""
    ) -> dict[str, Any]:
        """The YAML mapping of one row: dotted keys nest ("label.vi" → label: {vi: …})."""
        item: dict[str, Any] = {}
        for key, value in row.items():
            if key == skip:
                continue
            parts = put_dotted(item, key, value)
            cell = cells.get(key)
            if cell is not None:
                self.paths[(*path, *parts)] = cell
        return item


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        text = value.replace(" ", "")
        try:
            return int(text)
        except ValueError:
            pass
        try:
            number = float(text.replace(",", ".") if "." not in text else text)
        except ValueError:
            return None
        return int(number) if number.is_integer() else number
    return None


def check_workbook_size(size: int, name: str) -> None:
    """Refuse a file too big to be a form workbook, before reading it."""
    if size > MAX_WORKBOOK_BYTES:
        raise _refusal(
            "form.workbook_too_large",
            name,
            f"tệp lớn hơn {MAX_WORKBOOK_BYTES // (1024 * 1024)} MB, không phải bảng tính biểu mẫu",
            f"larger than {MAX_WORKBOOK_BYTES // (1024 * 1024)} MB: not a form workbook",
        )


def open_workbook(data: bytes, name: str) -> Any:
    """A workbook's bytes opened for reading; AppError if they are not a workbook."""
    check_workbook_size(len(data), name)
    not_xlsx = _refusal(
        "form.workbook_not_xlsx",
        name,
        "không phải tệp Excel (.xlsx); hãy lưu bảng tính dưới dạng Excel 2007-365",
        "not an Excel (.xlsx) file; save the spreadsheet as Excel 2007-365",
    )
    if not data.startswith(b"PK\x03\x04"):
        raise not_xlsx
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise not_xlsx from exc
    except Exception as exc:  # openpyxl's own InvalidFileException and friends
        raise not_xlsx from exc


def put_dotted(mapping: dict[str, Any], key: str, value: Any) -> tuple[str, ...]:
    """Set ``value`` at a dotted ``key`` ("label.vi" → label: {vi: …}) in ``mapping``,
    making the mappings on the way; the key's parts (the value's path in ``mapping``)."""
    parts = tuple(key.split("."))
    node = mapping
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return parts


__all__ = [
    "MAX_WORKBOOK_BYTES",
    "Cell",
    "FormWorkbookError",
    "SheetReader",
    "WorkbookProblem",
    "check_workbook_size",
    "open_workbook",
    "put_dotted",
]
