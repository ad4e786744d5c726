"""What pre-filling the unit's own report writes, given what the report holds now.

The children's figures (``prefill.prefill_parent_form``) meet a report the officer may
have worked on. The rules, for each ``prefill: children`` field:

- a value the officer changed since the last pre-fill (or typed before any) is **kept**,
  unless ``overwrite``: the record still shows what the children now say;
- a comment the officer wrote stays, unless ``overwrite`` (then the note would explain a
  value no longer there); the pre-fill's own note is replaced by the new one;
- pre-filling again with nothing new writes nothing (``unchanged``);
- what was pre-filled (value, note, basis) is recorded whenever it differs from the last
  record, so the window can mark the field and show an override.

Each pre-filled value carries a note short enough for the printed report's Notes column:
"Tổng hợp từ báo cáo của 20/20 xã (cộng)." (``source_note``), in the words of the
children's level (``core.levels``).

May import: ``consolidation``, ``core`` (and ``storage``'s row type for reading).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..core.forms import Form
from ..core.levels import units_word
from ..core.values import Value, from_storage
from .consolidate import Consolidation, consolidate
from .model import ExpectedUnit
from .prefill import PrefilledValue, prefill_parent_form

if TYPE_CHECKING:
    from ..storage.prefills import PrefillRow


def child_form_for(parent: Form, candidates: Iterable[Form]) -> Form | None:
    """The form among ``candidates`` (those the children fill) whose fields the parent's
    pre-fill names best (for cntt-huyen: cntt-xa); None when none matches any."""

    best: tuple[int, Form] | None = None
    for candidate in candidates:
        if candidate.id == parent.id:
            continue
        empty = consolidate(candidate, [], [ExpectedUnit("0", "0")])
        matched = len(prefill_parent_form(parent, empty).values)
        if matched and (best is None or matched > best[0]):
            best = (matched, candidate)
    return best[1] if best else None


def _names(c: Consolidation, codes: Sequence[str], limit: int = 5) -> str:
    shown = [c.name(code) for code in codes[:limit]]
    return ", ".join(shown) + (
        f" và {len(codes) - limit} đơn vị khác" if len(codes) > limit else ""
    )


def source_note(
    c: Consolidation, pv: PrefilledValue, period: str, left_out: Sequence[str] = ()
) -> str:
    """The comment written with a pre-filled value: where it came from, which children
    left it blank, had their report returned (``left_out``) or did not report."""
    word = units_word(c.form.level).vi
    m = len(c.expected)
    if pv.child_field is None:
        if pv.field_id.endswith("so_don_vi"):
            return "Điền sẵn theo danh mục đơn vị hành chính."
        return f"Điền sẵn: số {word} có báo cáo kỳ {period} đã nhận, không tính báo cáo bị trả lại."
    child = c.form.fields[pv.child_field]
    how = {
        "sum": "cộng",
        "count_true": f"số {word} trả lời «Có»",
        "count_false": f"số {word} trả lời «Không»",
        "min": "nhỏ nhất",
        "max": "lớn nhất",
    }.get(child.aggregate, child.aggregate)
    text = f"Tổng hợp từ báo cáo của {len(pv.units)}/{m} {word} ({how})"
    blank = list(c.figures.missing.get(child.id, []))
    if blank:
        text += f"; {len(blank)} {word} để trống: {_names(c, blank)}"
    returned = [u.code for u in c.missing if u.code in left_out]
    if returned:
        text += f"; {len(returned)} {word} có báo cáo bị trả lại, không tính: {_names(c, returned)}"
    missing = [u.code for u in c.missing if u.code not in left_out]
    if missing:
        text += f"; {len(missing)} {word} chưa nộp: {_names(c, missing)}"
    return text + "."


@dataclass(frozen=True)
class Planned:
    """One field as the children's figures would pre-fill it."""

    value: Value
    text: str | None  # the value as stored (canonical text), None for blank
    source: str  # the note written with it
    basis: dict[str, Any]  # what it was computed from


@dataclass
class PrefillPlan:
    """What to write, and what to tell the officer."""

    changes: dict[str, str | None] = field(default_factory=dict)  # values to save
    notes: dict[str, str] = field(default_factory=dict)  # comments to set
    records: list[tuple[str, str | None, str, dict[str, Any]]] = field(default_factory=list)
    written: dict[str, Value] = field(default_factory=dict)  # value or note written now
    unchanged: dict[str, Value] = field(default_factory=dict)  # already as pre-filled
    kept: dict[str, tuple[Value, Value]] = field(default_factory=dict)  # (pre-fill, officer's)


def plan_prefill(
    form: Form,
    planned: Mapping[str, Planned],
    stored: Mapping[str, str],
    comments: Mapping[str, str],
    before: Mapping[str, PrefillRow],
    *,
    overwrite: bool = False,
) -> PrefillPlan:
    """Apply the module's rules to each planned field against the report's ``stored``
    values and ``comments`` and the last pre-fill's records (``before``)."""
    plan = PrefillPlan()
    for field_id, p in planned.items():
        current = stored.get(field_id)
        last = before.get(field_id)
        ours = last is not None and current == last.value
        if last is None or (last.value, last.source, last.basis) != (p.text, p.source, p.basis):
            plan.records.append((field_id, p.text, p.source, p.basis))
        if current is not None and current != p.text and not ours and not overwrite:
            plan.kept[field_id] = (p.value, from_storage(form.fields[field_id], current))
            continue
        old_comment = comments.get(field_id)
        comment_ours = (
            overwrite or old_comment is None or (last is not None and old_comment == last.source)
        )
        if current != p.text:
            plan.changes[field_id] = p.text
        if comment_ours and old_comment != p.source:
            plan.notes[field_id] = p.source
        if field_id in plan.changes or field_id in plan.notes:
            plan.written[field_id] = p.value
        else:
            plan.unchanged[field_id] = p.value
    return plan


__all__ = [
    "Planned",
    "PrefillPlan",
    "child_form_for",
    "plan_prefill",
    "source_note",
]
