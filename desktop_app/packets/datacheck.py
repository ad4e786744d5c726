"""Receiving check 6: ``data.json`` is canonical, has the format's shape (``datashape``:
types, depth, characters, lengths), agrees with the signed manifest, names a form version
known here (same definition, by hash), and re-checking it against that form gives the
same computed results and no errors. Nothing but an ``AppError`` comes out.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..core.forms import Form, FormRegistry
from ..core.messages import AppError, Text
from ..core.periods import Period
from ..core.validation import ValidationResult
from .data import DATA_FORMAT, canonical_json, recheck
from .datashape import check_depth, check_shape, check_texts, too_deep

# What data.json repeats from the manifest; the manifest is what was signed.
_SHARED = ("form", "period", "revision", "prepared_by", "approved_by")
_UNIT = ("code", "name", "parent_code")


def _reject(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), check=6, **details)


def _invalid(vi: str, en: str) -> AppError:
    return _reject("packet.data_invalid", f"data.json: {vi}", f"data.json: {en}")


def _parse(raw: bytes) -> tuple[dict[str, Any], list[str]]:
    try:
        data = json.loads(raw.decode("utf-8"), parse_float=Decimal)
    except RecursionError as exc:  # the parser's own guard: deeper than Python's stack
        raise too_deep() from exc
    except ValueError as exc:  # also a number too long for Python
        raise _invalid("không đọc được JSON", "not readable JSON") from exc
    texts = check_depth(data)  # before anything below walks the tree recursively
    if not isinstance(data, dict) or data.get("format") != DATA_FORMAT:
        raise _invalid(f"không phải định dạng {DATA_FORMAT}", f"not in format {DATA_FORMAT}")
    try:
        canonical = canonical_json(data)
    except (TypeError, ValueError) as exc:
        raise _invalid("giá trị không hợp lệ", "invalid values") from exc
    # The same report must always hash the same: the receiver tells a harmless duplicate
    # from a conflict by this hash.
    if canonical != raw:
        raise _invalid("không ở dạng chuẩn (canonical JSON)", "not canonical JSON")
    return data, texts


def _compare(manifest: Mapping[str, Any], data: Mapping[str, Any]) -> None:
    claimed = data.get("unit")
    unit = claimed if isinstance(claimed, dict) else {}
    differing = [k for k in _SHARED if data.get(k) != manifest[k]]
    differing += [f"unit.{k}" for k in _UNIT if unit.get(k) != manifest["unit"][k]]
    if differing:
        raise _reject(
            "packet.data_mismatch",
            f"data.json và manifest.json khác nhau ở: {', '.join(differing)}.",
            f"data.json and manifest.json differ in: {', '.join(differing)}.",
            fields=differing,
        )


def _form(forms: FormRegistry, manifest: Mapping[str, Any]) -> Form:
    form_id, version = manifest["form"]["id"], manifest["form"]["version"]
    form = forms.by_version(form_id, version)
    if form is None:
        raise _reject(
            "packet.form_unknown",
            f"Không có biểu mẫu {form_id} phiên bản {version}: hãy cập nhật phần mềm.",
            f"Form {form_id} version {version} is unknown here: update the application.",
            form=form_id,
            version=version,
        )
    if form.sha256 != manifest["form"]["sha256"]:
        raise _reject(
            "packet.form_mismatch",
            f"Biểu mẫu {form_id} {version} của đơn vị gửi khác biểu mẫu ở đây (mã băm khác).",
            f"The sender's form {form_id} {version} differs from the one here (different hash).",
            form=form_id,
            version=version,
        )
    return form


def check_data(
    forms: FormRegistry, manifest: Mapping[str, Any], raw: bytes
) -> tuple[dict[str, Any], Form, ValidationResult]:
    """(data, form, re-checked result) for the ``data.json`` bytes; AppError (check 6)."""
    data, texts = _parse(raw)
    check_shape(data, texts)
    _compare(manifest, data)
    form = _form(forms, manifest)
    check_texts(form, data, texts)
    try:
        Period.parse(manifest["period"], form.period_kind)
        result = recheck(form, data)
    except AppError as exc:
        raise _reject(
            "packet.data_invalid",
            exc.message.vi,
            exc.message.en,
            cause=exc.code,
            **{k: v for k, v in exc.details.items() if k != "check"},
        ) from exc
    if result.errors:
        first = result.errors[0].message
        raise _reject(
            "packet.data_has_errors",
            f"Báo cáo còn lỗi: {first.vi}",
            f"The report has errors: {first.en}",
            errors=len(result.errors),
        )
    return data, form, result


__all__ = ["check_data"]
