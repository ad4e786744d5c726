"""Consolidating children's reports into one set of figures, per each field's rule.

Ratios are never averaged: a computed percentage is recomputed from the summed
numerator and denominator (``recompute``), so a commune of 5 officials does not weigh
as much as a town of 40. Every figure keeps the units it came from, so a district officer
can trace a total back to the packets behind it.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .forms.model import Form
from .validation import compute
from .values import Value

_RATIO = re.compile(r"^ratio\(([a-z0-9_]+), *([a-z0-9_]+)\)$")
_COUNT_CHOICE = re.compile(r"^count_choice\(([a-z0-9_]+)\)$")


# The "list" rule's figure: [unit, value] pairs, lists as JSON keeps them.
Listed = list[list[str | Value]]
# One consolidated figure: a value of the field's type, or the listed values of a text field.
Figure = Value | Listed


@dataclass
class Consolidated:
    values: dict[str, Figure]
    # field id → units whose value went into the figure / units whose value was blank
    sources: dict[str, list[str]] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)


def _sum(values: list[Value]) -> Value:
    total: int | Decimal = sum(_numbers(values), 0)
    return total if values else None


def _numbers(values: list[Value]) -> list[int | Decimal]:
    """``values`` as numbers: a field's values are all of its type, and ``forms.checks``
    lets only number (and date) fields be summed, or taken the least or greatest of."""
    numbers = [v for v in values if isinstance(v, (int, Decimal))]
    if len(numbers) != len(values):
        raise TypeError(f"not all numbers: {values!r}")
    return numbers


def _extreme(values: list[Value], *, greatest: bool) -> Value:
    pick = max if greatest else min
    if all(isinstance(v, datetime.date) for v in values):
        dates = [v for v in values if isinstance(v, datetime.date)]
        return pick(dates, default=None)
    return pick(_numbers(values), default=None)


def _apply(rule: str, present: dict[str, Value]) -> Figure:
    items = list(present.values())
    if rule == "sum":
        return _sum(items)
    if rule == "count_true":
        return sum(1 for v in items if v is True)
    if rule == "count_false":
        return sum(1 for v in items if v is False)
    if rule == "min":
        return _extreme(items, greatest=False)
    if rule == "max":
        return _extreme(items, greatest=True)
    if rule == "list":
        return [[unit, value] for unit, value in present.items()]
    choice = _COUNT_CHOICE.match(rule)
    if choice:
        return sum(1 for v in items if v == choice.group(1))
    return None  # "none", and computed rules handled by the caller


def aggregate(form: Form, values_by_unit: Mapping[str, Mapping[str, Value]]) -> Consolidated:
    """Consolidate the children's input values (typed) of one form version."""
    units = sorted(values_by_unit)
    result = Consolidated(values={}, units=units)
    for f in form.input_fields:
        present = {
            u: values_by_unit[u][f.id] for u in units if values_by_unit[u].get(f.id) is not None
        }
        result.sources[f.id] = list(present)
        result.missing[f.id] = [u for u in units if u not in present]
        result.values[f.id] = _apply(f.aggregate, present)
    recomputed = compute(form, {k: v for k, v in result.values.items() if not isinstance(v, list)})
    for f in form.fields.values():
        if not f.is_computed:
            continue
        ratio = _RATIO.match(f.aggregate)
        if f.aggregate == "recompute":
            result.values[f.id] = recomputed.get(f.id)
        elif ratio:
            numerator, denominator = (result.values.get(n) for n in ratio.groups())
            result.values[f.id] = (
                Decimal(numerator) / Decimal(denominator) * 100
                if isinstance(numerator, (int, Decimal))
                and isinstance(denominator, (int, Decimal))
                and denominator
                else None
            )
        else:
            result.values[f.id] = None
        inputs = f.compute.names if f.compute else set()
        result.sources[f.id] = sorted({u for n in inputs for u in result.sources.get(n, [])})
        result.missing[f.id] = sorted({u for n in inputs for u in result.missing.get(n, [])})
    return result
