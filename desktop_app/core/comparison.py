"""Year on year: each indicator beside the previous period's value and the change, as
every output shows it ("30,4 % (+0,3)"): the unit's own report.pdf and report.xlsx, the
consolidated PDF and workbook, the entry window's field history.

A field is followed across form versions by its id, else by the ids it had before
(``previous_ids``), so a renamed indicator keeps its history; a previous value of another
kind (a count that became a yes/no) is not comparable and counts as none. Where the
previous period has no value the comparison says "—", never nothing: a blank cell would
read as "not filled in".

This module is the single place that pairs the two periods and computes the change; the
layers above only fetch the two sets of values and print ``Comparison`` as it is.

May import: ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from .forms.model import Field, Form
from .messages import Text
from .numbers import format_number
from .values import Value, display

NONE = "—"  # no previous value: shown, never an empty cell


@dataclass(frozen=True)
class Comparison:
    """One indicator of this period against the previous one."""

    field_id: str
    current: Value
    previous: Value  # None: the previous period has no value for it
    change: int | Decimal | None  # numbers only, both periods known
    decimals: int = 0  # digits after the decimal comma of the previous value and change

    @property
    def has_previous(self) -> bool:
        return self.previous is not None


def previous_field(form: Form, previous_form: Form, field_id: str) -> Field | None:
    """The field of ``previous_form`` that ``form``'s ``field_id`` continues: the same id,
    else the first of its ``previous_ids`` the older form has; None when of another kind
    (numbers compare with numbers, anything else only with its own type)."""
    f = form.fields[field_id]
    for candidate in (f.id, *f.previous_ids):
        old = previous_form.fields.get(candidate)
        if old is None:
            continue
        if (old.is_numeric and f.is_numeric) or old.type == f.type:
            return old
        return None
    return None


def lineage(forms: Iterable[Form], field_id: str) -> tuple[str, ...]:
    """Every id ``field_id`` has had across ``forms`` (versions of one form), itself first:
    followed back through each version's ``previous_ids`` and forward to the fields that
    name it among theirs, so a series spans versions that renamed it twice."""
    versions = list(forms)
    ids = [field_id]
    grew = True
    while grew:
        grew = False
        for form in versions:
            for f in form.fields.values():
                linked = f.id in ids or any(old in ids for old in f.previous_ids)
                for other in (f.id, *f.previous_ids) if linked else ():
                    if other not in ids:
                        ids.append(other)
                        grew = True
    return tuple(ids)


def carried_values(
    form: Form, previous_form: Form, previous_values: Mapping[str, Value]
) -> dict[str, Value]:
    """The previous period's values (inputs and computed, of ``previous_form``) keyed by
    ``form``'s field ids; fields with no counterpart or no value are left out."""
    out: dict[str, Value] = {}
    for fid in form.fields:
        old = previous_field(form, previous_form, fid)
        if old is not None and previous_values.get(old.id) is not None:
            out[fid] = previous_values[old.id]
    return out


def _decimals(f: Field, *values: Value) -> int:
    if f.type in ("integer", "boolean"):
        return 0
    own = [
        max(0, -e)
        for v in values
        if isinstance(v, (int, Decimal)) and isinstance(e := Decimal(v).as_tuple().exponent, int)
    ]
    return max([f.display_decimals, *own]) if not f.is_computed else f.display_decimals


def _number(value: object) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def compare(f: Field, current: Value, previous: Value) -> Comparison:
    """``f``'s value now against the previous period's (already carried to ``f``'s id).
    A change is computed whenever both are numbers: a number field's values, or a
    consolidated yes/no field's count of units."""
    change: int | Decimal | None = None
    if _number(current) and _number(previous):  # (a yes/no answer is an int: no change)
        change = Decimal(current) - Decimal(previous)  # type: ignore[arg-type]
        if isinstance(current, int) and isinstance(previous, int):
            change = int(change)
    return Comparison(f.id, current, previous, change, _decimals(f, current, previous))


def year_on_year(
    form: Form, current: Mapping[str, Value], previous: Mapping[str, Value]
) -> dict[str, Comparison]:
    """Every non-text field of ``form``: its value in ``current`` against ``previous``
    (the previous period's values keyed by ``form``'s ids: ``carried_values``)."""
    return {
        f.id: compare(f, current.get(f.id), previous.get(f.id))
        for f in form.fields.values()
        if f.type != "text"
    }


def change_text(comparison: Comparison) -> str:
    """The change with its sign, Vietnamese style: "+0,3", "-12", "0"; "—" unknown."""
    change = comparison.change
    if change is None:
        return NONE
    text = format_number(change, comparison.decimals)
    return f"+{text}" if change > 0 else text


def previous_text(f: Field, comparison: Comparison, lang: str = "vi") -> str:
    """The previous value as shown ("30,1", "Có"), "—" when there is none."""
    previous = comparison.previous
    if previous is None or isinstance(previous, (list, dict)):
        return NONE
    if _number(previous):
        return format_number(previous, comparison.decimals)  # type: ignore[arg-type]
    return display(f, previous, lang)


def comparison_text(f: Field, comparison: Comparison, lang: str = "vi") -> str:
    """Previous value and change in one cell: "30,1 (+0,3)", "Có", "—"."""
    shown = previous_text(f, comparison, lang)
    if comparison.change is None:
        return shown
    return f"{shown} ({change_text(comparison)})"


def outlier_hint(f: Field, now: Value, before: Value, share: Decimal) -> Text | None:
    """A soft hint when a number input moved more than ``share`` (0.5 = 50 %) from last
    period, or away from zero; None for blanks, computed fields and what is not a number."""
    if not f.is_numeric or f.is_computed:
        return None
    if not isinstance(now, (int, Decimal)) or not isinstance(before, (int, Decimal)):
        return None  # blank now or last period (a number field holds nothing else)
    if before == 0:
        return None if now == 0 else _moved(before, now, None)
    change = (Decimal(now) - Decimal(before)) / abs(Decimal(before))
    if abs(change) <= share:
        return None
    return _moved(before, now, change)


def _moved(before: int | Decimal, now: int | Decimal, change: Decimal | None) -> Text:
    old, new = format_number(before), format_number(now)
    if change is None:
        return Text(
            f"Kỳ trước là {old}, nay là {new}: kiểm tra lại số liệu.",
            f"Last period was {old}, now {new}: please check.",
        )
    pct = format_number((change * 100).quantize(Decimal(1)))
    sign = "+" if change > 0 else ""
    return Text(
        f"Thay đổi {sign}{pct}% so với kỳ trước ({old} → {new}): kiểm tra lại số liệu.",
        f"Changed {sign}{pct}% from last period ({old} → {new}): please check.",
    )


__all__ = [
    "NONE",
    "Comparison",
    "carried_values",
    "change_text",
    "compare",
    "comparison_text",
    "lineage",
    "outlier_hint",
    "previous_field",
    "previous_text",
    "year_on_year",
]
