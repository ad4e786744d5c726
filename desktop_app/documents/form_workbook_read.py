"""Reading a form definition back from its workbook (``form_workbook``).

The cells become the same YAML document the definition file holds, and that document is
checked by the form loader exactly as a YAML file is (schema, expressions, rules, scoring).
Every problem names the sheet, the row and the column it comes from: the loader's line
numbers are mapped back to the cells the lines were written from.

May import: ``core``, openpyxl, PyYAML, the standard library.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

import yaml

from ..core.forms import Form
from ..core.forms.loader import FormError, parse_form
from ..core.forms.yaml_source import line_of, load_located
from ..core.messages import AppError, Text
from .form_sheets import (
    AGGREGATE,
    BANDS,
    CHOICES,
    FIELDS,
    ITEMS,
    RULES,
    SECTIONS,
    SETTING_ROWS,
    SETTINGS,
    STEPS,
    TARGETS,
    Column,
    Sheet,
    key_of_header,
)

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
            parts = key.split(".")
            node = item
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value
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


Parents = dict[str, tuple[dict[str, Any], tuple[Any, ...]]]


def _attach(
    reader: SheetReader,
    wb: Any,
    sheet: Sheet,
    key: str,
    into: str,
    parents: Parents,
    what: tuple[str, str],
) -> list[tuple[dict[str, Any], tuple[Any, ...]]]:
    """Each row of ``sheet`` appended to the list ``into`` of the item its ``key`` column
    names (a field to its section, a choice to its field, a step to its scoring item);
    a row naming no such item is a problem at that cell. The items attached, with paths."""
    attached = []
    for row, cells in reader.rows(wb, sheet):
        found = parents.get(str(row.get(key)))
        if found is None:
            named = row.get(key)
            reader.problem(
                sheet.name, cells.get(key), f"không có {what[0]} «{named}» / no such {what[1]}"
            )
            continue
        parent, path = found
        children = parent.setdefault(into, [])
        place = (*path, into, len(children))
        child = reader.item(row, cells, place, skip=key)
        children.append(child)
        attached.append((child, place))
    return attached


def _document(reader: SheetReader, wb: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    known = {key: kind for key, kind, _ in SETTING_ROWS}
    for row, cells in reader.rows(wb, SETTINGS):
        key = row.get("key")
        cell = cells.get("key")
        if key not in known:
            reader.problem(SETTINGS.name, cell, f"khoá không biết «{key}» / unknown key")
            continue
        if "value" not in row:
            continue
        value_cell = cells["value"]
        value = reader.convert(Column(key, key, known[key]), row["value"], value_cell)
        if value is None:
            continue
        parts = key.split(".")
        node = doc
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
        reader.paths[tuple(parts)] = Cell(SETTINGS.name, value_cell.row, value_cell.column, key)

    sections: list[dict[str, Any]] = []
    for row, cells in reader.rows(wb, SECTIONS):
        section = reader.item(row, cells, ("sections", len(sections)))
        section["fields"] = []
        sections.append(section)
    # (reversed: where two share an id, the first keeps it, as the loader reports)
    parents = {
        str(section.get("id")): (section, ("sections", n))
        for n, section in reversed(list(enumerate(sections)))
    }
    fields = _attach(reader, wb, FIELDS, "section", "fields", parents, ("phần", "section"))
    by_field = {str(field.get("id")): (field, path) for field, path in reversed(fields)}
    _attach(reader, wb, CHOICES, "field", "choices", by_field, ("chỉ tiêu", "field"))
    if sections:
        doc["sections"] = sections

    rules = [
        reader.item(row, cells, ("rules", i))
        for i, (row, cells) in enumerate(reader.rows(wb, RULES))
    ]
    if rules:
        doc["rules"] = rules
    items: list[dict[str, Any]] = []
    for row, cells in reader.rows(wb, ITEMS):
        items.append(reader.item(row, cells, ("scoring", "items", len(items))))
    by_item = {str(i.get("id")): (i, ("scoring", "items", n)) for n, i in enumerate(items)}
    _attach(reader, wb, STEPS, "item", "steps", by_item, ("mục chấm điểm", "item"))
    bands = [
        reader.item(row, cells, ("scoring", "bands", i))
        for i, (row, cells) in enumerate(reader.rows(wb, BANDS))
    ]
    if items or bands or "scoring" in doc:
        scoring = doc.setdefault("scoring", {})
        scoring["bands"] = bands
        scoring["items"] = items
    targets = [
        reader.item(row, cells, ("targets", i))
        for i, (row, cells) in enumerate(reader.rows(wb, TARGETS))
    ]
    if targets:
        doc["targets"] = targets
    aggregate: dict[str, Any] = {}
    for row, cells in reader.rows(wb, AGGREGATE):
        field_id, how = row.get("field"), row.get("aggregate")
        if field_id is None or how is None:
            cell = cells.get("field" if field_id is None else "aggregate")
            reader.problem(
                AGGREGATE.name,
                cell,
                "cần cả chỉ tiêu và cách tổng hợp / field and aggregate both needed",
            )
            continue
        aggregate[str(field_id)] = how
        reader.paths[("aggregate", str(field_id))] = cells["aggregate"]
    if aggregate:
        doc["aggregate"] = aggregate
    return doc


def _sheet_of(where: str) -> str:
    """The sheet a problem of the whole form belongs to, by the part the loader names."""
    kind = where.split(" ", 1)[0]
    sheets = {"field": FIELDS, "section": SECTIONS, "rule": RULES, "scoring": ITEMS, "item": ITEMS}
    return sheets.get(kind, SETTINGS).name


def _map_problems(reader: SheetReader, text: str, error: FormError) -> list[WorkbookProblem]:
    """The loader's problems (by YAML line) as problems of the cells those lines came from."""
    located = load_located(text)
    by_line: dict[int, Cell] = {}
    for path in sorted(reader.paths, key=len):  # the deepest path of a line names its cell
        by_line[line_of(located, path)] = reader.paths[path]
    problems = []
    for p in error.problems:
        cell = by_line.get(p.line)
        sheet = cell.sheet if cell else _sheet_of(p.where)
        where = f"[{p.where}] " if p.where and cell is None else ""
        problems.append(WorkbookProblem(cell, sheet, f"{where}{p.message}"))
    return problems


def read_form_workbook(data: bytes, name: str) -> tuple[Form, str]:
    """The checked form a workbook defines, and the YAML text to install it as.
    FormWorkbookError lists every problem, each at its sheet, row and column."""
    wb = open_workbook(data, name)
    try:
        reader = SheetReader()
        doc = _document(reader, wb)
    finally:
        wb.close()
    if reader.problems:
        raise FormWorkbookError(name, reader.problems)
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000)
    text = f"# Nhập từ bảng tính / imported from the workbook {name}\n{body}"
    try:
        form = parse_form(text.encode("utf-8"), name)
    except FormError as exc:
        raise FormWorkbookError(name, _map_problems(reader, text, exc)) from exc
    return form, text


__all__ = [
    "MAX_WORKBOOK_BYTES",
    "Cell",
    "FormWorkbookError",
    "SheetReader",
    "WorkbookProblem",
    "check_workbook_size",
    "open_workbook",
    "read_form_workbook",
]
