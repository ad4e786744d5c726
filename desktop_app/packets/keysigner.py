"""pyHanko signers for the three kinds of identity. This module imports pyHanko (0.6 s):
import it lazily, from the code that is about to sign, never at start-up.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from . import identity_errors as errors


# pyHanko wants asn1crypto objects; the conversions are spelt out here rather than taken
# from its ``pyhanko.keys.internal`` module, which is not its public interface.
def _asn1_certificate(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def _asn1_key(key: PrivateKeyTypes) -> asn1_keys.PrivateKeyInfo:
    # any key cryptography holds serialises to PKCS#8 (the PKCS#12 path passes others)
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return asn1_keys.PrivateKeyInfo.load(der)


class KeySigner(SimpleSigner):
    """A SimpleSigner that keeps its parsed key. pyHanko re-parses the DER key on every
    signature, and for RSA-2048 the parse (with its consistency check) costs ~28 ms, twice
    per packet; PKCS#1 v1.5 and ECDSA are signed here with the key already in memory."""

    def __init__(
        self,
        key: PrivateKeyTypes,  # RSA and EC signed below, the others by pyHanko
        cert: x509.Certificate,
        chain: Iterable[x509.Certificate] = (),
    ) -> None:
        store = SimpleCertificateStore()
        store.register_multiple([_asn1_certificate(c) for c in chain])
        super().__init__(
            signing_cert=_asn1_certificate(cert),
            signing_key=_asn1_key(key),
            cert_registry=store,
        )
        self._key = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        digest = get_pyca_cryptography_hash(digest_algorithm)
        if mechanism == "rsassa_pkcs1v15" and isinstance(self._key, rsa.RSAPrivateKey):
            return self._key.sign(data, PKCS1v15(), digest)
        if mechanism == "ecdsa" and isinstance(self._key, ec.EllipticCurvePrivateKey):
            return self._key.sign(data, ec.ECDSA(digest))
        return super().sign_raw(data, digest_algorithm)


def _pkcs11_error(exc: Exception, module: str, token: str) -> Exception:
    import pkcs11.exceptions as p11

    text = str(exc)
    if isinstance(exc, p11.PinIncorrect):
        return errors.wrong_pin()
    if isinstance(exc, p11.PinLocked):
        return errors.pin_locked()
    if isinstance(exc, (p11.TokenNotPresent, p11.TokenNotRecognised, p11.DeviceRemoved)):
        return errors.token_absent(token)
    if "No token matching" in text:
        return errors.token_absent(token)
    if "OS exception while loading" in text or isinstance(exc, OSError):
        return errors.module_missing(module, text)
    return errors.token_error(text or type(exc).__name__)


def _session(module: str, token: str, pin: str | None) -> Any:
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import open_pkcs11_session

    try:
        return open_pkcs11_session(module, token_criteria=TokenCriteria(label=token), user_pin=pin)
    except Exception as exc:
        raise _pkcs11_error(exc, module, token) from exc


def token_certificate(module: str, token: str, cert_label: str, pin: str | None = None) -> bytes:
    """The DER certificate labelled ``cert_label`` on the token (public: no PIN needed)."""
    from pkcs11 import Attribute, ObjectClass

    session = _session(module, token, pin)
    try:
        found = list(
            session.get_objects(
                {Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.LABEL: cert_label}
            )
        )
        if not found:
            raise errors.token_object_missing("certificate", cert_label)
        return bytes(found[0][Attribute.VALUE])
    finally:
        session.close()


def token_signer(
    module: str, token: str, key_label: str, cert: x509.Certificate, pin: str
) -> tuple[Any, Any]:
    """(signer, session) for a key on a PKCS#11 token; close the session when done."""
    from pkcs11 import Attribute, ObjectClass
    from pyhanko.sign.pkcs11 import PKCS11Signer

    session = _session(module, token, pin)
    try:
        keys = list(
            session.get_objects(
                {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.LABEL: key_label}
            )
        )
        if not keys:
            raise errors.token_object_missing("key", key_label)
        signer = PKCS11Signer(
            session,
            key_label=key_label,
            signing_cert=_asn1_certificate(cert),
            # Many tokens (SoftHSM2 among them) offer plain ECDSA but not ECDSA-with-SHA256:
            # hash here, sign the digest on the token.
            use_raw_mechanism=isinstance(cert.public_key(), ec.EllipticCurvePublicKey),
        )
    except BaseException:
        session.close()
        raise
    return signer, session


__all__ = ["KeySigner", "token_certificate", "token_signer"]
