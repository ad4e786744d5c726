"""A form definition written as a workbook, for the people who define indicator sets and
work in Excel or LibreOffice (as ODK's users do with XLSForm).

The workbook is written from the definition's YAML document, not from the checked model,
so every key the YAML has gets a cell and reading it back gives the same document
(``form_workbook_read``). Sheets and columns: ``form_sheets``.

May import: ``core``, openpyxl, the standard library.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

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
    header_text,
)

# Rows a drop-down list covers: far more than any form has, few enough to keep the file small.
_VALIDATED_ROWS = 2000


def _get(item: Mapping[str, Any], dotted: str) -> Any:
    node: Any = item
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _cell_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if column.kind == "list":
        return ", ".join(str(v) for v in value)
    return value


def _write_rows(wb: Any, sheet: Sheet, rows: list[list[Any]]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb.create_sheet(sheet.name)
    ws.append([header_text(c) for c in sheet.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        ws.append([None] * len(values))
        row = ws.max_row
        for index, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=index)
            cell.value = value
            if isinstance(value, str):
                # A text that starts with "=" (a rule such as "= 0" would not, but an
                # author's note might) must stay text, never become a formula.
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=len(value) > 60, vertical="top")
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        if column.choices:
            listed = ",".join(column.choices)
            check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            check.error = f"Chọn một trong / pick one of: {listed}"
            check.showErrorMessage = True
            ws.add_data_validation(check)
            check.add(f"{letter}2:{letter}{_VALIDATED_ROWS}")
    ws.freeze_panes = "B2" if sheet.columns[0].kind == "parent" else "A2"
    ws.row_dimensions[1].height = 32


def _item_rows(sheet: Sheet, items: list[Mapping[str, Any]], parent: str = "") -> list[list[Any]]:
    rows = []
    for item in items:
        rows.append(
            [
                parent if c.kind == "parent" else _cell_value(c, _get(item, c.key))
                for c in sheet.columns
            ]
        )
    return rows


def form_workbook_bytes(document: Mapping[str, Any]) -> bytes:
    """The workbook of one form definition (its parsed YAML document)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)

    settings = []
    for key, _kind, about in SETTING_ROWS:
        value = _get(document, key)
        settings.append([key, value, about])
    _write_rows(wb, SETTINGS, settings)
    # The settings' value column takes the long legal basis: let it wrap.
    from openpyxl.styles import Alignment

    for row in wb[SETTINGS.name].iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")

    sections = list(document.get("sections") or [])
    _write_rows(wb, SECTIONS, _item_rows(SECTIONS, sections))
    field_rows: list[list[Any]] = []
    choice_rows: list[list[Any]] = []
    for section in sections:
        for field in section.get("fields") or []:
            field_rows += _item_rows(FIELDS, [field], section.get("id", ""))
            choice_rows += _item_rows(
                CHOICES, list(field.get("choices") or []), field.get("id", "")
            )
    _write_rows(wb, FIELDS, field_rows)
    _write_rows(wb, CHOICES, choice_rows)
    _write_rows(wb, RULES, _item_rows(RULES, list(document.get("rules") or [])))
    scoring = document.get("scoring") or {}
    items = list(scoring.get("items") or [])
    _write_rows(wb, ITEMS, _item_rows(ITEMS, items))
    steps: list[list[Any]] = []
    for item in items:
        steps += _item_rows(STEPS, list(item.get("steps") or []), item.get("id", ""))
    _write_rows(wb, STEPS, steps)
    _write_rows(wb, BANDS, _item_rows(BANDS, list(scoring.get("bands") or [])))
    _write_rows(wb, TARGETS, _item_rows(TARGETS, list(document.get("targets") or [])))
    aggregate = document.get("aggregate") or {}
    _write_rows(wb, AGGREGATE, [[k, v] for k, v in aggregate.items()])

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


__all__ = ["form_workbook_bytes"]
