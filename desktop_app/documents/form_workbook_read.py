"""Reading a form definition back from its workbook (``form_workbook``).

The cells become the same YAML document the definition file holds (``sheet_reader`` reads
them), and that document is checked by the form loader exactly as a YAML file is (schema,
expressions, rules, scoring). Every problem names the sheet, the row and the column it
comes from: the loader's line numbers are mapped back to the cells the lines were written
from.

May import: ``documents``, ``core``, openpyxl, PyYAML, the standard library.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..core.forms import Form
from ..core.forms.loader import FormError, parse_form
from ..core.forms.yaml_source import line_of, load_located
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
)
from .sheet_reader import (
    Cell,
    FormWorkbookError,
    SheetReader,
    WorkbookProblem,
    open_workbook,
    put_dotted,
)

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


def _listed(
    reader: SheetReader, wb: Any, sheet: Sheet, path: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Each row of ``sheet`` as an item of the list at ``path`` in the document."""
    return [
        reader.item(row, cells, (*path, i)) for i, (row, cells) in enumerate(reader.rows(wb, sheet))
    ]


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
        parts = put_dotted(doc, key, value)
        reader.paths[parts] = Cell(SETTINGS.name, value_cell.row, value_cell.column, key)

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

    rules = _listed(reader, wb, RULES, ("rules",))
    if rules:
        doc["rules"] = rules
    items = _listed(reader, wb, ITEMS, ("scoring", "items"))
    by_item = {str(i.get("id")): (i, ("scoring", "items", n)) for n, i in enumerate(items)}
    _attach(reader, wb, STEPS, "item", "steps", by_item, ("mục chấm điểm", "item"))
    bands = _listed(reader, wb, BANDS, ("scoring", "bands"))
    if items or bands or "scoring" in doc:
        scoring = doc.setdefault("scoring", {})
        scoring["bands"] = bands
        scoring["items"] = items
    targets = _listed(reader, wb, TARGETS, ("targets",))
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


__all__ = ["read_form_workbook"]
