"""Values as the reports print them: one ``Cell`` per value, holding the typed value (a
number stays a number, with the digits it is shown with) and its Vietnamese text, read
from ``data.json`` by the field's type. The report's rows (``layout``), the score
appendix (``score_sheet``), the workbook and the PDF all print cells, and the receiving
side reads a received report back against them.

May import: ``packets``, ``core``.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..core.dates import format_date
from ..core.forms.model import Field
from ..core.numbers import format_number, from_canonical
from ..core.text import nfc

Raw = int | Decimal | datetime.date | str | None

_ROMAN = (
    ("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
    ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1),
)  # fmt: skip
# Form section titles carry their own numeral ("I. Hạ tầng kỹ thuật"); the report numbers
# sections itself so that a form without numerals prints the same way.
_NUMERAL = re.compile(r"^\s*[IVXLC]+\s*[.)]\s*")


def roman(n: int) -> str:
    out = []
    for letters, value in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def section_title(title: str) -> str:
    return nfc(_NUMERAL.sub("", title, count=1))


@dataclass(frozen=True)
class Cell:
    """One value as printed. ``value`` is a number, a date, text, or None (blank)."""

    value: Raw
    text: str
    decimals: int = 0  # numbers: digits after the decimal comma

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (int, Decimal))

    @property
    def number(self) -> int | Decimal:
        """The value of a number cell (``number_cell``)."""
        if isinstance(self.value, (int, Decimal)):
            return self.value
        raise TypeError(f"not a number cell: {self.text!r}")


BLANK = Cell(None, "")


def number_cell(value: int | Decimal, decimals: int) -> Cell:
    return _number_cell(value, decimals)


# The same figures recur from report to report; typed: 1 and Decimal(1) are kept apart.
@functools.lru_cache(maxsize=4096, typed=True)
def _number_cell(value: int | Decimal, decimals: int) -> Cell:
    return Cell(value, format_number(value, decimals), decimals)


def text_cell(text: str) -> Cell:
    return Cell(nfc(text), nfc(text)) if text else BLANK


def own_decimals(value: int | Decimal) -> int:
    """Digits after the point as written: ``Decimal("2.50")`` → 2, ``6`` → 0."""
    exponent = Decimal(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def typed_value(field: Field, raw: Any) -> Any:
    """A ``data.json`` value as a Python value. Numbers are read as canonical text, never
    with Vietnamese rules: "1.234" in data.json is one point two three four."""
    if raw is None:
        return None
    if field.is_numeric:
        if isinstance(raw, str):
            return from_canonical(raw, integer=field.type == "integer")
        return raw if isinstance(raw, int) else Decimal(raw)
    if field.type == "date" and isinstance(raw, str):
        return datetime.date.fromisoformat(raw)
    return raw


def value_cell(field: Field, raw: Any) -> Cell:
    value = typed_value(field, raw)
    if value is None:
        return BLANK
    if field.is_numeric:
        # Computed values print with the form's decimals; typed ones never lose a digit
        # the clerk entered, and money keeps its one decimal ("112,5 triệu đồng").
        decimals = field.display_decimals
        if not field.is_computed and field.type != "integer":
            decimals = max(decimals, own_decimals(value))
        return number_cell(value, decimals)
    if field.type == "boolean":
        return text_cell("Có" if value else "Không")
    if field.type == "choice":
        label = field.choice_label(value)
        return text_cell(label.vi if label else str(value))
    if field.type == "date":
        return Cell(value, format_date(value))
    return text_cell(str(value))


__all__ = [
    "BLANK",
    "Cell",
    "Raw",
    "number_cell",
    "own_decimals",
    "roman",
    "section_title",
    "text_cell",
    "typed_value",
    "value_cell",
]
