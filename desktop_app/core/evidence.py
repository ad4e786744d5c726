"""Evidence files (tài liệu kiểm chứng): what a file attached to an indicator may be, and
the one check every way in goes through (the clerk attaching it, a packet arriving).

A file is taken for what its bytes are, not for its name: a PDF starts with ``%PDF-``, a
JPEG with FF D8 FF, a PNG with its eight-byte signature. The name's extension must say
the same thing, so a Word file renamed ``.pdf`` or a photo renamed ``.png`` is refused
with its own reason rather than sent up to be opened by the wrong program.

Limits, unless the form says otherwise (``evidence_limits: {file_mb, packet_mb}``):
10 MB a file, 30 MB for all the evidence of one report, 5 files an indicator, 40 files a
report. A scanned decision of a few pages is 0.5–3 MB; a phone photo 2–5 MB.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .messages import AppError, Text
from .text import nfc

MB = 1024 * 1024
DEFAULT_FILE_MB = Decimal(10)
DEFAULT_PACKET_MB = Decimal(30)
MAX_FILES_PER_FIELD = 5
MAX_FILES_PER_REPORT = 40
NAME_MAX_LENGTH = 200

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
MEDIA_TYPES = (PDF, JPEG, PNG)
_EXTENSIONS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG}
_MEMBER_EXTENSION = {PDF: "pdf", JPEG: "jpg", PNG: "png"}
_KIND = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG"}
# A packet's evidence member: "evidence-01-quyet-dinh-so-15.pdf". Flat, like every other
# member (no folder, so the rule "no paths in a packet" stays absolute), ASCII only.
MEMBER_PATTERN = re.compile(r"\Aevidence-[0-9]{2}-[a-z0-9][a-z0-9_-]{0,59}\.(pdf|jpg|png)\Z")


@dataclass(frozen=True)
class EvidenceLimits:
    file_bytes: int = int(DEFAULT_FILE_MB * MB)
    packet_bytes: int = int(DEFAULT_PACKET_MB * MB)
    files_per_field: int = MAX_FILES_PER_FIELD
    files_per_report: int = MAX_FILES_PER_REPORT

    @classmethod
    def from_megabytes(cls, file_mb: Decimal | None, packet_mb: Decimal | None) -> EvidenceLimits:
        return cls(
            int((file_mb or DEFAULT_FILE_MB) * MB), int((packet_mb or DEFAULT_PACKET_MB) * MB)
        )


DEFAULT_LIMITS = EvidenceLimits()


def megabytes(size: int) -> str:
    """A size as a person reads it, Vietnamese style: "2,4 MB", "350 KB"."""
    if size >= MB:
        return f"{size / MB:.1f}".replace(".", ",") + " MB"
    return f"{max(1, round(size / 1024))} KB"


def sniff(data: bytes) -> str | None:
    """The media type the bytes are, by their first bytes; None for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def media_type_of_name(name: str) -> str | None:
    dot = name.rfind(".")
    return _EXTENSIONS.get(name[dot:].lower()) if dot >= 0 else None


def _refuse(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


def clean_name(name: str) -> str:
    """The file's own name as kept and shown: NFC, no folder, no control character."""
    base = nfc(name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C")
    if not base or base in (".", ".."):
        raise _refuse(
            "evidence.bad_name",
            "Tệp kiểm chứng không có tên hợp lệ.",
            "The evidence file has no valid name.",
        )
    if len(base) > NAME_MAX_LENGTH:
        raise _refuse(
            "evidence.bad_name",
            f"Tên tệp kiểm chứng dài quá {NAME_MAX_LENGTH} ký tự.",
            f"The evidence file's name is longer than {NAME_MAX_LENGTH} characters.",
        )
    return base


def check_file(name: str, data: bytes, limits: EvidenceLimits = DEFAULT_LIMITS) -> str:
    """The media type of an evidence file named ``name`` holding ``data``; AppError with
    its own code when it is empty, too large, of a kind not taken, or not what its name
    says."""
    declared = media_type_of_name(name)
    if declared is None:
        raise _refuse(
            "evidence.unsupported_type",
            f"«{name}»: chỉ nhận tệp PDF, JPEG hoặc PNG (.pdf, .jpg, .jpeg, .png).",
            f"«{name}»: only PDF, JPEG or PNG files are taken (.pdf, .jpg, .jpeg, .png).",
            name=name,
        )
    if not data:
        raise _refuse(
            "evidence.empty",
            f"«{name}» là tệp rỗng (0 byte).",
            f"«{name}» is an empty file (0 bytes).",
            name=name,
        )
    if len(data) > limits.file_bytes:
        raise _refuse(
            "evidence.too_large",
            f"«{name}» nặng {megabytes(len(data))}, quá giới hạn {megabytes(limits.file_bytes)} một tệp.",
            f"«{name}» is {megabytes(len(data))}, over the limit of {megabytes(limits.file_bytes)} a file.",
            name=name,
            size=len(data),
            limit=limits.file_bytes,
        )
    actual = sniff(data)
    if actual != declared:
        is_vi = f"tệp {_KIND[actual]}" if actual else "không phải PDF, JPEG hay PNG"
        is_en = f"a {_KIND[actual]} file" if actual else "not a PDF, JPEG or PNG"
        raise _refuse(
            "evidence.content_mismatch",
            f"«{name}» có đuôi {_KIND[declared]} nhưng nội dung là {is_vi}: hãy lưu lại đúng định dạng.",
            f"«{name}» is named as {_KIND[declared]} but its content is {is_en}: save it again in the right format.",
            name=name,
            declared=declared,
            actual=actual,
        )
    return declared


def check_count(count: int, total: int, limits: EvidenceLimits, label: Text) -> None:
    """Room for one more file: ``count`` files on this indicator, ``total`` bytes of
    evidence on the report after adding it."""
    if count >= limits.files_per_field:
        raise _refuse(
            "evidence.too_many",
            f"«{label.vi}» đã có {count} tệp kiểm chứng, tối đa {limits.files_per_field}.",
            f"«{label.en}» already has {count} evidence files, at most {limits.files_per_field}.",
            limit=limits.files_per_field,
        )
    if total > limits.packet_bytes:
        raise _refuse(
            "evidence.packet_too_large",
            f"Tổng tài liệu kiểm chứng của báo cáo sẽ là {megabytes(total)}, quá giới hạn {megabytes(limits.packet_bytes)}.",
            f"The report's evidence would total {megabytes(total)}, over the limit of {megabytes(limits.packet_bytes)}.",
            size=total,
            limit=limits.packet_bytes,
        )


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9_-]+", "-", folded.lower()).strip("-_")


def member_name(index: int, name: str, media_type: str) -> str:
    """The packet member of the ``index``-th evidence file (1-based): a plain ASCII name
    a zip tool and any OS show the same ("Quyết định số 15.pdf" → "evidence-01-quyet-
    dinh-so-15.pdf")."""
    dot = name.rfind(".")
    stem = _ascii(name[:dot] if dot > 0 else name)[:60].strip("-_") or "tep"
    member = f"evidence-{index:02d}-{stem}.{_MEMBER_EXTENSION[media_type]}"
    assert MEMBER_PATTERN.match(member), member
    return member


def extension_type(member: str) -> str:
    """The media type a member's name says (members match MEMBER_PATTERN)."""
    return {"pdf": PDF, "jpg": JPEG, "png": PNG}[member.rsplit(".", 1)[-1]]


__all__ = [
    "DEFAULT_FILE_MB",
    "DEFAULT_LIMITS",
    "DEFAULT_PACKET_MB",
    "JPEG",
    "MAX_FILES_PER_FIELD",
    "MAX_FILES_PER_REPORT",
    "MB",
    "MEDIA_TYPES",
    "MEMBER_PATTERN",
    "PDF",
    "PNG",
    "EvidenceLimits",
    "check_count",
    "check_file",
    "clean_name",
    "extension_type",
    "media_type_of_name",
    "megabytes",
    "member_name",
    "sniff",
]
