"""The evidence members of a packet (tài liệu kiểm chứng, issue 18), checked in two steps
of DESIGN §3, each refusal with its own code:

- with the signed manifest (check 5): every member the manifest lists is in the zip
  (``packet.evidence_missing``), every evidence member in the zip is listed
  (``packet.evidence_undeclared``), each hashes as listed (``packet.hash_mismatch``) and
  its bytes are what its name and listed media type say (``packet.evidence_type``);
- with the form (check 6): each file is on a field that takes evidence
  (``packet.evidence_not_taken``), within the form's limits a file, an indicator and a
  report (``packet.evidence_too_large``, ``packet.evidence_too_many``), data.json lists
  the same files (``packet.data_mismatch``), and a field that requires evidence and
  claims something has some (``packet.evidence_required``).

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..core.evidence import MEMBER_PATTERN, extension_type, megabytes, sniff
from ..core.evidence_rules import missing_evidence
from ..core.forms import Form
from ..core.messages import AppError, Text
from ..core.validation import ValidationResult
from .manifest import HASHED_MEMBERS, evidence_listing, sha256_hex


def _reject(code: str, check: int, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), check=check, **details)


def _listed(manifest: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    listed: list[Mapping[str, Any]] = manifest.get("evidence") or []
    return listed


def check_evidence_members(manifest: Mapping[str, Any], members: Mapping[str, bytes]) -> None:
    """Check 5 for the evidence members; the signature over the manifest is already good."""
    listed = _listed(manifest)
    declared = [str(e["member"]) for e in listed]
    hashed = sorted(set(manifest["files"]) - set(HASHED_MEMBERS))
    if sorted(declared) != hashed or len(set(declared)) != len(declared):
        raise _reject(
            "packet.manifest_invalid",
            2,
            "manifest.json không hợp lệ: danh sách tài liệu kiểm chứng khác danh sách mã băm.",
            "manifest.json is invalid: its evidence list and its hashes disagree.",
        )
    for entry in listed:
        member = str(entry["member"])
        if not MEMBER_PATTERN.match(member):  # the schema's "$" lets a final "\n" through
            raise _reject(
                "packet.manifest_invalid",
                2,
                f"manifest.json không hợp lệ: tên tệp kiểm chứng «{member!r}».",
                f"manifest.json is invalid: evidence member name «{member!r}».",
            )
        if member not in members:
            raise _reject(
                "packet.evidence_missing",
                5,
                f"Gói nộp thiếu tài liệu kiểm chứng «{entry['name']}» ({member}) mà manifest.json kê khai.",
                f"The packet lacks the evidence file «{entry['name']}» ({member}) that manifest.json lists.",
                member=member,
            )
    undeclared = sorted(n for n in members if MEMBER_PATTERN.match(n) and n not in declared)
    if undeclared:
        raise _reject(
            "packet.evidence_undeclared",
            5,
            f"Gói nộp có tệp không được kê khai trong manifest.json: {', '.join(undeclared)}.",
            f"The packet holds files manifest.json does not list: {', '.join(undeclared)}.",
            members=undeclared,
        )
    for entry in listed:
        member = str(entry["member"])
        data = members[member]
        if (
            sha256_hex(data) != manifest["files"][member]
            or entry["sha256"] != manifest["files"][member]
        ):
            raise _reject(
                "packet.hash_mismatch",
                5,
                f"{member} không khớp với manifest (tệp đã bị thay đổi sau khi ký).",
                f"{member} does not match the manifest (the file was changed after signing).",
                member=member,
            )
        said = extension_type(member)
        if sniff(data) != said or entry["media_type"] != said or entry["size"] != len(data):
            raise _reject(
                "packet.evidence_type",
                5,
                f"Tài liệu kiểm chứng «{entry['name']}» ({member}) không đúng loại tệp như tên và manifest.json nói ({said}).",
                f"The evidence file «{entry['name']}» ({member}) is not the kind of file its name and manifest.json say ({said}).",
                member=member,
            )


def check_evidence_form(
    form: Form, manifest: Mapping[str, Any], data: Mapping[str, Any], result: ValidationResult
) -> None:
    """Check 6 for the evidence: the form takes it, within its limits, as data.json says,
    and none that the form requires is missing."""
    listed = _listed(manifest)
    if evidence_listing(data) != [dict(e) for e in listed]:
        raise _reject(
            "packet.data_mismatch",
            6,
            "data.json và manifest.json kê khai tài liệu kiểm chứng khác nhau.",
            "data.json and manifest.json list different evidence files.",
            fields=["evidence"],
        )
    limits = form.evidence_limits
    counts: dict[str, int] = {}
    for entry in listed:
        field = form.fields.get(str(entry["field"]))
        if field is None or not field.evidence:
            raise _reject(
                "packet.evidence_not_taken",
                6,
                f"Tài liệu kiểm chứng «{entry['name']}» gắn với chỉ tiêu «{entry['field']}» không nhận tài liệu trong biểu mẫu {form.id} {form.version}.",
                f"The evidence file «{entry['name']}» is on «{entry['field']}», which takes no evidence in form {form.id} {form.version}.",
                field=str(entry["field"]),
            )
        counts[field.id] = counts.get(field.id, 0) + 1
        if entry["size"] > limits.file_bytes:
            raise _too_large(entry["name"], entry["size"], limits.file_bytes, "một tệp", "a file")
    total = sum(int(e["size"]) for e in listed)
    if total > limits.packet_bytes:
        raise _too_large("tổng", total, limits.packet_bytes, "một báo cáo", "a report", "the total")
    crowded = sorted(f for f, n in counts.items() if n > limits.files_per_field)
    if crowded or len(listed) > limits.files_per_report:
        raise _reject(
            "packet.evidence_too_many",
            6,
            f"Gói nộp có quá nhiều tài liệu kiểm chứng (tối đa {limits.files_per_field} tệp một chỉ tiêu, {limits.files_per_report} tệp một báo cáo).",
            f"The packet has too many evidence files (at most {limits.files_per_field} an indicator, {limits.files_per_report} a report).",
            fields=crowded,
        )
    missing = missing_evidence(form, result.values, counts)
    if missing:
        first = missing[0]
        raise _reject(
            "packet.evidence_required",
            6,
            f"Báo cáo thiếu tài liệu kiểm chứng bắt buộc: {first.message.vi}",
            f"The report lacks required evidence: {first.message.en}",
            fields=[p.field_id for p in missing],
        )


def _too_large(
    name: str, size: int, limit: int, per_vi: str, per_en: str, what_en: str | None = None
) -> AppError:
    return _reject(
        "packet.evidence_too_large",
        6,
        f"Tài liệu kiểm chứng «{name}» nặng {megabytes(size)}, quá giới hạn {megabytes(limit)} {per_vi} của biểu mẫu.",
        f"The evidence «{what_en or name}» is {megabytes(size)}, over the form's limit of {megabytes(limit)} {per_en}.",
        size=size,
        limit=limit,
    )


__all__ = ["check_evidence_form", "check_evidence_members"]
