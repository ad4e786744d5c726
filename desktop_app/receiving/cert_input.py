"""Certificates as an officer hands them over: a ``.pem``/``.cer`` file, or PEM text
pasted from an e-mail; the checks made before one enters the trust list, each refusal
with its own code and a Vietnamese and English message."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from ..core.messages import AppError, Text
from ..packets import certs

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


def unit_certificate(found: list[x509.Certificate], name: str) -> x509.Certificate:
    """The one unit (non-CA) certificate in a file; a file of a unit certificate and its
    issuers' (as a .p12's chain is often exported) is fine."""
    leaves = [c for c in found if not certs.is_ca(c)]
    if len(leaves) == 1:
        return leaves[0]
    if not leaves:
        raise error(
            "trust.is_ca",
            "Đây là chứng thư của tổ chức cấp chứng thư (CA), không phải của một đơn vị: hãy đăng ký nó là CA tin cậy (--ca).",
            "This is a certificate authority's certificate, not a unit's: trust it as a CA instead (--ca).",
            file=name,
        )
    raise error(
        "trust.ambiguous_file",
        f"Tệp có {len(leaves)} chứng thư đơn vị; hãy dùng tệp chỉ có chứng thư của một đơn vị.",
        f"The file holds {len(leaves)} unit certificates; use a file with one unit's certificate.",
        file=name,
    )


def check_names_unit(cert: x509.Certificate, unit_code: str) -> None:
    """A certificate that names units (serialNumber, UID, OU) must name this one: a slip
    of the officer's (Yên Phong's file registered for Bình Trung) is caught here."""
    named = certs.unit_codes(cert)
    if named and unit_code not in named:
        raise error(
            "trust.names_other_unit",
            f"Chứng thư này ghi mã đơn vị {', '.join(named)}, không phải {unit_code}.",
            f"This certificate names unit {', '.join(named)}, not {unit_code}.",
            unit_code=unit_code,
            named=named,
        )


def check_expiry(cert: x509.Certificate, now: datetime.datetime) -> None:
    if cert.not_valid_after_utc < now:
        raise error(
            "trust.cert_expired",
            f"Chứng thư đã hết hạn ngày {cert.not_valid_after_utc:%d/%m/%Y}.",
            f"The certificate expired on {cert.not_valid_after_utc:%d/%m/%Y}.",
            not_after=cert.not_valid_after_utc.isoformat(timespec="seconds"),
        )


def entry_fields(cert: x509.Certificate) -> dict[str, object]:
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
    is_ca: bool
    unit_codes: tuple[str, ...]  # the units it names (serialNumber, UID, OU)


def preview_certificates(source: CertificateInput) -> list[CertificatePreview]:
    """Every certificate in a file or pasted text, unit certificates first."""
    found = [
        CertificatePreview(
            fingerprint=certs.fingerprint(cert),
            subject=certs.describe_name(cert.subject),
            issuer=certs.describe_name(cert.issuer),
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            is_ca=certs.is_ca(cert),
            unit_codes=tuple(certs.unit_codes(cert)),
        )
        for cert in read_certificates(source)
    ]
    return sorted(found, key=lambda p: p.is_ca)


__all__ = [
    "CertificateInput",
    "CertificatePreview",
    "check_expiry",
    "check_names_unit",
    "entry_fields",
    "error",
    "normalise_fingerprint",
    "preview_certificates",
    "read_certificates",
    "source_name",
    "unit_certificate",
]
