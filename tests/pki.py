"""Keys, certificates, PDFs and packets made by the tests themselves (no key is ever
committed): a CA, unit certificates it issues, PKCS#12 files, a SoftHSM2 token, a small
PDF, and a genuine packet to tamper with."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop_app.packets import certs

UTC = datetime.UTC
SOFTHSM_MODULE = "/usr/lib/softhsm/libsofthsm2.so"


def now() -> datetime.datetime:
    return datetime.datetime.now(UTC)


def make_key(kind: str = "ec"):
    return certs.new_key(kind)


def make_ca(name: str = "CA Thử nghiệm", *, key_kind: str = "ec"):
    key = make_key(key_kind)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    moment = now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(moment - datetime.timedelta(days=3650))
        .not_valid_after(moment + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def issue(
    ca_key,
    ca_cert: x509.Certificate,
    *,
    common_name: str = "Xã Bình Trung",
    uid: str | None = "MĐV:02080",
    key_kind: str = "rsa",
    not_before: datetime.datetime | None = None,
    not_after: datetime.datetime | None = None,
    signing: bool = True,
):
    """A unit certificate issued by the CA (Vietnamese CAs put codes in UID)."""
    key = make_key(key_kind)
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if uid:
        attributes.append(x509.NameAttribute(NameOID.USER_ID, uid))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    moment = now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or moment - datetime.timedelta(days=1))
        .not_valid_after(not_after or moment + datetime.timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=signing,
                content_commitment=signing,
                key_encipherment=not signing,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def self_signed(
    unit_code: str = "02080",
    unit_name: str = "Xã Bình Trung",
    *,
    moment: datetime.datetime | None = None,
    key_kind: str = "ec",
):
    key = make_key(key_kind)
    cert = certs.unit_certificate(
        key, unit_code=unit_code, unit_name=unit_name, parent_name="Huyện Chợ Đồn", now=moment
    )
    return key, cert


def p12_bytes(key, cert, chain=(), passphrase: str = "mật khẩu p12") -> bytes:
    encryption = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
    return pkcs12.serialize_key_and_certificates(b"unit", key, cert, list(chain), encryption)


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def small_pdf(pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number in range(pages):
        page.drawString(72, 760, f"Report page {number + 1}")
        page.showPage()
    page.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class Rendered:
    """A real PDF with where its signature goes (the shape of packets.pdf.RenderedPdf)."""

    content: bytes
    signature_page: int = 0
    signature_box: tuple[float, float, float, float] = (330.0, 80.0, 560.0, 150.0)


def signer_for(key, cert, chain=()):
    from desktop_app.packets.keysigner import KeySigner

    return KeySigner(key, cert, chain)


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "Báo cáo"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_REPORTS: dict[str, tuple[bytes, Any]] = {}


def real_reports(data) -> tuple[bytes, Any]:
    """(report.xlsx, rendered report.pdf) as the export draws them for ``data`` (a
    data.json object of a shipped form): what the receiving compares with data.json.
    Kept per data.json, since drawing them costs a fraction of a second."""
    from desktop_app.packets.data import canonical_json
    from desktop_app.packets.excel import render_xlsx
    from desktop_app.packets.pdf import render_pdf
    from desktop_app.workspace.workspace import shipped_forms

    key = hashlib.sha256(canonical_json(data)).hexdigest()
    if key not in _REPORTS:
        form = shipped_forms().by_version(data["form"]["id"], data["form"]["version"])
        try:
            _REPORTS[key] = (render_xlsx(form, data), render_pdf(form, data))
        except Exception:  # data no report can be drawn from (refused before the reports)
            _REPORTS[key] = (xlsx_bytes(), Rendered(small_pdf()))
    return _REPORTS[key]


def make_members(
    data, key, cert, *, moment=None, pdf: bytes | None = None, chain=()
) -> dict[str, bytes]:
    """A packet's members for ``data``, with the real reports (or ``pdf``, then a
    workbook that does not match: for tests that stop before check 6)."""
    from desktop_app.packets.packet import assemble

    xlsx, rendered = real_reports(data) if pdf is None else (xlsx_bytes(), Rendered(pdf))
    content = assemble(
        signer_for(key, cert, chain),
        "Xã Bình Trung",
        data,
        xlsx=xlsx,
        pdf=rendered,
        created_at=moment or datetime.datetime.now(datetime.UTC),
    )
    return dict(content.members)


# -- SoftHSM2 ---------------------------------------------------------------------------


def softhsm_available() -> bool:
    return (
        Path(SOFTHSM_MODULE).exists()
        and shutil.which("softhsm2-util") is not None
        and shutil.which("pkcs11-tool") is not None
    )


def softhsm_token(
    directory: Path, label: str, pin: str, key, cert: x509.Certificate, so_pin: str = "12345678"
) -> dict[str, str]:
    """A fresh SoftHSM2 token in ``directory`` holding ``key`` and ``cert`` (id 01, labels
    "unit-key" / "unit-cert"); returns the environment to use it (SOFTHSM2_CONF)."""
    tokens = directory / "tokens"
    tokens.mkdir(parents=True)
    conf = directory / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}

    def run(*args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, env=env, timeout=60)

    run(
        "softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin,
        "--so-pin", so_pin,
    )  # fmt: skip
    key_file, cert_file = directory / "key.der", directory / "cert.der"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    common = ("pkcs11-tool", "--module", SOFTHSM_MODULE, "--token-label", label, "--login")
    run(*common, "--pin", pin, "--write-object", str(key_file), "--type", "privkey",
        "--id", "01", "--label", "unit-key")  # fmt: skip
    run(*common, "--pin", pin, "--write-object", str(cert_file), "--type", "cert",
        "--id", "01", "--label", "unit-cert")  # fmt: skip
    key_file.unlink()  # the key now lives on the token only
    return env


__all__ = [
    "SOFTHSM_MODULE",
    "Rendered",
    "issue",
    "make_ca",
    "make_members",
    "now",
    "p12_bytes",
    "pem",
    "self_signed",
    "signer_for",
    "small_pdf",
    "softhsm_available",
    "softhsm_token",
    "xlsx_bytes",
]
