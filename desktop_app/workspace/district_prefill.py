"""The receiving unit's own report (``cntt-huyen`` for a district) pre-filled from its
children's, as a use case over a data folder: the fields the form marks ``prefill:
children`` take the consolidation of the children's reports (returned reports left out,
as the district form's help says), each with a note naming its source, through the
normal save path (audited). A figure the officer changed is kept unless ``overwrite``;
``prefilled_fields`` tells the window which fields were pre-filled and which the officer
overrode. The rules are ``consolidation.prefill`` (what the children's figures give) and
``consolidation.prefill_plan`` (what a pre-fill writes over what the report holds).

May import: ``consolidation``, ``receiving``, ``storage``, ``core``, and ``workspace``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..consolidation import prefill_parent_form
from ..consolidation.prefill_plan import Planned, child_form_for, plan_prefill, source_note
from ..consolidation.received import nothing_received
from ..core.forms import Form
from ..core.levels import level_name
from ..core.messages import AppError, Text
from ..core.values import Value, ValueRejected, check_value, from_storage, to_storage
from ..storage import (
    get_comments,
    get_or_create_report,
    get_report,
    get_report_by_id,
    get_values,
    save_values,
    set_comment,
)
from ..storage.audit import write_audit
from ..storage.prefills import get_prefills, record_prefills
from .district import children_consolidation
from .entry import InputRejected
from .receive import office as receiving_office
from .workspace import Workspace

if TYPE_CHECKING:
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
    """The form the children fill whose fields the parent's pre-fill names best."""

    levels = {u.level for u in office.children.values()}
    found = child_form_for(parent, [f for f in ws.forms.latest() if f.level in levels])
    if found is None:
        raise AppError(
            "prefill.no_child_form",
            Text(
                f"Không tìm được biểu mẫu của đơn vị trực thuộc để điền sẵn {parent.id}.",
                f"No form filled by the units under this one can pre-fill {parent.id}.",
            ),
            form=parent.id,
        )
    return found


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

    profile = ws.require_profile()
    office = receiving_office(ws)
    form, parsed = ws.form_for(parent_form_id, period)
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
    child_version, _ = ws.form_for(child_form.id, text)
    received = children_consolidation(ws, child_version, text, include_returned=False)
    c = received.consolidation
    if not c.reports:
        raise nothing_received(child_version, text)
    prefill = prefill_parent_form(form, c)

    rejected = []
    planned: dict[str, Planned] = {}
    for field_id, pv in prefill.values.items():
        f = form.fields[field_id]
        broken = check_value(f, pv.value)
        if broken is not None:
            rejected.append(ValueRejected(f, "value.bound", broken, str(pv.value)))
            continue
        basis = {
            "child_form": child_version.id,
            "child_version": child_version.version,
            "child_field": pv.child_field,
            "period": text,
            "units": len(pv.units),
            "of": len(c.expected),
        }
        note = source_note(c, pv, text, received.left_out)
        planned[field_id] = Planned(pv.value, to_storage(f, pv.value), note, basis)
    if rejected:
        raise InputRejected(rejected)

    report = get_or_create_report(ws.db, profile.unit_code, form.id, form.version, text)
    with ws.db.transaction():
        stored, comments = get_values(ws.db, report.id), get_comments(ws.db, report.id)
        before = get_prefills(ws.db, report.id)
        plan = plan_prefill(form, planned, stored, comments, before, overwrite=overwrite)
        if plan.changes:
            save_values(ws.db, report.id, plan.changes, ws.user)
        for field_id, note in plan.notes.items():
            set_comment(ws.db, report.id, field_id, note, ws.user)
        if plan.records:
            now = ws.db.now()
            record_prefills(ws.db, report.id, plan.records, user=ws.user, at=now)
            summary = {
                "child_form": child_version.id,
                "units": len(c.reports),
                "of": len(c.expected),
                "written": sorted(plan.written),
                "kept": sorted(plan.kept),
            }
            write_audit(
                ws.db,
                [(now, ws.user, report.id, "prefill", f"{form.id}/{text}", None,
                  json.dumps(summary, ensure_ascii=False, sort_keys=True))],
            )  # fmt: skip

    row = get_report_by_id(ws.db, report.id) or report
    return PrefillOutcome(
        form, text, child_version.id, row, plan.written, plan.unchanged, plan.kept,
        prefill.unmatched, len(c.reports), len(c.expected),
    )  # fmt: skip


def prefilled_fields(ws: Workspace, form_id: str, period: str) -> dict[str, tuple[Value, bool]]:
    """field id → (the value as pre-filled, whether the report still holds it) for the
    unit's own report; an overridden field has ``False``."""

    profile = ws.require_profile()
    form, parsed = ws.form_for(form_id, period)
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
