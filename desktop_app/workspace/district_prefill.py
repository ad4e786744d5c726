"""The receiving unit's own report (``cntt-huyen`` for a district) pre-filled from its
children's: the fields the form marks ``prefill: children`` take the consolidation of
the children's reports (returned reports left out, as the district form's help says),
each with a note naming its source, through the normal save path (audited). A figure
the officer changed is kept unless ``overwrite``; ``prefilled_fields`` tells the window
which fields were pre-filled and which the officer overrode.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.forms import Form
from ..core.messages import AppError, Text
from ..core.values import Value
from .district import _consolidate, _nothing_received, _office, _period
from .workspace import Workspace

if TYPE_CHECKING:
    from ..consolidation import Consolidation
    from ..receiving.office import Office
    from ..storage import ReportRow


@dataclass(frozen=True)
class PrefillOutcome:
    form: Form
    period: str
    child_form: str
    report: ReportRow
    written: dict[str, Value]  # fields whose value (or comment) was written now
    unchanged: dict[str, Value]  # pre-filled again with the value they already had
    kept: dict[str, tuple[Value, Value]]  # overridden by the officer: (pre-fill, kept value)
    unmatched: tuple[str, ...]  # prefill fields no rule could fill
    units: int  # child reports used
    expected: int  # child units expected


def _child_form(ws: Workspace, office: Office, parent: Form) -> Form:
    """The form the children fill whose fields the parent's pre-fill names best (for
    cntt-huyen: cntt-xa)."""
    from ..consolidation import ExpectedUnit, consolidate, prefill_parent_form

    levels = {u.level for u in office.children.values()}
    candidates = [f for f in ws.forms.latest() if f.level in levels and f.id != parent.id]
    best: tuple[int, Form] | None = None
    for candidate in candidates:
        empty = consolidate(candidate, [], [ExpectedUnit("0", "0")])
        matched = len(prefill_parent_form(parent, empty).values)
        if matched and (best is None or matched > best[0]):
            best = (matched, candidate)
    if best is None:
        raise AppError(
            "prefill.no_child_form",
            Text(
                f"Không tìm được biểu mẫu của đơn vị trực thuộc để điền sẵn {parent.id}.",
                f"No form filled by the units under this one can pre-fill {parent.id}.",
            ),
            form=parent.id,
        )
    return best[1]


def _names(c: Consolidation, codes: Sequence[str], limit: int = 5) -> str:
    shown = [c.name(code) for code in codes[:limit]]
    return ", ".join(shown) + (
        f" và {len(codes) - limit} đơn vị khác" if len(codes) > limit else ""
    )


def _source(c: Consolidation, pv: Any, period: str, word: str, left_out: Sequence[str] = ()) -> str:
    """The comment written with a pre-filled value: where it came from, short enough for
    the printed report's Notes column ("Tổng hợp từ báo cáo của 20/20 xã (cộng).")."""
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


def prefill_own_report(
    ws: Workspace, parent_form_id: str, period: str, *, overwrite: bool = False
) -> PrefillOutcome:
    """Fill the ``prefill: children`` fields of the unit's own report (``cntt-huyen`` for a
    district) from the consolidation of its children's reports (returned ones left out),
    each with a comment saying where it came from, through the normal save path (one
    transaction, audited). A value the officer has changed since the last pre-fill (or
    typed before any) is kept, and so is a comment the officer wrote, unless
    ``overwrite``. What was pre-filled is recorded for ``prefilled_fields``; pre-filling
    again with nothing new writes nothing."""
    from ..consolidation import prefill_parent_form
    from ..core.levels import level_name, units_word
    from ..core.values import ValueRejected, check_value, from_storage, to_storage
    from ..storage import get_comments, get_or_create_report, get_values, save_values, set_comment
    from ..storage.audit import write_audit
    from ..storage.prefills import get_prefills, record_prefills
    from .entry import InputRejected

    profile = ws.require_profile()
    office = _office(ws)
    form, parsed = _period(ws, parent_form_id, period)
    text = str(parsed)
    if form.level and form.level != office.unit.level:
        raise AppError(
            "prefill.wrong_level",
            Text(
                f"Biểu mẫu {form.id} là của {level_name(form.level).vi}, không phải của {office.unit.name}.",
                f"Form {form.id} is a {level_name(form.level).en} form, not one {office.unit.name} fills.",
            ),
            form=form.id,
        )
    child_form = _child_form(ws, office, form)
    child_version, _ = _period(ws, child_form.id, text)
    c, gathered = _consolidate(ws, office, child_version, text, include_returned=False)
    if not c.reports:
        raise _nothing_received(child_version, text)
    prefill = prefill_parent_form(form, c)
    word = units_word(child_version.level).vi

    rejected = []
    planned: dict[str, tuple[Value, str | None, str]] = {}
    for field_id, pv in prefill.values.items():
        f = form.fields[field_id]
        broken = check_value(f, pv.value)
        if broken is not None:
            rejected.append(ValueRejected(f, "value.bound", broken, str(pv.value)))
            continue
        planned[field_id] = (
            pv.value,
            to_storage(f, pv.value),
            _source(c, pv, text, word, gathered.left_out),
        )
    if rejected:
        raise InputRejected(rejected)

    report = get_or_create_report(ws.db, profile.unit_code, form.id, form.version, text)
    written: dict[str, Value] = {}
    unchanged: dict[str, Value] = {}
    kept: dict[str, tuple[Value, Value]] = {}
    with ws.db.transaction():
        stored, comments = get_values(ws.db, report.id), get_comments(ws.db, report.id)
        before = get_prefills(ws.db, report.id)
        changes: dict[str, str | None] = {}
        notes: dict[str, str] = {}
        records = []
        for field_id, (value, stored_text, source) in planned.items():
            f = form.fields[field_id]
            current = stored.get(field_id)
            last = before.get(field_id)
            ours = last is not None and current == last.value
            pv = prefill.values[field_id]
            basis = {
                "child_form": child_version.id,
                "child_version": child_version.version,
                "child_field": pv.child_field,
                "period": text,
                "units": len(pv.units),
                "of": len(c.expected),
            }
            if last is None or (last.value, last.source, last.basis) != (
                stored_text,
                source,
                basis,
            ):
                records.append((field_id, stored_text, source, basis))
            if current is not None and current != stored_text and not ours and not overwrite:
                # the officer's value stays; the record shows what the children now say
                kept[field_id] = (value, from_storage(f, current))
                continue
            old_comment = comments.get(field_id)
            # the officer's own note stays, unless the officer asked for the children's
            # figures over everything (then the note would explain a value no longer there)
            comment_ours = (
                overwrite
                or old_comment is None
                or (last is not None and old_comment == last.source)
            )
            if current != stored_text:
                changes[field_id] = stored_text
            if comment_ours and old_comment != source:
                notes[field_id] = source
            if field_id in changes or field_id in notes:
                written[field_id] = value
            else:
                unchanged[field_id] = value
        if changes:
            save_values(ws.db, report.id, changes, ws.user)
        for field_id, note in notes.items():
            set_comment(ws.db, report.id, field_id, note, ws.user)
        if records:
            now = ws.db.now()
            record_prefills(ws.db, report.id, records, user=ws.user, at=now)
            summary = {
                "child_form": child_version.id,
                "units": len(c.reports),
                "of": len(c.expected),
                "written": sorted(written),
                "kept": sorted(kept),
            }
            write_audit(
                ws.db,
                [(now, ws.user, report.id, "prefill", f"{form.id}/{text}", None,
                  json.dumps(summary, ensure_ascii=False, sort_keys=True))],
            )  # fmt: skip
    from ..storage import get_report_by_id

    row = get_report_by_id(ws.db, report.id) or report
    return PrefillOutcome(
        form, text, child_version.id, row, written, unchanged, kept, prefill.unmatched,
        len(c.reports), len(c.expected),
    )  # fmt: skip


def prefilled_fields(ws: Workspace, form_id: str, period: str) -> dict[str, tuple[Value, bool]]:
    """field id → (the value as pre-filled, whether the report still holds it) for the
    unit's own report; an overridden field has ``False``."""
    from ..core.values import from_storage
    from ..storage import get_report, get_values
    from ..storage.prefills import get_prefills

    profile = ws.require_profile()
    form, parsed = _period(ws, form_id, period)
    report = get_report(ws.db, profile.unit_code, form.id, str(parsed))
    if report is None:
        return {}
    current = get_values(ws.db, report.id)
    out: dict[str, tuple[Value, bool]] = {}
    for field_id, row in get_prefills(ws.db, report.id).items():
        f = form.fields.get(field_id)
        if f is None:
            continue
        out[field_id] = (from_storage(f, row.value), current.get(field_id) == row.value)
    return out


__all__ = ["PrefillOutcome", "prefill_own_report", "prefilled_fields"]
