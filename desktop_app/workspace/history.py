"""The unit's own report of the previous period, carried to this period's field ids, for
the year-on-year comparisons (``core.comparison``): the packet's ``data.json`` holds it so
that report.pdf and report.xlsx print it, the entry window shows it in a field's history.
The same form's inputs of the period before (``previous_inputs``) are what the entry
window offers to copy forward and measures a big move against.

May import: ``storage``, ``core``, and ``workspace``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.comparison import carried_values
from ..core.forms import Form
from ..core.messages import AppError
from ..core.periods import Period
from ..core.validation import compute
from ..core.values import Value, from_storage
from ..storage.reports import get_report
from ..storage.values import get_values
from .entry import typed_values
from .workspace import Workspace


@dataclass(frozen=True)
class PreviousValues:
    period: Period  # the period compared with (the one before)
    values: dict[str, Value]  # by this period's field ids; absent: no value


def previous_values(ws: Workspace, form: Form, period: Period) -> PreviousValues | None:
    """The profile unit's values of the period before ``period`` (inputs and computed),
    followed through ``previous_ids`` when the form version changed; an empty mapping
    when nothing was entered; None when no form version covers that period (nothing to
    compare with: the outputs then leave the comparison out)."""
    before = period.previous()
    try:
        old_form, _ = ws.form_for(form.id, str(before))
    except AppError:
        return None
    profile = ws.require_profile()
    report = get_report(ws.db, profile.unit_code, form.id, str(before))
    if report is None:
        return PreviousValues(before, {})
    inputs = typed_values(old_form, get_values(ws.db, report.id))
    everything = {**inputs, **compute(old_form, inputs)}
    return PreviousValues(before, carried_values(form, old_form, everything))


def previous_inputs(ws: Workspace, unit_code: str, form: Form, period: Period) -> dict[str, Value]:
    """The inputs ``unit_code`` entered for the period before ``period`` on this same
    form, under this version's field ids (renamed ids followed): what the entry window
    offers to copy forward and measures outliers against."""
    report = get_report(ws.db, unit_code, form.id, str(period.previous()))
    if report is None:
        return {}
    values: dict[str, Value] = {}
    for fid, text in get_values(ws.db, report.id).items():
        fid = form.renamed.get(fid, fid)
        f = form.fields.get(fid)
        if f is None or f.is_computed:
            continue
        try:
            values[fid] = from_storage(f, text)
        except (ValueError, ArithmeticError):
            continue  # a type changed between versions: not worth copying
    return values


__all__ = ["PreviousValues", "previous_inputs", "previous_values"]
