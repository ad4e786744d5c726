"""Consolidating the children's reports of one form and period, traceably.

Builds on ``core.aggregation.aggregate`` (sums, counts of yes, ratios recomputed from the
summed numerator and denominator) and adds what the district needs around it: who was
expected and who is missing, each figure traced back to the units (and packets) behind
it, and units merged between periods.

Units merged between periods are combined before anything is aggregated, scored or
ranked (``merges``).

May import: ``consolidation``, ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..core.aggregation import Consolidated, aggregate
from ..core.collation import vi_sort_key
from ..core.forms.model import Form
from ..core.values import Value
from .merges import expected_after, merge_units
from .model import ExpectedUnit, PacketRef, UnitReport


@dataclass(frozen=True)
class FigureTrace:
    """One consolidated figure and where it came from."""

    field_id: str
    value: Value
    contributions: tuple[tuple[str, str, Value], ...]  # (unit code, unit name, its value)
    blank: tuple[str, ...]  # submitted units whose value was blank
    not_submitted: tuple[str, ...]  # expected units with no report at all
    # the received packets of the contributing units (empty when the reports were not
    # read from packets, e.g. sample files)
    packets: tuple[PacketRef, ...] = ()


@dataclass
class Consolidation:
    form: Form
    reports: dict[str, UnitReport]  # by unit code, after merges
    values_by_unit: dict[str, dict[str, Value]]  # inputs and computed values
    figures: Consolidated
    expected: list[ExpectedUnit]
    missing: list[ExpectedUnit]  # expected, no report
    unexpected: list[str] = field(default_factory=list)  # reports from units not expected
    merges: dict[str, tuple[str, ...]] = field(default_factory=dict)  # new code → old codes
    # the level of the unit the reports were sent to ("Toàn tỉnh" for a province over its
    # communes); None for plain inputs (see core.levels.whole_of)
    receiving_level: str | None = None

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def submitted(self) -> list[str]:
        return list(self.reports)

    def name(self, code: str) -> str:
        report = self.reports.get(code)
        if report is not None:
            return report.unit_name
        return next((u.name for u in self.expected if u.code == code), code)

    def trace(self, field_id: str) -> FigureTrace:
        """The figure of ``field_id`` with each unit's contribution (for "where from?")."""
        sources = self.figures.sources.get(field_id, [])
        return FigureTrace(
            field_id,
            self.figures.values.get(field_id),
            tuple((u, self.name(u), self.values_by_unit[u].get(field_id)) for u in sources),
            tuple(self.figures.missing.get(field_id, [])),
            tuple(u.code for u in self.missing),
            tuple(p for u in sources for p in self.reports[u].packets),
        )


def consolidate(
    form: Form,
    reports: Iterable[UnitReport],
    expected: Iterable[ExpectedUnit],
    merges: Mapping[str, str] | None = None,
    merged_names: Mapping[str, str] | None = None,
    receiving_level: str | None = None,
) -> Consolidation:
    """Consolidate ``reports`` (one per child unit, of ``form``) against the ``expected``
    children. ``merges`` maps old unit codes to new ones (see the module's notes); the
    expected list may use either. ``receiving_level``: the level of the unit consolidating
    (its reports' words: "Toàn huyện", "Toàn tỉnh")."""
    mapping, names = dict(merges or {}), dict(merged_names or {})
    reports = [r for r in reports if r.form.id == form.id]
    if mapping:
        reports = merge_units(reports, mapping, names)
    expected_units = expected_after(expected, mapping, names)
    expected_units.sort(key=lambda u: vi_sort_key(u.name))
    by_code = {r.unit_code: r for r in reports}
    values_by_unit = {code: r.all_values() for code, r in by_code.items()}
    inputs = {code: dict(r.values) for code, r in by_code.items()}
    expected_codes = {u.code for u in expected_units}
    return Consolidation(
        form=form,
        reports=by_code,
        values_by_unit=values_by_unit,
        figures=aggregate(form, inputs),
        expected=expected_units,
        missing=[u for u in expected_units if u.code not in by_code],
        unexpected=sorted(c for c in by_code if c not in expected_codes),
        merges={r.unit_code: r.merged_from for r in reports if r.merged_from},
        receiving_level=receiving_level,
    )
