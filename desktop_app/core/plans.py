"""A plan issued by the receiving unit (kế hoạch): its number, date and issuer, and its
targets for one form and period (issue 18, "Plans and targets").

Targets belong to the plan, not to the form: the form's own ``targets`` (an example plan)
serve only while no plan is held for the period. Each target is on one indicator of the
form, with a comparison (≥, >, ≤, <, =) and a value: a number for a count, a money
figure or a ratio in %, yes/no for a yes/no field. Where the form is the children's (a
commune form in a district or a province), every consolidated report counts the children
that reach each target and says whether their figure together reaches it; where it is
the unit's own form, the unit's own report says it.

A plan document (YAML, or the workbook ``documents.plan_workbook`` reads):

    plan:
      number: "25/KH-UBND"
      date: "15/01/2026"          # dd/mm/yyyy (or an ISO date)
      issuer: "UBND huyện Chợ Đồn"
      title: {vi: "…", en: "…"}   # optional
      form: cntt-xa
      period: "2026"
    targets:
      - {id: t_tthc, field: ty_le_tthc_truc_tuyen, op: ">=", value: 40,
         label: {vi: "…", en: "…"}}

May import: ``core`` only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from .forms.model import Form, Target
from .messages import AppError, Text
from .text import clean_line

OPS = (">=", ">", "<=", "<", "==")
_PLAN_KEYS = {"number", "date", "issuer", "title", "form", "period"}
_TARGET_KEYS = {"id", "field", "op", "value", "label"}


@dataclass(frozen=True)
class Plan:
    number: str
    date: dt.date
    issuer: str
    title: Text | None
    form_id: str
    period: str
    targets: tuple[Target, ...]

    def citation(self) -> Text:
        """ "Kế hoạch số 25/KH-UBND ngày 15/01/2026 của UBND huyện Chợ Đồn"."""
        day = self.date.strftime("%d/%m/%Y")
        return Text(
            f"Kế hoạch số {self.number} ngày {day} của {self.issuer}",
            f"Plan No. {self.number} of {day} of {self.issuer}",
        )

    def as_document(self) -> dict[str, Any]:
        """The plan as its document: stored, published and shown with ``--json``."""
        plan: dict[str, Any] = {
            "number": self.number,
            "date": self.date.strftime("%d/%m/%Y"),
            "issuer": self.issuer,
            "form": self.form_id,
            "period": self.period,
        }
        if self.title is not None:
            plan["title"] = self.title.as_dict()
        targets = [
            {
                "id": t.id,
                "field": t.field_id,
                "op": t.op,
                "value": t.value if isinstance(t.value, bool) else _plain(t.value),
                "label": t.label.as_dict(),
            }
            for t in self.targets
        ]
        return {"plan": plan, "targets": targets}


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _date(raw: Any) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return dt.datetime.strptime(raw.strip(), pattern).date()
            except ValueError:
                continue
    return None


def _text(raw: Any) -> Text | None:
    if (
        isinstance(raw, Mapping)
        and isinstance(raw.get("vi"), str)
        and isinstance(raw.get("en"), str)
    ):
        return Text(clean_line(raw["vi"]), clean_line(raw["en"]))
    return None


class _Problems:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []

    def add(self, vi: str, en: str) -> None:
        self.lines.append((vi, en))


def _target(raw: Any, index: int, form: Form, problems: _Problems) -> Target | None:
    where = f"mục tiêu {index + 1}", f"target {index + 1}"
    if not isinstance(raw, Mapping):
        problems.add(f"{where[0]}: không phải một mục", f"{where[1]}: not an entry")
        return None
    missing = sorted(_TARGET_KEYS - set(raw))
    odd = sorted(set(raw) - _TARGET_KEYS)
    if missing or odd:
        problems.add(
            f"{where[0]}: thiếu {missing or '—'}, thừa {odd or '—'}",
            f"{where[1]}: missing {missing or '—'}, unknown {odd or '—'}",
        )
        return None
    target_id, field_id, op, value = raw["id"], raw["field"], raw["op"], raw["value"]
    label = _text(raw["label"])
    field = form.fields.get(field_id) if isinstance(field_id, str) else None
    if not isinstance(target_id, str) or not target_id:
        problems.add(f"{where[0]}: thiếu mã", f"{where[1]}: no id")
        return None
    if field is None:
        problems.add(
            f"{target_id}: biểu mẫu {form.id} {form.version} không có chỉ tiêu «{field_id}»",
            f"{target_id}: form {form.id} {form.version} has no field «{field_id}»",
        )
        return None
    if op not in OPS:
        problems.add(
            f"{target_id}: phép so sánh «{op}» không hợp lệ",
            f"{target_id}: invalid comparison «{op}»",
        )
        return None
    if label is None:
        problems.add(
            f"{target_id}: cần nội dung tiếng Việt và tiếng Anh",
            f"{target_id}: needs a vi and en label",
        )
        return None
    if field.type == "boolean":
        if not isinstance(value, bool) or op != "==":
            problems.add(
                f"{target_id}: chỉ tiêu có/không cần «== true» hoặc «== false»",
                f"{target_id}: a yes/no field needs «== true» or «== false»",
            )
            return None
        return Target(target_id, field_id, op, value, label)
    if not field.is_numeric or isinstance(value, bool):
        problems.add(
            f"{target_id}: «{field_id}» không phải chỉ tiêu số, hoặc giá trị không phải số",
            f"{target_id}: «{field_id}» is not a number field, or the value is not a number",
        )
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        problems.add(
            f"{target_id}: giá trị «{value}» không phải số",
            f"{target_id}: «{value}» is not a number",
        )
        return None
    if not number.is_finite():
        problems.add(
            f"{target_id}: giá trị «{value}» không phải số",
            f"{target_id}: «{value}» is not a number",
        )
        return None
    return Target(target_id, field_id, op, number, label)


def parse_plan(document: Any, form_for: Any, name: str) -> Plan:
    """A checked plan; ``form_for(form_id, period)`` gives the form version of the period.
    AppError ``plan.invalid`` lists every problem together."""
    problems = _Problems()
    head = document.get("plan") if isinstance(document, Mapping) else None
    if not isinstance(head, Mapping) or not isinstance(document.get("targets"), list):
        raise _invalid(name, [("cần hai phần «plan» và «targets»", "needs «plan» and «targets»")])
    odd = sorted(set(head) - _PLAN_KEYS)
    if odd:
        problems.add(f"khoá lạ trong plan: {odd}", f"unknown keys in plan: {odd}")
    number, issuer = head.get("number"), head.get("issuer")
    when = _date(head.get("date"))
    form_id, period = head.get("form"), head.get("period")
    period = str(period) if isinstance(period, int) else period
    if not isinstance(number, str) or not number.strip():
        problems.add("thiếu số kế hoạch (number)", "the plan's number is missing")
    if when is None:
        problems.add(
            "ngày kế hoạch (date) cần dạng dd/mm/yyyy", "the plan's date must be dd/mm/yyyy"
        )
    if not isinstance(issuer, str) or not issuer.strip():
        problems.add("thiếu cơ quan ban hành (issuer)", "the issuer is missing")
    if not isinstance(form_id, str) or not isinstance(period, str):
        problems.add("thiếu biểu mẫu (form) hoặc kỳ (period)", "the form or the period is missing")
        raise _invalid(name, problems.lines)
    try:
        form = form_for(form_id, period)
    except AppError as exc:
        raise _invalid(name, [*problems.lines, (exc.message.vi, exc.message.en)]) from exc
    title = _text(head.get("title")) if head.get("title") is not None else None
    if head.get("title") is not None and title is None:
        problems.add(
            "tên kế hoạch (title) cần tiếng Việt và tiếng Anh", "the title needs vi and en"
        )
    targets = [_target(raw, i, form, problems) for i, raw in enumerate(document["targets"])]
    ids = [t.id for t in targets if t is not None]
    if len(ids) != len(set(ids)):
        problems.add("hai mục tiêu trùng mã", "two targets share an id")
    if problems.lines:
        raise _invalid(name, problems.lines)
    assert when is not None and isinstance(number, str) and isinstance(issuer, str)
    plan = Plan(clean_line(number), when, clean_line(issuer), title, form_id, period, ())
    cited = plan.citation()
    return replace(plan, targets=tuple(replace(t, source=cited) for t in targets if t is not None))


def _invalid(name: str, lines: list[tuple[str, str]]) -> AppError:
    vi = "\n".join(f"  {v}" for v, _ in lines)
    en = "\n".join(f"  {e}" for _, e in lines)
    return AppError(
        "plan.invalid",
        Text(f"Kế hoạch {name} không hợp lệ:\n{vi}", f"Plan {name} is not valid:\n{en}"),
        problems=[{"vi": v, "en": e} for v, e in lines],
    )


def with_plan(form: Form, plan: Plan | None) -> Form:
    """The form as the period's plan sets it: the plan's targets instead of the form's."""
    return form if plan is None else replace(form, targets=plan.targets)


__all__ = ["OPS", "Plan", "parse_plan", "with_plan"]
