"""The first file a unit gets from its parent (a receipt, a form packet) when no
certificate of the parent is registered yet: applied only on the clerk's explicit
decision that the signer is the parent (issue 14 §7, "no trust on first sight").

The decision is the parent's certificate as the clerk received it (a file or pasted PEM)
or its SHA-256 fingerprint read back by phone; it must be the file's signer. Without one
the file is refused with ``<kind>.parent_unconfirmed``, carrying the signer's name and
fingerprint for the window to show and ask.

May import: ``packets``, ``storage``, ``core``, and ``cert_input``, ``office``,
``receipt_verify`` of this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cryptography import x509

from ..core.messages import AppError, Text
from ..packets import certs
from .cert_input import (
    CertificateInput,
    check_may_sign,
    check_strength,
    normalise_fingerprint,
    read_certificates,
    source_name,
    unit_certificate,
)
from .office import Office
from .receipt_verify import SignedKind


def confirm_parent(
    office: Office,
    signer: x509.Certificate,
    issuer: Mapping[str, Any],
    kind: SignedKind,
    trust_cert: CertificateInput | None,
    fingerprint: str | None,
) -> None:
    """AppError unless ``trust_cert`` or ``fingerprint`` names ``signer`` (see above)."""
    k = kind
    signer_fp = certs.fingerprint(signer)
    name = certs.common_name(signer)
    parent = office.parent
    parent_code = parent.code if parent else str(issuer.get("code", ""))
    parent_name = parent.name if parent else str(issuer.get("name", ""))
    details = {
        "signer": name,
        "subject": certs.describe_name(signer.subject),
        "fingerprint": signer_fp,
        "parent_code": parent_code,
        "parent_name": parent_name,
    }
    if trust_cert is None and fingerprint is None:
        raise AppError(
            f"{k.prefix}.parent_unconfirmed",
            Text(
                f"Chưa có chứng thư nào của đơn vị cấp trên {parent_name} ({parent_code}) được đăng ký ở đây. {k.vi.capitalize()} được ký bởi «{name}», vân tay SHA-256 {signer_fp}. Hãy gọi điện cho đơn vị cấp trên để đối chiếu vân tay, rồi mở lại với --fingerprint (vân tay) hoặc --trust (tệp chứng thư đơn vị cấp trên gửi).",
                f"No certificate of the parent unit {parent_name} ({parent_code}) is registered here. The {k.en} is signed by «{name}», SHA-256 fingerprint {signer_fp}. Call the parent unit to confirm the fingerprint, then open it again with --fingerprint (the fingerprint) or --trust (the certificate file the parent sent).",
            ),
            **details,
        )
    if trust_cert is not None:
        given = unit_certificate(read_certificates(trust_cert), source_name(trust_cert))
        given_fp = certs.fingerprint(given)
    else:
        given_fp = normalise_fingerprint(fingerprint or "") or (fingerprint or "").strip()
    if given_fp != signer_fp:
        raise AppError(
            f"{k.prefix}.parent_mismatch",
            Text(
                f"{k.vi.capitalize()} được ký bởi «{name}» (vân tay {signer_fp}), không phải chứng thư đơn vị cấp trên mà anh/chị xác nhận (vân tay {given_fp}): {k.vi} không được áp dụng.",
                f"The {k.en} is signed by «{name}» (fingerprint {signer_fp}), not the parent's certificate you confirmed (fingerprint {given_fp}): the {k.en} is not applied.",
            ),
            confirmed=given_fp,
            **details,
        )
    check_may_sign(signer)
    check_strength(signer)


__all__ = ["confirm_parent"]
