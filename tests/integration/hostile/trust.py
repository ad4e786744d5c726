"""Trust: the registered signer, for exactly its unit, until revoked (issue 14 §2).

Every case here is signed by a certificate the kit's trusted CA issued for Bình Trung
(A), in some way the rules refuse: how it names the unit, what its key may do, how long
its key is, how it or the signature is hashed. Kinds that need the trust list changed
first (revoked, replaced, pinned before the rules) are tested in
``test_receive_trust_time.py``."""

from __future__ import annotations

from cryptography.x509.oid import NameOID

from tests import odd_certs as odd
from tests import pki

from .kit import A, edited, make_zip, unpack


def by_ca_signer(kit, subject, **options):
    """A signer whose certificate the kit's CA issued for ``subject``."""
    ca_key, ca_cert = kit["ca"]
    key, cert = odd.issued(ca_key, ca_cert, subject, **options)
    return pki.signer_for(key, cert, [ca_cert])


def signed_by(kit, signer) -> bytes:
    """A's genuine data, packed and signed by ``signer``."""
    return edited({**kit, "odd_signer": signer}, lambda d: None, "odd_signer")


def with_digest(kit, digest: str) -> bytes:
    """A packet whose manifest signature uses ``digest`` (sha1, md5), by an RSA
    certificate the CA issued for A."""
    ca_key, ca_cert = kit["ca"]
    key, cert = odd.issued(ca_key, ca_cert, odd.naming(f"MĐV:{A}"), key=pki.make_key("rsa"))
    signer = pki.signer_for(key, cert, [ca_cert])
    members = unpack(signed_by(kit, signer))
    members["manifest.json.p7s"] = odd.sign_detached_with(
        signer, members["manifest.json"], digest, pki.now()
    )
    return make_zip(list(members.items()))


def cert_signed_with_sha1(kit) -> bytes:
    """A certificate for A that the CA signed with SHA-1, as an old CA did."""
    ca_key, ca_cert = kit["ca"]
    key, cert = odd.issued(ca_key, ca_cert, odd.naming(f"MĐV:{A}"))
    weak = odd.resign(cert, ca_key, "sha1")
    return signed_by(kit, pki.signer_for(key, weak, [ca_cert]))


# name: (make(kit) -> packet bytes, the reason code it must be refused with)
CASES: dict = {
    "CA certificate with the code at the end of a longer name": (
        lambda k: signed_by(k, by_ca_signer(k, odd.naming(f"Công ty ABC Phòng {A}"))),
        "packet.signer_names_no_unit",
    ),
    "CA certificate naming the unit in OU": (
        lambda k: signed_by(
            k,
            by_ca_signer(k, [(NameOID.ORGANIZATIONAL_UNIT_NAME, f"MĐV:{A}"), *odd.naming()]),
        ),
        "packet.signer_names_no_unit",
    ),
    "CA certificate naming two units": (
        lambda k: signed_by(k, by_ca_signer(k, odd.naming(f"MĐV:{A}", "MĐV:02083"))),
        "packet.signer_names_several_units",
    ),
    "CA certificate whose key may not sign": (
        lambda k: signed_by(k, by_ca_signer(k, odd.naming(f"MĐV:{A}"), signing=False)),
        "packet.signer_key_usage",
    ),
    "CA certificate with an RSA-1024 key": (
        lambda k: signed_by(
            k, by_ca_signer(k, odd.naming(f"MĐV:{A}"), key=odd.weak_key("rsa1024"))
        ),
        "packet.weak_key",
    ),
    "CA certificate with a P-192 key": (
        lambda k: signed_by(k, by_ca_signer(k, odd.naming(f"MĐV:{A}"), key=odd.weak_key("p192"))),
        "packet.weak_key",
    ),
    "CA certificate signed with SHA-1": (cert_signed_with_sha1, "packet.weak_algorithm"),
    "signature made with SHA-1": (lambda k: with_digest(k, "sha1"), "packet.weak_algorithm"),
    "signature made with MD5": (lambda k: with_digest(k, "md5"), "packet.weak_algorithm"),
}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = {
    "revoked CA-issued certificate that was registered",
    "replaced CA-issued certificate",
    "CA-issued certificate revoked by its fingerprint",
    "registered certificate whose key may not sign",
}
