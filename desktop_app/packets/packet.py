"""Writing a packet: sign the PDF, write and sign the manifest, zip the five members.

The zip is ``{unit_code}_{form_id}_{period}_r{revision}.zip`` with exactly the members
of DESIGN §3, no folders, always in the same order with the same metadata (timestamp =
the manifest's ``created_at``, mode 0644, Unix "made by"), so the same members always
make the same zip on any machine. A report with evidence files adds them as members of
their own (``evidence-01-….pdf``, stored as they are: a scan or a photo does not
compress), between report.pdf and the signature; one without has exactly the five.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from .data import canonical_json
from .manifest import build_manifest, manifest_bytes, sha256_hex, vietnam_time
from .signing import Stamp, sign_detached, sign_pdf

MEMBERS = ("manifest.json", "data.json", "report.xlsx", "report.pdf", "manifest.json.p7s")
_COMPRESSED = {"manifest.json", "data.json", "report.pdf"}  # xlsx is a zip already
Progress = Callable[[int, int], None]


class RenderedPdfLike(Protocol):
    """What ``packets.pdf.render_pdf`` returns (only these attributes are used)."""

    content: bytes
    signature_page: int
    signature_box: tuple[float, float, float, float]


@dataclass(frozen=True)
class PacketContent:
    name: str
    members: Mapping[str, bytes]
    manifest: Mapping[str, Any]
    data_sha256: str


def _safe(part: str) -> str:
    # unit codes, form ids and periods are already plain; this only guards the file name
    return re.sub(r"[^0-9A-Za-z._-]", "_", str(part))


def packet_name(unit_code: str, form_id: str, period: str, revision: int) -> str:
    return f"{_safe(unit_code)}_{_safe(form_id)}_{_safe(period)}_r{int(revision)}.zip"


def stamp_for(data: Mapping[str, Any], signer_name: str, moment: datetime.datetime) -> Stamp:
    unit = data["unit"]
    return Stamp(signer_name, f"{unit['name']} (mã {unit['code']})", vietnam_time(moment))


def assemble(
    signer: Any,
    signer_name: str,
    data: Mapping[str, Any],
    *,
    xlsx: bytes,
    pdf: RenderedPdfLike,
    created_at: datetime.datetime,
    reason: str | None = None,
    progress: Progress | None = None,
    evidence: Mapping[str, bytes] | None = None,
) -> PacketContent:
    """The five members for ``data`` (a ``data.json`` object), signed by ``signer`` (a
    pyHanko signer, e.g. ``SigningIdentity.signer``), and the ``evidence`` members that
    ``data["evidence"]`` lists (member name → bytes). ``progress(done, 2)`` after each
    signature."""
    evidence = dict(evidence or {})
    data_bytes = canonical_json(data)
    signed_pdf = sign_pdf(
        signer,
        pdf.content,
        page=pdf.signature_page,
        box=pdf.signature_box,
        stamp=stamp_for(data, signer_name, created_at),
        reason=reason,
        location=data.get("place") or None,
    )
    if progress:
        progress(1, 2)
    files = {"data.json": data_bytes, "report.xlsx": xlsx, "report.pdf": signed_pdf, **evidence}
    manifest = build_manifest(data, files, created_at=created_at)
    raw_manifest = manifest_bytes(manifest)
    members = {
        "manifest.json": raw_manifest,
        **files,
        "manifest.json.p7s": sign_detached(signer, raw_manifest, created_at),
    }
    if progress:
        progress(2, 2)
    unit = data["unit"]
    name = packet_name(unit["code"], data["form"]["id"], data["period"], data["revision"])
    ordered = {member: members[member] for member in member_order(members)}
    return PacketContent(name, ordered, manifest, sha256_hex(data_bytes))


def member_order(members: Mapping[str, bytes]) -> list[str]:
    """MEMBERS' order, the evidence members (by name) before the signature."""
    extra = sorted(set(members) - set(MEMBERS))
    return [*MEMBERS[:-1], *extra, MEMBERS[-1]]


def zip_bytes(members: Mapping[str, bytes], moment: datetime.datetime) -> bytes:
    """The zip of ``members`` in ``member_order``, every entry stamped with ``moment``."""
    return stamped_zip(members, member_order(members), moment, compressed=_COMPRESSED)


def stamped_zip(
    members: Mapping[str, bytes],
    order: Sequence[str],
    moment: datetime.datetime,
    compressed: Container[str] | None = None,
) -> bytes:
    """The zip of ``members`` in ``order``, every entry with the same metadata (``moment``
    in Vietnam time, mode 0644, Unix "made by"), so the same members make the same bytes
    on any machine: packets, receipts and form packets alike. ``compressed``: the members
    deflated (all when None)."""
    stamp = vietnam_time(moment).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, whatever the OS that wrote it
            info.external_attr = 0o100644 << 16
            if compressed is None or name in compressed:
                info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, members[name], compresslevel=6)
    return buffer.getvalue()


__all__ = [
    "MEMBERS",
    "PacketContent",
    "RenderedPdfLike",
    "assemble",
    "packet_name",
    "stamp_for",
    "stamped_zip",
    "zip_bytes",
]
