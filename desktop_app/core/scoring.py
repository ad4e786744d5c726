"""Scoring reports by a form's scoring section, and ranking units.

Scales (forms/README.md): linear (value / full_at × points), stepped (thresholds),
relative (value / best value among the units scored × points — so it needs every unit's
report, and ``score_units`` says which units were scored together) and boolean.
Each item is rounded to the form's decimals and the total is the sum of the rounded
items, so a printed self-assessment sheet adds up exactly.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .forms.model import Band, Form, Scoring, ScoringItem
from .values import Value


@dataclass(frozen=True)
class ItemScore:
    item_id: str
    section_id: str
    value: Value
    points: Decimal
    maximum: Decimal
    missing: bool  # the value was blank: scored 0


@dataclass(frozen=True)
class UnitScore:
    unit: str
    total: Decimal
    by_section: dict[str, Decimal]
    items: dict[str, ItemScore]
    band: Band | None

    @property
    def missing_items(self) -> list[str]:
        return [i.item_id for i in self.items.values() if i.missing]


def _number(value: Value) -> Decimal | None:
    if value is None or isinstance(value, (str,)) or not isinstance(value, (int, Decimal)):
        return None
    return Decimal(value)


def _item_points(item: ScoringItem, value: Value, best: Decimal | None) -> Decimal:
    if item.scale == "boolean":
        return item.points if value is True else Decimal(0)
    number = _number(value)
    if number is None:
        return Decimal(0)
    if item.scale == "linear":
        share = number / item.full_at
    elif item.scale == "relative":
        if best is None or best <= 0:
            return Decimal(0)
        share = number / best
    else:  # stepped
        return next((s.points for s in item.steps if number >= s.minimum), Decimal(0))
    return item.points * min(max(share, Decimal(0)), Decimal(1))


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def best_values(
    scoring: Scoring, values_by_unit: Mapping[str, Mapping[str, Value]]
) -> dict[str, Decimal | None]:
    """The best value of each relative item among the given units."""
    best: dict[str, Decimal | None] = {}
    for item in scoring.items:
        if item.scale != "relative":
            continue
        numbers = [
            n for v in values_by_unit.values() if (n := _number(v.get(item.field_id))) is not None
        ]
        best[item.id] = max(numbers, default=None)
    return best


def score_unit(
    form: Form, unit: str, values: Mapping[str, Value], best: Mapping[str, Decimal | None]
) -> UnitScore:
    scoring = form.scoring
    if scoring is None:
        raise ValueError(f"form {form.id} has no scoring section")
    items: dict[str, ItemScore] = {}
    by_section: dict[str, Decimal] = {s.id: Decimal(0) for s in form.sections}
    for item in scoring.items:
        value = values.get(item.field_id)
        points = _round(_item_points(item, value, best.get(item.id)), scoring.decimals)
        items[item.id] = ItemScore(
            item.id, item.section_id, value, points, item.points, value is None
        )
        by_section[item.section_id] += points
    total = sum(by_section.values(), Decimal(0))
    return UnitScore(unit, total, by_section, items, scoring.band_for(total))


def score_units(
    form: Form, values_by_unit: Mapping[str, Mapping[str, Value]]
) -> dict[str, UnitScore]:
    """Score every unit against the others (relative items use the best among them).

    ``values_by_unit`` holds inputs and computed values (``ValidationResult.values``).
    """
    if form.scoring is None:
        return {}
    best = best_values(form.scoring, values_by_unit)
    return {unit: score_unit(form, unit, values, best) for unit, values in values_by_unit.items()}


def rank(totals: Mapping[str, Decimal]) -> dict[str, int]:
    """Standard competition ranking: ties share a place and the next is skipped (17, 17, 19)."""
    ordered = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
    ranks: dict[str, int] = {}
    previous: Decimal | None = None
    place = 0
    for position, (unit, total) in enumerate(ordered, start=1):
        if total != previous:
            place = position
            previous = total
        ranks[unit] = place
    return ranks
