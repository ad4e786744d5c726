"""Evidence files in a packet (issue 18): missing, undeclared, changed, not what their
name says, in a folder, on a field that takes none, over the form's limits, too many, or
absent where the form requires them. The packets are signed by the genuine key: only the
evidence is wrong."""

from __future__ import annotations

import functools
import hashlib
import json
import tempfile
from pathlib import Path

from tests.support import evidence_files as files
from tests.support import fleet as F

from .kit import commune_form_data, make_zip, unpack


def _entry(member: str, data: bytes, media: str, name: str | None = None) -> dict:
    return {"member": member, "name": name or member, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "media_type": media}  # fmt: skip


def signed_with(kit, data, listing: dict[str, list[tuple[str, bytes, str]]]) -> bytes:
    """``data`` with ``listing`` (field → (member, bytes, media type)) as its evidence,
    signed by commune A's own key."""
    data = json.loads(json.dumps(data, default=str))
    data["evidence"] = {
        fid: [_entry(m, b, media) for m, b, media in entries] for fid, entries in listing.items()
    }
    members = {m: b for entries in listing.values() for m, b, _ in entries}
    return F.signed_packet(data, kit["signer_a"], evidence=members)


@functools.cache
def _cds_data() -> dict:
    """data.json of the cds-xa form (which takes evidence) for commune A."""
    folder = Path(tempfile.mkdtemp(prefix="cds-hostile-"))
    data = commune_form_data(folder, "cds-xa", "cds-xa_2026_02020.json")
    return json.loads(json.dumps(data, default=str))


PDF = "application/pdf"
_ONE = "evidence-01-quyet-dinh.pdf"


def _genuine(kit) -> bytes:
    return signed_with(kit, kit["data"], {"cbcc_tong": [(_ONE, files.pdf(), PDF)]})


def _members(kit) -> dict[str, bytes]:
    return unpack(_genuine(kit))


def _cds(kit, listing) -> bytes:
    return signed_with(kit, _cds_data(), listing)


_BOTH = {
    "co_bcd_cds": [("evidence-01-quyet-dinh.pdf", files.pdf(), PDF)],
    "co_ke_hoach_cntt": [("evidence-02-ke-hoach.png", files.png(), "image/png")],
}

CASES: dict = {
    "evidence member missing": (
        lambda k: make_zip([(n, d) for n, d in _members(k).items() if n != _ONE]),
        "packet.evidence_missing",
    ),
    "evidence member not declared": (
        lambda k: make_zip([*unpack(k["genuine"]).items(), ("evidence-01-them.pdf", files.pdf())]),
        "packet.evidence_undeclared",
    ),
    "evidence changed after signing": (
        lambda k: make_zip(
            [(n, files.pdf((0, 0, 0)) if n == _ONE else d) for n, d in _members(k).items()]
        ),
        "packet.hash_mismatch",
    ),
    "evidence named .pdf holding a JPEG": (
        lambda k: signed_with(k, k["data"], {"cbcc_tong": [(_ONE, files.jpeg(), PDF)]}),
        "packet.evidence_type",
    ),
    "evidence named .png holding a program": (
        lambda k: signed_with(
            k, k["data"], {"cbcc_tong": [("evidence-01-anh.png", b"MZ\x90\0" * 64, "image/png")]}
        ),
        "packet.evidence_type",
    ),
    "evidence member in a folder": (
        lambda k: make_zip([*unpack(k["genuine"]).items(), ("evidence/01.pdf", files.pdf())]),
        "packet.unsafe_member",
    ),
    "evidence member with ..": (
        lambda k: make_zip(
            [*unpack(k["genuine"]).items(), ("evidence-01-..-..-autorun.pdf", files.pdf())]
        ),
        "packet.unsafe_member",
    ),
    "evidence on a field that takes none": (_genuine, "packet.evidence_not_taken"),
    "required evidence missing": (lambda k: _cds(k, {}), "packet.evidence_required"),
    "evidence over the form's limit a file": (
        lambda k: _cds(
            k,
            {
                **_BOTH,
                "co_bcd_cds": [
                    ("evidence-01-scan.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1), PDF)
                ],
            },
        ),
        "packet.evidence_too_large",
    ),
    "too many evidence files on one indicator": (
        lambda k: _cds(
            k,
            {
                **_BOTH,
                "co_bcd_cds": [
                    (f"evidence-0{n}-anh.png", files.png((n, n, n)), "image/png")
                    for n in range(3, 9)
                ],
            },
        ),
        "packet.evidence_too_many",
    ),
}

OTHER_KINDS: set[str] = set()
