"""Checks on the key material of an identity: can this certificate sign now, and open
a PKCS#12 file with the passphrase, telling a wrong passphrase from a wrong file.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12

from . import certs
from . import identity_errors as errors
from .signer_rules import key_weakness, may_sign, weak_certificate_digest


def check_usable(cert: x509.Certificate, now: datetime.datetime | None = None) -> None:
    """Refuse a certificate that is outside its validity, may not sign, or is weak (the
    rules the receiving unit applies: ``signer_rules``)."""
    moment = now or datetime.datetime.now(datetime.UTC)
    if moment > cert.not_valid_after_utc:
        raise errors.expired(cert.not_valid_after_utc)
    if moment < cert.not_valid_before_utc:
        raise errors.not_yet_valid(cert.not_valid_before_utc)
    if not may_sign(cert):
        raise errors.key_usage()
    weakness = key_weakness(cert) or weak_certificate_digest(cert)
    if weakness is not None:
        raise errors.weak(weakness.upper() if weakness in ("sha1", "md5") else weakness)


def open_pkcs12(
    data: bytes, passphrase: str, name: str
) -> tuple[PrivateKeyTypes, x509.Certificate, list[x509.Certificate]]:
    # NFC first (how this application types it), then exactly as given (another tool's
    # idea of the same passphrase).
    tried = dict.fromkeys([certs.passphrase_bytes(passphrase), passphrase.encode("utf-8")])
    for secret in tried:
        try:
            key, cert, chain = pkcs12.load_key_and_certificates(data, secret or None)
        except ValueError:
            continue
        if key is None or cert is None or not certs.key_matches(key, cert):
            raise errors.no_key(name)
        return key, cert, list(chain)
    try:  # a passphrase-less file opened with a passphrase fails too: tell which problem
        pkcs12.load_key_and_certificates(data, None)
    except ValueError:
        pass
    else:
        raise errors.bad_file(name, "không có mật khẩu / no passphrase")
    if not data.startswith(b"\x30"):
        raise errors.bad_file(name, "không phải PKCS#12 / not PKCS#12")
    raise errors.wrong_passphrase()


__all__ = ["check_usable", "open_pkcs12"]
