"""Plan targets (e.g. "at least 40 % of procedures online"): achieved, not achieved, or
unknown while the figure is blank.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .forms.model import Field, Form, Target
from .messages import Text
from .numbers import format_number
from .values import Value, display

_OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq}


@dataclass(frozen=True)
class TargetResult:
    target: Target
    value: Value
    achieved: bool | None  # None: the figure is blank

    def as_dict(self) -> dict:
        value = self.target.value
        return {
            "id": self.target.id,
            "field": self.target.field_id,
            "op": self.target.op,
            "target": value if isinstance(value, bool) else str(value),
            "value": None
            if self.value is None
            else self.value
            if isinstance(self.value, (bool, int))
            else str(self.value),
            "achieved": self.achieved,
            "label": self.target.label.as_dict(),
        }


def evaluate_target(target: Target, value: Value) -> TargetResult:
    if value is None:
        return TargetResult(target, None, None)
    if isinstance(target.value, bool):
        return TargetResult(target, value, _OPS[target.op](bool(value), target.value))
    if not isinstance(value, (int, Decimal)):  # a number target is set on a number field
        raise TypeError(f"{target.id}: {value!r} is not a number")
    return TargetResult(target, value, _OPS[target.op](Decimal(value), target.value))


def evaluate_targets(form: Form, values: Mapping[str, Value]) -> list[TargetResult]:
    """``values`` holds inputs and computed fields (``ValidationResult.values``)."""
    return [evaluate_target(t, values.get(t.field_id)) for t in form.targets]


VERDICTS = {
    True: Text("đạt", "reached"),
    False: Text("chưa đạt", "not reached"),
    None: Text("chưa biết", "not known"),
}
SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


def goal_text(field: Field, target: Target, lang: str = "vi") -> str:
    """What the target asks, as a clerk reads it: "≥ 40%", "≥ 5 máy", "= Có"."""
    sign = SIGNS[target.op]
    if isinstance(target.value, bool):
        return f"{sign} {display(field, target.value, lang)}"
    unit = field.unit.pick(lang) if field.unit else ""
    number = format_number(target.value)
    if field.type == "percent" or unit == "%":
        return f"{sign} {number}%"
    return f"{sign} {number} {unit}".rstrip()


def value_text(field: Field, value: Value, lang: str = "vi") -> str:
    """The figure measured against a target, with its unit: "35,0%", "3 máy", "Có"."""
    shown = display(field, value, lang)
    if not shown or not field.is_numeric:
        return shown
    unit = field.unit.pick(lang) if field.unit else ""
    if field.type == "percent" or unit == "%":
        return f"{shown}%"
    return f"{shown} {unit}".rstrip()
