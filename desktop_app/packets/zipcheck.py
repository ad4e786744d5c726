"""Receiving check 1, the zip's structure: one reading, whatever the reader.

A zip says what it holds twice: in the central directory at its end (what Python's
``zipfile`` reads) and in a local header before each member's data (what a streaming
reader, a repair tool or an antivirus reads). A packet whose two copies disagree, whose
members overlap, or that carries bytes outside its members (a self-extracting stub in
front, data between members or after the end record, a comment) can show one content to
this application and another to a person who opens it with another tool. A packet made
by the application (or re-zipped by an ordinary tool) has none of this, so each is
refused with its own reason rather than read one way.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.messages import AppError, Text

END_RECORD = struct.Struct("<4s4H2LH")  # end of central directory record
_END_SIGNATURE = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_LOCAL = struct.Struct("<4s5H3L2H")  # local file header
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DIRECTORY_SIGNATURE = b"PK\x01\x02"
_DESCRIPTOR_SIGNATURE = b"PK\x07\x08"
_UTF8_NAME = 0x800
_HAS_DESCRIPTOR = 0x8


def _refuse(code: str, vi: str, en: str, **details: object) -> AppError:
    return AppError(code, Text(vi, en), check=1, **details)


def cut_short() -> AppError:
    return _refuse(
        "packet.not_zip",
        "Tệp không phải gói nộp dạng zip hoặc bị cắt cụt (tải về chưa hết?).",
        "The file is not a zip packet or is cut short (an incomplete download?).",
    )


@dataclass(frozen=True)
class EndRecord:
    position: int
    directory_size: int
    directory_offset: int
    comment_size: int


def _records(raw: bytes) -> list[EndRecord]:
    """Every complete end record in the tail, last first."""
    found = []
    tail_start = max(0, len(raw) - END_RECORD.size - 0xFFFF)
    position = raw.rfind(_END_SIGNATURE, tail_start)
    while position >= 0:
        record = raw[position : position + END_RECORD.size]
        if len(record) == END_RECORD.size:
            *_, size, offset, comment = END_RECORD.unpack(record)
            found.append(EndRecord(position, size, offset, comment))
        position = raw.rfind(_END_SIGNATURE, tail_start, position)
    return found


def _zip64(raw: bytes, record: EndRecord) -> bool:
    fields = END_RECORD.unpack(raw[record.position : record.position + END_RECORD.size])
    sentinel = 0xFFFF in fields[1:5] or 0xFFFFFFFF in (
        record.directory_size,
        record.directory_offset,
    )
    return sentinel or raw[max(0, record.position - 20) : record.position].startswith(
        _ZIP64_LOCATOR
    )


def whole_archive(raw: bytes) -> EndRecord:
    """The end record of a zip that is exactly the file: its central directory ends where
    the record starts, nothing before the first member's offset and nothing after the
    record. AppError otherwise, with the reason that fits what was found."""
    records = _records(raw)
    for record in records:
        ends_file = record.position + END_RECORD.size + record.comment_size == len(raw)
        if ends_file and record.directory_offset + record.directory_size == record.position:
            if record.comment_size:
                raise _refuse(
                    "packet.zip_comment",
                    "Gói nộp có phần chú thích (comment) của zip: gói do phần mềm xuất không có phần này.",
                    "The packet carries a zip comment: a packet exported by the application has none.",
                )
            return record
        if ends_file:
            break  # the last plausible record: diagnose it below
    if records and _zip64(raw, records[0]):
        raise _refuse(
            "packet.zip64",
            "Gói nộp dùng định dạng ZIP64 (dành cho tệp hàng GB), gói nộp không bao giờ cần: hãy xuất lại gói bằng phần mềm.",
            "The packet uses the ZIP64 format (meant for files of gigabytes), which a packet never needs: export it again with the application.",
        )
    for record in records:
        start = record.position - record.directory_size - record.directory_offset
        consistent = start >= 0 and raw.startswith(
            _DIRECTORY_SIGNATURE, start + record.directory_offset
        )
        if not consistent:
            continue
        end = record.position + END_RECORD.size + record.comment_size
        if start == 0 and end < len(raw):
            raise _refuse(
                "packet.zip_trailing_data",
                f"Gói nộp có {len(raw) - end} byte dữ liệu lạ sau phần kết thúc của zip.",
                f"The packet has {len(raw) - end} bytes of foreign data after the end of the zip.",
                extra_bytes=len(raw) - end,
            )
        if start > 0 and end == len(raw) and not raw.startswith(_LOCAL_SIGNATURE):
            raise prepended(start)
        break
    raise cut_short()


def prepended(size: int) -> AppError:
    return _refuse(
        "packet.zip_prepended_data",
        f"Gói nộp có {size} byte dữ liệu lạ phía trước zip (kiểu tệp tự giải nén, .exe).",
        f"The packet has {size} bytes of foreign data in front of the zip (like a self-extracting .exe).",
        extra_bytes=size,
    )


def _disagree(name: str, what_vi: str, what_en: str) -> AppError:
    return _refuse(
        "packet.zip_headers_disagree",
        f"Trong gói nộp, phần đầu cục bộ của «{name}» khác mục lục zip ({what_vi}): hai phần mềm đọc zip sẽ thấy hai nội dung khác nhau.",
        f"In the packet, the local header of «{name}» disagrees with the zip's directory ({what_en}): two zip readers would see two different contents.",
        member=name,
    )


def _local_end(raw: bytes, info: zipfile.ZipInfo) -> int:
    """Where the member that starts at ``info.header_offset`` ends (after its data and
    data descriptor), once its local header is checked against the directory entry."""
    name = info.filename
    at = info.header_offset
    header = raw[at : at + _LOCAL.size]
    if len(header) < _LOCAL.size or not header.startswith(_LOCAL_SIGNATURE):
        raise _disagree(name, "không có phần đầu cục bộ", "no local header there")
    _, _, flags, method, _, _, crc, csize, usize, name_size, extra_size = _LOCAL.unpack(header)
    raw_name = raw[at + _LOCAL.size : at + _LOCAL.size + name_size]
    local_name = raw_name.decode("utf-8" if flags & _UTF8_NAME else "cp437", "replace")
    if local_name != info.orig_filename:
        raise _disagree(name, f"tên «{local_name}»", f"named «{local_name}»")
    if method != info.compress_type:
        raise _disagree(name, "kiểu nén khác", "another compression method")
    if (flags ^ info.flag_bits) & 0x1:
        raise _disagree(name, "cờ mã hoá khác", "another encryption flag")
    data_end: int = at + _LOCAL.size + name_size + extra_size + info.compress_size
    if flags & _HAS_DESCRIPTOR:  # sizes follow the data (a streaming writer)
        at_descriptor = data_end + (4 if raw.startswith(_DESCRIPTOR_SIGNATURE, data_end) else 0)
        crc, csize, usize = (
            struct.unpack_from("<3L", raw, at_descriptor)
            if len(raw) >= at_descriptor + 12
            else (None,) * 3
        )
        end = at_descriptor + 12
    else:
        end = data_end
    if (crc, csize, usize) != (info.CRC, info.compress_size, info.file_size):
        raise _disagree(name, "kích thước hoặc mã CRC khác", "other sizes or CRC")
    return end


def check_members(raw: bytes, entries: Sequence[zipfile.ZipInfo], record: EndRecord) -> None:
    """Each local header agrees with its directory entry, and the members follow one
    another from the file's first byte to the directory: no overlap, no gap."""
    position = 0
    for info in sorted(entries, key=lambda i: i.header_offset):
        if info.comment:
            raise _refuse(
                "packet.zip_comment",
                f"«{info.filename}» trong gói nộp có chú thích (comment) của zip.",
                f"«{info.filename}» in the packet carries a zip comment.",
                member=info.filename,
            )
        if info.header_offset < position:
            raise _refuse(
                "packet.zip_overlap",
                f"Các mục trong gói nộp chồng lên nhau («{info.filename}» dùng lại dữ liệu của mục khác).",
                f"Members of the packet overlap («{info.filename}» reuses another member's data).",
                member=info.filename,
            )
        if info.header_offset > position:
            if position == 0:
                raise prepended(info.header_offset)
            break
        position = _local_end(raw, info)
    if position != record.directory_offset:
        if position > record.directory_offset:
            raise _refuse(
                "packet.zip_overlap",
                "Các mục trong gói nộp chồng lên mục lục zip.",
                "Members of the packet overlap the zip's directory.",
            )
        raise _refuse(
            "packet.zip_hidden_data",
            "Gói nộp có dữ liệu lạ nằm giữa các mục, ngoài mọi tệp thành phần.",
            "The packet has foreign data between its members, outside every member.",
        )


__all__ = ["END_RECORD", "EndRecord", "check_members", "cut_short", "whole_archive"]
