"""Units merged in the 2025 rearrangement: whose reports are an old unit's, and how the
old units' reports are added up into the new unit's.

**Merged units (the 2025 rearrangement).** The official catalogue data carry no mapping
from old communes to the new ones, so none is invented: the officer declares one
(``storage.merges``: old code → the new child unit, with the old unit's parent as its
packets name it). The old units' reports are then combined into one report of the new unit before
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

**Whose report is it.** A received report is read as an old unit's when its code is in
the table and it names the old unit's parent (its own packet says so, kept with the
submission): a new unit that kept an old code (Xã Chợ Đồn kept 02020 of Thị trấn Bằng
Lũng) is told apart by its parent. When a new unit has reported itself for a period, its
own report is the figure and the old units' reports of that period are set aside
(``Merged.set_aside``), never added on top (``apply_merges``).

May import: ``consolidation``, ``storage`` (the merge table's entry), ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..core.forms.model import Field, Form
from ..core.text import nfc
from ..core.values import Value
from .model import ExpectedUnit, UnitReport

if TYPE_CHECKING:
    from ..storage.merges import MergeEntry


@dataclass(frozen=True)
class Merged:
    """The received reports with the declared merges applied to them."""

    reports: list[UnitReport]  # the new units' own, and the old units' to add up
    mapping: dict[str, str]  # old code → new code, for the old units' reports kept
    names: dict[str, str]  # new code → its name
    set_aside: tuple[str, ...]  # old units' reports left out: the new unit reported itself


def _names_parent(report: UnitReport) -> str | None:
    """The parent the report's packet names (None for a report read from no packet)."""
    return report.packets[0].parent_code if report.packets else None


def apply_merges(reports: Sequence[UnitReport], merges: Mapping[str, MergeEntry]) -> Merged:
    """Which of ``reports`` are old units' (``merges``: old code → its declared merge into
    one of the children), and which of those count: see the module's notes."""
    old: dict[str, MergeEntry] = {}
    for r in reports:
        entry = merges.get(r.unit_code)
        # an old unit's own packet names its old parent; a new unit that kept the code
        # names the receiving unit
        if entry is not None and (
            r.unit_code != entry.into or _names_parent(r) == entry.old_parent
        ):
            old[r.unit_code] = entry
    reported_itself = {r.unit_code for r in reports if r.unit_code not in old}
    kept, mapping, names, aside = [], {}, {}, []
    for r in reports:
        entry = old.get(r.unit_code)
        if entry is None:
            kept.append(r)
            continue
        if entry.into in reported_itself:
            aside.append(r.unit_code)
            continue
        mapping[r.unit_code], names[entry.into] = entry.into, entry.into_name
        if r.unit_code == entry.into:
            # the single old unit whose code the new one kept: shown as the new unit
            r = replace(r, unit_name=nfc(entry.into_name), merged_from=(r.unit_code,))
        kept.append(r)
    return Merged(kept, mapping, names, tuple(sorted(aside)))


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


def expected_after(
    expected: Iterable[ExpectedUnit], mapping: Mapping[str, str], names: Mapping[str, str]
) -> list[ExpectedUnit]:
    """The expected units with each old code replaced by its new unit, once each."""
    seen: dict[str, ExpectedUnit] = {}
    for unit in expected:
        code = mapping.get(unit.code, unit.code)
        seen.setdefault(code, ExpectedUnit(code, names.get(code, unit.name)))
    return list(seen.values())


__all__ = ["Merged", "apply_merges", "expected_after", "merge_units"]
