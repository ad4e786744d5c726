"""The form packet, format ``cntt-form/1``: a form definition published by a receiving unit
(a province, or a district before 2025) to the units below it, signed as its receipts
are.

    manifest.json      format, issuer {code, name}, form {id, version, year},
                       created_at, app_version, files {"form.yaml": sha256}
    form.yaml          the definition, byte for byte as the publisher holds it
    plan.yaml          optional: the publisher's plan for a period (``core.plans``)
    manifest.json.p7s  detached CMS over manifest.json, signer certificate included

It can be checked with standard tools alone (``openssl cms -verify -binary -content
manifest.json -inform DER -in manifest.json.p7s``, ``sha256sum form.yaml``). Named
``{id}-{version}_bieu-mau.zip``. The child checks, in order, each failure its own code:
the zip and its members (``form_packet.unreadable``); manifest well formed, the
hashes of form.yaml and plan.yaml (``form_packet.invalid``, ``form_packet.hash_mismatch``); issued by its
parent (``form_packet.wrong_issuer``); the signature and the signer as for a receipt
(``form_packet.signature_invalid``, ``…signer_untrusted``, ``…signer_revoked`` …); the
definition passes the form loader (``form_packet.form_invalid``: a formula that tries
anything beyond arithmetic on field ids is refused there) and is the form the manifest
names (``form_packet.invalid``).

May import: ``packets``, ``core``, and ``receipt_verify`` of this package.
"""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from .. import __version__
from ..core.forms import Form
from ..core.forms.loader import FormError, parse_form
from ..core.messages import AppError, Text
from ..packets import certs
from ..packets.manifest import manifest_bytes, sha256_hex, vietnam_time
from ..packets.packet import stamped_zip
from ..packets.trust import TrustSource
from ..packets.zipread import read_members
from .receipt_verify import SignedKind, parent_signature

FORM_PACKET_FORMAT = "cntt-form/1"
FORM_PACKET_MEMBERS = ("manifest.json", "form.yaml", "manifest.json.p7s")
WITH_PLAN_MEMBERS = ("manifest.json", "form.yaml", "plan.yaml", "manifest.json.p7s")
FORM_PACKET = SignedKind("form_packet", "gói biểu mẫu", "form packet")
# The largest shipped definition is ~150 KB; a packet far beyond this is not a form packet.
MAX_FORM_PACKET_BYTES = 4 * 1024 * 1024
_MANIFEST_KEYS = {"format", "issuer", "form", "created_at", "app_version", "files"}


def form_packet_name(form: Form) -> str:
    return f"{form.id}-{form.version}_bieu-mau.zip"


def build_form_packet(
    signer: Any,
    issuer: Mapping[str, str],
    form: Form,
    definition: bytes,
    moment: datetime.datetime,
    plan: bytes | None = None,
) -> bytes:
    """The signed packet of ``form`` (whose definition file holds ``definition``), with
    the YAML of a plan for it if ``plan``."""
    from ..packets.signing import sign_detached

    files = {"form.yaml": sha256_hex(definition)}
    if plan is not None:
        files["plan.yaml"] = sha256_hex(plan)
    manifest = {
        "format": FORM_PACKET_FORMAT,
        "issuer": {"code": issuer["code"], "name": issuer["name"]},
        "form": {"id": form.id, "version": form.version, "year": form.year},
        "created_at": vietnam_time(moment).isoformat(),
        "app_version": __version__,
        "files": files,
    }
    raw_manifest = manifest_bytes(manifest)
    members = {
        "manifest.json": raw_manifest,
        "form.yaml": definition,
        "manifest.json.p7s": sign_detached(signer, raw_manifest, moment),
    }
    if plan is not None:
        members["plan.yaml"] = plan
    return stamped_zip(
        members, WITH_PLAN_MEMBERS if plan is not None else FORM_PACKET_MEMBERS, moment
    )


@dataclass(frozen=True)
class VerifiedFormPacket:
    manifest: dict[str, Any]
    definition: bytes
    form: Form
    plan: bytes | None  # the YAML of the plan published with the form, if any
    signer: x509.Certificate
    fingerprint: str
    signed_at: datetime.datetime
    first_use: bool  # no certificate registered for the parent yet: confirm the fingerprint

    @property
    def issuer(self) -> dict[str, Any]:
        issuer: dict[str, Any] = self.manifest["issuer"]  # its shape checked by _manifest
        return issuer


def _invalid(vi: str, en: str, **details: Any) -> AppError:
    return AppError(
        "form_packet.invalid",
        Text(f"Gói biểu mẫu không hợp lệ: {vi}", f"The form packet is invalid: {en}"),
        **details,
    )


def _manifest(raw: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise _invalid(
            "manifest.json không đọc được", "manifest.json is not readable JSON"
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORM_PACKET_FORMAT:
        raise _invalid(
            f"manifest.json không phải {FORM_PACKET_FORMAT}",
            f"manifest.json is not {FORM_PACKET_FORMAT}",
        )
    if set(manifest) != _MANIFEST_KEYS:
        raise _invalid(
            "manifest.json có khoá lạ hoặc thiếu khoá", "manifest.json has odd or missing keys"
        )
    issuer, form, files = manifest["issuer"], manifest["form"], manifest["files"]
    ok = (
        isinstance(issuer, dict)
        and isinstance(issuer.get("code"), str)
        and isinstance(issuer.get("name"), str)
        and isinstance(form, dict)
        and isinstance(form.get("id"), str)
        and isinstance(form.get("version"), str)
        and isinstance(files, dict)
        and set(files) in ({"form.yaml"}, {"form.yaml", "plan.yaml"})
        and all(isinstance(v, str) for v in files.values())
    )
    if not ok:
        raise _invalid(
            "nội dung manifest.json sai kiểu", "manifest.json has values of the wrong type"
        )
    return manifest


def verify_form_packet(
    raw: bytes, trust: TrustSource, parent_code: str, *, now: datetime.datetime | None = None
) -> VerifiedFormPacket:
    """A form packet's bytes, checked (see the module docstring); AppError otherwise."""
    moment = now or datetime.datetime.now(datetime.UTC)
    try:
        members = read_members(raw, members=_expected_members(raw))
    except AppError as exc:
        raise AppError(
            "form_packet.unreadable",
            Text(
                f"Tệp không phải gói biểu mẫu hợp lệ: {exc.message.vi}",
                f"The file is not a valid form packet: {exc.message.en}",
            ),
            cause=exc.code,
        ) from exc
    manifest = _manifest(members["manifest.json"])
    definition = members["form.yaml"]
    plan = members.get("plan.yaml")
    if set(manifest["files"]) != {name for name in members if name.endswith(".yaml")}:
        raise _invalid(
            "manifest.json không liệt kê đúng các tệp trong gói",
            "manifest.json does not list the packet's files",
        )
    if any(sha256_hex(members[name]) != digest for name, digest in manifest["files"].items()):
        raise AppError(
            "form_packet.hash_mismatch",
            Text(
                "form.yaml hoặc plan.yaml không khớp với manifest (tệp đã bị sửa sau khi ký).",
                "form.yaml or plan.yaml does not match the manifest (changed after signing).",
            ),
        )
    issuer = manifest["issuer"]["code"]
    if issuer != parent_code:
        raise AppError(
            "form_packet.wrong_issuer",
            Text(
                f"Gói biểu mẫu do đơn vị {issuer} phát hành, không phải đơn vị cấp trên {parent_code}.",
                f"The form packet was issued by unit {issuer}, not the parent unit {parent_code}.",
            ),
            issuer=issuer,
        )
    signer, signed_at, first_use = parent_signature(
        members["manifest.json"],
        members["manifest.json.p7s"],
        parent_code,
        trust,
        moment,
        FORM_PACKET,
    )
    named = manifest["form"]
    try:
        form = parse_form(definition, f"{named['id']}-{named['version']}.yaml")
    except FormError as exc:
        raise AppError(
            "form_packet.form_invalid",
            Text(
                f"Biểu mẫu trong gói không hợp lệ:\n{exc.message.vi}",
                f"The form in the packet is not valid:\n{exc.message.en}",
            ),
            problems=exc.details.get("problems", []),
        ) from exc
    if (form.id, form.version) != (named["id"], named["version"]):
        raise _invalid(
            f"manifest ghi {named['id']} {named['version']}, form.yaml là {form.id} {form.version}",
            f"the manifest names {named['id']} {named['version']}, form.yaml is {form.id} {form.version}",
        )
    return VerifiedFormPacket(
        manifest, definition, form, plan, signer, certs.fingerprint(signer), signed_at, first_use
    )


def _expected_members(raw: bytes) -> tuple[str, ...]:
    """The members to insist on: with plan.yaml if the archive names one. The hardened
    reader then checks the archive holds exactly those (and nothing odd)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return FORM_PACKET_MEMBERS  # the reader says what is wrong
    return WITH_PLAN_MEMBERS if "plan.yaml" in names else FORM_PACKET_MEMBERS


__all__ = [
    "FORM_PACKET",
    "FORM_PACKET_FORMAT",
    "MAX_FORM_PACKET_BYTES",
    "VerifiedFormPacket",
    "build_form_packet",
    "form_packet_name",
    "verify_form_packet",
]
