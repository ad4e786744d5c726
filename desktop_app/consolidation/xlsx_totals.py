"""The "Tổng hợp chung" row of the consolidated workbook as formulas over the unit rows,
so an officer can audit a total and a corrected unit value updates it.

Each formula follows the field's consolidation rule (``core.aggregation``): a sum is
``SUM`` of the column; a count of yes answers ``COUNTIF(…;"Có")``; a ratio is the summed
numerator over the summed denominator (never an average of the units' ratios); a
recomputed figure is the field's own expression with every input replaced by its
column's consolidated formula, rounded as the application rounds it. Division by zero is blank, as in the application.

A figure no formula can reproduce stays the value the application computed: a rule
with no spreadsheet equivalent, an expression using a function, or figures that include
reports from units without a row (units not expected) — a formula over the rows would
then disagree with the PDF.

openpyxl writes formulas without their results. Each formula's result, the figure the
application computed (the same number: tests/integration/test_workbook_prints.py has
LibreOffice compute them), is then written beside it into the saved workbook
(``cache_results``), so a program that reads cells without calculating (pandas, a
mail preview) sees the totals; the workbook also asks the spreadsheet to calculate
everything when it is opened (``fullCalcOnLoad``).

May import: ``core``; openpyxl.
"""

from __future__ import annotations

import ast
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

from ..core.forms.model import Field, Form
from ..core.text import nfc

_RATIO = re.compile(r"^ratio\(([a-z0-9_]+), *([a-z0-9_]+)\)$")
_COUNT_CHOICE = re.compile(r"^count_choice\(([a-z0-9_]+)\)$")
_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


class Formula(str):
    """A cell value to be written as a formula (``=…``), not as text."""


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _text(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


@dataclass
class UnitColumns:
    """Where each field's unit values sit: field id → (sheet name, column letter), on
    rows ``first`` to ``last`` of every section sheet."""

    form: Form
    first: int
    last: int
    where: dict[str, tuple[str, str]]

    def _range(self, field_id: str, sheet: str) -> str | None:
        place = self.where.get(field_id)
        if place is None:
            return None
        on, col = place
        cells = f"{col}{self.first}:{col}{self.last}"
        return cells if on == sheet else f"{_quote(on)}!{cells}"

    def _figure(self, f: Field, sheet: str, depth: int = 0) -> str | None:
        """The spreadsheet expression of ``f``'s consolidated figure, or None."""
        cells = self._range(f.id, sheet)
        rule = f.aggregate
        if rule == "sum" and cells:
            return f"SUM({cells})"
        if rule == "count_true" and cells:
            return f'COUNTIF({cells},"Có")'
        if rule == "count_false" and cells:
            return f'COUNTIF({cells},"Không")'
        if rule in ("min", "max") and cells and f.is_numeric:
            return f"{rule.upper()}({cells})"
        choice = _COUNT_CHOICE.match(rule)
        if choice and cells:
            label = f.choice_label(choice.group(1))
            return f"COUNTIF({cells},{_text(nfc(label.vi) if label else choice.group(1))})"
        ratio = _RATIO.match(rule)
        if ratio:
            parts = [self._input(name, sheet, depth) for name in ratio.groups()]
            return None if None in parts else f"({parts[0]})/({parts[1]})*100"
        if rule == "recompute" and f.compute is not None and f.is_numeric and depth < 8:
            body = self._expression(ast.parse(f.compute.source, mode="eval").body, sheet, depth)
            # rounded as the application rounds a computed figure (half up, to the
            # decimals shown), so the cell and the PDF agree to the last digit
            digits = 0 if f.type == "integer" else f.display_decimals
            return None if body is None else f"ROUND({body},{digits})"
        return None

    def _input(self, name: str, sheet: str, depth: int) -> str | None:
        f = self.form.fields.get(name)
        return self._figure(f, sheet, depth + 1) if f is not None else None

    def _expression(self, node: ast.AST, sheet: str, depth: int) -> str | None:
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            left = self._expression(node.left, sheet, depth)
            right = self._expression(node.right, sheet, depth)
            if left is None or right is None:
                return None
            return f"({left}){_OPS[type(node.op)]}({right})"
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = self._expression(node.operand, sheet, depth)
            return None if inner is None else f"-({inner})"
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return repr(node.value)
        if isinstance(node, ast.Name):
            return self._input(node.id, sheet, depth)
        return None  # functions, comparisons: the application's value stays

    def total(self, f: Field, sheet: str) -> Formula | None:
        """The formula of ``f``'s "Tổng hợp chung" cell on ``sheet``, or None."""
        body = self._figure(f, sheet)
        if body is None:
            return None
        if "/" in body:  # a denominator of zero: blank, as the application shows it
            return Formula(f'=IFERROR({body},"")')
        return Formula(f"={body}")


def unit_columns(
    form: Form, sheets: Mapping[str, str], first: int, last: int, first_col: int
) -> UnitColumns:
    """The columns of every field: section id → sheet name in ``sheets``; each section's
    fields from column ``first_col`` on, in the form's order."""
    where = {}
    for section in form.sections:
        for col, f in enumerate(section.fields, start=first_col):
            where[f.id] = (sheets[section.id], get_column_letter(col))
    return UnitColumns(form, first, last, where)


def _number(value: Any) -> bytes:
    if isinstance(value, Decimal):
        return format(value, "f").encode()
    return str(value).encode()


def _fill(xml: bytes, row: int, cells: Mapping[str, Any]) -> bytes:
    """``<v></v>`` after each formula of ``cells`` (refs on ``row``) filled with its value;
    only the row is searched (the totals are a sheet's last row)."""
    start = xml.rfind(f'<row r="{row}"'.encode())
    if start < 0:
        return xml
    head, tail = xml[:start], xml[start:]
    for ref, value in cells.items():
        pattern = re.compile(rb'(<c r="' + ref.encode() + rb'"[^>]*><f>[^<]*</f>)<v\s*(?:/>|></v>)')
        tail = pattern.sub(lambda m, v=value: m.group(1) + b"<v>" + _number(v) + b"</v>", tail, 1)
    return head + tail


def cache_results(content: bytes, results: Mapping[str, tuple[int, Mapping[str, Any]]]) -> bytes:
    """The workbook ``content`` with formula results written in: sheet part name
    ("xl/worksheets/sheet2.xml") → (its totals row, cell ref → value)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in results:
                row, cells = results[info.filename]
                data = _fill(data, row, cells)
            target.writestr(info, data)
    return out.getvalue()
