"""The parent unit's own form, pre-filled from its children's consolidation.

A field marked ``prefill: children`` in the parent's form (``cntt-huyen`` section VIII) is
matched to the children's form by its id, without a new key in the form format:

- ``{prefix}_{child_field}`` (``xa_cbcc_tong`` ← ``cbcc_tong``, ``xa_co_cap_quang`` ←
  ``co_cap_quang``): the child field's consolidated figure under its own aggregation rule
  (a sum, or the number of children answering yes);
- ``{prefix}_so_don_vi``: the number of child units expected to report;
- ``{prefix}_so_bao_cao``: the number that did.

The prefix names the children (``xa_`` for communes); any one word works. A prefill field
the rules do not match is reported in ``unmatched`` rather than guessed. Each value comes
with its source, so the window can mark it and the officer can override it with a comment.

May import: ``consolidation``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.forms.model import Field, Form
from ..core.messages import Text
from ..core.values import Value
from .consolidate import Consolidation


@dataclass(frozen=True)
class PrefilledValue:
    field_id: str
    value: Value
    source: Text  # what it was computed from, in words
    child_field: str | None  # the children's field, None for the unit counts
    units: tuple[str, ...]  # the child units whose figures went into it


@dataclass(frozen=True)
class Prefill:
    values: dict[str, PrefilledValue]
    unmatched: tuple[str, ...]

    def as_values(self) -> dict[str, Value]:
        return {k: v.value for k, v in self.values.items() if v.value is not None}


def _count(field_id: str, value: int, units: list[str], vi: str, en: str) -> PrefilledValue:
    return PrefilledValue(field_id, value, Text(vi, en), None, tuple(units))


def _one(f: Field, c: Consolidation) -> PrefilledValue | None:
    rest = f.id.partition("_")[2]
    if rest == "so_don_vi":
        codes = [u.code for u in c.expected]
        return _count(f.id, len(codes), codes, "Số đơn vị trực thuộc", "Child units")
    if rest == "so_bao_cao":
        return _count(
            f.id, len(c.reports), c.submitted, "Số đơn vị đã nộp báo cáo", "Units that reported"
        )
    child = c.form.fields.get(rest)
    if child is None or child.is_computed:
        return None
    rule = child.aggregate
    return PrefilledValue(
        f.id,
        c.figures.values.get(rest),
        Text(
            f"Tổng hợp từ báo cáo {c.form.id} của các đơn vị trực thuộc: {rest} ({rule})",
            f"Consolidated from the children's {c.form.id} reports: {rest} ({rule})",
        ),
        rest,
        tuple(c.figures.sources.get(rest, [])),
    )


def prefill_parent_form(parent_form: Form, consolidation: Consolidation) -> Prefill:
    """``{field: PrefilledValue}`` for every ``prefill: children`` field of ``parent_form``."""
    values: dict[str, PrefilledValue] = {}
    unmatched: list[str] = []
    for f in parent_form.fields.values():
        if f.prefill != "children":
            continue
        got = _one(f, consolidation)
        if got is None:
            unmatched.append(f.id)
        else:
            values[f.id] = got
    return Prefill(values, tuple(unmatched))
