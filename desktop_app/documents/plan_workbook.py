"""A plan (``core.plans``) read from a workbook, for a receiving unit that keeps its plan's
targets in Excel: a sheet «Kế hoạch» (one key a row: number, date, issuer, title.vi,
title.en, form, period) and a sheet «Mục tiêu» with the columns of the form workbook's
targets sheet (``form_sheets.TARGETS``). Cells become the plan's YAML document; every
problem of a cell names its sheet, row and column.

May import: ``core``, openpyxl, the standard library.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .form_sheets import TARGETS, Column, Sheet
from .sheet_reader import FormWorkbookError, SheetReader, open_workbook

PLAN = Sheet(
    "Kế hoạch",
    "Thông tin kế hoạch: mỗi dòng một khoá / the plan, one key a row",
    (Column("key", "Khoá"), Column("value", "Giá trị"), Column("about", "Ghi chú")),
    required=True,
)
PLAN_KEYS = ("number", "date", "issuer", "title.vi", "title.en", "form", "period")
PLAN_TARGETS = Sheet(TARGETS.name, TARGETS.about, TARGETS.columns, required=True)


def plan_document(data: bytes, name: str) -> dict[str, Any]:
    """The plan document a workbook holds (checked afterwards by ``core.plans``)."""
    wb = open_workbook(data, name)
    reader = SheetReader()
    plan: dict[str, Any] = {}
    try:
        for row, cells in reader.rows(wb, PLAN):
            key, value = row.get("key"), row.get("value")
            if key not in PLAN_KEYS:
                reader.problem(
                    PLAN.name, cells.get("key"), f"khoá không biết «{key}» / unknown key"
                )
                continue
            if value is None:
                continue
            if isinstance(value, (dt.date, dt.datetime)):
                value = value.strftime("%d/%m/%Y")
            head, _, lang = str(key).partition(".")
            if lang:
                plan.setdefault(head, {})[lang] = str(value)
            else:
                plan[head] = str(value) if not isinstance(value, str) else value
        targets: list[dict[str, Any]] = []
        for row, cells in reader.rows(wb, PLAN_TARGETS):
            item = reader.item(row, cells, ("targets", len(targets)))
            item.pop("source", None)  # a plan's targets cite the plan itself
            targets.append(item)
    finally:
        wb.close()
    if reader.problems:
        raise FormWorkbookError(name, reader.problems)
    return {"plan": plan, "targets": targets}


__all__ = ["PLAN", "PLAN_KEYS", "plan_document"]
