"""Revoking trust: by a unit's code, by a certificate's fingerprint, or by the certificate
itself (a file or pasted PEM).

A registered entry is ended with the officer's reason. A certificate that was never
registered, because a trusted CA vouched for it, can be revoked too: by the certificate,
or by its fingerprint when a packet it signed was received here (the kept file holds the
certificate). It is then recorded as revoked for the unit it names, and
``DbTrustSource.withdrawn`` refuses it from then on, whatever CA issued it.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from cryptography import x509

from ..core.text import clean_line
from ..packets import certs
from ..storage.trust_entries import (
    TrustEntry,
    by_fingerprint,
    end_entry,
    insert_revoked,
    list_entries,
)
from .cert_input import (
    CertificateInput,
    entry_fields,
    error,
    normalise_fingerprint,
    read_certificates,
    source_name,
    unit_certificate,
)
from .office import Office

MAX_SIGNATURE_BYTES = 1024 * 1024  # a packet's manifest.json.p7s is a few kB


def _signers_in(path: Path) -> list[x509.Certificate]:
    """The certificates in a kept packet's signature (an unreadable file gives none)."""
    from asn1crypto import cms

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("manifest.json.p7s")
            if info.file_size > MAX_SIGNATURE_BYTES:
                return []
            signed = cms.ContentInfo.load(archive.read(info))["content"]
            return [
                x509.load_der_x509_certificate(c.chosen.dump())
                for c in signed["certificates"] or []
            ]
    except Exception:  # a rejected file may be anything: it then tells nothing
        return []


def seen_certificate(office: Office, fingerprint: str) -> tuple[x509.Certificate, str] | None:
    """(certificate, the unit it signed for) from a file received here signed with it."""
    rows = office.db.fetchall(
        "SELECT stored_path, unit_code FROM received_files WHERE signer_fingerprint = ?"
        " AND stored_path IS NOT NULL AND unit_code IS NOT NULL ORDER BY id",
        (fingerprint,),
    )
    for stored, unit_code in rows:
        for cert in _signers_in(office.data_dir / stored):
            if certs.fingerprint(cert) == fingerprint:
                return cert, unit_code
    return None


def _revoke_unregistered(
    office: Office, cert: x509.Certificate, seen_for: str | None, reason: str, target: str
) -> list[TrustEntry]:
    fingerprint = certs.fingerprint(cert)
    if any(e.end_reason == "revoked" for e in by_fingerprint(office.db, fingerprint)):
        raise error(
            "trust.already_revoked",
            f"Chứng thư {fingerprint} đã bị thu hồi trước đây.",
            f"Certificate {fingerprint} was revoked already.",
            fingerprint=fingerprint,
        )
    named = certs.unit_codes(cert)
    unit_code = named[0] if len(named) == 1 else seen_for
    if unit_code is None:
        raise error(
            "trust.not_found",
            f"Không biết chứng thư «{target}» ký cho đơn vị nào: nó không ghi đúng một mã đơn vị và chưa ký gói nào gửi tới đây.",
            f"Cannot tell which unit certificate «{target}» signs for: it names no single unit and signed no packet received here.",
            target=target,
        )
    entry = insert_revoked(  # the fingerprint among the fields is the one above
        office.db, unit_code=unit_code, user=office.user, note=reason, **entry_fields(cert)
    )
    return [entry]


def revoke(office: Office, target: str | Path, reason: str) -> list[TrustEntry]:
    """End the active entries for a unit code, a fingerprint or a certificate (a file path
    or pasted PEM), with the officer's reason; or record as revoked a certificate a
    trusted CA issued (see the module docstring). Packets signed with a revoked
    certificate are refused from then on."""
    reason = clean_line(reason or "")
    if not reason:
        raise error(
            "trust.reason_required",
            "Hãy ghi lý do thu hồi.",
            "Give the reason for the revocation.",
        )
    cert: x509.Certificate | None = None
    shown = target.name if isinstance(target, Path) else target
    if isinstance(target, Path) or "-----BEGIN" in target:
        source: CertificateInput = target
        cert = unit_certificate(read_certificates(source), source_name(source))
        fingerprint: str | None = certs.fingerprint(cert)
    else:
        fingerprint = normalise_fingerprint(target)
    entries = list_entries(office.db)
    if fingerprint is not None:
        chosen = [e for e in entries if e.fingerprint == fingerprint]
    else:
        unit = office.catalogue.get(str(target))
        code = unit.code if unit else str(target).strip()
        chosen = [e for e in entries if e.unit_code == code and not e.is_ca]
    if not chosen and fingerprint is None:
        raise error(
            "trust.not_found",
            f"Không có chứng thư đang được tin cậy nào ứng với «{shown}».",
            f"No trusted certificate matches «{shown}».",
            target=shown,
        )
    if chosen:
        with office.db.transaction():
            return [
                end_entry(office.db, e.id, reason="revoked", note=reason, user=office.user)
                for e in chosen
            ]
    seen_for = None
    if cert is None and fingerprint is not None:  # (it is: the None case was refused above)
        found = seen_certificate(office, fingerprint)
        if found is not None:
            cert, seen_for = found
    if cert is None:
        raise error(
            "trust.not_found",
            f"Không có chứng thư đang được tin cậy nào ứng với «{shown}», và chưa nhận gói nào ký bằng chứng thư đó: hãy đưa tệp chứng thư cần thu hồi.",
            f"No trusted certificate matches «{shown}», and no packet signed with it was received here: give the certificate file to revoke.",
            target=shown,
        )
    with office.db.transaction():
        return _revoke_unregistered(office, cert, seen_for, reason, shown)


__all__ = ["revoke", "seen_certificate"]
