"""When an indicator's evidence is missing: a field marked ``evidence: required`` needs at
least one file once its value claims something (``Có``, a number above zero, a text, a
date or a choice). A blank, ``Không`` or zero claims nothing and needs none: a commune
without a steering committee has no decision to attach.

The problem is an error like a rule's: the report cannot be exported while it remains,
and a packet that arrives without the files is refused (``packets.evidencecheck``).

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from .forms import Field, Form
from .messages import Text
from .validation import ERROR, Problem, ValidationResult
from .values import Value

CODE = "evidence_required"


def claims(value: Value) -> bool:
    """Whether a value says something that evidence must back."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value > 0
    return True


def missing_problem(field: Field) -> Problem:
    return Problem(
        CODE,
        ERROR,
        field.id,
        Text(
            f"«{field.label.vi}» cần tài liệu kiểm chứng (PDF, JPEG hoặc PNG): hãy đính kèm tệp.",
            f"«{field.label.en}» needs evidence (PDF, JPEG or PNG): attach a file.",
        ),
    )


def missing_evidence(
    form: Form, values: Mapping[str, Value], counts: Mapping[str, int]
) -> list[Problem]:
    """One problem per required-evidence field whose value claims something and that
    has no file (``counts``: field id → number of files)."""
    return [
        missing_problem(f)
        for f in form.evidence_fields
        if f.evidence == "required" and claims(values.get(f.id)) and not counts.get(f.id)
    ]


def with_evidence(
    form: Form, result: ValidationResult, counts: Mapping[str, int]
) -> ValidationResult:
    """``result`` with the missing-evidence problems added (after the field's own)."""
    missing = missing_evidence(form, result.values, counts)
    if not missing:
        return result
    return ValidationResult(result.values, result.computed, [*result.problems, *missing])


__all__ = ["CODE", "claims", "missing_evidence", "missing_problem", "with_evidence"]
