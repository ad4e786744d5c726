"""Registering the certificate that signed a refused packet ("signer unknown") for the
unit the packet names, from the packet itself: a district with twenty new communes
registers each one's certificate from its first packet instead of asking for twenty
certificate files. The officer confirms each by its fingerprint first; the certificate
then goes through every check of ``trust_store.register_certificate`` (key usage, weak
keys, a key registered for one unit only).

May import: ``core``, ``packets``, ``storage`` and this package."""

from __future__ import annotations

from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from ..packets import certs
from ..packets.zipread import read_members
from .cert_input import error, normalise_fingerprint
from .office import Office
from .trust_store import Registered, register_certificate

SIGNATURE_MEMBER = "manifest.json.p7s"


def packet_signer(packet: Path) -> x509.Certificate:
    """The certificate the packet's signature carries, read within the packet limits;
    AppError ``trust.packet_unreadable`` when the file holds no readable signature."""
    from ..packets.sigcheck import preview_cms

    members = read_members(packet)  # AppError (check 1) for what is not a packet
    try:
        return preview_cms(members[SIGNATURE_MEMBER]).signer
    except Exception as exc:  # an untrusted blob: any parse failure is a refusal
        raise error(
            "trust.packet_unreadable",
            f"Không đọc được chứng thư của người ký trong gói {packet.name}: {exc}",
            f"Cannot read the signer's certificate in the packet {packet.name}: {exc}",
            path=str(packet),
        ) from exc


def register_packet_signer(
    office: Office, packet: Path, unit_code: str, fingerprint: str, *, note: str = ""
) -> Registered:
    """Register the packet's signer for ``unit_code``, provided it is still the
    certificate whose ``fingerprint`` the officer confirmed (the file may have been
    swapped since): AppError ``trust.fingerprint_changed`` otherwise."""
    cert = packet_signer(packet)
    found = certs.fingerprint(cert)
    if found != normalise_fingerprint(fingerprint):
        raise error(
            "trust.fingerprint_changed",
            f"Gói {packet.name} nay được ký bằng chứng thư khác (vân tay {found}), không phải "
            "chứng thư đã đối chiếu: không đăng ký.",
            f"The packet {packet.name} is now signed with another certificate (fingerprint "
            f"{found}), not the one confirmed: nothing registered.",
            fingerprint=found,
        )
    return register_certificate(office, cert.public_bytes(Encoding.DER), unit_code, note=note)


__all__ = ["packet_signer", "register_packet_signer"]
