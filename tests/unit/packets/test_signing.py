"""The two signatures, checked by standard tools (openssl, pdfsig, pdftoppm) and by
pyHanko's own validators."""

from __future__ import annotations

import asyncio
import datetime
import shutil
import subprocess

import pytest
from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives.serialization import Encoding
from PIL import Image

from desktop_app.packets import signing
from tests import pki

VN = datetime.timezone(datetime.timedelta(hours=7))
MOMENT = datetime.datetime(2026, 12, 15, 9, 30, 12, tzinfo=VN)
needs_poppler = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler-utils")


def _stamp() -> signing.Stamp:
    return signing.Stamp("Xã Bình Trung", "Xã Bình Trung (mã 02080)", MOMENT)


def test_stamp_text_is_vietnamese_with_the_time_zone():
    assert _stamp().text().splitlines() == [
        "Ký số bởi: Xã Bình Trung",
        "Đơn vị: Xã Bình Trung (mã 02080)",
        "Ngày ký: 15/12/2026",
        "Thời gian: 09:30:12 (GMT+07:00)",
    ]


def test_detached_cms_verifies_with_openssl(tmp_path, unit_key_cert):
    key, cert = unit_key_cert
    data = '{"đơn vị": "Xã Bình Trung"}\n'.encode()
    p7s = signing.sign_detached(pki.signer_for(key, cert), data, MOMENT)
    signed = cms.ContentInfo.load(p7s)
    assert signed["content_type"].native == "signed_data"
    assert signed["content"]["encap_content_info"]["content"].native is None  # detached
    (tmp_path / "m.json").write_bytes(data)
    (tmp_path / "m.json.p7s").write_bytes(p7s)
    (tmp_path / "cert.pem").write_bytes(pki.pem(cert))

    def openssl_verify() -> subprocess.CompletedProcess:
        return subprocess.run(
            ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "m.json.p7s",
             "-content", "m.json", "-CAfile", "cert.pem", "-purpose", "any", "-out", "/dev/null"],
            cwd=tmp_path, capture_output=True, text=True,
        )  # fmt: skip

    ok = openssl_verify()
    assert ok.returncode == 0, ok.stderr
    (tmp_path / "m.json").write_bytes(data.replace(b"Trung", b"Trunk"))
    assert openssl_verify().returncode != 0


def test_detached_cms_bottom_line_with_pyhanko(unit_key_cert):
    from pyhanko.sign.validation import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    key, cert = unit_key_cert
    data = b"manifest bytes"
    p7s = signing.sign_detached(pki.signer_for(key, cert), data, MOMENT)
    signed_data = cms.ContentInfo.load(p7s)["content"]
    context = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(cert.public_bytes(Encoding.DER))],
        allow_fetching=False,
    )

    def status(content: bytes):
        return asyncio.run(
            async_validate_detached_cms(content, signed_data, signer_validation_context=context)
        )

    good = status(data)
    assert good.bottom_line and good.intact and good.valid
    assert good.signer_reported_dt == MOMENT
    bad = status(data + b"!")
    assert not bad.intact and not bad.bottom_line  # "valid" alone would mislead


@pytest.mark.parametrize("key_kind", ["ec", "rsa"])
@needs_poppler
def test_pades_signature_is_valid_for_pdfsig(tmp_path, key_kind):
    key, cert = pki.self_signed(key_kind=key_kind)
    signed = signing.sign_pdf(
        pki.signer_for(key, cert),
        pki.small_pdf(2),
        page=1,
        box=(330, 80, 560, 150),
        stamp=_stamp(),
        reason="Báo cáo ứng dụng CNTT năm 2026",
        location="Bình Trung",
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(signed)
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    assert "ETSI.CAdES.detached" in out  # PAdES
    assert "UBND xã Bình Trung" in out  # the signer as documents name it


@needs_poppler
def test_visible_stamp_is_drawn_in_the_box(tmp_path, unit_key_cert):
    key, cert = unit_key_cert
    signed = signing.sign_pdf(
        pki.signer_for(key, cert), pki.small_pdf(), page=0, box=(330, 80, 560, 150),
        stamp=_stamp(),
    )  # fmt: skip
    path = tmp_path / "report.pdf"
    path.write_bytes(signed)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    height = image.height  # 72 dpi: one pixel per point, y from the top
    inside = image.crop((335, height - 145, 555, height - 85))
    outside = image.crop((335, height - 300, 555, height - 240))
    assert inside.getextrema()[0] < 128  # ink in the box
    assert outside.getextrema()[0] == 255  # nothing elsewhere
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "NotoSerif" in fonts


def test_missing_stamp_font_is_an_error(unit_key_cert, tmp_path):
    key, cert = unit_key_cert
    with pytest.raises(FileNotFoundError):
        signing.sign_pdf(
            pki.signer_for(key, cert), pki.small_pdf(), page=0, box=(0, 0, 10, 10),
            stamp=_stamp(), font=tmp_path / "none.ttf",
        )  # fmt: skip
