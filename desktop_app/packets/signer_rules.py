"""What a signer's certificate must be whoever vouches for it, checked the same way when
a certificate enters the trust list and when a packet signed with it arrives:

- its key usage, when it has one, allows signing (digitalSignature or nonRepudiation):
  pyHanko checks this for a certificate that chains to a CA, not for a pinned one, which
  is its own trust root;
- its key is not weak: RSA of at least 2048 bits, elliptic curves of at least 256 bits;
- nothing in it or in the signature is hashed with MD5 or SHA-1 (broken digests: a
  collision lets one signature stand for two documents).

Plain ``cryptography`` and ``asn1crypto``; nothing here imports pyHanko.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa

MIN_RSA_BITS = 2048
MIN_EC_BITS = 256
WEAK_DIGESTS = frozenset({"md2", "md4", "md5", "sha1"})


def may_sign(cert: x509.Certificate) -> bool:
    """Whether the key usage (if the certificate states one) allows signing documents."""
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True  # no restriction stated (openssl req -x509 writes none)
    return bool(usage.digital_signature or usage.content_commitment)


def key_weakness(cert: x509.Certificate) -> str | None:
    """ "RSA 1024 bit" when the key is too short to trust, None when it is strong enough."""
    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey) and key.key_size < MIN_RSA_BITS:
        return f"RSA {key.key_size} bit"
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.key_size < MIN_EC_BITS:
        return f"EC {key.curve.name} ({key.curve.key_size} bit)"
    if isinstance(key, dsa.DSAPublicKey):  # nothing issues DSA for signing documents now
        return f"DSA {key.key_size} bit"
    return None


def weak_certificate_digest(cert: x509.Certificate) -> str | None:
    """ "sha1" / "md5" when the certificate itself was signed with a broken digest."""
    try:
        algorithm = cert.signature_hash_algorithm
    except Exception:  # an algorithm cryptography does not know: not one of the weak ones
        return None
    name = algorithm.name.lower() if algorithm is not None else ""
    return name if name in WEAK_DIGESTS else None


def weak_cms_digest(signed_data: Any) -> str | None:
    """The broken digest a CMS SignedData (asn1crypto) signs with, if any: its signer's
    digest algorithm or the digest named in its signature algorithm ("sha1_rsa")."""
    for info in signed_data["signer_infos"]:
        digest = str(info["digest_algorithm"]["algorithm"].native or "").lower()
        if digest in WEAK_DIGESTS:
            return digest
        signature = str(info["signature_algorithm"]["algorithm"].native or "").lower()
        prefix = signature.split("_", 1)[0]
        if prefix in WEAK_DIGESTS:
            return prefix
    return None


def public_key_id(cert: x509.Certificate) -> bytes:
    """The DER SubjectPublicKeyInfo: two certificates with the same key share it."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)


__all__ = [
    "MIN_EC_BITS",
    "MIN_RSA_BITS",
    "WEAK_DIGESTS",
    "key_weakness",
    "may_sign",
    "public_key_id",
    "weak_certificate_digest",
    "weak_cms_digest",
]
