"""Consolidating the children's reports of one form and period, traceably.

Builds on ``core.aggregation.aggregate`` (sums, counts of yes, ratios recomputed from the
summed numerator and denominator) and adds what the district needs around it: who was
expected and who is missing, each figure traced back to the units (and packets) behind
it, and units merged between periods.

**Merged units (the 2025 rearrangement).** The official catalogue data carry no mapping
from old communes to the new ones, so none is invented: the caller supplies one
(``{old code: new code}``, e.g. from a small table the officer keeps) with the new units'
names. The old units' reports are then combined into one report of the new unit before
anything is aggregated, scored or ranked:

- numbers are summed (a count of officials, documents, dossiers); ``min``/``max`` fields
  keep the smallest/largest; a part left blank makes the merged figure blank — blank is
  missing, never zero, and half a commune's figure would be a wrong one;
- ratios are never merged: they are recomputed from the merged numerator and denominator;
- yes/no answers are yes only when every part says yes (a merged commune "has fibre" only
  if all its offices do; otherwise the count "cáp quang đến n/m xã" would overstate);
- a choice is kept when the parts agree, else blank; texts are listed with their unit;
  dates keep the latest.

A split (one old unit into several new ones) cannot be consolidated from figures alone
(who gets which officials?): the new units must report themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..core.aggregation import Consolidated, aggregate
from ..core.collation import vi_sort_key
from ..core.forms.model import Field, Form
from ..core.values import Value
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


def _merge_value(f: Field, parts: list[tuple[str, Value]]) -> Value:
    values = [v for _, v in parts]
    if f.type == "text":
        lines = [f"{name}: {v}" for name, v in parts if v]
        return "\n".join(lines) or None
    if f.type == "date":
        present = [v for v in values if v is not None]
        return max(present) if present else None
    if any(v is None for v in values):
        return None
    if f.is_numeric:
        if f.aggregate in ("min", "max"):
            return min(values) if f.aggregate == "min" else max(values)
        return sum(values)
    if f.type == "boolean":
        return all(values)
    return values[0] if len(set(values)) == 1 else None


def _merge_group(form: Form, code: str, name: str, parts: list[UnitReport]) -> UnitReport:
    values: dict[str, Value] = {}
    for f in form.input_fields:
        merged = _merge_value(f, [(p.unit_name, p.values.get(f.id)) for p in parts])
        if merged is not None:
            values[f.id] = merged
    stamps = [p.submitted_at for p in parts if p.submitted_at]
    return UnitReport(
        code,
        name,
        form,
        values,
        revision=max(p.revision for p in parts),
        submitted_at=max(stamps) if stamps else None,
        merged_from=tuple(p.unit_code for p in parts),
        packets=tuple(ref for p in parts for ref in p.packets),
    )


def merge_units(
    reports: Iterable[UnitReport], mapping: Mapping[str, str], names: Mapping[str, str]
) -> list[UnitReport]:
    """Reports of old units combined into their new unit (``mapping``: old → new code).

    Units not in ``mapping`` pass through unchanged. See the module's notes for the rules.
    """
    groups: dict[str, list[UnitReport]] = {}
    for report in reports:
        groups.setdefault(mapping.get(report.unit_code, report.unit_code), []).append(report)
    merged: list[UnitReport] = []
    for code, parts in groups.items():
        if len(parts) == 1 and parts[0].unit_code == code:
            merged.append(parts[0])
            continue
        form = parts[0].form
        merged.append(_merge_group(form, code, names.get(code, code), parts))
    return merged


def _expected_after(
    expected: Iterable[ExpectedUnit], mapping: Mapping[str, str], names: Mapping[str, str]
) -> list[ExpectedUnit]:
    seen: dict[str, ExpectedUnit] = {}
    for unit in expected:
        code = mapping.get(unit.code, unit.code)
        seen.setdefault(code, ExpectedUnit(code, names.get(code, unit.name)))
    return list(seen.values())


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
    expected_units = _expected_after(expected, mapping, names)
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
