"""What changed between two submissions of one unit's report: field, old value, new value.

Shown when a newer revision supersedes an older one, and side by side for a conflict.
Values are compared as stored (canonical JSON text), so ``"93.70"`` never differs from
``"93.7"`` by accident: data.json is canonical on both sides.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from ..core.forms import Form
from ..storage import Database
from ..storage.submissions import (
    KINDS,
    Submission,
    find_submissions,
    get_submission,
    submission_values,
)


class FieldChange(NamedTuple):
    field: str
    old: Any  # the data.json value (decimals as Decimal); None = blank
    new: Any
    kind: str = "input"  # input | computed | comment


def _decode(text: str | None) -> Any:
    return None if text is None else json.loads(text, parse_float=Decimal)


def changes(
    old: Mapping[str, str],
    new: Mapping[str, str],
    *,
    kind: str = "input",
    order: Sequence[str] = (),
) -> list[FieldChange]:
    """Fields whose stored text differs between ``old`` and ``new`` (field id → canonical
    JSON text; absent = blank), in ``order`` (the form's) and then by field id."""
    position = {field_id: i for i, field_id in enumerate(order)}
    fields = sorted(set(old) | set(new), key=lambda f: (position.get(f, len(position)), f))
    return [
        FieldChange(f, _decode(old.get(f)), _decode(new.get(f)), kind)
        for f in fields
        if old.get(f) != new.get(f)
    ]


def submission_changes(
    db: Database, old_id: int, new_id: int, form: Form | None = None
) -> list[FieldChange]:
    """Every change between two submissions: inputs, computed fields, then comments."""
    order = list(form.fields) if form is not None else []
    found: list[FieldChange] = []
    for kind in KINDS:
        found += changes(
            submission_values(db, old_id, kind),
            submission_values(db, new_id, kind),
            kind=kind,
            order=order,
        )
    return found


def previous_submission(db: Database, submission: Submission) -> Submission | None:
    """The newest older revision of the same unit × form × period (what it superseded)."""
    older = [
        s
        for s in find_submissions(db, submission.form_id, submission.period, submission.unit_code)
        if s.revision < submission.revision and s.state != "pending"
    ]
    return max(older, key=lambda s: (s.revision, s.id)) if older else None


def conflict_pair(db: Database, pending_id: int) -> tuple[Submission, Submission] | None:
    """(held, pending) for a pending conflict, or None if it is not pending any more."""
    pending = get_submission(db, pending_id)
    if pending is None or pending.state != "pending":
        return None
    current = find_submissions(
        db, pending.form_id, pending.period, pending.unit_code, states=("current",)
    )
    return (current[0], pending) if current else None


__all__ = ["FieldChange", "changes", "conflict_pair", "previous_submission", "submission_changes"]
