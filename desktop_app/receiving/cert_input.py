"""Certificates as an officer hands them over: a ``.pem``/``.cer`` file, or PEM text
pasted from an e-mail; the checks made before one enters the trust list, each refusal
with its own code and a Vietnamese and English message.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from ..core.messages import AppError, Text
from ..packets import certs
from ..packets.signer_rules import (
    MIN_EC_BITS,
    MIN_RSA_BITS,
    key_weakness,
    may_sign,
    weak_certificate_digest,
)

CertificateInput = Path | str | bytes
"""A file path, pasted PEM text, or the bytes of a PEM or DER file."""


def error(code: str, vi: str, en: str, **details: object) -> AppError:
    return AppError(code, Text(vi, en), **details)


def source_name(source: CertificateInput) -> str:
    return source.name if isinstance(source, Path) else "(văn bản dán / pasted text)"


def read_certificates(source: CertificateInput) -> list[x509.Certificate]:
    """Every certificate in a file, pasted PEM text or raw bytes; AppError otherwise."""
    try:
        if isinstance(source, Path):
            data = source.read_bytes()
        elif isinstance(source, str):
            data = source.strip().encode("ascii", "ignore")
        else:
            data = bytes(source)
        return certs.read_certificates(data)
    except (OSError, ValueError) as exc:
        name = source_name(source)
        raise error(
            "trust.bad_file",
            f"Không đọc được chứng thư từ {name}: {exc}",
            f"Cannot read a certificate from {name}: {exc}",
        ) from exc


def normalise_fingerprint(text: str) -> str | None:
    """ "aa:bb…", "AABB…" or "AA BB …" (64 hex digits) as "AA:BB:…"; None otherwise."""
    digits = re.sub(r"[\s:]", "", text).upper()
    if not re.fullmatch(r"[0-9A-F]{64}", digits):
        return None
    return ":".join(digits[i : i + 2] for i in range(0, 64, 2))


def pinnable(cert: x509.Certificate) -> bool:
    """A certificate that can be registered as one unit's own signer: any non-CA one, and a
    self-signed one marked CA:TRUE whose key may sign (what ``openssl req -x509`` makes
    by default). Registering that for one unit is *less* than trusting it as a CA: it
    then signs for that unit only and vouches for no certificate it issued."""
    if not certs.is_ca(cert):
        return True
    return certs.is_self_signed(cert) and may_sign(cert)


def unit_certificate(found: list[x509.Certificate], name: str) -> x509.Certificate:
    """The one unit certificate in a file; a file of a unit certificate and its issuers'
    (as a .p12's chain is often exported) is fine, and so is a lone self-signed
    certificate marked CA (``pinnable``)."""
    leaves = [c for c in found if not certs.is_ca(c)]
    if not leaves and len(found) == 1 and pinnable(found[0]):
        leaves = found
    if len(leaves) == 1:
        return leaves[0]
    if not leaves:
        raise error(
            "trust.is_ca",
            "Đây là chứng thư của tổ chức cấp chứng thư (CA), khoá của nó chỉ dùng để cấp chứng thư, không để ký báo cáo: không đăng ký cho một đơn vị. Chỉ tin cậy CA (--ca) khi đó là tổ chức cấp chứng thư số thật sự cấp chứng thư cho các đơn vị.",
            "This is a certificate authority's certificate, whose key issues certificates and does not sign reports: it is not registered for a unit. Trust it as a CA (--ca) only if it really is the authority that issues the units' certificates.",
            file=name,
        )
    raise error(
        "trust.ambiguous_file",
        f"Tệp có {len(leaves)} chứng thư đơn vị; hãy dùng tệp chỉ có chứng thư của một đơn vị.",
        f"The file holds {len(leaves)} unit certificates; use a file with one unit's certificate.",
        file=name,
    )


def check_names_unit(cert: x509.Certificate, unit_code: str) -> None:
    """A certificate that names units (``certs.unit_codes``) must name this one and no
    other: a slip of the officer's (Yên Phong's file registered for Bình Trung) is
    caught here, and so is a certificate that would speak for two units."""
    named = certs.unit_codes(cert)
    if len(named) > 1:
        raise error(
            "trust.names_several_units",
            f"Chứng thư này ghi nhiều mã đơn vị ({', '.join(named)}): một chứng thư chỉ ký cho một đơn vị.",
            f"This certificate names several units ({', '.join(named)}): a certificate signs for one unit only.",
            unit_code=unit_code,
            named=named,
        )
    if named and unit_code not in named:
        raise error(
            "trust.names_other_unit",
            f"Chứng thư này ghi mã đơn vị {', '.join(named)}, không phải {unit_code}.",
            f"This certificate names unit {', '.join(named)}, not {unit_code}.",
            unit_code=unit_code,
            named=named,
        )


def check_strength(cert: x509.Certificate) -> None:
    """No weak key (RSA under 2048 bits, curves under 256 bits) and no certificate signed
    with SHA-1 or MD5, for a unit's certificate and a CA's alike."""
    weakness = key_weakness(cert)
    if weakness is not None:
        raise error(
            "trust.weak_key",
            f"Khoá của chứng thư ({weakness}) quá yếu: cần RSA từ {MIN_RSA_BITS} bit hoặc đường cong elliptic từ {MIN_EC_BITS} bit.",
            f"The certificate's key ({weakness}) is too weak: RSA of at least {MIN_RSA_BITS} bits or an elliptic curve of at least {MIN_EC_BITS} bits is required.",
            key=weakness,
        )
    digest = weak_certificate_digest(cert)
    if digest is not None:
        shown = digest.upper().replace("SHA1", "SHA-1")
        raise error(
            "trust.weak_digest",
            f"Chứng thư được ký bằng thuật toán băm {shown}, đã bị phá vỡ và không còn được chấp nhận: đơn vị cần chứng thư mới (SHA-256).",
            f"The certificate is signed with the {shown} digest, which is broken and no longer accepted: the unit needs a new certificate (SHA-256).",
            algorithm=digest,
        )


def check_may_sign(cert: x509.Certificate) -> None:
    """A unit's certificate whose key usage forbids signing would never sign a packet
    that passes: refuse it now rather than at every packet."""
    if not may_sign(cert):
        raise error(
            "trust.key_usage",
            "Chứng thư này không được phép dùng để ký (mục đích sử dụng khoá không có digitalSignature hay nonRepudiation): đơn vị cần gửi chứng thư ký số.",
            "This certificate may not be used for signing (its key usage has neither digitalSignature nor nonRepudiation): the unit must send its signing certificate.",
        )


def check_expiry(cert: x509.Certificate, now: datetime.datetime) -> None:
    if cert.not_valid_after_utc < now:
        raise error(
            "trust.cert_expired",
            f"Chứng thư đã hết hạn ngày {cert.not_valid_after_utc:%d/%m/%Y}.",
            f"The certificate expired on {cert.not_valid_after_utc:%d/%m/%Y}.",
            not_after=cert.not_valid_after_utc.isoformat(timespec="seconds"),
        )


class EntryFields(TypedDict):
    """The trust-entry columns (``storage.trust_entries.insert_entry``) a certificate gives."""

    fingerprint: str
    subject: str
    issuer: str
    not_before: str
    not_after: str
    der: bytes


def entry_fields(cert: x509.Certificate) -> EntryFields:
    """The columns of a trust entry that describe ``cert``."""
    return {
        "fingerprint": certs.fingerprint(cert),
        "subject": certs.describe_name(cert.subject),
        "issuer": certs.describe_name(cert.issuer),
        "not_before": cert.not_valid_before_utc.isoformat(timespec="seconds"),
        "not_after": cert.not_valid_after_utc.isoformat(timespec="seconds"),
        "der": cert.public_bytes(Encoding.DER),
    }


@dataclass(frozen=True)
class CertificatePreview:
    """What the officer confirms before trusting a certificate (read, nothing stored)."""

    fingerprint: str
    subject: str
    issuer: str
    not_before: datetime.datetime
    not_after: datetime.datetime
    is_ca: bool  # a CA certificate that cannot be a unit's own (``pinnable``)
    unit_codes: tuple[str, ...]  # the units it names (``certs.unit_codes``)


def preview_certificates(source: CertificateInput) -> list[CertificatePreview]:
    """Every certificate in a file or pasted text, unit certificates first."""
    found = [
        CertificatePreview(
            fingerprint=certs.fingerprint(cert),
            subject=certs.describe_name(cert.subject),
            issuer=certs.describe_name(cert.issuer),
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            is_ca=not pinnable(cert),
            unit_codes=tuple(certs.unit_codes(cert)),
        )
        for cert in read_certificates(source)
    ]
    return sorted(found, key=lambda p: p.is_ca)


__all__ = [
    "CertificateInput",
    "CertificatePreview",
    "check_expiry",
    "check_may_sign",
    "check_names_unit",
    "check_strength",
    "entry_fields",
    "error",
    "normalise_fingerprint",
    "pinnable",
    "preview_certificates",
    "read_certificates",
    "source_name",
    "unit_certificate",
]
