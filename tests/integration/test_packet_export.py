"""Export and verify as a clerk and a district officer would, through the CLI, checked
with the application and with standard tools alone (openssl, sha256, pdfsig), for a
self-signed identity, a CA-issued .p12 and a SoftHSM2 token."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop_app.packets import signing
from desktop_app.packets.manifest import manifest_bytes
from tests import pki
from tests.conftest import PROJECT
from tests.integration.cli_helpers import Run
from tests.integration.packet_tools import MEMBERS, needs_tools
from tests.integration.packet_tools import hashes_ok as _hashes_ok
from tests.integration.packet_tools import openssl_ok as _openssl_ok
from tests.integration.packet_tools import pdfsig as _pdfsig
from tests.integration.packet_tools import standard_tools_accept as _standard_tools_accept
from tests.integration.packet_tools import unzip as _unzip

SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "Bình Trung 2026!"


def run_cli(data_dir: Path, *args: str, env: dict | None = None, check: int | None = None) -> Run:
    environment = {k: v for k, v in (env or os.environ).items() if k != "DESKTOP_APP_DATA_DIR"}
    environment["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=120,
    )
    outcome = Run(result.returncode, result.stdout, result.stderr)
    if check is not None:
        assert outcome.code == check, f"exit {outcome.code}\n{outcome.out}\n{outcome.err}"
    return outcome


def _env(**values: str) -> dict:
    return {**os.environ, **values}


@pytest.fixture
def commune(tmp_path) -> Path:
    data = tmp_path / "binh-trung"
    run_cli(data, "setup", "--unit", "02080", "--catalogue", "legacy",
            "--clerk", "Nguyễn Thị Hoa", "--leader", "Hoàng Văn Nam", check=0)  # fmt: skip
    run_cli(data, "values", "load", str(SAMPLE), check=0)
    return data


def _export(data: Path, out: Path, *secret: str, env: dict | None = None) -> Path:
    run = run_cli(data, "export", "--form", "cntt-xa", "--period", "2026", "--out", str(out),
                  *secret, env=env, check=0)  # fmt: skip
    path = Path(run.out.strip())
    assert path.exists() and path.parent == out.resolve()
    return path


def _rezip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in MEMBERS:
            archive.write(folder / name, name)
    return target


@needs_tools
def test_self_signed_packet_end_to_end(commune, tmp_path):
    env = _env(PW=PASS)
    shown = run_cli(commune, "identity", "new", "--passphrase-env", "PW", env=env, check=0)
    cert = tmp_path / "binh-trung.pem"
    exported = run_cli(commune, "identity", "export-cert", str(cert), "--json", check=0).json
    assert exported["fingerprint"] in shown.out
    openssl_fp = subprocess.run(
        ["openssl", "x509", "-in", str(cert), "-noout", "-fingerprint", "-sha256"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert openssl_fp.strip().endswith(exported["fingerprint"])

    out = tmp_path / "out"
    packet = _export(commune, out, "--passphrase-env", "PW", env=env)
    assert packet.name == "02080_cntt-xa_2026_r1.zip"
    _standard_tools_accept(packet, cert, tmp_path / "unzipped")

    district = tmp_path / "district"  # another installation, trusting the certificate
    verdict = run_cli(district, "verify", str(packet), "--trust", str(cert), "--json", check=0)
    [result] = verdict.json["packets"]
    assert result["ok"] and result["unit"]["code"] == "02080" and result["revision"] == 1
    assert result["fingerprint"] == exported["fingerprint"]
    assert run_cli(district, "verify", str(packet), check=1).err  # trusts nobody yet
    run_cli(commune, "verify", str(packet), check=0)  # the clerk's own certificate

    # re-exporting unchanged data: same revision, same data.json
    again = run_cli(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out",
                    str(out), "--passphrase-env", "PW", "--json", env=env, check=0).json  # fmt: skip
    assert again["revision"] == 1 and again["duplicate"]
    assert again["data_sha256"] == result["data_sha256"]

    # an edit reopens the report: the next export is revision 2
    run_cli(commune, "values", "set", "--form", "cntt-xa", "--period", "2026",
            "so_bai_dang=40", check=0)  # fmt: skip
    second = _export(commune, out, "--passphrase-env", "PW", env=env)
    assert second.name == "02080_cntt-xa_2026_r2.zip"
    status = run_cli(commune, "status", "--json", check=0).json
    [report] = status["reports"]
    assert (report["status"], report["revision"]) == ("exported", 2)
    both = run_cli(district, "verify", str(packet), str(second), "--trust", str(cert), check=0)
    assert both.out.count("HỢP LỆ") == 2


def _signing_setup(kind: str, commune: Path, tmp: Path) -> tuple[tuple[str, ...], dict, Path]:
    """Give the commune an identity of ``kind``: (export secret options, environment,
    the certificate a district trusts for it)."""
    if kind == "self-signed":
        env = _env(PW=PASS)
        run_cli(commune, "identity", "new", "--passphrase-env", "PW", env=env, check=0)
        cert = tmp / "cert.pem"
        run_cli(commune, "identity", "export-cert", str(cert), check=0)
        return ("--passphrase-env", "PW"), env, cert
    if kind == "pkcs12":
        ca_key, ca_cert = pki.make_ca("CA Chính phủ (thử)")
        key, cert = pki.issue(ca_key, ca_cert, common_name="UBND Xã Bình Trung")
        p12 = tmp / "unit.p12"
        p12.write_bytes(pki.p12_bytes(key, cert, [ca_cert], "mật khẩu p12"))
        env = _env(PW="mật khẩu p12")
        run_cli(commune, "identity", "import", str(p12), "--passphrase-env", "PW", env=env,
                check=0)  # fmt: skip
        trusted = tmp / "ca.pem"
        trusted.write_bytes(pki.pem(ca_cert))
        return ("--passphrase-env", "PW"), env, trusted
    key, cert = pki.self_signed("02080", "Xã Bình Trung")
    env = {**pki.softhsm_token(tmp / "hsm", "BINHTRUNG", "123456", key, cert), "PIN": "123456"}
    run_cli(commune, "identity", "use-token", "--module", pki.SOFTHSM_MODULE, "--token",
            "BINHTRUNG", "--key-label", "unit-key", "--cert-label", "unit-cert", env=env,
            check=0)  # fmt: skip
    trusted = tmp / "token-cert.pem"
    trusted.write_bytes(pki.pem(cert))
    return ("--pin-env", "PIN"), env, trusted


KINDS = [
    "self-signed",
    "pkcs12",
    pytest.param(
        "pkcs11",
        marks=pytest.mark.skipif(not pki.softhsm_available(), reason="softhsm2 + opensc"),
    ),
]


@needs_tools
@pytest.mark.parametrize("kind", KINDS)
def test_tampered_packets_are_refused_by_every_tool(commune, tmp_path, kind):
    secret, env, cert = _signing_setup(kind, commune, tmp_path)
    packet = _export(commune, tmp_path / "out", *secret, env=env)
    _standard_tools_accept(packet, cert, tmp_path / "genuine")
    district = tmp_path / "district"
    run_cli(district, "verify", str(packet), "--trust", str(cert), check=0)

    def refused(folder: Path, code: str) -> None:
        forged = _rezip(folder, tmp_path / f"{folder.name}.zip")
        run = run_cli(district, "verify", str(forged), "--trust", str(cert), "--json", check=1)
        assert run.json["packets"][0]["error"]["code"] == code

    data = _unzip(packet, tmp_path / "data-byte")
    raw = bytearray((data / "data.json").read_bytes())
    raw[raw.index(b'"cbcc_tong":') + 12] ^= 0x01  # one digit changed
    (data / "data.json").write_bytes(bytes(raw))
    assert _openssl_ok(data, cert) and not _hashes_ok(data)
    refused(data, "packet.hash_mismatch")

    manifest = _unzip(packet, tmp_path / "manifest-byte")
    text = (manifest / "manifest.json").read_bytes().replace(b'"revision": 1', b'"revision": 7')
    (manifest / "manifest.json").write_bytes(text)
    assert not _openssl_ok(manifest, cert)
    refused(manifest, "packet.signature_invalid")

    pdf = _unzip(packet, tmp_path / "pdf-byte")
    content = bytearray((pdf / "report.pdf").read_bytes())
    content[content.index(b"stream") + 20] ^= 0x01
    (pdf / "report.pdf").write_bytes(bytes(content))
    assert "Signature is Valid." not in _pdfsig(pdf) and not _hashes_ok(pdf)
    refused(pdf, "packet.hash_mismatch")

    # a forger's key, with a certificate claiming the unit, re-signs a matching manifest
    other_key, other_cert = pki.self_signed("02080", "Xã Bình Trung")
    resigned = _unzip(packet, tmp_path / "resigned")
    raw_manifest = (resigned / "manifest.json").read_bytes()
    forged = manifest_bytes(json.loads(raw_manifest))
    (resigned / "manifest.json").write_bytes(forged)
    (resigned / "manifest.json.p7s").write_bytes(
        signing.sign_detached(pki.signer_for(other_key, other_cert), forged)
    )
    assert not _openssl_ok(resigned, cert)
    refused(resigned, "packet.signer_untrusted")

    xlsx = _unzip(packet, tmp_path / "xlsx-byte")
    body = bytearray((xlsx / "report.xlsx").read_bytes())
    body[len(body) // 2] ^= 0x01
    (xlsx / "report.xlsx").write_bytes(bytes(body))
    assert _openssl_ok(xlsx, cert) and not _hashes_ok(xlsx)
    refused(xlsx, "packet.hash_mismatch")

    p7s = _unzip(packet, tmp_path / "p7s-byte")
    body = bytearray((p7s / "manifest.json.p7s").read_bytes())
    body[-10] ^= 0x01  # inside the signature value
    (p7s / "manifest.json.p7s").write_bytes(bytes(body))
    assert not _openssl_ok(p7s, cert)
    refused(p7s, "packet.signature_invalid")

    # another commune's genuine, registered key signs Bình Trung's packet
    neighbour_key, neighbour_cert = pki.self_signed("02083", "Xã Đồng Lạc")
    neighbour_pem = tmp_path / "dong-lac.pem"
    neighbour_pem.write_bytes(pki.pem(neighbour_cert))
    swapped = _unzip(packet, tmp_path / "neighbour")
    (swapped / "manifest.json.p7s").write_bytes(
        signing.sign_detached(
            pki.signer_for(neighbour_key, neighbour_cert),
            (swapped / "manifest.json").read_bytes(),
        )
    )
    assert not _openssl_ok(swapped, cert)
    forged = _rezip(swapped, tmp_path / "neighbour.zip")
    run = run_cli(district, "verify", str(forged), "--trust", str(cert), "--trust",
                  str(neighbour_pem), "--json", check=1)  # fmt: skip
    assert run.json["packets"][0]["error"]["code"] == "packet.signer_not_for_unit"


def test_export_refusals(commune, tmp_path):
    env = _env(PW=PASS)
    out = tmp_path / "out"
    no_identity = run_cli(commune, "export", "--form", "cntt-xa", "--period", "2026",
                          "--out", str(out), "--passphrase-env", "PW", env=env, check=1)  # fmt: skip
    assert "identity new" in no_identity.err
    run_cli(commune, "identity", "new", "--passphrase-env", "PW", env=env, check=0)
    wrong = run_cli(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out",
                    str(out), "--passphrase-env", "PW", "--json", env=_env(PW="sai mật khẩu"),
                    check=1)  # fmt: skip
    assert wrong.json["error"]["code"] == "identity.wrong_passphrase"
    unset = run_cli(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out",
                    str(out), "--passphrase-env", "NO_SUCH_VARIABLE_X", check=1)  # fmt: skip
    assert "NO_SUCH_VARIABLE_X" in unset.err
    run_cli(
        commune,
        "values",
        "set",
        "--form",
        "cntt-xa",
        "--period",
        "2026",
        "cbcc_co_may_tinh=50",
        check=0,
    )  # more officials with a computer than officials
    errors = run_cli(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out",
                     str(out), "--passphrase-env", "PW", "--json", env=env, check=1)  # fmt: skip
    assert errors.json["error"]["code"] == "export.has_errors"
    assert not out.exists() or not list(out.iterdir())


@needs_tools
def test_pkcs12_from_a_ca(commune, tmp_path):
    ca_key, ca_cert = pki.make_ca("CA Chính phủ (thử)")
    key, cert = pki.issue(ca_key, ca_cert, common_name="UBND Xã Bình Trung", uid="MĐV:02080")
    p12 = tmp_path / "binh-trung.p12"
    p12.write_bytes(pki.p12_bytes(key, cert, [ca_cert], "mật khẩu p12"))
    ca_pem = tmp_path / "ca.pem"
    ca_pem.write_bytes(pki.pem(ca_cert))
    env = _env(PW="mật khẩu p12")
    shown = run_cli(commune, "identity", "import", str(p12), "--passphrase-env", "PW",
                    "--json", env=env, check=0).json  # fmt: skip
    assert shown["identity"]["kind"] == "pkcs12" and not shown["identity"]["self_signed"]
    packet = _export(commune, tmp_path / "out", "--passphrase-env", "PW", env=env)
    _standard_tools_accept(packet, ca_pem, tmp_path / "unzipped")
    run_cli(tmp_path / "district", "verify", str(packet), "--trust", str(ca_pem), check=0)
    other_ca = tmp_path / "other-ca.pem"
    other_ca.write_bytes(pki.pem(pki.make_ca("CA khác")[1]))
    run_cli(tmp_path / "district", "verify", str(packet), "--trust", str(other_ca), check=1)


@needs_tools
@pytest.mark.skipif(not pki.softhsm_available(), reason="softhsm2 + opensc")
def test_pkcs11_token_with_softhsm(commune, tmp_path):
    key, cert = pki.self_signed("02080", "Xã Bình Trung")
    env = pki.softhsm_token(tmp_path / "hsm", "BINHTRUNG", "123456", key, cert)
    del key  # from here on the key exists on the token only
    cert_pem = tmp_path / "token-cert.pem"
    cert_pem.write_bytes(pki.pem(cert))
    token = ("identity", "use-token", "--module", pki.SOFTHSM_MODULE, "--token", "BINHTRUNG",
             "--key-label", "unit-key", "--cert-label", "unit-cert")  # fmt: skip
    absent = run_cli(commune, *token[:5], "NOPE", *token[6:], "--json", env=env, check=1)
    assert absent.json["error"]["code"] == "identity.token_absent"
    wrong = run_cli(commune, *token, "--pin-env", "PIN", "--json",
                    env={**env, "PIN": "000000"}, check=1)  # fmt: skip
    assert wrong.json["error"]["code"] == "identity.wrong_pin"
    shown = run_cli(commune, *token, "--pin-env", "PIN", "--json",
                    env={**env, "PIN": "123456"}, check=0).json  # fmt: skip
    assert shown["identity"]["kind"] == "pkcs11" and shown["identity"]["token"] == "BINHTRUNG"

    packet = _export(commune, tmp_path / "out", "--pin-env", "PIN", env={**env, "PIN": "123456"})
    _standard_tools_accept(packet, cert_pem, tmp_path / "unzipped")
    run_cli(tmp_path / "district", "verify", str(packet), "--trust", str(cert_pem), check=0)
    bad_pin = run_cli(commune, "export", "--form", "cntt-xa", "--period", "2026", "--out",
                      str(tmp_path / "out"), "--pin-env", "PIN", "--json",
                      env={**env, "PIN": "999999"}, check=1)  # fmt: skip
    assert bad_pin.json["error"]["code"] == "identity.wrong_pin"
