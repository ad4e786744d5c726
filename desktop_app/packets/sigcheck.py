"""The two signature checks of a packet through pyHanko's validators (imports pyHanko:
load lazily). Verdicts come from pyHanko's status objects and their ``bottom_line``:
on tampered data a CMS signature can read "valid" (the signature over the signed
attributes verifies) while not "intact" (the digest of the content differs).

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.general import extract_certificate_info, extract_signer_info
from pyhanko.sign.validation import async_validate_detached_cms
from pyhanko.sign.validation.generic_cms import extract_self_reported_ts
from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleTrustManager

# pyHanko logs every untrusted certificate as a warning with a traceback; a rejected
# packet is reported to the user in their language instead.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

# Signing certificates issued in Vietnam carry digitalSignature, nonRepudiation or both;
# pyHanko's default would demand nonRepudiation.
KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)


@dataclass(frozen=True)
class SignatureFacts:
    signer: x509.Certificate | None
    signed_at: datetime.datetime | None
    intact: bool
    valid: bool
    trusted: bool
    bottom_line: bool
    whole_file: bool = True  # PDF only: the signature covers every byte
    problem: str = ""


class Contexts:
    """A fresh ValidationContext (no network: allow_fetching=False) for each packet, at
    its own moment, shared by the packet's CMS and PDF signatures; what does not depend on
    the packet, the trust roots parsed into pyHanko's trust manager, is built once per
    set of roots and kept across packets. Nothing a validation learns (certificates met,
    paths, revocation data) passes from one packet to the next."""

    def __init__(self) -> None:
        self._managers: dict[tuple[bytes, ...], SimpleTrustManager] = {}

    def _manager(self, ders: tuple[bytes, ...]) -> SimpleTrustManager:
        manager = self._managers.get(ders)
        if manager is None:
            if len(self._managers) > 64:
                self._managers.clear()
            roots = [asn1_x509.Certificate.load(d) for d in ders]
            manager = self._managers[ders] = SimpleTrustManager.build(trust_roots=roots)
        return manager

    def get(
        self, roots: Sequence[x509.Certificate], moment: datetime.datetime | None
    ) -> ValidationContext:
        ders = tuple(sorted(c.public_bytes(Encoding.DER) for c in roots))
        return ValidationContext(
            trust_manager=self._manager(ders), allow_fetching=False, moment=moment
        )


def _to_pyca(cert: asn1_x509.Certificate | None) -> x509.Certificate | None:
    return None if cert is None else x509.load_der_x509_certificate(cert.dump())


@dataclass(frozen=True)
class CmsPreview:
    """What the CMS claims before anything is verified: used to pick the trust roots."""

    signed_data: cms.SignedData
    signer: x509.Certificate
    signed_at: datetime.datetime | None


def preview_cms(p7s: bytes) -> CmsPreview:
    """Parse a detached CMS; ValueError if it is not one."""
    info = cms.ContentInfo.load(p7s)
    if info["content_type"].native != "signed_data":
        raise ValueError("not a CMS SignedData")
    signed_data = info["content"]
    if signed_data["encap_content_info"]["content"].native is not None:
        raise ValueError("not a detached signature")
    signer = _to_pyca(extract_certificate_info(signed_data).signer_cert)
    if signer is None:
        raise ValueError("no signer certificate")
    signed_at = extract_self_reported_ts(extract_signer_info(signed_data))
    return CmsPreview(signed_data, signer, signed_at)


async def check_cms(data: bytes, preview: CmsPreview, context: ValidationContext) -> SignatureFacts:
    status = await async_validate_detached_cms(
        data, preview.signed_data, signer_validation_context=context, key_usage_settings=KEY_USAGE
    )
    return SignatureFacts(
        signer=_to_pyca(status.signing_cert),
        signed_at=preview.signed_at,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        bottom_line=status.bottom_line,
    )


async def check_pdf(
    pdf: bytes, context: ValidationContext, reader: PdfFileReader | None = None
) -> SignatureFacts:
    """The PDF's one signature; ``problem`` says why if it cannot even be read. ``reader``:
    the same bytes already opened (the checks that follow then reuse what this parses)."""
    try:
        reader = reader or PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # any parse failure of an untrusted file is a refusal
        return SignatureFacts(None, None, False, False, False, False, False, f"unreadable: {exc}")
    if len(signatures) != 1:
        problem = f"{len(signatures)} signatures"
        return SignatureFacts(None, None, False, False, False, False, False, problem)
    status = await async_validate_pdf_signature(
        signatures[0], signer_validation_context=context, key_usage_settings=KEY_USAGE
    )
    return SignatureFacts(
        signer=_to_pyca(status.signing_cert),
        signed_at=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        bottom_line=status.bottom_line,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
    )


__all__ = ["CmsPreview", "Contexts", "SignatureFacts", "check_cms", "check_pdf", "preview_cms"]
