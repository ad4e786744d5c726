"""What a JSON schema cannot check in a form: references, uniqueness, cycles, totals,
aggregation rules that fit each field's type, and a dry run of every expression.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from graphlib import CycleError
from typing import TYPE_CHECKING, Any

from ..expressions import Evaluator, Expression, ExpressionError
from .model import NUMERIC_TYPES, Field, Form
from .yaml_source import LocatedDict

if TYPE_CHECKING:  # the loader imports this module and owns the problem type
    from .loader import FormProblem

# A sheet name holds 31 characters; "VIII. " and a short title of 24 fit.
SHORT_TITLE_MAX = 24
# Forms whose yes/no answers a receiving unit counts as "N/M units …"
_COUNTED_LEVELS = frozenset({"commune", "district"})

_RATIO = re.compile(r"^ratio\(([a-z][a-z0-9_]*), *([a-z][a-z0-9_]*)\)$")
_COUNT_CHOICE = re.compile(r"^count_choice\(([a-z0-9_]+)\)$")

_AGGREGATES_BY_TYPE = {
    "integer": {"sum", "min", "max", "none"},
    "decimal": {"sum", "min", "max", "none"},
    "money": {"sum", "min", "max", "none"},
    "percent": {"min", "max", "none"},
    "boolean": {"count_true", "count_false", "none"},
    "choice": {"list", "none"},
    "text": {"list", "none"},
    "date": {"min", "max", "list", "none"},
}


def _problem(line: int, where: str, message: str) -> FormProblem:
    from .loader import FormProblem  # the loader owns it and imports this module (a cycle)

    return FormProblem(line, where, message)


def _sample_value(field: Field) -> Any:
    """A typical value of the field's type, to dry-run expressions at load time."""
    if field.type == "integer":
        return 3
    if field.type in NUMERIC_TYPES:
        return Decimal("2.5")
    if field.type == "boolean":
        return True
    if field.type == "choice":
        return field.choices[0].value if field.choices else "x"
    if field.type == "date":
        return datetime.date(2026, 1, 1)
    return "x"


def _check_unique(form: Form, doc: LocatedDict) -> list[FormProblem]:
    problems = []
    seen: dict[str, str] = {}
    for kind, items in (
        ("section", form.sections),
        ("field", [f for s in form.sections for f in s.fields]),
        ("rule", form.rules),
        ("scoring item", form.scoring.items if form.scoring else ()),
        ("target", form.targets),
    ):
        for item in items:
            key = f"{kind}:{item.id}"
            if key in seen:
                line = getattr(item, "line", 0) or doc.line
                problems.append(_problem(line, f"{kind} {item.id}", f"duplicate {kind} id"))
            seen[key] = kind
    return problems


def _check_fields(form: Form) -> list[FormProblem]:
    problems = []
    for f in form.fields.values():
        where = f"field {f.id}"
        if f.is_computed and f.required:
            problems.append(_problem(f.line, where, "a computed field cannot be required"))
        if f.compute is not None:
            unknown = f.compute.names - form.fields.keys()
            if unknown:
                problems.append(
                    _problem(f.line, where, f"compute names unknown fields: {sorted(unknown)}")
                )
            if f.type not in NUMERIC_TYPES | {"boolean"}:
                problems.append(_problem(f.line, where, "only numbers and yes/no can be computed"))
        if (f.type == "choice") != bool(f.choices):
            problems.append(
                _problem(f.line, where, "choices are needed for, and only for, type choice")
            )
        if (f.minimum is not None or f.maximum is not None) and not f.is_numeric:
            problems.append(_problem(f.line, where, "min/max apply to numbers only"))
        if f.minimum is not None and f.maximum is not None and f.minimum > f.maximum:
            problems.append(_problem(f.line, where, "min is greater than max"))
        if f.prefill and form.level == "commune":
            problems.append(
                _problem(f.line, where, "prefill from children needs a district or province form")
            )
        if f.prefill and f.is_computed:
            problems.append(_problem(f.line, where, "a computed field is not prefilled"))
        problems.extend(_check_aggregate(form, f))
        problems.extend(_check_statement(form, f))
    try:
        form.compute_order  # noqa: B018 - evaluated for its CycleError
    except CycleError as exc:
        cycle = " → ".join(exc.args[1]) if len(exc.args) > 1 else str(exc)
        problems.append(
            _problem(1, "", f"computed fields depend on each other in a cycle: {cycle}")
        )
    return problems


def _check_statement(form: Form, f: Field) -> list[FormProblem]:
    """A yes/no field is consolidated as "15/15 xã ký số văn bản đi": the words after the
    count are the field's own ``statement``, never its label with a prefix glued on."""
    where = f"field {f.id}"
    if f.statement is not None and f.type != "boolean":
        return [_problem(f.line, where, "statement is for yes/no (boolean) fields only")]
    if f.type == "boolean" and f.statement is None and form.level in _COUNTED_LEVELS:
        return [
            _problem(
                f.line,
                where,
                "a yes/no field needs a statement {vi, en}: the words a consolidated line puts"
                ' after "N/M", e.g. {vi: "xã ký số văn bản đi", en: "communes digitally sign'
                ' outgoing documents"}',
            )
        ]
    return []


def _check_years(form: Form, doc: LocatedDict) -> list[FormProblem]:
    if form.until is not None and form.until < form.year:
        line = doc.key_lines.get("until", doc.line) if hasattr(doc, "key_lines") else 1
        return [_problem(line, "", f"until {form.until} is before the first year {form.year}")]
    return []


def _check_short_titles(form: Form, doc: LocatedDict) -> list[FormProblem]:
    problems = []
    raw_sections = doc.get("sections", ()) if isinstance(doc, dict) else ()
    for section, raw in zip(form.sections, raw_sections, strict=False):
        if section.short_title is None:
            continue
        for lang, text in (("vi", section.short_title.vi), ("en", section.short_title.en)):
            if len(text) > SHORT_TITLE_MAX:
                problems.append(
                    _problem(
                        getattr(raw, "line", 1),
                        f"section {section.id}",
                        f"short_title.{lang} has {len(text)} characters; at most"
                        f" {SHORT_TITLE_MAX} (it names a sheet, with the section number)",
                    )
                )
    return problems


def _check_aggregate(form: Form, f: Field) -> list[FormProblem]:
    where = f"field {f.id}"
    rule = f.aggregate
    if not rule:
        return [_problem(f.line, where, "no aggregation rule (aggregate: sum | count_true | …)")]
    ratio = _RATIO.match(rule)
    if ratio:
        bad = [n for n in ratio.groups() if n not in form.fields or not form.fields[n].is_numeric]
        if bad:
            return [_problem(f.line, where, f"ratio() needs numeric fields, not {bad}")]
        return [] if f.type == "percent" else [_problem(f.line, where, "ratio() gives a percent")]
    choice = _COUNT_CHOICE.match(rule)
    if choice:
        if f.type != "choice" or choice.group(1) not in {c.value for c in f.choices}:
            return [
                _problem(f.line, where, f"count_choice needs one of this field's choices: {rule}")
            ]
        return []
    if rule == "recompute":
        return (
            [] if f.is_computed else [_problem(f.line, where, "recompute is for computed fields")]
        )
    if f.is_computed and f.type == "percent" and rule != "none":
        return [
            _problem(f.line, where, "a computed ratio consolidates with recompute, never a mean")
        ]
    if rule not in _AGGREGATES_BY_TYPE[f.type]:
        allowed = sorted(_AGGREGATES_BY_TYPE[f.type])
        return [
            _problem(
                f.line,
                where,
                f"aggregate {rule!r} does not fit type {f.type}; use one of {allowed}",
            )
        ]
    return []


def _check_rules(form: Form) -> list[FormProblem]:
    problems = []
    for rule in form.rules:
        where = f"rule {rule.id}"
        unknown = (rule.check.names | set(rule.fields)) - form.fields.keys()
        if unknown:
            problems.append(_problem(rule.line, where, f"names unknown fields: {sorted(unknown)}"))
    return problems


def _check_scoring(form: Form) -> list[FormProblem]:
    scoring = form.scoring
    if scoring is None:
        return []
    problems = []
    if scoring.total_points != 100:
        problems.append(_problem(1, "scoring", f"points add up to {scoring.total_points}, not 100"))
    previous = None
    for band in scoring.bands:
        if previous is not None and band.minimum >= previous:
            problems.append(
                _problem(1, f"band {band.code}", "bands must go from the highest min down")
            )
        previous = band.minimum
    if scoring.bands and scoring.bands[-1].minimum > 0:
        problems.append(
            _problem(1, "scoring", "the last band must start at 0 so every total has one")
        )
    for item in scoring.items:
        where = f"scoring item {item.id}"
        f = form.fields.get(item.field_id)
        if f is None:
            problems.append(_problem(1, where, f"unknown field {item.field_id}"))
            continue
        if item.section_id not in form.sections_by_id:
            problems.append(_problem(1, where, f"unknown section {item.section_id}"))
        wanted_boolean = item.scale == "boolean"
        if wanted_boolean != (f.type == "boolean") or (not wanted_boolean and not f.is_numeric):
            problems.append(
                _problem(f.line, where, f"scale {item.scale} does not fit a {f.type} field")
            )
        if item.scale == "stepped":
            mins = [s.minimum for s in item.steps]
            if not mins or mins != sorted(mins, reverse=True):
                problems.append(_problem(1, where, "steps must go from the highest min down"))
            if any(s.points > item.points for s in item.steps):
                problems.append(_problem(1, where, "a step gives more than the item's points"))
        elif item.steps:
            problems.append(_problem(1, where, "steps are only for scale stepped"))
    return problems


def _check_targets(form: Form) -> list[FormProblem]:
    problems = []
    for target in form.targets:
        f = form.fields.get(target.field_id)
        if f is None:
            problems.append(_problem(1, f"target {target.id}", f"unknown field {target.field_id}"))
        elif isinstance(target.value, bool) != (f.type == "boolean"):
            problems.append(
                _problem(f.line, f"target {target.id}", "target value does not fit the field type")
            )
    return problems


def _dry_run(form: Form) -> list[FormProblem]:
    """Evaluate every expression on typical values and on blanks: a type mix-up in a
    definition (comparing a choice with a number) must surface now, not in a clerk's hands."""
    problems = []
    typical = {f.id: _sample_value(f) for f in form.fields.values()}
    blanks: dict[str, Any] = {}
    checks: list[tuple[Expression, int, str]] = [
        (f.compute, f.line, f"field {f.id}") for f in form.fields.values() if f.compute
    ]
    checks += [(r.check, r.line, f"rule {r.id}") for r in form.rules]
    for values in (typical, blanks):
        evaluator = Evaluator(values)
        for expression, line, where in checks:
            try:
                evaluator.evaluate(expression)
            except ExpressionError as exc:
                problems.append(_problem(line, where, exc.message.en))
        if problems:
            break
    return problems


def check_form(form: Form, doc: LocatedDict) -> list[FormProblem]:
    problems = _check_unique(form, doc) + _check_fields(form) + _check_rules(form)
    problems += _check_years(form, doc) + _check_short_titles(form, doc)
    problems += _check_scoring(form) + _check_targets(form)
    if not problems:
        problems += _dry_run(form)
    return problems
