"""Hostile packets, made by the tests from genuine ones: each is refused with its own
reason code, the database is exactly as before (a dump of every table but the received
files' log), and the file is still kept with its verdict so the officer can show what
arrived."""

from __future__ import annotations

import datetime
import io
import json
import shutil
import unicodedata
import warnings
import zipfile

import pytest

from desktop_app.core.units import Catalogue
from desktop_app.packets import signing
from desktop_app.workspace import receive as use
from tests import pki
from tests.unit.receiving import fleet as F

A, B, C = "02080", "02083", "02044"  # Bình Trung, its neighbour, a third commune
MEMBERS = ("manifest.json", "data.json", "report.xlsx", "report.pdf", "manifest.json.p7s")


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def kit(chodon, tmp_path_factory):
    """A district that registered the 20 communes, trusts a CA and received the folder;
    the genuine packet of commune A; signers."""
    template = F.fresh_district(chodon, tmp_path_factory.mktemp("hostile") / "district")
    ca_key, ca_cert = pki.make_ca("CA Thử nghiệm")
    with F.open_ws(template) as ws:
        for commune in chodon.communes.values():
            use.register_certificate(ws, commune.cert, commune.code)
        use.trust_ca(ws, pki.pem(ca_cert).decode())
        assert not use.receive(ws, [chodon.packets]).rejected
    return {
        "template": template,
        "genuine": chodon.communes[A].packet.read_bytes(),
        "data": F.packet_data(chodon.communes[A].packet),
        "signer_a": F.commune_signer(chodon.communes[A].data_dir)[0],
        "signer_b": F.commune_signer(chodon.communes[B].data_dir)[0],
        "ca": (ca_key, ca_cert),
        "huyen_data": _district_form_data(tmp_path_factory.mktemp("huyen-form")),
    }


def _district_form_data(folder):
    """data.json of the district form (cntt-huyen), as a commune's export would make it."""
    from desktop_app.workspace.entry import check_report, load_values
    from desktop_app.workspace.export import plan_data
    from desktop_app.workspace.setup_unit import setup_unit

    values = json.loads((F.SAMPLES / "cntt-huyen_2026_064.json").read_text(encoding="utf-8"))
    values["unit"] = A
    source = folder / "values.json"
    source.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    with F.open_ws(folder / "ws") as ws:
        setup_unit(ws, A, "legacy", clerk="Văn thư", leader="Chủ tịch")
        load_values(ws, source)
        data, _ = plan_data(ws, check_report(ws, "cntt-huyen", "2026"), datetime.date(2026, 12, 1))
    return data


def _members(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(entries: list[tuple[str, bytes]], *, encrypted: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of one case
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    raw = buffer.getvalue()
    if encrypted:  # zipfile cannot write it: set the "encrypted" flag in the central directory
        at = int.from_bytes(raw[-6:-2], "little")  # the central directory's offset (EOCD)
        while raw[at + 46 : at + 46 + len(encrypted)] != encrypted.encode():
            name_length, extra, comment = (int.from_bytes(raw[at + i : at + i + 2], "little")
                                           for i in (28, 30, 32))  # fmt: skip
            at += 46 + name_length + extra + comment
        raw = raw[: at + 8] + bytes([raw[at + 8] | 0x1]) + raw[at + 9 :]
    return raw


def _rezip(raw: bytes, **replace: bytes) -> bytes:
    members = _members(raw)
    members.update(
        {k.replace("_", ".").replace(".p7s", ".json.p7s"): v for k, v in replace.items()}
    )
    return _zip(list(members.items()))


def _resigned(raw: bytes, signer, manifest: bytes | None = None) -> bytes:
    members = _members(raw)
    if manifest is not None:
        members["manifest.json"] = manifest
    members["manifest.json.p7s"] = signing.sign_detached(signer, members["manifest.json"])
    return _zip(list(members.items()))


def _edited(kit, change, signer="signer_a", **options) -> bytes:
    data = json.loads(json.dumps(kit["data"], default=str))  # a deep copy, decimals as text
    change(data)
    return F.signed_packet(data, kit[signer], **options)


def _foreign_unit(data):
    legacy = Catalogue.load("legacy")
    district = next(u for u in legacy.children("06") if u.code != F.DISTRICT)
    commune = legacy.children(district.code)[0]
    data["unit"].update(code=commune.code, name=commune.name, parent_code=district.code,
                        parent_name=district.name)  # fmt: skip
    return commune


def _by_ca(kit, data_change, *, uid: str, expired: bool = False) -> bytes:
    ca_key, ca_cert = kit["ca"]
    past = pki.now() - datetime.timedelta(days=400)
    key, cert = pki.issue(
        ca_key, ca_cert, uid=uid, key_kind="ec",
        not_before=past if expired else None,
        not_after=past + datetime.timedelta(days=30) if expired else None,
    )  # fmt: skip
    return _edited(
        {**kit, "ca_signer": pki.signer_for(key, cert, [ca_cert])}, data_change, "ca_signer"
    )


def _nfd_manifest(kit) -> bytes:
    raw = kit["genuine"]
    manifest = unicodedata.normalize("NFD", _members(raw)["manifest.json"].decode()).encode()
    return _resigned(raw, kit["signer_a"], manifest)


def _bomb(kit) -> bytes:
    members = _members(kit["genuine"])
    members["report.xlsx"] = b"\0" * (8 * 1024 * 1024)
    return _zip(list(members.items()))


def _set(path: str, value):
    def change(data):
        target = data
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        target[last] = value

    return change


CASES = {
    "not a zip": (lambda k: b"Kinh gui UBND huyen: bao cao dinh kem.", "packet.not_zip"),
    "empty file": (lambda k: b"", "packet.not_zip"),
    "truncated zip": (lambda k: k["genuine"][:-1000], "packet.not_zip"),  # download cut short
    "extra member": (
        lambda k: _zip([*_members(k["genuine"]).items(), ("ghi-chu.txt", b"x")]),
        "packet.bad_members",
    ),
    "missing member": (
        lambda k: _zip([(n, d) for n, d in _members(k["genuine"]).items() if n != "report.pdf"]),
        "packet.bad_members",
    ),
    "member in a folder": (
        lambda k: _zip(
            [
                ("bao-cao/" + n if n == "data.json" else n, d)
                for n, d in _members(k["genuine"]).items()
            ]
        ),
        "packet.unsafe_member",
    ),
    "member with ..": (
        lambda k: _zip(
            [("../" + n if n == "data.json" else n, d) for n, d in _members(k["genuine"]).items()]
        ),
        "packet.unsafe_member",
    ),
    "duplicate member names": (
        lambda k: _zip([*_members(k["genuine"]).items(), ("data.json", b"{}")]),
        "packet.duplicate_member",
    ),
    "encrypted member": (
        lambda k: _zip(list(_members(k["genuine"]).items()), encrypted="report.xlsx"),
        "packet.encrypted_member",
    ),
    "zip bomb": (_bomb, "packet.too_large"),
    "manifest not JSON": (
        lambda k: _rezip(k["genuine"], manifest_json=b"{ khong phai json"),
        "packet.manifest_invalid",
    ),
    "manifest wrong schema": (
        lambda k: _rezip(k["genuine"], manifest_json=b'{"format": "cntt-packet/1"}'),
        "packet.manifest_invalid",
    ),
    "unknown format version": (
        lambda k: _rezip(
            k["genuine"],
            manifest_json=_members(k["genuine"])["manifest.json"].replace(
                b"cntt-packet/1", b"cntt-packet/9"
            ),
        ),
        "packet.format_unknown",
    ),
    "signature over another manifest": (
        lambda k: _rezip(
            k["genuine"],
            manifest_json=_members(k["genuine"])["manifest.json"].replace(
                b'"revision": 1', b'"revision": 2'
            ),
        ),
        "packet.signature_invalid",
    ),
    "member changed after signing": (
        lambda k: _rezip(
            k["genuine"], report_xlsx=_members(k["genuine"])["report.xlsx"][:-1] + b"!"
        ),
        "packet.hash_mismatch",
    ),
    "unregistered key": (
        lambda k: _resigned(k["genuine"], pki.signer_for(*pki.self_signed(A, "Xã Bình Trung"))),
        "packet.signer_untrusted",
    ),
    "another commune's registered key": (
        lambda k: _resigned(k["genuine"], k["signer_b"]),
        "packet.signer_not_for_unit",
    ),
    "expired certificate": (
        lambda k: _by_ca(k, lambda d: None, uid=f"MĐV:{A}", expired=True),
        "packet.cert_expired",
    ),
    "signing time in the future": (
        lambda k: _edited(k, lambda d: None, moment=pki.now() + datetime.timedelta(days=3)),
        "packet.signing_time_invalid",
    ),
    "unit not a child of this district": (
        lambda k: _by_ca(k, _foreign_unit, uid="MĐV:01888"),
        "packet.not_child",
    ),
    "packet names another parent": (
        lambda k: _edited(k, _set("unit.parent_code", "061")),
        "packet.not_child",
    ),
    "unit named differently": (
        lambda k: _edited(k, _set("unit.name", "Xã Bình Trưng")),
        "packet.unit_mismatch",
    ),
    "names in NFD": (_nfd_manifest, "packet.data_mismatch"),
    "unknown form version": (
        lambda k: _edited(k, _set("form.version", "2099.1")),
        "packet.form_unknown",
    ),
    "form definition differs": (
        lambda k: _edited(k, _set("form.sha256", "0" * 64)),
        "packet.form_mismatch",
    ),
    "value of the wrong type": (
        lambda k: _edited(k, _set("values.cbcc_tong", "hai mươi ba")),
        "packet.data_invalid",
    ),
    "value out of bounds": (
        lambda k: _edited(k, _set("values.cbcc_tong", -5)),
        "packet.data_invalid",
    ),
    "computed field not matching": (
        lambda k: _edited(k, _set("computed.ty_le_cbcc_co_may_tinh", "99")),
        "packet.data_invalid",
    ),
    "form of another level": (
        lambda k: F.signed_packet(k["huyen_data"], k["signer_a"]),
        "packet.form_wrong_level",
    ),
}


@pytest.fixture
def district(kit, tmp_path):
    data_dir = shutil.copytree(kit["template"], tmp_path / "district")
    with F.open_ws(data_dir) as ws:
        yield ws


def _refused(ws, path, code):
    before = F.table_dump(ws.db)
    [outcome] = use.receive(ws, [path]).outcomes
    assert outcome.verdict == "rejected", outcome.message().en
    assert outcome.error.code == code, outcome.error.message.en
    assert outcome.error.message.vi and outcome.error.message.en
    assert F.table_dump(ws.db) == before
    row = use.received_files(ws)[-1]
    assert (row.verdict, row.reason_code, row.file_name) == ("rejected", code, path.name)
    assert row.message_vi == outcome.error.message.vi
    return row


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_packet_is_refused_with_its_reason(kit, district, tmp_path, case):
    make, code = CASES[case]
    path = tmp_path / f"{A}_cntt-xa_2026_r1.zip"
    path.write_bytes(make(kit))
    row = _refused(district, path, code)
    assert (district.data_dir / row.stored_path).read_bytes() == path.read_bytes()


def test_revoked_trust(chodon, district):
    use.revoke_trust(district, C, "Xã báo mất thiết bị chứa khoá")
    row = _refused(district, chodon.communes[C].packet, "packet.signer_revoked")
    assert row.unit_code == C and row.signer_fingerprint == chodon.communes[C].fingerprint
    assert "mất thiết bị" in row.message_vi


def test_replaced_certificate(chodon, district, tmp_path):
    _, cert = pki.self_signed(C, chodon.communes[C].name)
    new = tmp_path / "moi.pem"
    new.write_bytes(pki.pem(cert))
    use.register_certificate(district, new, C, replace=True, note="Chứng thư mới")
    _refused(district, chodon.communes[C].packet, "packet.signer_replaced")


def test_file_too_large_is_logged_but_not_kept(district, tmp_path):
    path = tmp_path / "khong-lo.zip"
    with path.open("wb") as handle:
        handle.truncate(26 * 1024 * 1024)
    row = _refused(district, path, "packet.too_large")
    assert row.stored_path is None and row.size == 26 * 1024 * 1024 and len(row.sha256) == 64


def test_at_least_twenty_five_kinds():
    assert len({*CASES, "revoked", "replaced", "too large", "replay"}) >= 25


def test_a_file_that_cannot_be_read(district, tmp_path):
    row = _refused(district, tmp_path / "da-xoa.zip", "packet.unreadable")
    assert row.stored_path is None and row.sha256 == ""
