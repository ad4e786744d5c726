"""The unit's signing identity: which one it uses, and loading it once per export.

Three kinds, chosen once and remembered in the database setting ``signing_identity``:

``self-signed``  made here on first run: ``identity/unit-key.pem`` (PKCS#8, encrypted with
                 the clerk's passphrase, see certs.KEY_KDF_ROUNDS) + ``identity/unit-cert.pem``;
``pkcs12``       a CA-issued ``.p12``/``.pfx``, copied to ``identity/certificate.p12`` so it
                 is still there when the USB stick it came on is not; its certificate is
                 kept beside it as ``identity/certificate.pem``;
``pkcs11``       a USB token: module path, token label, key and certificate labels; the
                 certificate is copied to ``identity/token-cert.pem``.

Passphrases and PINs are asked for at signing time and never stored. Paths in the setting
are relative to the data directory, so a restored or moved data directory still works.
Replacing an identity moves the old files to ``identity/archive/<time>/``: a key that
signed packets is never deleted by the application.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from ..storage import Database, get_setting, set_setting
from . import certs
from . import identity_errors as errors
from .keycheck import check_usable, open_pkcs12

SETTING = "signing_identity"
IDENTITY_DIR = "identity"
MIN_PASSPHRASE = 8


def _now(now: datetime.datetime | None) -> datetime.datetime:
    return now or datetime.datetime.now(datetime.UTC)


@dataclass(frozen=True)
class IdentityInfo:
    """What is known about the identity without its passphrase or PIN."""

    kind: str
    certificate: x509.Certificate
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        return certs.fingerprint(self.certificate)

    @property
    def needs_pin(self) -> bool:
        return self.kind == "pkcs11"

    @property
    def common_name(self) -> str:
        return certs.common_name(self.certificate)

    def as_dict(self) -> dict[str, Any]:
        cert = self.certificate
        return {
            "kind": self.kind,
            "subject": certs.describe_name(cert.subject),
            "common_name": self.common_name,
            "issuer": certs.describe_name(cert.issuer),
            "self_signed": certs.is_self_signed(cert),
            "unit_codes": certs.unit_codes(cert),
            "not_before": cert.not_valid_before_utc.isoformat(),
            "not_after": cert.not_valid_after_utc.isoformat(),
            "fingerprint": self.fingerprint,
            **{k: v for k, v in self.settings.items() if k not in ("kind", "fingerprint")},
        }


@dataclass
class SigningIdentity:
    """An opened identity: a pyHanko signer ready to sign. Close it (or use ``with``)
    to log out of a token."""

    info: IdentityInfo
    signer: Any
    _session: Any = None

    @property
    def certificate(self) -> x509.Certificate:
        return self.info.certificate

    def close(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            session.close()

    def __enter__(self) -> SigningIdentity:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def identity_dir(data_dir: Path) -> Path:
    return Path(data_dir) / IDENTITY_DIR


def _read_cert(data_dir: Path, relative: str) -> x509.Certificate:
    path = Path(data_dir) / relative
    try:
        return certs.read_certificates(path.read_bytes())[0]
    except FileNotFoundError as exc:
        raise errors.files_missing(str(path)) from exc
    except (OSError, ValueError) as exc:
        raise errors.bad_file(path.name, str(exc)) from exc


def current_identity(db: Database, data_dir: Path) -> IdentityInfo | None:
    settings = get_setting(db, SETTING)
    if not settings:
        return None
    return IdentityInfo(settings["kind"], _read_cert(data_dir, settings["certificate"]), settings)


def require_identity(db: Database, data_dir: Path) -> IdentityInfo:
    info = current_identity(db, data_dir)
    if info is None:
        raise errors.no_identity()
    return info


def _prepare(db: Database, data_dir: Path, replace: bool, now: datetime.datetime) -> Path:
    """The identity folder, with any previous identity archived (or refused)."""
    existing = get_setting(db, SETTING)
    folder = identity_dir(data_dir)
    if existing and not replace:
        raise errors.exists(str(existing.get("kind")))
    current = [p for p in folder.iterdir() if p.name != "archive"] if folder.is_dir() else []
    if current:
        archive = folder / "archive" / now.astimezone().strftime("%Y%m%dT%H%M%S")
        archive.mkdir(parents=True, exist_ok=True)
        for path in current:
            shutil.move(str(path), archive / path.name)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _remember(db: Database, settings: dict[str, Any], cert: x509.Certificate) -> None:
    set_setting(db, SETTING, {**settings, "fingerprint": certs.fingerprint(cert)})


def create_self_signed(
    db: Database,
    data_dir: Path,
    *,
    unit_code: str,
    unit_name: str,
    parent_name: str | None,
    passphrase: str,
    key_kind: str = "rsa",
    province: str | None = None,
    replace: bool = False,
    now: datetime.datetime | None = None,
) -> IdentityInfo:
    """A new key and self-signed certificate naming the unit (certs.unit_certificate)."""
    if len(passphrase or "") < MIN_PASSPHRASE:
        raise errors.weak_passphrase(MIN_PASSPHRASE)
    moment = _now(now)
    key = certs.new_key(key_kind)
    cert = certs.unit_certificate(
        key,
        unit_code=unit_code,
        unit_name=unit_name,
        parent_name=parent_name,
        province=province,
        now=moment,
    )
    folder = _prepare(db, data_dir, replace, moment)
    certs.write_private(folder / "unit-key.pem", certs.encrypt_private_key(key, passphrase))
    certs.write_private(folder / "unit-cert.pem", certs.pem_bundle([cert]), 0o644)
    settings = {
        "kind": "self-signed",
        "key": f"{IDENTITY_DIR}/unit-key.pem",
        "certificate": f"{IDENTITY_DIR}/unit-cert.pem",
        "key_type": key_kind,
    }
    _remember(db, settings, cert)
    return IdentityInfo("self-signed", cert, settings)


def import_pkcs12(
    db: Database,
    data_dir: Path,
    source: Path,
    passphrase: str,
    *,
    replace: bool = False,
    now: datetime.datetime | None = None,
) -> IdentityInfo:
    """Check that the file opens with the passphrase and can sign, then keep a copy."""
    source = Path(source)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise errors.bad_file(source.name, str(exc)) from exc
    _, cert, chain = open_pkcs12(data, passphrase, source.name)
    check_usable(cert, now)
    folder = _prepare(db, data_dir, replace, _now(now))
    certs.write_private(folder / "certificate.p12", data)
    certs.write_private(folder / "certificate.pem", certs.pem_bundle([cert, *chain]), 0o644)
    settings = {
        "kind": "pkcs12",
        "file": f"{IDENTITY_DIR}/certificate.p12",
        "certificate": f"{IDENTITY_DIR}/certificate.pem",
        "source": source.name,
    }
    _remember(db, settings, cert)
    return IdentityInfo("pkcs12", cert, settings)


def use_token(
    db: Database,
    data_dir: Path,
    *,
    module: str,
    token: str,
    key_label: str,
    cert_label: str | None = None,
    pin: str | None = None,
    replace: bool = False,
    now: datetime.datetime | None = None,
) -> IdentityInfo:
    """Remember a PKCS#11 token; its certificate is read now (public, no PIN needed) and
    kept, so the fingerprint can be shown and the certificate exported without the token."""
    from .keysigner import token_certificate, token_signer

    cert_label = cert_label or key_label
    der = token_certificate(module, token, cert_label, pin)
    cert = x509.load_der_x509_certificate(der)
    check_usable(cert, now)
    if pin is not None:  # given: prove the key is there and the PIN opens it
        _, session = token_signer(module, token, key_label, cert, pin)
        session.close()
    folder = _prepare(db, data_dir, replace, _now(now))
    certs.write_private(folder / "token-cert.pem", certs.pem_bundle([cert]), 0o644)
    settings = {
        "kind": "pkcs11",
        "module": str(module),
        "token": token,
        "key_label": key_label,
        "cert_label": cert_label,
        "certificate": f"{IDENTITY_DIR}/token-cert.pem",
    }
    _remember(db, settings, cert)
    return IdentityInfo("pkcs11", cert, settings)


def _same_certificate(info: IdentityInfo, cert: x509.Certificate) -> None:
    expected = info.settings.get("fingerprint") or info.fingerprint
    found = certs.fingerprint(cert)
    if found != expected:
        raise errors.certificate_changed(expected, found)


def load_identity(
    db: Database, data_dir: Path, secret: str | None, *, now: datetime.datetime | None = None
) -> SigningIdentity:
    """Open the unit's identity with its passphrase (or the token's PIN): once per export,
    since opening the key is the slow part (key derivation, token login)."""
    info = require_identity(db, data_dir)
    if not secret:
        raise errors.secret_missing(info.needs_pin)
    check_usable(info.certificate, now)
    from .keysigner import KeySigner, token_signer

    settings = info.settings
    if info.kind == "pkcs11":
        signer, session = token_signer(
            settings["module"], settings["token"], settings["key_label"], info.certificate, secret
        )
        return SigningIdentity(info, signer, session)
    if info.kind == "pkcs12":
        path = Path(data_dir) / settings["file"]
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise errors.files_missing(str(path)) from exc
        key, cert, chain = open_pkcs12(data, secret, path.name)
        _same_certificate(info, cert)
        return SigningIdentity(info, KeySigner(key, cert, chain))
    path = Path(data_dir) / settings["key"]
    try:
        pem = path.read_bytes()
    except FileNotFoundError as exc:
        raise errors.files_missing(str(path)) from exc
    try:
        key = load_pem_private_key(pem, certs.passphrase_bytes(secret))
    except (ValueError, TypeError) as exc:
        raise errors.wrong_passphrase() from exc
    if not certs.key_matches(key, info.certificate):
        raise errors.bad_file(path.name, "khoá không khớp chứng thư / key does not match")
    return SigningIdentity(info, KeySigner(key, info.certificate))


def export_certificate(info: IdentityInfo, path: Path) -> Path:
    """Write the certificate for the district: PEM, or DER for ``.cer``/``.der``/``.crt``."""
    path = Path(path)
    certs.write_private(path, certs.certificate_bytes(info.certificate, path), 0o644)
    return path


__all__ = [
    "IDENTITY_DIR",
    "MIN_PASSPHRASE",
    "SETTING",
    "IdentityInfo",
    "SigningIdentity",
    "check_usable",
    "create_self_signed",
    "current_identity",
    "export_certificate",
    "identity_dir",
    "import_pkcs12",
    "load_identity",
    "require_identity",
    "use_token",
]
