"""The refusals of receiving checks 3 and 4 that come from the trust rules (``trust.decide``)
and the signer rules (``signer_rules``), each with its own code and a Vietnamese and
English message that says what the officer can do.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from typing import Any

from cryptography import x509

from ..core.messages import AppError, Text
from . import certs
from .signer_rules import MIN_EC_BITS, MIN_RSA_BITS
from .trust import TrustDecision, Withdrawal


def _reject(code: str, check: int, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), check=check, **details)


def _day(iso: str) -> str:
    """ "2026-11-23T09:00:00+07:00" → "23/11/2026"."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) >= 10 else iso


def weak_algorithm(digest: str, where: str, signer: x509.Certificate) -> AppError:
    """SHA-1 or MD5 in the signature (``where`` "signature") or the certificate."""
    name = digest.upper().replace("SHA1", "SHA-1")
    if where == "signature":
        vi = f"Chữ ký manifest.json dùng thuật toán băm {name}, đã bị phá vỡ và không còn được chấp nhận: hãy ký lại bằng phần mềm/thiết bị dùng SHA-256."
        en = f"The manifest.json signature uses the {name} digest, which is broken and no longer accepted: sign again with software or a token using SHA-256."
    else:
        vi = f"Chứng thư của người ký được ký bằng thuật toán băm {name}, đã bị phá vỡ và không còn được chấp nhận: đơn vị cần chứng thư mới."
        en = f"The signer's certificate is signed with the {name} digest, which is broken and no longer accepted: the unit needs a new certificate."
    return _reject(
        "packet.weak_algorithm",
        3 if where == "signature" else 4,
        vi,
        en,
        algorithm=digest,
        fingerprint=certs.fingerprint(signer),
    )


def weak_key(weakness: str, signer: x509.Certificate) -> AppError:
    return _reject(
        "packet.weak_key",
        4,
        f"Khoá của người ký ({weakness}) quá yếu: cần RSA từ {MIN_RSA_BITS} bit hoặc đường cong elliptic từ {MIN_EC_BITS} bit.",
        f"The signer's key ({weakness}) is too weak: RSA of at least {MIN_RSA_BITS} bits or an elliptic curve of at least {MIN_EC_BITS} bits is required.",
        fingerprint=certs.fingerprint(signer),
        key=weakness,
    )


def key_usage(signer: x509.Certificate) -> AppError:
    name = certs.common_name(signer)
    return _reject(
        "packet.signer_key_usage",
        4,
        f"Chứng thư của người ký ({name}) không được phép dùng để ký (mục đích sử dụng khoá không có digitalSignature hay nonRepudiation).",
        f"The signer's certificate ({name}) may not be used for signing (its key usage has neither digitalSignature nor nonRepudiation).",
        signer=name,
        fingerprint=certs.fingerprint(signer),
    )


def withdrawn(withdrawal: Withdrawal, signer: x509.Certificate) -> AppError:
    fingerprint = certs.fingerprint(signer)
    date = _day(withdrawal.at)
    if withdrawal.reason == "revoked":
        return _reject(
            "packet.signer_revoked",
            4,
            f"Chứng thư ký gói nộp (vân tay {fingerprint}) đã bị thu hồi ngày {date}: {withdrawal.note}.",
            f"The signing certificate (fingerprint {fingerprint}) was revoked on {date}: {withdrawal.note}.",
            fingerprint=fingerprint,
            revoked_at=withdrawal.at,
        )
    return _reject(
        "packet.signer_replaced",
        4,
        f"Chứng thư ký gói nộp (vân tay {fingerprint}) đã được thay bằng chứng thư mới ngày {date}: đề nghị đơn vị ký lại bằng chứng thư mới.",
        f"The signing certificate (fingerprint {fingerprint}) was replaced by a new one on {date}: ask the unit to sign again with the new one.",
        fingerprint=fingerprint,
        replaced_at=withdrawal.at,
    )


def not_for_unit(decision: TrustDecision, signer: x509.Certificate, unit_code: str) -> AppError:
    """The signer's certificate names no unit, several, or another one."""
    name, fp = certs.common_name(signer), certs.fingerprint(signer)
    details = {"signer": name, "fingerprint": fp, "named": list(decision.named)}
    if decision.problem == "names_no_unit":
        return _reject(
            "packet.signer_names_no_unit",
            4,
            f"Chứng thư của người ký ({name}) không ghi mã đơn vị theo đúng dạng UID=MĐV:{unit_code}: tổ chức cấp chứng thư tin cậy chỉ bảo đảm cho đơn vị được ghi đúng như vậy.",
            f"The signer's certificate ({name}) does not name a unit in the form UID=MĐV:{unit_code}: a trusted certificate authority vouches only for the unit named exactly so.",
            **details,
        )
    if decision.problem == "names_several_units":
        codes = ", ".join(decision.named)
        return _reject(
            "packet.signer_names_several_units",
            4,
            f"Chứng thư của người ký ({name}) ghi nhiều mã đơn vị ({codes}): một chứng thư chỉ được ký cho một đơn vị.",
            f"The signer's certificate ({name}) names several units ({codes}): a certificate signs for one unit only.",
            **details,
        )
    return _reject(
        "packet.signer_not_for_unit",
        4,
        f"Chứng thư của người ký ({name}) không dành cho đơn vị {unit_code}.",
        f"The signer's certificate ({name}) is not one for unit {unit_code}.",
        **details,
    )


__all__ = ["key_usage", "not_for_unit", "weak_algorithm", "weak_key", "withdrawn"]
