"""``data.json``: the machine-readable copy of one report, and the single source from which
``report.xlsx`` and ``report.pdf`` are drawn, so the three members of a packet never disagree.

Shape (format ``cntt-data/1``)::

    {
      "format": "cntt-data/1",
      "unit": {"code", "name", "parent_code", "parent_name"},
      "form": {"id", "version", "sha256"},
      "period": "2026",
      "revision": 1,
      "prepared_by": "...", "approved_by": "...",
      "place": "Bình Trung",           # the place name of the "…, ngày … tháng … năm …" line
      "date": "2026-12-15",            # date of the report (ISO)
      "number": "",                    # the report's number ("Số: …/BC-UBND"), may be blank
      "values": {field: value},        # inputs only, blanks omitted (values.to_json)
      "computed": {field: value},      # computed fields, blanks omitted
      "comments": {field: text},
      "warnings": [{"rule", "fields", "message": {"vi","en"}, "explanation"}],
      "score": null | {"total", "band", "sections": {id: points},
                       "items": {id: {"points", "maximum"}}, "pending": [item ids]},
      "previous": {"period": "2025", "values": {field: value}},  # optional, see below
      "published": [{"period", "score", "rank", "of", "source", "change", "change_from"}]
    }

``previous`` (optional; packets made before it have none, and their report no year-on-year
column): the unit's own values of the period before, inputs and computed, keyed by this
form's field ids (``core.comparison.carried_values``), blanks omitted; report.pdf and
report.xlsx print each beside this period's value.

``published`` (optional, only with a score): scores a higher level published for the unit
(``core.published_words``), this period's and the latest before it; the self-assessment
appendix lists them under their own heading, apart from the self-assessed score.

Decimals are strings (``"93.7"``) so no reader turns them into binary floats. Canonical
bytes: UTF-8, every string NFC, sorted keys, no insignificant white space.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ..core.forms import Form
from ..core.messages import AppError, Text
from ..core.numbers import check_digits, from_canonical
from ..core.published_words import ENTRY_KEYS
from ..core.scoring import UnitScore, best_values, score_unit
from ..core.text import nfc
from ..core.validation import ValidationResult, validate
from ..core.values import Value, ValueRejected, check_value, from_json, to_json

DATA_FORMAT = "cntt-data/1"


def _nfc_all(obj: Any) -> Any:
    if isinstance(obj, str):
        return nfc(obj)
    if isinstance(obj, dict):
        return {nfc(str(k)): _nfc_all(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_nfc_all(v) for v in obj]
    return obj


def _nfc_mapping(obj: dict[str, Any]) -> dict[str, Any]:
    """``_nfc_all`` of a mapping, typed as one."""
    return {nfc(str(k)): _nfc_all(v) for k, v in obj.items()}


def canonical_json(obj: Any) -> bytes:
    """The exact bytes that are hashed and signed."""
    return json.dumps(
        _nfc_all(obj), ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _points(value: Decimal) -> str:
    # Always two decimals, so "0" and "0.00" never both appear for the same score.
    return str(value.quantize(Decimal("0.01")))


def self_score(form: Form, result: ValidationResult) -> UnitScore | None:
    """The unit's own score. Items scored relative to the best unit cannot be known by one
    unit alone: they count 0 here and are listed as pending; the receiver scores them."""
    if form.scoring is None:
        return None
    best = {item_id: None for item_id in best_values(form.scoring, {})}
    return score_unit(form, "self", result.values, best)


def _score_dict(form: Form, score: UnitScore | None) -> dict[str, Any] | None:
    if score is None or form.scoring is None:
        return None
    pending = [i.id for i in form.scoring.items if i.scale == "relative"]
    return {
        "total": _points(score.total),
        "band": score.band.code if score.band else None,
        "sections": {sid: _points(p) for sid, p in score.by_section.items()},
        "items": {
            iid: {"points": _points(s.points), "maximum": _points(s.maximum)}
            for iid, s in score.items.items()
        },
        "pending": pending,
    }


def build_data(
    form: Form,
    *,
    unit: Mapping[str, str | None],
    period: str,
    revision: int,
    result: ValidationResult,
    comments: Mapping[str, str],
    prepared_by: str,
    approved_by: str,
    place: str,
    date: datetime.date,
    number: str = "",
    previous: tuple[str, Mapping[str, Value]] | None = None,
    published: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """``data.json`` for a validated report. ``unit`` has code, name, parent_code, parent_name."""
    inputs = {
        fid: to_json(form.fields[fid], v)
        for fid, v in result.values.items()
        if fid in form.fields and not form.fields[fid].is_computed and v is not None
    }
    computed = {
        fid: to_json(form.fields[fid], v) for fid, v in result.computed.items() if v is not None
    }
    warnings = [
        {
            "rule": p.rule_id,
            "fields": list(p.fields),
            "message": p.message.as_dict(),
            "explanation": p.explanation,
        }
        for p in result.warnings
    ]
    data = {
        "format": DATA_FORMAT,
        "unit": {k: unit.get(k) for k in ("code", "name", "parent_code", "parent_name")},
        "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
        "period": period,
        "revision": revision,
        "prepared_by": prepared_by,
        "approved_by": approved_by,
        "place": place,
        "date": date.isoformat(),
        "number": number,
        "values": inputs,
        "computed": computed,
        "comments": {k: v for k, v in comments.items() if v},
        "warnings": warnings,
        "score": _score_dict(form, self_score(form, result)),
    }
    if previous is not None:
        period_before, before = previous
        data["previous"] = {
            "period": period_before,
            "values": {
                fid: to_json(form.fields[fid], v)
                for fid, v in before.items()
                if fid in form.fields and v is not None
            },
        }
    if published and data["score"] is not None:
        data["published"] = [{k: entry[k] for k in ENTRY_KEYS} for entry in published]
    return _nfc_mapping(data)


def _bad_data(vi: str, en: str, **details: Any) -> AppError:
    return AppError("packet.data_invalid", Text(vi, en), **details)


def typed_inputs(form: Form, data: Mapping[str, Any]) -> dict[str, Value]:
    """The inputs of a ``data.json`` as typed values, refusing unknown or computed fields
    and values the form does not allow (receiving check 6)."""
    raw = data.get("values")
    if not isinstance(raw, dict):
        raise _bad_data("data.json thiếu mục values.", "data.json has no values object.")
    typed: dict[str, Value] = {}
    for fid, value in raw.items():
        field = form.fields.get(fid)
        if field is None or field.is_computed:
            raise _bad_data(
                f"data.json có chỉ tiêu không thuộc biểu mẫu: {fid}",
                f"data.json has a field the form does not have: {fid}",
                field=fid,
            )
        try:
            if field.is_numeric and isinstance(value, str):
                # canonical text ("1.234" is one point two three four), not the Vietnamese
                # way of writing, where "1.234" would be a thousand
                typed[fid] = check_digits(from_canonical(value, integer=field.type == "integer"))
            else:
                typed[fid] = from_json(field, value).value
            # before anything computes with it: 10^39 of a part over 1 of a whole made
            # the ratio's rounding raise decimal.InvalidOperation
            problem = check_value(field, typed[fid])
            if problem is not None:
                raise ValueRejected(field, "number.bound", problem, value)
        except AppError as exc:
            reason = exc.message
            raise _bad_data(
                f"Giá trị không hợp lệ ở {fid}: {reason.vi}",
                f"Invalid value in {fid}: {reason.en}",
                field=fid,
            ) from exc
    return typed


def typed_previous(form: Form, data: Mapping[str, Any]) -> dict[str, Value] | None:
    """The previous period's values of a ``data.json`` (``previous``) typed by this form's
    fields; None when it has none. A field the form lacks or a value it cannot hold is
    refused (``packet.data_invalid``), as for this period's values."""
    previous = data.get("previous")
    if not isinstance(previous, dict):
        return None
    typed: dict[str, Value] = {}
    for fid, value in (previous.get("values") or {}).items():
        field = form.fields.get(fid)
        try:
            if field is None:
                raise ValueError(fid)
            if field.is_numeric and isinstance(value, str):
                typed[fid] = check_digits(from_canonical(value, integer=field.type == "integer"))
            else:
                typed[fid] = from_json(field, value).value
        except (AppError, ValueError, ArithmeticError) as exc:
            raise _bad_data(
                f"data.json: giá trị kỳ trước không hợp lệ ở {fid}",
                f"data.json: invalid previous-period value in {fid}",
                field=fid,
            ) from exc
    return typed


def recheck(form: Form, data: Mapping[str, Any]) -> ValidationResult:
    """Re-validate a ``data.json`` and refuse it if its computed results differ from what
    the form computes from its inputs."""
    warnings = data.get("warnings")  # a list of objects: check 6 checked the shape first
    explanations = {
        w["rule"]: w["explanation"]
        for w in (warnings if isinstance(warnings, list) else [])
        if isinstance(w, dict) and isinstance(w.get("rule"), str)
        and isinstance(w.get("explanation"), str) and w["explanation"]
    }  # fmt: skip
    result = validate(form, typed_inputs(form, data), explanations)
    typed_previous(form, data)  # refused here, before anything prints it
    expected = {
        fid: to_json(form.fields[fid], v) for fid, v in result.computed.items() if v is not None
    }
    if _nfc_all(expected) != data.get("computed"):
        raise _bad_data(
            "Các chỉ tiêu tính toán trong data.json không khớp với biểu mẫu.",
            "The computed fields in data.json do not match the form.",
        )
    return result


__all__ = [
    "DATA_FORMAT",
    "build_data",
    "canonical_json",
    "recheck",
    "self_score",
    "typed_inputs",
    "typed_previous",
]
