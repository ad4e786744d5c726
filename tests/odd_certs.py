"""Certificates the trust rules must refuse or accept (issue 14 §2), made by the tests:
subjects naming units in other ways, keys that may not sign, short keys, SHA-1 and MD5,
and the self-signed CA:TRUE certificate ``openssl req -x509`` makes by default.

``cryptography`` refuses to sign a certificate with SHA-1 or MD5, so ``resign`` builds
one the old way, as an old CA or tool would have: the TBS certificate re-encoded with
the weak algorithm and signed with the issuer's key directly.
"""

from __future__ import annotations

import asyncio
import datetime

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from tests import pki

_USAGE = {
    "digital_signature": True,
    "content_commitment": True,
    "key_encipherment": False,
    "data_encipherment": False,
    "key_agreement": False,
    "key_cert_sign": False,
    "crl_sign": False,
    "encipher_only": False,
    "decipher_only": False,
}


def weak_key(kind: str):
    """An RSA-1024 ("rsa1024") or P-192 ("p192") key."""
    if kind == "rsa1024":
        return rsa.generate_private_key(public_exponent=65537, key_size=1024)
    return ec.generate_private_key(ec.SECP192R1())


def issued(
    ca_key,
    ca_cert: x509.Certificate,
    subject: list[tuple[x509.ObjectIdentifier, str]],
    *,
    key=None,
    signing: bool = True,
    not_before: datetime.datetime | None = None,
):
    """(key, certificate) issued by the CA for exactly ``subject`` (attribute, value)s."""
    key = key or pki.make_key("ec")
    moment = pki.now()
    usage = {**_USAGE, "digital_signature": signing, "content_commitment": signing}
    if not signing:
        usage["key_encipherment"] = True
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(oid, value) for oid, value in subject]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or moment - datetime.timedelta(days=1))
        .not_valid_after(moment + datetime.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(**usage), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def naming(*uids: str, common_name: str = "Xã Bình Trung") -> list:
    """A subject: C=VN, the given UIDs, CN."""
    return [
        (NameOID.COUNTRY_NAME, "VN"),
        *[(NameOID.USER_ID, uid) for uid in uids],
        (NameOID.COMMON_NAME, common_name),
    ]


def resign(cert: x509.Certificate, issuer_key, digest: str) -> x509.Certificate:
    """``cert`` signed again by ``issuer_key`` (RSA or EC) with "sha1" (or "md5", RSA)."""
    algorithm = {"sha1": hashes.SHA1(), "md5": hashes.MD5()}[digest]
    is_rsa = isinstance(issuer_key, rsa.RSAPrivateKey)
    name = f"{digest}_rsa" if is_rsa else f"{digest}_ecdsa"
    parsed = asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))
    tbs = parsed["tbs_certificate"]
    tbs["signature"] = {"algorithm": name}
    body = tbs.dump(force=True)
    if is_rsa:
        signature = issuer_key.sign(body, padding.PKCS1v15(), algorithm)
    else:
        signature = issuer_key.sign(body, ec.ECDSA(algorithm))
    rebuilt = asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": name},
            "signature_value": signature,
        }
    )
    return x509.load_der_x509_certificate(rebuilt.dump())


def ca_with_key(key, name: str = "CA cũ") -> x509.Certificate:
    """A CA root certificate over ``key`` (an old CA's short key)."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    moment = pki.now()
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(moment - datetime.timedelta(days=365))
        .not_valid_after(moment + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .sign(key, hashes.SHA256())
    )


def self_signed_ca_true(unit_code: str = "02080", name: str = "Xã Bình Trung"):
    """What ``openssl req -x509 -newkey ec …`` makes: self-signed, basicConstraints
    CA:TRUE, no key usage extension."""
    key = pki.make_key("ec")
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, unit_code),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    moment = pki.now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(moment - datetime.timedelta(minutes=5))
        .not_valid_after(moment + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def sign_detached_with(signer, data: bytes, digest: str, moment: datetime.datetime) -> bytes:
    """A detached CMS over ``data`` with the digest asked for ("sha1", "md5"): what an old
    signing tool makes."""
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes

    attributes = PdfCMSSignedAttributes(signing_time=moment)
    content = asyncio.run(
        signer.async_sign_general_data(data, digest, detached=True, signed_attr_settings=attributes)
    )
    return content.dump()


__all__ = [
    "ca_with_key",
    "issued",
    "naming",
    "resign",
    "self_signed_ca_true",
    "sign_detached_with",
    "weak_key",
]
