"""Reading packets (receiving checks 1–6): a genuine packet passes; every kind of damage
or forgery is refused with its own reason code, before anything else is looked at."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import pytest

from desktop_app.core.messages import AppError
from desktop_app.packets import certs, signing
from desktop_app.packets.data import canonical_json
from desktop_app.packets.manifest import manifest_bytes, sha256_hex
from desktop_app.packets.packet import MEMBERS, zip_bytes
from desktop_app.packets.trust import TrustList
from desktop_app.packets.verify import PacketVerifier
from desktop_app.packets.zipread import ZipLimits
from desktop_app.workspace.workspace import shipped_forms
from tests import pki

VN = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture(scope="module")
def forms():
    return shipped_forms()


@pytest.fixture
def trust(unit_key_cert):
    trusted = TrustList()
    trusted.add(unit_key_cert[1], "02080")
    return trusted


@pytest.fixture
def verifier(forms, trust):
    with PacketVerifier(forms, trust) as v:
        yield v


def _zip(members) -> bytes:
    return zip_bytes(members, datetime.datetime.now(VN))


def _resigned(members, key, cert, **changes) -> dict[str, bytes]:
    """Members with ``changes`` applied and a manifest that agrees with them, signed by
    ``key`` (what a forger holding that key could produce)."""
    updated = {**members, **changes}
    manifest = json.loads(updated["manifest.json"])
    for name in manifest["files"]:
        manifest["files"][name] = sha256_hex(updated[name])
    raw = manifest_bytes(manifest)
    updated["manifest.json"] = raw
    made = datetime.datetime.fromisoformat(manifest["created_at"])  # signed when made
    updated["manifest.json.p7s"] = signing.sign_detached(pki.signer_for(key, cert), raw, made)
    return updated


def _code(verifier, packet) -> str:
    with pytest.raises(AppError) as caught:
        verifier.verify(packet)
    error = caught.value
    assert error.message.vi and error.message.en and error.message.vi != error.message.en
    return error.code


def _zip_raw(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_genuine_packet_is_verified(verifier, genuine_zip, unit_key_cert, tmp_path):
    path = tmp_path / "02080_cntt-xa_2026_r1.zip"
    path.write_bytes(genuine_zip)
    packet = verifier.verify(path)
    assert packet.unit_code == "02080" and packet.revision == 1
    assert packet.form.id == "cntt-xa"
    assert packet.signer == unit_key_cert[1]
    assert packet.fingerprint == certs.fingerprint(unit_key_cert[1])
    assert packet.data["values"]["cbcc_tong"] == packet.result.values["cbcc_tong"]
    assert packet.data_sha256 == sha256_hex(packet.members["data.json"])
    assert packet.summary()["signer"] == "UBND xã Bình Trung"
    assert verifier.verify(genuine_zip).data_sha256 == packet.data_sha256  # bytes too


# -- check 1: the zip -----------------------------------------------------------------


def test_not_a_zip(verifier, tmp_path):
    assert _code(verifier, b"PK\x03\x04 but not really") == "packet.not_zip"
    assert _code(verifier, b"%PDF-1.7") == "packet.not_zip"
    assert _code(verifier, tmp_path / "absent.zip") == "packet.unreadable"


def test_a_packet_cut_short_anywhere_is_not_a_zip(genuine_zip):
    # Cut inside the stored report.xlsx, the tail holds the workbook's own end record;
    # the packet must still be refused as damaged, not as the workbook's members.
    from desktop_app.packets.zipread import read_members

    raw = genuine_zip
    codes = set()
    for cut in range(1, len(raw), max(1, len(raw) // 997)):
        with pytest.raises(AppError) as refused:
            read_members(raw[:cut])
        codes.add(refused.value.code)
    assert codes == {"packet.not_zip"}
    with pytest.raises(AppError) as prefixed:
        read_members(b"prefix" + raw)  # data before the archive is not a packet either
    assert prefixed.value.code == "packet.zip_prepended_data"  # and is told apart


def test_path_traversal_member(verifier, genuine_members):
    entries = [(n, d) for n, d in genuine_members.items() if n != "report.xlsx"]
    entries.append(("../report.xlsx", genuine_members["report.xlsx"]))
    assert _code(verifier, _zip_raw(entries)) == "packet.unsafe_member"
    entries[-1] = ("bao-cao/report.xlsx", genuine_members["report.xlsx"])
    assert _code(verifier, _zip_raw(entries)) == "packet.unsafe_member"


def test_symlink_member(verifier, genuine_members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in genuine_members.items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (0o120777 if name == "report.pdf" else 0o100644) << 16
            archive.writestr(info, data)
    assert _code(verifier, buffer.getvalue()) == "packet.unsafe_member"


def test_extra_and_missing_members(verifier, genuine_members):
    extra = [*genuine_members.items(), ("readme.txt", b"hello")]
    assert _code(verifier, _zip_raw(extra)) == "packet.bad_members"
    missing = [(n, d) for n, d in genuine_members.items() if n != "report.pdf"]
    assert _code(verifier, _zip_raw(missing)) == "packet.bad_members"
    many = [*genuine_members.items(), *((f"x{i}", b"") for i in range(20))]
    assert _code(verifier, _zip_raw(many)) == "packet.bad_members"


def test_duplicate_member_names(verifier, genuine_members):
    entries = [*genuine_members.items(), ("data.json", b"{}")]
    with pytest.warns(UserWarning, match="Duplicate name"):
        packet = _zip_raw(entries)
    assert _code(verifier, packet) == "packet.duplicate_member"


def test_size_limits(forms, trust, genuine_zip, genuine_members):
    with PacketVerifier(forms, trust, limits=ZipLimits(max_file_bytes=1000)) as small:
        assert _code(small, genuine_zip) == "packet.too_large"
    with PacketVerifier(forms, trust, limits=ZipLimits(max_member_bytes=2000)) as small:
        assert _code(small, genuine_zip) == "packet.too_large"
    with PacketVerifier(forms, trust, limits=ZipLimits(max_total_bytes=5000)) as small:
        assert _code(small, genuine_zip) == "packet.too_large"


def test_zip_bomb_ratio(verifier, genuine_members):
    bomb = _zip({**genuine_members, "manifest.json": b"\0" * (8 * 1024 * 1024)})
    assert len(bomb) < 200_000
    assert _code(verifier, bomb) == "packet.too_large"


# -- check 2: the manifest ------------------------------------------------------------


def test_malformed_manifest(verifier, genuine_members):
    broken = _zip({**genuine_members, "manifest.json": b'{"format": "cntt-packet/1",'})
    assert _code(verifier, broken) == "packet.manifest_invalid"


def test_unknown_format(verifier, genuine_members):
    manifest = json.loads(genuine_members["manifest.json"])
    manifest["format"] = "cntt-packet/9"
    changed = _zip({**genuine_members, "manifest.json": manifest_bytes(manifest)})
    assert _code(verifier, changed) == "packet.format_unknown"


# -- checks 3 and 4: the CMS signature and who signed ---------------------------------


def test_one_changed_byte_in_the_manifest(verifier, genuine_members):
    raw = genuine_members["manifest.json"].replace(b'"revision": 1', b'"revision": 2')
    assert raw != genuine_members["manifest.json"]
    assert _code(verifier, _zip({**genuine_members, "manifest.json": raw})) == (
        "packet.signature_invalid"
    )


def test_garbage_signature(verifier, genuine_members):
    changed = _zip({**genuine_members, "manifest.json.p7s": b"\x30\x03\x02\x01\x01"})
    assert _code(verifier, changed) == "packet.signature_invalid"


def test_resigned_with_another_key_is_untrusted(verifier, genuine_members):
    other_key, other_cert = pki.self_signed("02080", "Xã Bình Trung")  # same names, new key
    forged = _resigned(genuine_members, other_key, other_cert)
    assert _code(verifier, _zip(forged)) == "packet.signer_untrusted"


def test_another_units_trusted_key_cannot_sign_for_this_unit(forms, genuine_members):
    other_key, other_cert = pki.self_signed("02083", "Xã Đồng Lạc")
    forged = _zip(_resigned(genuine_members, other_key, other_cert))
    registered = TrustList()
    registered.add(other_cert, "02083")  # trusted, but for its own unit
    with PacketVerifier(forms, registered) as v:
        assert _code(v, forged) == "packet.signer_untrusted"
    loose = TrustList()
    loose.add(other_cert)  # given with --trust: applies to the unit it names
    with PacketVerifier(forms, loose) as v:
        assert _code(v, forged) == "packet.signer_not_for_unit"


def test_no_trust_at_all(forms, genuine_zip):
    with PacketVerifier(forms, TrustList()) as v:
        assert _code(v, genuine_zip) == "packet.signer_untrusted"


def test_certificate_expired_at_signing_time(forms, sample_data):
    long_ago = pki.now() - datetime.timedelta(days=6 * 366)
    key, cert = pki.self_signed(moment=long_ago)  # valid 5 years from 6 years ago
    trusted = TrustList()
    trusted.add(cert, "02080")
    packet = _zip(pki.make_members(sample_data, key, cert))
    with PacketVerifier(forms, trusted) as v:
        assert _code(v, packet) == "packet.cert_expired"


def test_ca_issued_certificate(forms, sample_data):
    ca_key, ca_cert = pki.make_ca()
    key, cert = pki.issue(ca_key, ca_cert, uid="MĐV:02080")
    packet = _zip(pki.make_members(sample_data, key, cert, chain=[ca_cert]))
    by_ca = TrustList()
    by_ca.add(ca_cert)
    assert by_ca.anchors[0].is_ca
    with PacketVerifier(forms, by_ca) as v:
        assert v.verify(packet).signer == cert
    other_ca = TrustList()
    other_ca.add(pki.make_ca("CA khác")[1])
    with PacketVerifier(forms, other_ca) as v:
        assert _code(v, packet) == "packet.signer_untrusted"
    key2, cert2 = pki.issue(ca_key, ca_cert, uid="MĐV:02083")
    wrong_unit = _zip(pki.make_members(sample_data, key2, cert2, chain=[ca_cert]))
    with PacketVerifier(forms, by_ca) as v:
        assert _code(v, wrong_unit) == "packet.signer_not_for_unit"


def test_ca_certificate_expired_since_signing_still_verifies(forms, sample_data):
    ca_key, ca_cert = pki.make_ca()
    key, cert = pki.issue(
        ca_key, ca_cert, not_after=pki.now() + datetime.timedelta(days=30)
    )  # a one-year certificate near its end
    packet = _zip(pki.make_members(sample_data, key, cert, chain=[ca_cert]))
    trusted = TrustList()
    trusted.add(ca_cert)
    later = pki.now() + datetime.timedelta(days=90)  # checked after it expired
    with PacketVerifier(forms, trusted, clock=lambda: later) as v:
        assert v.verify(packet).signer == cert


# -- check 5: members and the PDF signature -------------------------------------------


def test_one_changed_byte_in_data_json(verifier, genuine_members):
    data = bytearray(genuine_members["data.json"])
    index = data.index(b'"cbcc_tong":') + len(b'"cbcc_tong":')
    data[index] = ord("9") if data[index] != ord("9") else ord("8")
    tampered = _zip({**genuine_members, "data.json": bytes(data)})
    assert _code(verifier, tampered) == "packet.hash_mismatch"


def test_swapped_report_pdf(verifier, genuine_members, sample_data, unit_key_cert):
    other = pki.make_members(sample_data, *unit_key_cert)  # a later signature of the same
    swapped = _zip({**genuine_members, "report.pdf": other["report.pdf"]})
    assert _code(verifier, swapped) == "packet.hash_mismatch"
    assert _code(verifier, _zip({**genuine_members, "report.xlsx": b"PK"})) == (
        "packet.hash_mismatch"
    )


def test_pdf_signed_by_someone_else(verifier, genuine_members, unit_key_cert):
    other_key, other_cert = pki.self_signed()
    foreign_pdf = signing.sign_pdf(
        pki.signer_for(other_key, other_cert), pki.small_pdf(), page=0,
        box=(330, 80, 560, 150),
        stamp=signing.Stamp("Người khác", "Xã Bình Trung (mã 02080)", pki.now()),
    )  # fmt: skip
    forged = _resigned(genuine_members, *unit_key_cert, **{"report.pdf": foreign_pdf})
    assert _code(verifier, _zip(forged)) == "packet.pdf_signer_mismatch"


def test_unsigned_or_appended_pdf(verifier, genuine_members, unit_key_cert):
    unsigned = _resigned(genuine_members, *unit_key_cert, **{"report.pdf": pki.small_pdf()})
    assert _code(verifier, _zip(unsigned)) == "packet.pdf_signature_invalid"
    from pyhanko.pdf_utils.generic import TextStringObject, pdf_name
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    # an update appended after signing (what an editor saving the file would add)
    writer = IncrementalPdfFileWriter(io.BytesIO(genuine_members["report.pdf"]))
    writer.root[pdf_name("/Lang")] = TextStringObject("vi")
    writer.update_root()
    buffer = io.BytesIO()
    writer.write(buffer)
    appended = _resigned(genuine_members, *unit_key_cert, **{"report.pdf": buffer.getvalue()})
    assert _code(verifier, _zip(appended)) == "packet.pdf_signature_invalid"


# -- check 6: data.json against its form ----------------------------------------------


def _with_data(members, key_cert, change) -> bytes:
    data = json.loads(members["data.json"])
    change(data)
    return _zip(_resigned(members, *key_cert, **{"data.json": canonical_json(data)}))


def test_computed_fields_must_recompute(verifier, genuine_members, unit_key_cert):
    def inflate(data):
        data["computed"]["ty_le_cbcc_co_may_tinh"] = "100.0"

    packet = _with_data(genuine_members, unit_key_cert, inflate)
    assert _code(verifier, packet) == "packet.data_invalid"


def test_unknown_field_and_bad_value(verifier, genuine_members, unit_key_cert):
    def unknown(data):
        data["values"]["so_may_bay"] = 3

    assert _code(verifier, _with_data(genuine_members, unit_key_cert, unknown)) == (
        "packet.data_invalid"
    )

    def negative(data):
        data["values"]["cbcc_tong"] = -5

    assert _code(verifier, _with_data(genuine_members, unit_key_cert, negative)) == (
        "packet.data_invalid"
    )


def test_data_must_agree_with_the_manifest(verifier, genuine_members, unit_key_cert):
    def other_period(data):
        data["period"] = "2025"

    assert _code(verifier, _with_data(genuine_members, unit_key_cert, other_period)) == (
        "packet.data_mismatch"
    )


def test_data_must_be_canonical(verifier, genuine_members, unit_key_cert):
    pretty = json.dumps(json.loads(genuine_members["data.json"]), indent=1).encode()
    packet = _zip(_resigned(genuine_members, *unit_key_cert, **{"data.json": pretty}))
    assert _code(verifier, packet) == "packet.data_invalid"


def _with_form(members, key_cert, change) -> bytes:
    data = json.loads(members["data.json"])
    change(data["form"])
    updated = _resigned(members, *key_cert, **{"data.json": canonical_json(data)})
    manifest = json.loads(updated["manifest.json"])
    manifest["form"] = data["form"]
    return _zip(_resigned(updated, *key_cert, **{"manifest.json": manifest_bytes(manifest)}))


def test_unknown_form_version_and_changed_form(verifier, genuine_members, unit_key_cert):
    unknown = _with_form(genuine_members, unit_key_cert, lambda f: f.update(version="2031.1"))
    assert _code(verifier, unknown) == "packet.form_unknown"
    changed = _with_form(genuine_members, unit_key_cert, lambda f: f.update(sha256="0" * 64))
    assert _code(verifier, changed) == "packet.form_mismatch"


def test_members_constant_is_the_design():
    assert set(MEMBERS) == {
        "manifest.json",
        "data.json",
        "report.xlsx",
        "report.pdf",
        "manifest.json.p7s",
    }


def test_a_pinned_certificate_whose_key_may_not_sign(forms, sample_data):
    """pyHanko checks key usage only on a path to a CA; a pinned certificate is its own
    trust root, so the verifier checks it (issue 14 §2)."""
    ca_key, ca_cert = pki.make_ca()
    key, cert = pki.issue(ca_key, ca_cert, uid="MĐV:02080", key_kind="ec", signing=False)
    packet = _zip(pki.make_members(sample_data, key, cert, chain=[ca_cert]))
    pinned = TrustList()
    pinned.add(cert, "02080")
    with PacketVerifier(forms, pinned) as v:
        assert _code(v, packet) == "packet.signer_key_usage"


def test_created_at_must_agree_with_the_signing_time(forms, genuine_members, unit_key_cert):
    key, cert = unit_key_cert
    manifest = json.loads(genuine_members["manifest.json"])
    manifest["created_at"] = "2000-01-01T08:00:00+07:00"
    raw = manifest_bytes(manifest)
    lying = {**genuine_members, "manifest.json": raw}
    lying["manifest.json.p7s"] = signing.sign_detached(pki.signer_for(key, cert), raw)  # now
    trusted = TrustList()
    trusted.add(cert, "02080")
    with PacketVerifier(forms, trusted) as v:
        assert _code(v, _zip(lying)) == "packet.created_at_mismatch"
