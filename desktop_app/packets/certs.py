"""Certificates and key files: the unit's self-signed certificate, fingerprints read out
over the phone, which unit a certificate names, and reading/writing PEM and DER.

Plain ``cryptography``; pyHanko (slow to import) is only needed to sign and verify.

The self-signed unit certificate (decided here, documented in the README):

- subject ``CN`` = the unit as a document names its issuer ("UBND xã Bình Trung"; an
  agency that is not a People's Committee by its name), ``O`` = its parent's committee
  ("UBND huyện Chợ Đồn"), ``ST`` = its province ("Tỉnh Bắc Kạn"), ``serialNumber`` = the
  official unit code ("02080"), ``C`` = VN;
- RSA-2048 (default: the keys Vietnamese CAs issue to offices, which their verification
  tools expect; interoperability matters more here than EC's smaller keys) or EC P-256,
  SHA-256, valid 5 years from 5 minutes ago (clock skew);
- key usage digitalSignature + nonRepudiation (critical), basicConstraints CA:FALSE.

Which unit a certificate names (decided here, documented in the README; ``unit_codes``):

- a CA-issued certificate names a unit by exactly one subject ``UID``
  (0.9.2342.19200300.100.1.1) whose whole value is ``MĐV:`` followed by the unit's
  official code as the catalogue writes it ("MĐV:02080"; MĐV = mã đơn vị). Nothing else
  counts: not serialNumber, not OU, not a code at the end of a longer text ("Công ty ABC
  Phòng 02080"), not "MĐV: 02080" with a space, not "2080" without its zero. No public
  source was found saying how Vietnamese CAs write an administrative unit's code, so the
  rule is strict and exact; another attribute or prefix can be added here when a CA's
  real certificates show one. A certificate with two such UIDs names no single unit and
  signs for none (``names_unit`` is False for both);
- the application's own self-signed certificate (issuer = subject) names its unit by
  ``serialNumber`` = the code (see ``unit_certificate``). It only ever signs once the
  district has registered it for that unit, so the name is a check against slips.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from cryptography.x509.oid import NameOID

from ..core.levels import committee
from ..core.text import nfc
from ..storage.durable import atomic_write

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

CERT_YEARS = 5
# PBKDF2-HMAC-SHA256 rounds for the unit key (OWASP 2023). cryptography's
# BestAvailableEncryption writes PKCS#8 with only 2048 rounds, which a stolen office PC
# would give up to a dictionary quickly; ~65 ms per load here, once per export.
KEY_KDF_ROUNDS = 600_000
UNIT_PREFIX = "MĐV:"  # UID = "MĐV:02080" names unit 02080 (see the module docstring)
# A unit code as the catalogue writes it: official codes are 2, 3 or 5 digits; custom
# units' codes are short ASCII words. No spaces, nothing around it.
_UNIT_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,31}", re.ASCII)


def passphrase_bytes(passphrase: str) -> bytes:
    """The same Vietnamese passphrase typed with Unikey in either mode gives the same key."""
    return nfc(passphrase).encode("utf-8")


def new_key(kind: str = "rsa") -> PrivateKey:
    if kind == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if kind == "ec":
        return ec.generate_private_key(ec.SECP256R1())
    raise ValueError(f"unknown key kind {kind!r}: ec or rsa")


def unit_certificate(
    key: PrivateKey,
    *,
    unit_code: str,
    unit_name: str,
    parent_name: str | None,
    province: str | None = None,
    now: datetime.datetime | None = None,
    years: int = CERT_YEARS,
) -> x509.Certificate:
    """A self-signed certificate naming the unit (see the module docstring)."""
    now = now or datetime.datetime.now(datetime.UTC)
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if province:
        attributes.append(x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, nfc(province)))
    if parent_name:
        parent = committee(nfc(parent_name))
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, parent))
    attributes += [
        x509.NameAttribute(NameOID.SERIAL_NUMBER, unit_code),
        x509.NameAttribute(NameOID.COMMON_NAME, committee(nfc(unit_name))),
    ]
    name = x509.Name(attributes)
    public = key.public_key()
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # nonRepudiation
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=365 * years + years // 4))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def encrypt_private_key(key: PrivateKey, passphrase: str, rounds: int = KEY_KDF_ROUNDS) -> bytes:
    """PEM "ENCRYPTED PRIVATE KEY" (PKCS#8, PBES2: PBKDF2-HMAC-SHA256 + AES-256-CBC) that
    ``openssl pkey`` and ``cryptography`` read as they would any other; only the round
    count differs from BestAvailableEncryption (see KEY_KDF_ROUNDS)."""
    from asn1crypto import algos, pem
    from asn1crypto import keys as asn1_keys

    plain = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    salt, iv = os.urandom(16), os.urandom(16)
    secret = PBKDF2HMAC(hashes.SHA256(), 32, salt, rounds).derive(passphrase_bytes(passphrase))
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(secret), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(padded) + encryptor.finalize()
    kdf = {
        "salt": algos.Pbkdf2Salt(name="specified", value=salt),
        "iteration_count": rounds,
        "prf": {"algorithm": "sha256", "parameters": None},
    }
    info = asn1_keys.EncryptedPrivateKeyInfo(
        {
            "encryption_algorithm": {
                "algorithm": "pbes2",
                "parameters": {
                    "key_derivation_func": {"algorithm": "pbkdf2", "parameters": kdf},
                    "encryption_scheme": {"algorithm": "aes256_cbc", "parameters": iv},
                },
            },
            "encrypted_data": encrypted,
        }
    )
    armored: bytes = pem.armor("ENCRYPTED PRIVATE KEY", info.dump())  # asn1crypto: untyped
    return armored


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the DER certificate as "AA:BB:…", the form read out over the phone."""
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


_NAMES = {NameOID.SERIAL_NUMBER: "serialNumber", NameOID.USER_ID: "UID"}


def describe_name(name: x509.Name) -> str:
    """RFC 4514 text, with serialNumber and UID spelled out rather than as OIDs."""
    return name.rfc4514_string(_NAMES)


def _values(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> list[str]:
    return [str(a.value) for a in cert.subject.get_attributes_for_oid(oid)]


def common_name(cert: x509.Certificate) -> str:
    names = _values(cert, NameOID.COMMON_NAME)
    return names[0] if names else cert.subject.rfc4514_string()


def unit_codes(cert: x509.Certificate) -> list[str]:
    """The unit codes the certificate names, each once, in the rule of the module
    docstring: UID values that are exactly "MĐV:CODE", and for a self-signed certificate
    a serialNumber that is exactly a code. More than one code means it names no single
    unit (``names_unit``)."""
    found: list[str] = []
    for value in _values(cert, NameOID.USER_ID):
        text = nfc(value)
        if text.startswith(UNIT_PREFIX) and _UNIT_CODE.fullmatch(text[len(UNIT_PREFIX) :]):
            found.append(text[len(UNIT_PREFIX) :])
    if cert.issuer == cert.subject:
        found += [v for v in _values(cert, NameOID.SERIAL_NUMBER) if _UNIT_CODE.fullmatch(v)]
    return list(dict.fromkeys(found))


def names_unit(cert: x509.Certificate, unit_code: str) -> bool:
    """Whether the certificate names exactly this one unit."""
    return unit_codes(cert) == [unit_code]


def is_self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except Exception:  # wrong key type or bad signature: either way not self-signed
        return False
    return True


def is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def key_matches(key: object, cert: x509.Certificate) -> bool:
    """Whether ``key`` is the private half of the certificate's public key."""
    public = getattr(key, "public_key", None)
    return public is not None and public() == cert.public_key()


def valid_at(cert: x509.Certificate, moment: datetime.datetime) -> bool:
    return cert.not_valid_before_utc <= moment <= cert.not_valid_after_utc


def read_certificates(data: bytes) -> list[x509.Certificate]:
    """Every certificate in PEM text (one or more) or a single DER certificate.
    ValueError if there is none."""
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def certificate_bytes(cert: x509.Certificate, path: Path) -> bytes:
    """``.cer``/``.der``/``.crt`` → DER (what Windows' certificate viewer opens on a double
    click); anything else PEM (what ``openssl -CAfile`` wants)."""
    if path.suffix.lower() in (".cer", ".der", ".crt"):
        return cert.public_bytes(serialization.Encoding.DER)
    return cert.public_bytes(serialization.Encoding.PEM)


def pem_bundle(certs: Iterable[x509.Certificate]) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def write_private(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write atomically (a power cut leaves the old file or the new one), owner-only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, data, mode=mode)


__all__ = [
    "CERT_YEARS",
    "KEY_KDF_ROUNDS",
    "UNIT_PREFIX",
    "certificate_bytes",
    "common_name",
    "describe_name",
    "encrypt_private_key",
    "fingerprint",
    "is_ca",
    "is_self_signed",
    "key_matches",
    "names_unit",
    "new_key",
    "passphrase_bytes",
    "pem_bundle",
    "read_certificates",
    "unit_certificate",
    "unit_codes",
    "valid_at",
    "write_private",
]
