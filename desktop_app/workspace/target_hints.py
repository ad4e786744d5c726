"""The targets of the period's plan as the clerk sees them while typing (issue 18, "Plans
and targets"): for the field in hand, each target on it, or on a figure computed from it
(a ratio the clerk fills in part by part), with what it asks, the plan that sets it and
whether the figure reaches it: reached, not reached, or not known while it is blank.

Not reaching a target is no input error: nothing here refuses or marks a value, it only
says where the unit stands. The figures are those saved, or, while the clerk types, the
typed value in place of the saved one (what the ratio becomes once it is saved).

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..core.forms.model import Field, Form, Target
from ..core.messages import AppError, Text
from ..core.targets import VERDICTS, evaluate_target, goal_text, value_text
from ..core.validation import compute
from ..core.values import Value
from .session import ReportSession


@dataclass(frozen=True)
class TargetHint:
    target: Target
    field: Field  # the field the target is on
    value: Value  # its figure now (None: blank)
    achieved: bool | None  # None: not known while the figure is blank
    typed: bool = False  # measured on what the clerk is typing, not yet saved

    @property
    def state(self) -> str:
        """ "reached", "not_reached" or "unknown": what the window colours the line by."""
        return {True: "reached", False: "not_reached", None: "unknown"}[self.achieved]

    def goal(self, lang: str = "vi") -> str:
        return goal_text(self.field, self.target, lang)

    def verdict(self, lang: str = "vi") -> str:
        """ "đạt (45,0%)", "chưa đạt (35,0%)", "chưa biết (chưa có số liệu)"; on what is
        being typed, "đạt (45,0% nếu lưu)": the saved figure beside it is still the other."""
        word = VERDICTS[self.achieved].pick(lang)
        if self.value is None:
            return word + (" (chưa có số liệu)" if lang == "vi" else " (no figure yet)")
        now = value_text(self.field, self.value, lang)
        if self.typed:
            now += " nếu lưu" if lang == "vi" else " once saved"
        return f"{word} ({now})"

    def short(self, on_field: str, lang: str = "vi") -> str:
        """One line under the field ``on_field``: "Chỉ tiêu ≥ 40%: chưa đạt (35,0%)";
        naming the computed figure when the target is on it, not on the field typed."""
        head = "Chỉ tiêu" if lang == "vi" else "Target"
        if on_field != self.field.id:
            head += f" «{self.field.label.pick(lang)}»"
        return f"{head} {self.goal(lang)}: {self.verdict(lang)}"

    def source(self, lang: str = "vi") -> str:
        return self.target.source.pick(lang) if self.target.source is not None else ""

    def detail(self, lang: str = "vi") -> str:
        """The whole line, for the help strip and the list: "Chỉ tiêu: ≥ 40% — Kế hoạch số
        12/KH-UBND ngày 15/01/2026 của UBND tỉnh …: chưa đạt (35,0%)"."""
        head = "Chỉ tiêu" if lang == "vi" else "Target"
        cited = f" — {self.source(lang)}" if self.source(lang) else ""
        return (
            f"{head}: {self.target.label.pick(lang)} ({self.goal(lang)}){cited}:"
            f" {self.verdict(lang)}"
        )


def _feeds(form: Form, field_id: str, seen: frozenset[str] = frozenset()) -> frozenset[str]:
    """Every input a field's figure is computed from (itself when it is an input)."""
    f = form.fields[field_id]
    if f.compute is None:
        return frozenset({field_id})
    out: set[str] = set()
    for name in f.compute.names - seen:
        if name in form.fields:
            out |= _feeds(form, name, seen | {field_id})
    return frozenset(out)


def targets_of(form: Form, field_id: str) -> list[Target]:
    """The targets a field bears on: those set on it, then those on a figure computed
    from it, in the plan's order."""
    own = [t for t in form.targets if t.field_id == field_id]
    fed = [
        t
        for t in form.targets
        if t.field_id != field_id
        and t.field_id in form.fields
        and field_id in _feeds(form, t.field_id)
    ]
    return own + fed


def _values(session: ReportSession, field_id: str, typed: str | None) -> Mapping[str, Value]:
    if typed is None:
        return session.result.values
    try:
        value = session.parse(field_id, typed).value
    except AppError:
        value = None  # not readable yet: the figure is not known
    inputs = {**session.inputs, field_id: value}
    return {**inputs, **compute(session.form, inputs)}


def _hint(
    form: Form, target: Target, values: Mapping[str, Value], typed: bool = False
) -> TargetHint:
    value = values.get(target.field_id)
    field = form.fields[target.field_id]
    return TargetHint(target, field, value, evaluate_target(target, value).achieved, typed)


def field_hints(
    session: ReportSession, field_id: str, typed: str | None = None
) -> list[TargetHint]:
    """The targets ``field_id`` bears on, measured on the saved figures, or (``typed``)
    on what the clerk is typing into it."""
    form = session.form
    targets = targets_of(form, field_id)
    if not targets:
        return []
    values = _values(session, field_id, typed)
    return [_hint(form, t, values, typed is not None) for t in targets]


def period_hints(session: ReportSession) -> list[TargetHint]:
    """Every target of the report's period, on the saved figures, in the plan's order."""
    form = session.form
    return [
        _hint(form, t, session.result.values) for t in form.targets if t.field_id in form.fields
    ]


def plan_heading(session: ReportSession) -> Text | None:
    """Whose targets they are: "Chỉ tiêu theo Kế hoạch số … của …", or None without any."""
    cited = next((t.source for t in session.form.targets if t.source is not None), None)
    if cited is None:
        return None
    return Text(f"Chỉ tiêu theo {cited.vi}", f"Targets of {cited.en}")


__all__ = ["TargetHint", "field_hints", "period_hints", "plan_heading", "targets_of"]
