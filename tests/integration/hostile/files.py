"""Receiving never falls over: zip structure, PDF content, reports that disagree with data.json (issue 14 §6)."""

from __future__ import annotations

import datetime
import struct

from tests.unit.receiving import fleet as F

from .kit import unpack

# -- building blocks ---------------------------------------------------------------------------


def resigned_members(members: dict[str, bytes], signer, data: dict) -> bytes:
    """The packet zip of ``members`` with a fresh manifest (hashes of the members as
    given) signed by ``signer``: the packet is genuine in every way a signature can say."""
    from desktop_app.packets.manifest import build_manifest, manifest_bytes
    from desktop_app.packets.packet import MEMBERS, zip_bytes
    from desktop_app.packets.signing import sign_detached

    moment = datetime.datetime.now(datetime.UTC)
    files = dict(members)
    manifest = manifest_bytes(build_manifest(data, files, created_at=moment))
    files["manifest.json"] = manifest
    files["manifest.json.p7s"] = sign_detached(signer, manifest, moment)
    return zip_bytes({m: files[m] for m in MEMBERS}, moment)


def deep_data_packet(commune, depth: int) -> bytes:
    """The commune's packet, revision 2, whose signed data.json carries a list nested
    ``depth`` deep under a key of its own (the rest is the genuine report)."""
    from desktop_app.packets.data import canonical_json

    data = F.packet_data(commune.packet)
    data["revision"] = 2
    raw = canonical_json({**data, "zz": "LONG"})
    raw = raw.replace(b'"LONG"', b"[" * depth + b"]" * depth)
    members = {**unpack(commune.packet.read_bytes()), "data.json": raw}
    return resigned_members(members, F.commune_signer(commune.data_dir)[0], data)


# -- zip structure --------------------------------------------------------------------------

_LOCAL = struct.Struct("<4s5H3L2H")


def _entries(raw: bytes) -> list[tuple[int, int]]:
    """(central directory entry offset, local header offset) for each member."""
    at = int.from_bytes(raw[-6:-2], "little")
    found = []
    while raw[at : at + 4] == b"PK\x01\x02":
        name, extra, comment = (
            int.from_bytes(raw[at + i : at + i + 2], "little") for i in (28, 30, 32)
        )
        found.append((at, int.from_bytes(raw[at + 42 : at + 46], "little")))
        at += 46 + name + extra + comment
    return found


def local_renamed(kit) -> bytes:
    """data.json's local header names report.xlsx (same length: the directory still
    says data.json): a streaming reader sees two report.xlsx and no data.json."""
    raw = bytearray(kit["genuine"])
    for _, local in _entries(bytes(raw)):
        size = int.from_bytes(raw[local + 26 : local + 28], "little")
        if raw[local + 30 : local + 30 + size] == b"data.json":
            raw[local + 30 : local + 30 + size] = b"data.jsox"
    return bytes(raw)


def local_method_changed(kit) -> bytes:
    """manifest.json's local header says "stored" where the directory says "deflated"."""
    raw = bytearray(kit["genuine"])
    _, local = _entries(bytes(raw))[0]
    raw[local + 8 : local + 10] = (0).to_bytes(2, "little")
    return bytes(raw)


def local_sizes_changed(kit) -> bytes:
    """report.pdf's local header claims a shorter member than the directory does."""
    raw = bytearray(kit["genuine"])
    for _, local in _entries(bytes(raw)):
        size = int.from_bytes(raw[local + 26 : local + 28], "little")
        if raw[local + 30 : local + 30 + size] == b"report.pdf":
            compressed = int.from_bytes(raw[local + 18 : local + 22], "little")
            raw[local + 18 : local + 22] = (compressed - 100).to_bytes(4, "little")
    return bytes(raw)


def with_comment(kit) -> bytes:
    comment = b"PK\x05\x06 a second end record could hide here"
    raw = kit["genuine"]
    return raw[:-2] + len(comment).to_bytes(2, "little") + comment


def with_trailing_data(kit) -> bytes:
    return kit["genuine"] + b"\0" * 512 + b"MZ appended payload"


def self_extracting(kit) -> bytes:
    """A Windows stub in front, every offset shifted as an SFX builder does."""
    stub = b"MZ\x90\x00" + b"This program cannot be run in DOS mode.\r\n" + b"\0" * 400
    raw = bytearray(kit["genuine"])
    for central, local in _entries(bytes(raw)):
        raw[central + 42 : central + 46] = (local + len(stub)).to_bytes(4, "little")
    offset = int.from_bytes(raw[-6:-2], "little")
    raw[-6:-2] = (offset + len(stub)).to_bytes(4, "little")
    return stub + bytes(raw)


def overlapping(kit) -> bytes:
    """Two directory entries point at the same local header and data (report.xlsx's
    entry reuses report.pdf's bytes: same name length would be needed, so the second
    entry's offset is moved onto the first member)."""
    raw = bytearray(kit["genuine"])
    entries = _entries(bytes(raw))
    first_local = entries[0][1]
    central, _ = entries[1]
    raw[central + 42 : central + 46] = first_local.to_bytes(4, "little")
    return bytes(raw)


def zip64_end(kit) -> bytes:
    """The same members behind a ZIP64 end record and locator (what a zip of gigabytes
    needs), the classic record's fields set to "see ZIP64"."""
    raw = kit["genuine"]
    end = raw[-22:]
    entries = int.from_bytes(end[10:12], "little")
    size, offset = int.from_bytes(end[12:16], "little"), int.from_bytes(end[16:20], "little")
    record = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, entries, entries, size, offset
    )
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, len(raw) - 22, 1)
    classic = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0
    )
    return raw[:-22] + record + locator + classic


# name: (make(kit) -> packet bytes, the reason code it must be refused with)
CASES: dict = {
    "local header names another member": (local_renamed, "packet.zip_headers_disagree"),
    "local header with another compression": (local_method_changed, "packet.zip_headers_disagree"),
    "local header with other sizes": (local_sizes_changed, "packet.zip_headers_disagree"),
    "zip comment": (with_comment, "packet.zip_comment"),
    "data after the end record": (with_trailing_data, "packet.zip_trailing_data"),
    "self-extracting stub in front": (self_extracting, "packet.zip_prepended_data"),
    "overlapping members": (overlapping, "packet.zip_overlap"),
    "zip64 end record": (zip64_end, "packet.zip64"),
}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = {
    "data.json nested hundreds deep in a batch",
    "a check failing unforeseen",
    "three receives at once",
    "disk full while keeping the copy",
    "FIFO in a folder",
    "/dev/zero link in a folder",
    "socket in a folder",
    "folder named .zip",
    "link loop in a folder",
    "FIFO or /dev/zero named explicitly",
}
