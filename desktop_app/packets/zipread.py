"""Receiving check 1: open a packet zip without trusting it.

A packet comes from outside (e-mail, USB stick, document system): the zip may be a bomb,
carry paths meant to escape a folder, links, or two members under one name that two zip
readers would resolve differently. Nothing is extracted to disk; members are read into
memory with hard caps that do not rely on the sizes the zip claims.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.evidence import MEMBER_PATTERN
from ..core.messages import AppError, Text
from .packet import MEMBERS
from .zipcheck import EndRecord, check_members, whole_archive


@dataclass(frozen=True)
class ZipLimits:
    """A commune packet is ~0.1–0.5 MB, up to the form's evidence limit more with its
    evidence files (at most 40 MB, 20 MB a file, 40 files: ``forms/form.schema.json``,
    ``core.evidence``); these leave room and stop abuse."""

    max_file_bytes: int = 48 * 1024 * 1024
    max_member_bytes: int = 25 * 1024 * 1024
    max_total_bytes: int = 60 * 1024 * 1024
    max_entries: int = 48  # the 5, and at most 40 evidence files; more is refused unread
    max_ratio: int = 100  # uncompressed / compressed, checked above ratio_floor
    ratio_floor: int = 256 * 1024


DEFAULT_LIMITS = ZipLimits()


def _refuse(code: str, vi: str, en: str, **details: object) -> AppError:
    return AppError(code, Text(vi, en), check=1, **details)


def _too_large(what_vi: str, what_en: str, limit: int, **details: object) -> AppError:
    mb = f"{limit / 1024 / 1024:.0f} MB"
    return _refuse(
        "packet.too_large",
        f"Gói nộp quá lớn: {what_vi} vượt {mb}.",
        f"The packet is too large: {what_en} exceeds {mb}.",
        limit=limit,
        **details,
    )


def _check_entry(info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    name = info.filename
    if "/" in name or "\\" in name or ".." in name or name.startswith(("/", "~")) or ":" in name:
        raise _refuse(
            "packet.unsafe_member",
            f"Gói nộp có đường dẫn không được phép: «{name}».",
            f"The packet has a forbidden path: «{name}».",
            member=name,
        )
    kind = stat.S_IFMT(info.external_attr >> 16)  # 0 when a tool wrote permissions only
    if info.create_system == 3 and kind and kind != stat.S_IFREG:
        raise _refuse(
            "packet.unsafe_member",
            f"«{name}» trong gói nộp là liên kết hoặc thư mục, không phải tệp.",
            f"«{name}» in the packet is a link or folder, not a file.",
            member=name,
        )
    if info.flag_bits & 0x1:
        raise _refuse(
            "packet.encrypted_member",
            f"«{name}» trong gói nộp bị mã hoá bằng mật khẩu zip.",
            f"«{name}» in the packet is password-encrypted.",
            member=name,
        )
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _refuse(
            "packet.not_zip",
            f"«{name}» dùng kiểu nén không hỗ trợ ({info.compress_type}).",
            f"«{name}» uses an unsupported compression ({info.compress_type}).",
            member=name,
        )
    if info.file_size > limits.max_member_bytes:
        raise _too_large(f"«{name}»", f"«{name}»", limits.max_member_bytes, member=name)
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        raise _refuse(
            "packet.too_large",
            f"«{name}» nén với tỉ lệ bất thường (nghi «bom zip»).",
            f"«{name}» has an abnormal compression ratio (suspected zip bomb).",
            member=name,
        )


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise _too_large(f"«{info.filename}»", f"«{info.filename}»", limit)
    return data


def read_members(
    source: Path | bytes, limits: ZipLimits = DEFAULT_LIMITS, members: Sequence[str] = MEMBERS
) -> dict[str, bytes]:
    """The five members of a packet and its evidence members (names of the form
    ``evidence-01-….pdf``; which ones are declared is checked with the manifest), or
    exactly ``members`` for another kind of signed file such as a receipt, by name;
    AppError (check 1) otherwise."""
    if isinstance(source, (bytes, bytearray)):
        raw = bytes(source)
    else:
        try:
            size = Path(source).stat().st_size
            if size > limits.max_file_bytes:
                raise _too_large("tệp", "the file", limits.max_file_bytes, size=size)
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise _refuse(
                "packet.unreadable",
                f"Không đọc được tệp: {exc}",
                f"Cannot read the file: {exc}",
            ) from exc
    if len(raw) > limits.max_file_bytes:
        raise _too_large("tệp", "the file", limits.max_file_bytes, size=len(raw))
    record = whole_archive(raw)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return _read_archive(archive, limits, tuple(members), raw, record)
    except zipfile.BadZipFile as exc:
        raise _refuse(
            "packet.not_zip",
            f"Tệp không phải gói nộp dạng zip hoặc đã hỏng ({exc}).",
            f"The file is not a zip packet or is damaged ({exc}).",
        ) from exc
    except (OSError, EOFError, NotImplementedError, RuntimeError, zlib.error) as exc:
        # zlib.error: a deflated member damaged in transit (one flipped bit is enough)
        raise _refuse(
            "packet.not_zip",
            f"Không đọc được zip: {exc}",
            f"Cannot read the zip: {exc}",
        ) from exc


def _read_archive(
    archive: zipfile.ZipFile,
    limits: ZipLimits,
    expected: tuple[str, ...],
    raw: bytes,
    record: EndRecord,
) -> dict[str, bytes]:
    entries = archive.infolist()
    if len(entries) > limits.max_entries:
        raise _refuse(
            "packet.bad_members",
            f"Gói nộp có {len(entries)} mục, nhiều nhất {limits.max_entries}.",
            f"The packet has {len(entries)} entries, at most {limits.max_entries}.",
        )
    names = [info.filename for info in entries]
    if expected == MEMBERS:  # a report packet: its evidence members beside the five
        expected = (*MEMBERS, *(n for n in names if MEMBER_PATTERN.match(n)))
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise _refuse(
            "packet.duplicate_member",
            f"Gói nộp có tên trùng: {', '.join(duplicated)}.",
            f"The packet has duplicate names: {', '.join(duplicated)}.",
            members=duplicated,
        )
    for info in entries:
        _check_entry(info, limits)
    if set(names) != set(expected):
        extra = sorted(set(names) - set(expected))
        missing = sorted(set(expected) - set(names))
        raise _refuse(
            "packet.bad_members",
            f"Gói nộp phải có đúng {', '.join(expected)}; thừa: {extra or '—'}, thiếu: {missing or '—'}.",
            f"A packet holds exactly {', '.join(expected)}; extra: {extra or '—'}, missing: {missing or '—'}.",
            extra=extra,
            missing=missing,
        )
    check_members(raw, entries, record)
    total = sum(info.file_size for info in entries)
    if total > limits.max_total_bytes:
        raise _too_large("tổng dung lượng", "the total size", limits.max_total_bytes)
    return {info.filename: _read_capped(archive, info, limits.max_member_bytes) for info in entries}


__all__ = ["DEFAULT_LIMITS", "ZipLimits", "read_members"]
