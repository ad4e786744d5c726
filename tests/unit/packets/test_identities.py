"""Signing identities: the self-signed unit certificate, imported PKCS#12 files, loading
with the passphrase, and the refusals (wrong passphrase, expired, unusable)."""

from __future__ import annotations

import datetime
import re
import subprocess
import unicodedata

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from desktop_app.core.messages import AppError
from desktop_app.packets import certs, identities
from desktop_app.storage import Database, get_setting
from tests import pki

PASS = "mật khẩu xã 2026"


@pytest.fixture
def store(tmp_path):
    data_dir = tmp_path / "data"
    with Database.open(data_dir / "data.sqlite3") as db:
        yield db, data_dir


def _new(store, **kwargs):
    db, data_dir = store
    options = {
        "unit_code": "02080",
        "unit_name": "Xã Bình Trung",
        "parent_name": "Huyện Chợ Đồn",
        "passphrase": PASS,
        **kwargs,
    }
    return identities.create_self_signed(db, data_dir, **options)


def _code(excinfo) -> str:
    return excinfo.value.code


def test_self_signed_certificate_names_the_unit(store):
    info = _new(store, province="Tỉnh Bắc Kạn")
    cert = info.certificate
    # the organisation as a document names it (Decree 30), and its province
    name = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert name == "UBND xã Bình Trung"
    assert cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == (
        "UBND huyện Chợ Đồn"
    )
    province = cert.subject.get_attributes_for_oid(NameOID.STATE_OR_PROVINCE_NAME)[0].value
    assert province == "Tỉnh Bắc Kạn"
    # RSA by default: the keys Vietnamese CAs issue, which their tools expect
    assert isinstance(cert.public_key(), rsa.RSAPublicKey) and cert.public_key().key_size == 2048
    assert cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == "02080"
    assert certs.names_unit(cert, "02080") and not certs.names_unit(cert, "02083")
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    years = (cert.not_valid_after_utc - cert.not_valid_before_utc).days / 365.25
    assert 4.99 < years < 5.01
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", info.fingerprint)
    assert info.as_dict()["subject"] == (
        "CN=UBND xã Bình Trung,serialNumber=02080,O=UBND huyện Chợ Đồn,ST=Tỉnh Bắc Kạn,C=VN"
    )


def test_key_is_encrypted_with_many_rounds_and_readable_by_openssl(store):
    _, data_dir = store
    _new(store)
    key_file = data_dir / "identity" / "unit-key.pem"
    text = key_file.read_bytes()
    assert text.startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert (key_file.stat().st_mode & 0o077) == 0  # owner only
    parsed = subprocess.run(
        ["openssl", "asn1parse", "-in", str(key_file)], capture_output=True, text=True, check=True
    ).stdout
    assert "PBKDF2" in parsed and "aes-256-cbc" in parsed and ":0927C0" in parsed  # 600000
    opened = subprocess.run(
        ["openssl", "pkey", "-in", str(key_file), "-passin", "env:PW", "-noout"],
        env={"PW": PASS},
        capture_output=True,
    )
    assert opened.returncode == 0, opened.stderr


def test_setting_remembers_relative_paths_not_the_passphrase(store):
    db, data_dir = store
    info = _new(store)
    setting = get_setting(db, identities.SETTING)
    assert setting["kind"] == "self-signed"
    assert setting["key"] == "identity/unit-key.pem"
    assert setting["fingerprint"] == info.fingerprint
    assert PASS not in repr(setting)
    assert identities.current_identity(db, data_dir).fingerprint == info.fingerprint


def test_load_with_the_passphrase_in_either_unicode_form(store):
    db, data_dir = store
    info = _new(store)
    nfd = unicodedata.normalize("NFD", PASS)
    assert nfd != PASS
    for secret in (PASS, nfd):
        with identities.load_identity(db, data_dir, secret) as opened:
            assert opened.info.fingerprint == info.fingerprint


def test_wrong_or_missing_passphrase(store):
    db, data_dir = store
    _new(store)
    with pytest.raises(AppError) as caught:
        identities.load_identity(db, data_dir, "sai mật khẩu")
    assert _code(caught) == "identity.wrong_passphrase"
    assert "Mật khẩu không đúng" in caught.value.message.vi
    with pytest.raises(AppError) as caught:
        identities.load_identity(db, data_dir, None)
    assert _code(caught) == "identity.secret_missing"


def test_weak_passphrase_and_existing_identity_are_refused(store):
    with pytest.raises(AppError) as caught:
        _new(store, passphrase="1234")
    assert _code(caught) == "identity.weak_passphrase"
    _new(store)
    with pytest.raises(AppError) as caught:
        _new(store)
    assert _code(caught) == "identity.exists"


def test_replacing_archives_the_old_key(store):
    db, data_dir = store
    first = _new(store)
    second = _new(store, replace=True, key_kind="rsa")
    assert first.fingerprint != second.fingerprint
    archived = list((data_dir / "identity" / "archive").glob("*/unit-key.pem"))
    assert len(archived) == 1
    assert identities.current_identity(db, data_dir).fingerprint == second.fingerprint
    with identities.load_identity(db, data_dir, PASS) as opened:
        assert opened.certificate == second.certificate


def test_no_identity_and_missing_files(store):
    db, data_dir = store
    with pytest.raises(AppError) as caught:
        identities.load_identity(db, data_dir, PASS)
    assert _code(caught) == "identity.none"
    _new(store)
    (data_dir / "identity" / "unit-key.pem").unlink()
    with pytest.raises(AppError) as caught:
        identities.load_identity(db, data_dir, PASS)
    assert _code(caught) == "identity.files_missing"


def test_expired_identity_cannot_sign(store):
    db, data_dir = store
    long_ago = pki.now() - datetime.timedelta(days=6 * 366)
    _new(store, now=long_ago)
    with pytest.raises(AppError) as caught:
        identities.load_identity(db, data_dir, PASS)
    assert _code(caught) == "identity.expired"
    assert "hết hạn" in caught.value.message.vi and "expired" in caught.value.message.en


def test_import_pkcs12_copies_the_file(store, tmp_path):
    db, data_dir = store
    ca_key, ca_cert = pki.make_ca()
    key, cert = pki.issue(ca_key, ca_cert)
    source = tmp_path / "usb" / "chu-ky.p12"
    source.parent.mkdir()
    source.write_bytes(pki.p12_bytes(key, cert, [ca_cert], "mật khẩu p12"))
    info = identities.import_pkcs12(db, data_dir, source, "mật khẩu p12")
    source.unlink()  # the USB stick is gone: the copy is what signs
    assert info.kind == "pkcs12" and info.certificate == cert
    assert info.as_dict()["unit_codes"] == ["02080"]
    assert (data_dir / "identity" / "certificate.p12").exists()
    with identities.load_identity(db, data_dir, "mật khẩu p12") as opened:
        assert opened.certificate == cert
    with pytest.raises(AppError) as caught:
        identities.load_identity(db, data_dir, "sai")
    assert _code(caught) == "identity.wrong_passphrase"


def test_import_refusals(store, tmp_path):
    db, data_dir = store
    ca_key, ca_cert = pki.make_ca()
    key, cert = pki.issue(ca_key, ca_cert)
    good = tmp_path / "good.p12"
    good.write_bytes(pki.p12_bytes(key, cert, (), "pw-12345"))
    with pytest.raises(AppError) as caught:
        identities.import_pkcs12(db, data_dir, good, "wrong")
    assert _code(caught) == "identity.wrong_passphrase"
    junk = tmp_path / "junk.p12"
    junk.write_text("not a certificate")
    with pytest.raises(AppError) as caught:
        identities.import_pkcs12(db, data_dir, junk, "pw-12345")
    assert _code(caught) == "identity.bad_file"
    old_key, old_cert = pki.issue(
        ca_key,
        ca_cert,
        not_before=pki.now() - datetime.timedelta(days=800),
        not_after=pki.now() - datetime.timedelta(days=1),
    )
    expired = tmp_path / "expired.p12"
    expired.write_bytes(pki.p12_bytes(old_key, old_cert, (), "pw-12345"))
    with pytest.raises(AppError) as caught:
        identities.import_pkcs12(db, data_dir, expired, "pw-12345")
    assert _code(caught) == "identity.expired"
    enc_key, enc_cert = pki.issue(ca_key, ca_cert, signing=False)
    encryption_only = tmp_path / "enc.p12"
    encryption_only.write_bytes(pki.p12_bytes(enc_key, enc_cert, (), "pw-12345"))
    with pytest.raises(AppError) as caught:
        identities.import_pkcs12(db, data_dir, encryption_only, "pw-12345")
    assert _code(caught) == "identity.key_usage"
    from tests import odd_certs as odd

    short_key, short_cert = odd.issued(
        ca_key, ca_cert, odd.naming("MĐV:02080"), key=odd.weak_key("rsa1024")
    )
    short = tmp_path / "rsa1024.p12"
    short.write_bytes(pki.p12_bytes(short_key, short_cert, (), "pw-12345"))
    with pytest.raises(AppError) as caught:
        identities.import_pkcs12(db, data_dir, short, "pw-12345")
    assert _code(caught) == "identity.weak" and "RSA 1024" in caught.value.message.vi
    assert identities.current_identity(db, data_dir) is None  # nothing half-imported


def test_export_certificate_pem_and_der(store, tmp_path):
    _, _ = store
    info = _new(store)
    pem_path = identities.export_certificate(info, tmp_path / "binh-trung.pem")
    der_path = identities.export_certificate(info, tmp_path / "binh-trung.cer")
    assert pem_path.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert x509.load_der_x509_certificate(der_path.read_bytes()) == info.certificate
    out = subprocess.run(
        ["openssl", "x509", "-in", str(pem_path), "-noout", "-fingerprint", "-sha256"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip().endswith(info.fingerprint)


def test_a_ca_issued_certificate_names_its_unit_one_way_exactly():
    """UID = "MĐV:" + the code, once, and nothing else (issue 14 §2): a code at the end of
    a longer text, another attribute, a space or a dropped zero names nothing, and two
    units named make neither named."""
    from cryptography.hazmat.primitives import hashes

    ca_key, ca_cert = pki.make_ca()
    _, exact = pki.issue(ca_key, ca_cert, uid="MĐV:02080")
    assert certs.unit_codes(exact) == ["02080"] and certs.names_unit(exact, "02080")
    assert not certs.names_unit(exact, "2080")
    for uid in ("MÃ ĐV: 02080", "MĐV: 02080", "02080", "Công ty ABC Phòng 02080", "mđv:02080"):
        _, cert = pki.issue(ca_key, ca_cert, uid=uid)
        assert certs.unit_codes(cert) == [] and not certs.names_unit(cert, "02080"), uid
    _, nameless = pki.issue(ca_key, ca_cert, uid=None)
    assert not certs.names_unit(nameless, "02080")

    def with_subject(*attributes):
        key = certs.new_key()
        return (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(*a) for a in attributes]))
            .issuer_name(ca_cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(pki.now())
            .not_valid_after(pki.now() + datetime.timedelta(days=30))
            .sign(ca_key, hashes.SHA256())
        )

    two = with_subject((NameOID.USER_ID, "MĐV:02080"), (NameOID.USER_ID, "MĐV:02083"))
    assert certs.unit_codes(two) == ["02080", "02083"]
    assert not certs.names_unit(two, "02080") and not certs.names_unit(two, "02083")
    by_ou = with_subject((NameOID.ORGANIZATIONAL_UNIT_NAME, "Công ty ABC Phòng 02080"))
    by_serial = with_subject((NameOID.SERIAL_NUMBER, "02080"))  # not self-signed
    assert certs.unit_codes(by_ou) == certs.unit_codes(by_serial) == []
