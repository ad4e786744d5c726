"""A form as plain data, for ``forms show --json`` and other tools that generate or check
values without reading YAML (everything they need: ids, types, bounds, formulas).

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

from typing import Any

from .model import Field, Form
from .registry import years_text


def _number(value: Any) -> Any:
    if value is None:
        return None
    return int(value) if value == int(value) else str(value)


def field_as_dict(f: Field) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": f.id,
        "section": f.section_id,
        "label": f.label.as_dict(),
        "type": f.type,
        "unit": f.unit.as_dict() if f.unit else None,
        "min": _number(f.minimum),
        "max": _number(f.maximum),
        "decimals": f.display_decimals,
        "required": f.required,
        "compute": f.compute.source if f.compute else None,
        "aggregate": f.aggregate,
        "help": f.help.as_dict(),
    }
    if f.choices:
        data["choices"] = [{"value": c.value, "label": c.label.as_dict()} for c in f.choices]
    if f.copy_forward:
        data["copy_forward"] = True
    if f.previous_ids:
        data["previous_ids"] = list(f.previous_ids)
    if f.prefill:
        data["prefill"] = f.prefill
    if f.statement:
        data["statement"] = f.statement.as_dict()
    if f.type == "text":
        data["max_length"] = f.text_limit  # its own, or the default (core.text)
    elif f.max_length:
        data["max_length"] = f.max_length
    return data


def form_summary(form: Form, span: tuple[int, int | None] | None = None) -> dict[str, Any]:
    """``span``: the years the version covers among its siblings (``FormRegistry.span``);
    without it, what the file itself declares (``until`` may be absent)."""
    first, last = span if span is not None else (form.year, form.until)
    return {
        "id": form.id,
        "version": form.version,
        "year": form.year,
        "until": form.until,
        "years": {"from": first, "to": last, "text": years_text(first, last)},
        "title": form.title.as_dict(),
        "level": form.level,
        "period": form.period_kind,
        "deadline": form.deadline,
        "sha256": form.sha256,
        "fields": len(form.fields),
        "rules": len(form.rules),
    }


def form_as_dict(form: Form, span: tuple[int, int | None] | None = None) -> dict[str, Any]:
    data = form_summary(form, span)
    if form.legal_basis:
        data["legal_basis"] = form.legal_basis.as_dict()
    data["sections"] = [
        {
            "id": s.id,
            "title": s.title.as_dict(),
            **({"short_title": s.short_title.as_dict()} if s.short_title else {}),
            "fields": [field_as_dict(f) for f in s.fields],
        }
        for s in form.sections
    ]
    data["rules"] = [
        {
            "id": r.id,
            "check": r.check.source,
            "severity": r.severity,
            "fields": list(r.fields),
            "message": r.message.as_dict(),
        }
        for r in form.rules
    ]
    if form.scoring:
        data["scoring"] = {
            "decimals": form.scoring.decimals,
            "bands": [
                {"code": b.code, "min": _number(b.minimum), "label": b.label.as_dict()}
                for b in form.scoring.bands
            ],
            "items": [
                {
                    "id": i.id,
                    "title": i.title.as_dict(),
                    "section": i.section_id,
                    "field": i.field_id,
                    "points": _number(i.points),
                    "scale": i.scale,
                    **({"full_at": _number(i.full_at)} if i.scale == "linear" else {}),
                    **(
                        {
                            "steps": [
                                {"min": _number(s.minimum), "points": _number(s.points)}
                                for s in i.steps
                            ]
                        }
                        if i.steps
                        else {}
                    ),
                }
                for i in form.scoring.items
            ],
        }
    data["targets"] = [
        {
            "id": t.id,
            "field": t.field_id,
            "op": t.op,
            "value": t.value if isinstance(t.value, bool) else _number(t.value),
            "label": t.label.as_dict(),
        }
        for t in form.targets
    ]
    return data
