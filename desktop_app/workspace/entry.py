"""Entering values into a report: typed text or a JSON file in, checked, saved at once.

Every value is checked before anything is written; one bad value refuses the whole
command with the reason for each bad value, and the database is left as it was.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.evidence_rules import with_evidence
from ..core.forms import Form
from ..core.messages import AppError, Text
from ..core.periods import Period, check_started
from ..core.text import TextRejected
from ..core.validation import ValidationResult, validate
from ..core.values import (
    Parsed,
    Value,
    ValueRejected,
    check_value,
    from_json,
    from_storage,
    parse_comment,
    parse_explanation,
    parse_input,
    to_storage,
)
from ..packets.manifest import vietnam_time
from ..storage import (
    ReportRow,
    get_comments,
    get_explanations,
    get_or_create_report,
    get_report,
    get_values,
    save_values,
    set_comment,
    set_explanation,
)
from ..storage.clock import local_now
from ..storage.evidence import evidence_counts
from .workspace import Workspace

# A full commune report with every comment at its limit is well under 1 MB.
VALUES_FILE_LIMIT = 2_000_000


class InputRejected(AppError):
    """One or more values refused; ``rejections`` has each, nothing was written."""

    def __init__(self, rejections: Sequence[AppError]) -> None:
        vi = "\n".join(f"  - {r.message.vi}" for r in rejections)
        en = "\n".join(f"  - {r.message.en}" for r in rejections)
        super().__init__(
            "values.rejected",
            Text(f"Không lưu giá trị nào vì:\n{vi}", f"Nothing was saved because:\n{en}"),
            rejections=[r.as_dict() for r in rejections],
        )
        self.rejections = rejections


@dataclass
class SaveOutcome:
    report: ReportRow
    changed: list[str]
    warnings: list[Text] = field(default_factory=list)


def _unknown_field(form: Form, field_id: str) -> AppError:
    return AppError(
        "value.unknown_field",
        Text(
            f"Biểu mẫu {form.id} {form.version} không có chỉ tiêu «{field_id}»",
            f"Form {form.id} {form.version} has no field «{field_id}»",
        ),
        field=field_id,
    )


def _computed_field(form: Form, field_id: str) -> AppError:
    label = form.fields[field_id].label
    return AppError(
        "value.computed",
        Text(
            f"«{label.vi}» ({field_id}) được tính tự động, không nhập",
            f"«{label.en}» ({field_id}) is computed, it cannot be entered",
        ),
        field=field_id,
    )


def _check_all(
    form: Form, raw_values: Mapping[str, Any], reader: Any
) -> tuple[dict[str, Value], list[Text]]:
    typed: dict[str, Value] = {}
    warnings: list[Text] = []
    rejections: list[AppError] = []
    for field_id, raw in raw_values.items():
        field_id = form.renamed.get(field_id, field_id)
        f = form.fields.get(field_id)
        if f is None:
            rejections.append(_unknown_field(form, field_id))
            continue
        if f.is_computed:
            rejections.append(_computed_field(form, field_id))
            continue
        try:
            parsed: Parsed = reader(f, raw)
        except ValueRejected as exc:
            rejections.append(exc)
            continue
        broken = check_value(f, parsed.value)
        if broken is not None:
            rejections.append(ValueRejected(f, "value.bound", broken, raw))
            continue
        typed[field_id] = parsed.value
        if parsed.warning is not None:
            warnings.append(Text(f"{f.id}: {parsed.warning.vi}", f"{f.id}: {parsed.warning.en}"))
    if rejections:
        raise InputRejected(rejections)
    return typed, warnings


def _report(ws: Workspace, form: Form, period: Period) -> ReportRow:
    profile = ws.require_profile()
    return get_or_create_report(ws.db, profile.unit_code, form.id, form.version, str(period))


def _save(
    ws: Workspace,
    form: Form,
    period: Period,
    typed: Mapping[str, Value],
    comments: Mapping[str, str] | None = None,
    explanations: Mapping[str, str] | None = None,
) -> list[str]:
    """Write checked values, comments and explanations (already cleaned) at once."""
    report = _report(ws, form, period)
    changes = {fid: to_storage(form.fields[fid], value) for fid, value in typed.items()}
    with ws.db.transaction():
        changed = save_values(ws.db, report.id, changes, ws.user)
        for field_id, text in (comments or {}).items():
            set_comment(ws.db, report.id, field_id, text or None, ws.user)
        for rule_id, text in (explanations or {}).items():
            set_explanation(ws.db, report.id, rule_id, text or None, ws.user)
    return [c.field_id for c in changed]


def today(ws: Workspace) -> datetime.date:
    """Today in Vietnam, by the workspace's clock (a test's, or the system's)."""

    return vietnam_time(ws.db.clock() if ws.db.clock else local_now()).date()


def entry_period(ws: Workspace, form_id: str, period_text: str) -> tuple[Form, Period]:
    """The form and period figures are entered for: a period that has not started is
    refused (``period.not_started``) before anything is read or written."""
    form, period = ws.form_for(form_id, period_text)
    check_started(period, today(ws))
    return form, period


def set_values(
    ws: Workspace, form_id: str, period_text: str, assignments: Mapping[str, str]
) -> SaveOutcome:
    """``values set``: FIELD=VALUE pairs as a person would type them."""
    form, period = entry_period(ws, form_id, period_text)
    typed, warnings = _check_all(form, assignments, parse_input)
    changed = _save(ws, form, period, typed)
    return SaveOutcome(_report(ws, form, period), changed, warnings)


def _file_error(path: Path, vi: str, en: str) -> AppError:
    return AppError("values.file", Text(f"{path.name}: {vi}", f"{path.name}: {en}"), path=str(path))


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refusing a file over ``VALUES_FILE_LIMIT`` without reading it
    all (a device or a pipe such as /dev/zero has no size to ask for)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(VALUES_FILE_LIMIT + 1)
    except OSError as exc:
        raise _file_error(
            path, f"không đọc được tệp ({exc})", f"cannot read the file ({exc})"
        ) from exc
    if len(raw) > VALUES_FILE_LIMIT:
        megabytes = VALUES_FILE_LIMIT // 1_000_000
        raise _file_error(
            path,
            f"tệp lớn quá {megabytes} MB: một báo cáo không cần nhiều như vậy",
            f"the file is over {megabytes} MB: no report needs that much",
        )
    return raw


def read_values_file(path: Path) -> dict[str, Any]:
    """Parse a ``values load`` file; numbers come back exact (``Decimal``), never float."""
    raw = _read_bounded(path)
    try:
        data = json.loads(raw.decode("utf-8"), parse_float=Decimal)
    except UnicodeDecodeError as exc:
        raise _file_error(path, "tệp không phải UTF-8", "the file is not UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise _file_error(
            path,
            f"JSON sai ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}",
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}",
        ) from exc
    except (ValueError, RecursionError) as exc:  # a number too long, nesting too deep
        raise _file_error(path, f"JSON không đọc được ({exc})", f"unreadable JSON ({exc})") from exc
    problems = []
    if not isinstance(data, dict):
        problems.append(("tệp phải là một đối tượng JSON", "the file must hold one JSON object"))
    else:
        for key in ("form", "period"):
            if not isinstance(data.get(key), str):
                problems.append((f"thiếu khoá «{key}» (chuỗi)", f"missing «{key}» (a string)"))
        if "unit" in data and not isinstance(data["unit"], str):
            problems.append(
                ("«unit» phải là chuỗi (mã đơn vị)", "«unit» must be text (a unit code)")
            )
        for key in ("values", "comments", "explanations"):
            if key in data and not isinstance(data[key], dict):
                problems.append((f"«{key}» phải là đối tượng", f"«{key}» must be an object"))
        if "values" not in data:
            problems.append(("thiếu khoá «values»", "missing «values»"))
        extra = set(data) - {"form", "period", "values", "comments", "explanations", "unit"}
        if extra:
            problems.append((f"khoá lạ: {sorted(extra)}", f"unknown keys: {sorted(extra)}"))
    if problems or not isinstance(data, dict):  # (not a dict is among the problems)
        raise _file_error(
            path, "; ".join(p[0] for p in problems), "; ".join(p[1] for p in problems)
        )
    return data


def _comments(
    form: Form, path: Path, raw: Mapping[str, Any]
) -> tuple[dict[str, str], list[AppError]]:
    """A file's comments, cleaned, under the form's current field ids; and the refusals."""
    cleaned: dict[str, str] = {}
    bad: list[AppError] = []
    for fid, text in raw.items():
        field_id = form.renamed.get(fid, fid)
        if field_id not in form.fields:
            bad.append(_unknown_field(form, fid))
        elif not isinstance(text, str):
            bad.append(
                _file_error(
                    path, f"ghi chú của {fid} phải là chuỗi", f"the comment on {fid} must be text"
                )
            )
        else:
            try:
                cleaned[field_id] = parse_comment(form.fields[field_id], text)
            except TextRejected as exc:
                bad.append(exc)
    return cleaned, bad


def _explanations(
    form: Form, path: Path, raw: Mapping[str, Any]
) -> tuple[dict[str, str], list[AppError]]:
    """A file's explanations of warnings, cleaned; and the refusals."""
    rule_ids = {r.id for r in form.rules}
    cleaned: dict[str, str] = {}
    bad: list[AppError] = []
    for rule_id, text in raw.items():
        if rule_id not in rule_ids:
            bad.append(
                _file_error(
                    path,
                    f"biểu mẫu không có quy tắc «{rule_id}»",
                    f"the form has no rule «{rule_id}»",
                )
            )
        elif not isinstance(text, str):
            bad.append(
                _file_error(
                    path,
                    f"giải trình của {rule_id} phải là chuỗi",
                    f"the explanation of {rule_id} must be text",
                )
            )
        else:
            try:
                cleaned[rule_id] = parse_explanation(rule_id, text)
            except TextRejected as exc:
                bad.append(exc)
    return cleaned, bad


def load_values(ws: Workspace, path: Path) -> SaveOutcome:
    """``values load FILE.json``: values and comments for one report, all or nothing."""
    data = read_values_file(path)
    profile = ws.require_profile()
    if data.get("unit") not in (None, profile.unit_code):
        raise _file_error(
            path,
            f"tệp dành cho đơn vị {data['unit']}, không phải {profile.unit_code}",
            f"the file is for unit {data['unit']}, not {profile.unit_code}",
        )
    form, period = entry_period(ws, data["form"], data["period"])
    bad: list[AppError] = []
    try:
        typed, warnings = _check_all(form, data["values"], from_json)
    except InputRejected as exc:  # told together with the comments' and explanations'
        bad, typed, warnings = list(exc.rejections), {}, []
    comments, more = _comments(form, path, data.get("comments") or {})
    explanations, most = _explanations(form, path, data.get("explanations") or {})
    bad += more + most
    if bad:
        raise InputRejected(bad)
    changed = _save(ws, form, period, typed, comments, explanations)
    return SaveOutcome(_report(ws, form, period), changed, warnings)


def typed_values(form: Form, stored: Mapping[str, str]) -> dict[str, Value]:
    """Stored text → typed values, for the fields this form version knows."""
    return {
        fid: from_storage(form.fields[fid], text)
        for fid, text in stored.items()
        if fid in form.fields and not form.fields[fid].is_computed
    }


@dataclass
class ReportState:
    form: Form
    period: Period
    report: ReportRow | None
    result: ValidationResult
    comments: dict[str, str]


def check_report(ws: Workspace, form_id: str, period_text: str) -> ReportState:
    """``validate``: the report as stored, computed and checked (an absent report is all blank)."""
    profile = ws.require_profile()
    form, period = ws.form_for(form_id, period_text)
    report = get_report(ws.db, profile.unit_code, form.id, str(period))
    if report is None:
        return ReportState(form, period, None, validate(form, {}), {})
    inputs = typed_values(form, get_values(ws.db, report.id))
    result = validate(form, inputs, get_explanations(ws.db, report.id))
    if form.evidence_fields:  # a required file still missing is an error like a rule's
        result = with_evidence(form, result, evidence_counts(ws.db, report.id))
    return ReportState(form, period, report, result, get_comments(ws.db, report.id))
