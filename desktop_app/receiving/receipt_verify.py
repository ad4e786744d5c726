"""Checking a receipt or return note (``cntt-receipt/1``) on the unit that receives it.

In order, each failure its own code (vi/en): the zip and its three members
(``receipt.unreadable``); manifest and receipt.json well formed and agreeing, the
receipt.json hash (``receipt.invalid``, ``receipt.hash_mismatch``); issued by this unit's
parent (``receipt.wrong_issuer``); the CMS signature valid over manifest.json
(``receipt.signature_invalid``); the signer trusted for the parent unit
(``receipt.signer_untrusted``, ``receipt.signer_not_parent``, ``receipt.cert_expired``,
``receipt.signer_revoked``, ``receipt.signer_replaced``); the signer's algorithms, key
and key usage as for a packet (``receipt.weak_algorithm``, ``receipt.weak_key``,
``receipt.signer_key_usage``).

Whom to trust: the certificate registered for the parent in this unit's trust list (or
a trusted CA's certificate naming the parent). When none is registered for the parent,
a certificate that names the parent is **first use** (``first_use``): the receipt
verifies, but ``receipt_open`` applies it only once the clerk has confirmed that very
certificate (its file or its fingerprint read back by phone), and then registers it,
so any later receipt must come from the same key. A certificate revoked or replaced
here is never first use again.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import asyncio
import datetime
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from ..core.messages import AppError, Text
from ..packets import certs
from ..packets.trust import TrustSource, decide
from ..packets.zipread import read_members
from .receipt_format import RECEIPT_MEMBERS, parse_members

CLOCK_TOLERANCE = datetime.timedelta(days=1)


@dataclass(frozen=True)
class SignedKind:
    """What a parent signs for its children (a receipt, a form packet): the prefix of its
    refusal codes and its name in the messages."""

    prefix: str
    vi: str
    en: str


RECEIPT = SignedKind("receipt", "biên nhận", "receipt")


@dataclass(frozen=True)
class VerifiedReceipt:
    manifest: dict[str, Any]
    receipt: dict[str, Any]
    signer: x509.Certificate
    fingerprint: str
    signed_at: datetime.datetime
    first_use: bool  # no certificate registered for the parent yet: confirm the fingerprint

    @property
    def decision(self) -> str:
        decision: str = self.receipt["decision"]  # one of DECISIONS: receipt_format._shape
        return decision


def _refuse(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), **details)


def _members(raw: bytes) -> dict[str, bytes]:
    try:
        return read_members(raw, members=RECEIPT_MEMBERS)
    except AppError as exc:
        raise _refuse(
            "receipt.unreadable",
            f"Tệp không phải biên nhận hợp lệ: {exc.message.vi}",
            f"The file is not a valid receipt: {exc.message.en}",
            cause=exc.code,
        ) from exc


def _roots(
    signer: x509.Certificate, issuer_code: str, trust: TrustSource, kind: SignedKind
) -> tuple[list[x509.Certificate], bool]:
    """(validation roots, first use) for the signer of a file from ``issuer_code``."""
    k = kind
    fp, name = certs.fingerprint(signer), certs.common_name(signer)
    withdrawal = trust.withdrawn(fp, issuer_code)
    if withdrawal is not None and not any(
        a.certificate == signer for a in trust.anchors_for(issuer_code)
    ):  # revoked or replaced here: not trusted again, not even "on first use"
        raise _refuse(
            f"{k.prefix}.signer_{withdrawal.reason}",
            f"Chứng thư ký {k.vi} ({name}, vân tay {fp}) đã bị {'thu hồi' if withdrawal.reason == 'revoked' else 'thay thế'} ở máy này: {k.vi} không được áp dụng.",
            f"The {k.en}'s signing certificate ({name}, fingerprint {fp}) was {withdrawal.reason} here: the {k.en} is not applied.",
            fingerprint=fp,
        )
    if trust.anchors_for(issuer_code):
        decision = decide(signer, issuer_code, trust)
        if decision.problem is None:
            return decision.roots, False
        raise _refuse(
            f"{k.prefix}.signer_untrusted",
            f"{k.vi.capitalize()} được ký bởi {name} (vân tay {fp}), không phải chứng thư đã đăng ký cho đơn vị cấp trên {issuer_code}. Nếu đơn vị cấp trên đã đổi chứng thư, hãy đối chiếu vân tay qua điện thoại rồi đăng ký thay thế.",
            f"The {k.en} is signed by {name} (fingerprint {fp}), not the certificate registered for the parent unit {issuer_code}. If the parent unit changed its certificate, confirm the fingerprint by phone and register the new one as a replacement.",
            fingerprint=fp,
        )
    if not certs.names_unit(signer, issuer_code):
        raise _refuse(
            f"{k.prefix}.signer_not_parent",
            f"Chứng thư ký {k.vi} ({name}) không mang mã đơn vị cấp trên {issuer_code}.",
            f"The {k.en}'s signing certificate ({name}) does not name the parent unit {issuer_code}.",
            fingerprint=fp,
        )
    return [signer], True


def _check_signer(signed_data: Any, signer: x509.Certificate, k: SignedKind) -> None:
    """What a signer must be whoever vouches for it (``packets.signer_rules``), as for a
    packet: no SHA-1 or MD5, no weak key, a key that may sign."""
    from ..packets.signer_rules import (
        key_weakness,
        may_sign,
        weak_certificate_digest,
        weak_cms_digest,
    )

    fp = certs.fingerprint(signer)
    weak = weak_cms_digest(signed_data) or weak_certificate_digest(signer)
    if weak is not None:
        shown = weak.upper().replace("SHA1", "SHA-1")
        raise _refuse(
            f"{k.prefix}.weak_algorithm",
            f"{k.vi.capitalize()} được ký bằng thuật toán băm {shown}, đã bị phá vỡ và không còn được chấp nhận.",
            f"The {k.en} is signed with the {shown} digest, which is broken and no longer accepted.",
            fingerprint=fp,
        )
    weakness = key_weakness(signer)
    if weakness is not None:
        raise _refuse(
            f"{k.prefix}.weak_key",
            f"Khoá ký {k.vi} ({weakness}) quá yếu.",
            f"The {k.en}'s signing key ({weakness}) is too weak.",
            fingerprint=fp,
        )
    if not may_sign(signer):
        raise _refuse(
            f"{k.prefix}.signer_key_usage",
            f"Chứng thư ký {k.vi} không được phép dùng để ký.",
            f"The {k.en}'s signing certificate may not be used for signing.",
            fingerprint=fp,
        )


def parent_signature(
    raw_manifest: bytes,
    p7s: bytes,
    issuer_code: str,
    trust: TrustSource,
    now: datetime.datetime,
    kind: SignedKind = RECEIPT,
) -> tuple[x509.Certificate, datetime.datetime, bool]:
    """(signer, signing time, first use) of a manifest signed by the parent unit
    ``issuer_code``; AppError ``<kind>.*`` otherwise (see the module docstring)."""
    from ..packets.sigcheck import Contexts, check_cms, preview_cms

    k = kind
    bad = (f"{k.prefix}.signature_invalid",
           f"Chữ ký số của {k.vi} không hợp lệ: tệp đã bị sửa sau khi ký hoặc chữ ký hỏng.",
           f"The {k.en}'s signature is not valid: the file was changed after signing or the signature is broken.")  # fmt: skip
    try:
        preview = preview_cms(p7s)
    except Exception as exc:  # an untrusted blob: any parse failure is a refusal
        raise _refuse(*bad) from exc
    signer, signed_at = preview.signer, preview.signed_at
    _check_signer(preview.signed_data, signer, k)
    roots, first_use = _roots(signer, issuer_code, trust, k)
    if signed_at is None or signed_at > now + CLOCK_TOLERANCE:
        raise _refuse(*bad, signed_at=signed_at.isoformat() if signed_at else None)
    if not certs.valid_at(signer, signed_at):
        raise _refuse(
            f"{k.prefix}.cert_expired",
            f"Chứng thư ký {k.vi} không còn hiệu lực vào thời điểm ký.",
            f"The {k.en}'s signing certificate was not valid at the signing time.",
        )
    context = Contexts().get(roots, min(signed_at, now))
    try:
        facts = asyncio.run(check_cms(raw_manifest, preview, context))
    except Exception as exc:
        raise _refuse(*bad) from exc
    if not (facts.intact and facts.valid and facts.trusted and facts.bottom_line):
        raise _refuse(*bad)
    return signer, signed_at, first_use


def verify_receipt(
    raw: bytes, trust: TrustSource, parent_code: str, *, now: datetime.datetime | None = None
) -> VerifiedReceipt:
    """A receipt file's bytes, checked; AppError ``receipt.*`` otherwise."""
    moment = now or datetime.datetime.now(datetime.UTC)
    members = _members(raw)
    manifest, receipt = parse_members(members)
    issuer = receipt["issuer"].get("code")
    if issuer != parent_code:
        raise _refuse(
            "receipt.wrong_issuer",
            f"Biên nhận do đơn vị {issuer} lập, không phải đơn vị cấp trên {parent_code}.",
            f"The receipt was issued by unit {issuer}, not the parent unit {parent_code}.",
            issuer=issuer,
        )
    signer, signed_at, first_use = parent_signature(
        members["manifest.json"], members["manifest.json.p7s"], parent_code, trust, moment
    )
    return VerifiedReceipt(
        manifest, receipt, signer, certs.fingerprint(signer), signed_at, first_use
    )


__all__ = ["RECEIPT", "SignedKind", "VerifiedReceipt", "parent_signature", "verify_receipt"]
