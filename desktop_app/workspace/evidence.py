"""Evidence files (tài liệu kiểm chứng, issue 18): the clerk attaches PDF, JPEG or PNG
files to an indicator of the own report, lists, opens, removes and saves copies of them;
the receiving unit lists and opens those of a received submission. The window, the
command line and the appraisal view call these functions and nothing else.

Every file is checked by its content (``core.evidence.check_file``) against the form's
limits before anything is written; a refused file leaves the database as it was.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.evidence import check_count, check_file, clean_name, megabytes, member_name
from ..core.evidence_rules import with_evidence
from ..core.forms import Field, Form
from ..core.messages import AppError, Text
from ..core.validation import ValidationResult
from ..storage import evidence as store
from ..storage import get_or_create_report, get_report
from ..storage.durable import atomic_write
from ..storage.evidence import EvidenceRow, ReceivedEvidenceRow
from ..storage.submissions import current_submission, get_submission
from .entry import entry_period
from .workspace import Workspace


def _refuse(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


def as_dict(row: EvidenceRow | ReceivedEvidenceRow) -> dict[str, Any]:
    """A file as ``--json`` and the appraisal view show it (no bytes)."""
    return dict(row.__dict__)


def _field(form: Form, field_id: str) -> Field:
    field = form.fields.get(form.renamed.get(field_id, field_id))
    if field is None:
        raise _refuse(
            "evidence.unknown_field",
            f"Biểu mẫu {form.id} {form.version} không có chỉ tiêu «{field_id}».",
            f"Form {form.id} {form.version} has no field «{field_id}».",
            field=field_id,
        )
    if not field.evidence:
        takes = ", ".join(f.id for f in form.evidence_fields) or "—"
        raise _refuse(
            "evidence.not_taken",
            f"Chỉ tiêu «{field.label.vi}» không nhận tài liệu kiểm chứng (chỉ tiêu nhận: {takes}).",
            f"The field «{field.label.en}» takes no evidence (fields that do: {takes}).",
            field=field.id,
        )
    return field


def _report_id(ws: Workspace, form: Form, period: str) -> int | None:
    report = get_report(ws.db, ws.require_profile().unit_code, form.id, period)
    return report.id if report else None


# -- the own report ----------------------------------------------------------------------


def list_evidence(ws: Workspace, form_id: str, period_text: str) -> dict[str, list[EvidenceRow]]:
    """The own report's files by field id (fields without files absent), in form order."""
    form, period = ws.form_for(form_id, period_text)
    report_id = _report_id(ws, form, str(period))
    return _by_field(form, store.report_evidence(ws.db, report_id) if report_id else [])


def _by_field(form: Form, rows: list[Any]) -> dict[str, list[Any]]:
    grouped: dict[str, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row.field_id, []).append(row)
    order = list(form.fields)
    return dict(sorted(grouped.items(), key=lambda kv: _position(order, kv[0])))


def _position(order: list[str], field_id: str) -> int:
    return order.index(field_id) if field_id in order else len(order)


def evidence_counts(ws: Workspace, form: Form, period: str) -> dict[str, int]:
    """field id → how many files the own report has on it."""
    report_id = _report_id(ws, form, period)
    return store.evidence_counts(ws.db, report_id) if report_id else {}


def checked_with_evidence(
    ws: Workspace, form: Form, period: str, result: ValidationResult
) -> ValidationResult:
    """``result`` with a problem for each required evidence still missing."""
    if not form.evidence_fields:
        return result
    return with_evidence(form, result, evidence_counts(ws, form, period))


def read_evidence_file(path: Path, limit: int) -> bytes:
    """A file's bytes, refused unread when it is larger than ``limit``."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise _refuse(
                "evidence.too_large",
                f"«{path.name}» nặng {megabytes(size)}, quá giới hạn {megabytes(limit)} một tệp.",
                f"«{path.name}» is {megabytes(size)}, over the limit of {megabytes(limit)} a file.",
                name=path.name,
                size=size,
                limit=limit,
            )
        with path.open("rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise _refuse(
            "evidence.unreadable",
            f"Không đọc được tệp «{path.name}»: {exc.strerror or exc}.",
            f"Cannot read the file «{path.name}»: {exc.strerror or exc}.",
            name=path.name,
        ) from exc


def attach_evidence(
    ws: Workspace, form_id: str, period_text: str, field_id: str, path: Path | str
) -> EvidenceRow:
    """``evidence add``: keep a copy of the file at ``path`` on the field."""
    form, _ = ws.form_for(form_id, period_text)
    path = Path(path)
    data = read_evidence_file(path, form.evidence_limits.file_bytes)
    return attach_evidence_bytes(ws, form_id, period_text, field_id, path.name, data)


def attach_evidence_bytes(
    ws: Workspace, form_id: str, period_text: str, field_id: str, name: str, data: bytes
) -> EvidenceRow:
    """Keep ``data``, named ``name``, on the field: checked by content and against the
    form's limits (per file, per field, per report); audited; reopens an exported
    report. AppError with its own code otherwise, nothing written."""
    form, period = entry_period(ws, form_id, period_text)
    field = _field(form, field_id)
    name = clean_name(name)
    limits = form.evidence_limits
    media_type = check_file(name, data, limits)
    digest = hashlib.sha256(data).hexdigest()
    report_id = _report_id(ws, form, str(period))
    held = store.report_evidence(ws.db, report_id) if report_id else []
    on_field = [r for r in held if r.field_id == field.id]
    twin = next((r for r in on_field if r.sha256 == digest), None)
    if twin is not None:
        raise _refuse(
            "evidence.duplicate",
            f"Tệp này đã được đính kèm vào «{field.label.vi}» (tên «{twin.name}»).",
            f"This file is already attached to «{field.label.en}» (as «{twin.name}»).",
            field=field.id,
        )
    check_count(len(on_field), sum(r.size for r in held) + len(data), limits, field.label)
    if len(held) >= limits.files_per_report:
        raise _refuse(
            "evidence.too_many",
            f"Báo cáo đã có {len(held)} tệp kiểm chứng, tối đa {limits.files_per_report}.",
            f"The report already has {len(held)} evidence files, at most {limits.files_per_report}.",
            limit=limits.files_per_report,
        )
    with ws.db.transaction():
        report = get_or_create_report(
            ws.db, ws.require_profile().unit_code, form.id, form.version, str(period)
        )
        return store.add_evidence(
            ws.db, report.id, field.id, name=name, media_type=media_type, sha256=digest,
            content=data, user=ws.user,
        )  # fmt: skip


def _own_row(ws: Workspace, form: Form, period: str, evidence_id: int) -> tuple[int, EvidenceRow]:
    report_id = _report_id(ws, form, period)
    rows = store.report_evidence(ws.db, report_id) if report_id else []
    row = next((r for r in rows if r.id == evidence_id), None)
    if report_id is None or row is None:
        raise _refuse(
            "evidence.not_found",
            f"Báo cáo {form.id} kỳ {period} không có tệp kiểm chứng số {evidence_id}.",
            f"The {form.id} report for {period} has no evidence file number {evidence_id}.",
            id=evidence_id,
        )
    return report_id, row


def remove_evidence(ws: Workspace, form_id: str, period_text: str, evidence_id: int) -> EvidenceRow:
    """``evidence remove``: take one file off the report (audited; reopens it if exported)."""
    form, period = ws.form_for(form_id, period_text)
    report_id, row = _own_row(ws, form, str(period), evidence_id)
    store.remove_evidence(ws.db, report_id, evidence_id, ws.user)
    return row


def evidence_bytes(ws: Workspace, form_id: str, period_text: str, evidence_id: int) -> bytes:
    """The bytes of one file of the own report (to open it or save a copy)."""
    form, period = ws.form_for(form_id, period_text)
    report_id, _ = _own_row(ws, form, str(period), evidence_id)
    content = store.evidence_content(ws.db, report_id, evidence_id)
    assert content is not None
    return content


def _save_copies(out_dir: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    taken: set[str] = set()
    for name, data in files:
        safe = clean_name(name)
        candidate, n = safe, 1
        while candidate.lower() in taken:
            n += 1
            stem, dot, ext = safe.rpartition(".")
            candidate = f"{stem} ({n}){dot}{ext}" if dot else f"{safe} ({n})"
        taken.add(candidate.lower())
        target = out_dir / candidate
        atomic_write(target, data)
        written.append(target)
    return written


def extract_evidence(
    ws: Workspace, form_id: str, period_text: str, out_dir: Path, evidence_id: int | None = None
) -> list[Path]:
    """``evidence extract``: save copies of the own report's files (or of one) in ``out_dir``."""
    form, period = ws.form_for(form_id, period_text)
    rows = [r for rs in list_evidence(ws, form_id, period_text).values() for r in rs]
    if evidence_id is not None:
        rows = [_own_row(ws, form, str(period), evidence_id)[1]]
    return _save_copies(
        out_dir, [(r.name, evidence_bytes(ws, form_id, period_text, r.id)) for r in rows]
    )


@dataclass(frozen=True)
class PacketEvidence:
    """One file as it travels in a packet."""

    member: str
    field_id: str
    name: str
    media_type: str
    size: int
    sha256: str
    content: bytes

    def listed(self) -> dict[str, Any]:
        return {
            "member": self.member,
            "name": self.name,
            "size": self.size,
            "sha256": self.sha256,
            "media_type": self.media_type,
        }


def packet_evidence(
    ws: Workspace, form: Form, report_id: int, *, content: bool = True
) -> list[PacketEvidence]:
    """The report's files numbered as packet members, in form order (``content``
    False: without their bytes, for the listing in data.json)."""
    rows = _by_field(form, store.report_evidence(ws.db, report_id))
    found: list[PacketEvidence] = []
    for rs in rows.values():
        for row in rs:
            data = store.evidence_content(ws.db, report_id, row.id) if content else b""
            member = member_name(len(found) + 1, row.name, row.media_type)
            found.append(PacketEvidence(
                member, row.field_id, row.name, row.media_type, row.size, row.sha256, data or b""
            ))  # fmt: skip
    return found


def data_listing(files: list[PacketEvidence]) -> dict[str, list[dict[str, Any]]]:
    """data.json's ``evidence``: field id → its files (absent when there are none)."""
    listing: dict[str, list[dict[str, Any]]] = {}
    for f in files:
        listing.setdefault(f.field_id, []).append(f.listed())
    return listing


# -- a received submission ---------------------------------------------------------------


def _submission(ws: Workspace, submission_id: int) -> Any:
    submission = get_submission(ws.db, submission_id)
    if submission is None:
        raise _refuse(
            "evidence.no_submission",
            f"Không có báo cáo nhận được số {submission_id}.",
            f"There is no received report number {submission_id}.",
            submission=submission_id,
        )
    return submission


def submission_evidence(ws: Workspace, submission_id: int) -> dict[str, list[ReceivedEvidenceRow]]:
    """A received submission's evidence by field id, in the order of the packet."""
    _submission(ws, submission_id)
    grouped: dict[str, list[ReceivedEvidenceRow]] = {}
    for row in store.received_evidence(ws.db, submission_id):
        grouped.setdefault(row.field_id, []).append(row)
    return grouped


def current_submission_id(ws: Workspace, unit_code: str, form_id: str, period: str) -> int:
    """The id of the child's report that counts (for ``--unit`` on the command line)."""
    submission = current_submission(ws.db, unit_code, form_id, period)
    if submission is None:
        raise _refuse(
            "evidence.no_submission",
            f"Chưa nhận được báo cáo {form_id} kỳ {period} của đơn vị {unit_code}.",
            f"No {form_id} report for {period} has been received from unit {unit_code}.",
            unit_code=unit_code,
        )
    return int(submission.id)


def submission_evidence_bytes(ws: Workspace, submission_id: int, member: str) -> bytes:
    """The bytes of one evidence file of a received submission, by its packet member."""
    _submission(ws, submission_id)
    content = store.received_content(ws.db, submission_id, member)
    if content is None:
        raise _refuse(
            "evidence.not_found",
            f"Báo cáo nhận được số {submission_id} không có tệp kiểm chứng «{member}».",
            f"Received report number {submission_id} has no evidence file «{member}».",
            member=member,
        )
    return content


def extract_submission_evidence(
    ws: Workspace, submission_id: int, out_dir: Path, member: str | None = None
) -> list[Path]:
    """Save copies of a received submission's evidence (or of one member) in ``out_dir``,
    each under the name the unit gave it."""
    rows = [r for rs in submission_evidence(ws, submission_id).values() for r in rs]
    if member is not None:
        rows = [r for r in rows if r.member == member]
        if not rows:
            submission_evidence_bytes(ws, submission_id, member)  # raises not_found
    return _save_copies(
        out_dir, [(r.name, submission_evidence_bytes(ws, submission_id, r.member)) for r in rows]
    )


def listing_for_report(rows: Mapping[str, list[EvidenceRow]]) -> dict[str, list[dict[str, Any]]]:
    return {fid: [as_dict(r) for r in rs] for fid, rs in rows.items()}


__all__ = [
    "PacketEvidence",
    "as_dict",
    "attach_evidence",
    "attach_evidence_bytes",
    "checked_with_evidence",
    "current_submission_id",
    "data_listing",
    "evidence_bytes",
    "evidence_counts",
    "extract_evidence",
    "extract_submission_evidence",
    "list_evidence",
    "listing_for_report",
    "packet_evidence",
    "read_evidence_file",
    "remove_evidence",
    "submission_evidence",
    "submission_evidence_bytes",
]
