"""The consolidated figures (or one unit's) against the previous period's consolidation,
for the consolidated PDF and workbook: ``core.comparison`` over two ``Consolidation``s,
whose forms may be different versions (fields followed through ``previous_ids``).

May import: ``consolidation``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.comparison import Comparison, carried_values, year_on_year
from ..core.periods import Period
from .consolidate import Consolidation


@dataclass(frozen=True)
class YearOnYear:
    period: str  # the period compared with ("2025")
    rows: dict[str, Comparison]  # field id (this period's form) → comparison
    # units whose previous report counted / expected then: sums over fewer units are
    # not like for like, and the reports say so
    reported: int = 0
    expected: int = 0

    @property
    def label(self) -> str:
        """ "Năm 2025": how the reports head the previous period's column."""
        return Period.parse(self.period).label("vi")


def _scalars(values: dict) -> dict:
    # a "list" figure (each unit's text) is no figure to compare
    return {k: v for k, v in values.items() if not isinstance(v, (list, dict))}


def consolidated_year_on_year(
    c: Consolidation, previous: Consolidation | None, previous_period: str, unit: str | None = None
) -> YearOnYear:
    """Every non-text field of ``c.form``: the consolidated figure (``unit`` None) or that
    unit's value, beside the previous period's; with no previous consolidation every
    previous value is "none" (the reports then print "—", never an empty column)."""

    def source(x: Consolidation) -> dict:
        return _scalars(x.figures.values if unit is None else x.values_by_unit.get(unit, {}))

    before = {} if previous is None else carried_values(c.form, previous.form, source(previous))
    reported = len(previous.reports) if previous is not None else 0
    expected = len(previous.expected) if previous is not None else len(c.expected)
    return YearOnYear(previous_period, year_on_year(c.form, source(c), before), reported, expected)


__all__ = ["YearOnYear", "consolidated_year_on_year"]
