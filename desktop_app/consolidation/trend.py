"""One unit, or the whole district, across several periods, for the key indicators: a plain
table (periods × indicators) a window table or chart, or a report, can show as it is.

Field ids are stable across form versions (forms/README.md), so a series is matched by id,
else through the ids the field had in other versions (``previous_ids``,
``core.comparison.lineage``); a period
whose form lacks the field, or a unit that did not report, gives a blank, never 0. Any
indicator can be followed (``fields``), not only the key ones (``all_fields``).

May import: ``consolidation``, ``core``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..core.comparison import lineage
from ..core.forms.model import Form
from ..core.messages import Text
from ..core.values import Value
from .consolidate import Consolidation
from .ranking import Ranking


@dataclass(frozen=True)
class Trend:
    unit: str | None  # None: the whole district (consolidated figures)
    periods: tuple[str, ...]
    fields: tuple[str, ...]
    labels: dict[str, Text]
    series: dict[str, tuple[Value, ...]]  # field → one value per period
    totals: tuple[Decimal | None, ...]  # the unit's total score (a unit's trend only)
    ranks: tuple[int | None, ...]
    receiving_level: str | None = None  # the consolidating unit's (its "Toàn tỉnh")

    def rows(self) -> list[tuple[str, list[Value]]]:
        """Table form: one row per indicator, one column per period."""
        return [(f, list(self.series[f])) for f in self.fields]


def key_fields(form: Form) -> tuple[str, ...]:
    """The indicators a district follows: those the form sets targets for, in form order."""
    wanted = {t.field_id for t in form.targets}
    return tuple(f for f in form.fields if f in wanted)


def all_fields(form: Form) -> tuple[str, ...]:
    """Every indicator a trend can follow: the key ones first, then every other field
    that is not free text, in form order."""
    keys = key_fields(form)
    rest = tuple(f.id for f in form.fields.values() if f.type != "text" and f.id not in keys)
    return keys + rest


def trend(
    by_period: Mapping[str, Consolidation],
    unit: str | None = None,
    fields: Sequence[str] | None = None,
    rankings: Mapping[str, Ranking] | None = None,
) -> Trend:
    """Series over ``by_period`` (period text → its consolidation, in the order to show)."""
    periods = tuple(by_period)
    latest = by_period[periods[-1]].form
    chosen = tuple(fields) if fields is not None else key_fields(latest)
    labels = {f: latest.fields[f].label for f in chosen if f in latest.fields}
    series: dict[str, tuple[Value, ...]] = {}
    forms = {id(c.form): c.form for c in by_period.values()}.values()
    for f in chosen:
        ids = lineage(forms, f)  # renamed in some version: its older ids too
        points: list[Value] = []
        for c in by_period.values():
            source = c.figures.values if unit is None else c.values_by_unit.get(unit, {})
            old = next((i for i in ids if i in c.form.fields), None)
            value = source.get(old) if old is not None else None
            points.append(None if isinstance(value, (list, dict)) else value)
        series[f] = tuple(points)
    totals: list[Decimal | None] = []
    ranks: list[int | None] = []
    for period in periods:
        row = (rankings or {}).get(period)
        found = row.by_code().get(unit) if row is not None and unit is not None else None
        totals.append(found.total if found else None)
        ranks.append(found.rank if found else None)
    receiving = by_period[periods[-1]].receiving_level
    return Trend(unit, periods, chosen, labels, series, tuple(totals), tuple(ranks), receiving)
