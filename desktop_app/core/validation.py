"""Checking a report against its form: computed fields, required fields, bounds and the
form's cross-field rules. Plain data in, plain data out, so the window (as you type), the
CLI (``validate``) and the district (on receipt) all judge a report the same way.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .expressions import Evaluator
from .forms.model import Form
from .messages import Text
from .values import Value, check_value

ERROR = "error"
WARNING = "warning"
# The code of a problem the window adds for text typed but not accepted or not saved; a
# validation result never holds one (only saved values are judged).
UNSAVED = "unsaved"


@dataclass(frozen=True)
class Problem:
    code: str  # "required", "bound", "rule", "unknown_field"; UNSAVED in the window
    severity: str  # ERROR | WARNING
    field_id: str | None  # where to show it first
    message: Text
    rule_id: str | None = None
    fields: tuple[str, ...] = ()
    explanation: str | None = None  # the clerk's explanation of a warning

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "field": self.field_id,
            "rule": self.rule_id,
            "fields": list(self.fields),
            "message": self.message.as_dict(),
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class SectionProgress:
    section_id: str
    filled: int
    total: int
    errors: int
    warnings: int


@dataclass
class ValidationResult:
    values: dict[str, Value]  # inputs and computed results together
    computed: dict[str, Value]
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def unexplained_warnings(self) -> list[Problem]:
        return [p for p in self.warnings if not p.explanation]

    @property
    def ok(self) -> bool:
        return not self.errors

    def for_field(self, field_id: str) -> list[Problem]:
        return [p for p in self.problems if p.field_id == field_id or field_id in p.fields]


def _quantize(value: Value, decimals: int) -> Value:
    if isinstance(value, Decimal):
        return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return value


def compute(form: Form, inputs: Mapping[str, Value]) -> dict[str, Value]:
    """The form's computed fields, in dependency order, rounded as they are shown.

    Rounding here (half-up, to the field's decimals) means the figure printed in the
    report, the one scored and the one re-checked by the district are the same number.
    """
    values = dict(inputs)
    evaluator = Evaluator(values)
    computed: dict[str, Value] = {}
    for field_id in form.compute_order:
        f = form.fields[field_id]
        assert f.compute is not None  # compute_order holds only computed fields
        result = evaluator.evaluate(f.compute)
        if f.type == "integer" and isinstance(result, Decimal):
            result = int(result.to_integral_value(rounding=ROUND_HALF_UP))
        elif f.type == "boolean" and result is not None:
            result = bool(result)
        else:
            result = _quantize(result, f.display_decimals)
        computed[field_id] = values[field_id] = result
    return computed


def _field_problems(form: Form, values: Mapping[str, Value]) -> list[Problem]:
    problems = []
    for f in form.input_fields:
        value = values.get(f.id)
        if value is None:
            if f.required:
                problems.append(
                    Problem(
                        "required",
                        ERROR,
                        f.id,
                        Text(f"Chưa nhập «{f.label.vi}»", f"«{f.label.en}» is required"),
                        fields=(f.id,),
                    )
                )
            continue
        broken = check_value(f, value)
        if broken is not None:
            problems.append(
                Problem(
                    "bound",
                    ERROR,
                    f.id,
                    Text(f"«{f.label.vi}» {broken.vi}", f"«{f.label.en}» {broken.en}"),
                    fields=(f.id,),
                )
            )
    return problems


def _rule_problems(
    form: Form, values: Mapping[str, Value], explanations: Mapping[str, str]
) -> list[Problem]:
    evaluator = Evaluator(values)
    problems = []
    for rule in form.rules:
        # A blank outcome means an input is missing: "required" reports that, not the rule.
        if evaluator.evaluate(rule.check) is not False:
            continue
        problems.append(
            Problem(
                "rule",
                rule.severity,
                rule.fields[0] if rule.fields else None,
                rule.message,
                rule_id=rule.id,
                fields=rule.fields,
                explanation=(explanations.get(rule.id) or None)
                if rule.severity == WARNING
                else None,
            )
        )
    return problems


def validate(
    form: Form,
    inputs: Mapping[str, Value],
    explanations: Mapping[str, str] | None = None,
) -> ValidationResult:
    """Compute, then check. ``inputs`` holds typed values of input fields (None = blank)."""
    known = {k: v for k, v in inputs.items() if k in form.fields and not form.fields[k].is_computed}
    computed = compute(form, known)
    values = {**known, **computed}
    problems = _field_problems(form, values) + _rule_problems(form, values, explanations or {})
    return ValidationResult(values, computed, problems)


def progress(form: Form, result: ValidationResult) -> list[SectionProgress]:
    """Per section: input fields filled out of all, and the problems shown there."""
    rows = []
    for section in form.sections:
        ids = {f.id for f in section.fields}
        inputs = [f for f in section.fields if not f.is_computed]
        shown = [p for p in result.problems if p.field_id in ids]
        rows.append(
            SectionProgress(
                section.id,
                sum(1 for f in inputs if result.values.get(f.id) is not None),
                len(inputs),
                sum(1 for p in shown if p.is_error),
                sum(1 for p in shown if not p.is_error),
            )
        )
    return rows
