"""The first hostile kinds: the zip, the manifest, the signature, the unit, the form,
the values (DESIGN §3 checks 1–7)."""

from __future__ import annotations

import datetime

from tests import pki
from tests.support import fleet as F

from .kit import (
    A,
    bomb,
    by_ca,
    edited,
    foreign_unit,
    make_zip,
    nfd_manifest,
    resigned,
    rezip,
    set_value,
    unpack,
)

DAY = datetime.timedelta(days=1)

CASES = {
    "not a zip": (lambda k: b"Kinh gui UBND huyen: bao cao dinh kem.", "packet.not_zip"),
    "empty file": (lambda k: b"", "packet.not_zip"),
    "truncated zip": (lambda k: k["genuine"][:-1000], "packet.not_zip"),  # download cut short
    "extra member": (
        lambda k: make_zip([*unpack(k["genuine"]).items(), ("ghi-chu.txt", b"x")]),
        "packet.bad_members",
    ),
    "missing member": (
        lambda k: make_zip([(n, d) for n, d in unpack(k["genuine"]).items() if n != "report.pdf"]),
        "packet.bad_members",
    ),
    "member in a folder": (
        lambda k: make_zip(
            [
                ("bao-cao/" + n if n == "data.json" else n, d)
                for n, d in unpack(k["genuine"]).items()
            ]
        ),
        "packet.unsafe_member",
    ),
    "member with ..": (
        lambda k: make_zip(
            [("../" + n if n == "data.json" else n, d) for n, d in unpack(k["genuine"]).items()]
        ),
        "packet.unsafe_member",
    ),
    "duplicate member names": (
        lambda k: make_zip([*unpack(k["genuine"]).items(), ("data.json", b"{}")]),
        "packet.duplicate_member",
    ),
    "encrypted member": (
        lambda k: make_zip(list(unpack(k["genuine"]).items()), encrypted="report.xlsx"),
        "packet.encrypted_member",
    ),
    "zip bomb": (bomb, "packet.too_large"),
    "manifest not JSON": (
        lambda k: rezip(k["genuine"], manifest_json=b"{ khong phai json"),
        "packet.manifest_invalid",
    ),
    "manifest wrong schema": (
        lambda k: rezip(k["genuine"], manifest_json=b'{"format": "cntt-packet/1"}'),
        "packet.manifest_invalid",
    ),
    "unknown format version": (
        lambda k: rezip(
            k["genuine"],
            manifest_json=unpack(k["genuine"])["manifest.json"].replace(
                b"cntt-packet/1", b"cntt-packet/9"
            ),
        ),
        "packet.format_unknown",
    ),
    "signature over another manifest": (
        lambda k: rezip(
            k["genuine"],
            manifest_json=unpack(k["genuine"])["manifest.json"].replace(
                b'"revision": 1', b'"revision": 2'
            ),
        ),
        "packet.signature_invalid",
    ),
    "member changed after signing": (
        lambda k: rezip(k["genuine"], report_xlsx=unpack(k["genuine"])["report.xlsx"][:-1] + b"!"),
        "packet.hash_mismatch",
    ),
    "unregistered key": (
        lambda k: resigned(
            k["genuine"],
            pki.signer_for(*pki.self_signed(A, "Xã Bình Trung", moment=pki.now() - DAY * 30)),
        ),
        "packet.signer_untrusted",
    ),
    "another commune's registered key": (
        lambda k: resigned(k["genuine"], k["signer_b"]),
        "packet.signer_not_for_unit",
    ),
    "expired certificate": (
        lambda k: by_ca(k, lambda d: None, uid=f"MĐV:{A}", expired=True),
        "packet.cert_expired",
    ),
    "signing time in the future": (
        lambda k: edited(k, lambda d: None, moment=pki.now() + datetime.timedelta(days=3)),
        "packet.signing_time_invalid",
    ),
    "unit not a child of this district": (
        lambda k: by_ca(k, foreign_unit, uid="MĐV:01888"),
        "packet.not_child",
    ),
    "packet names another parent": (
        lambda k: edited(k, set_value("unit.parent_code", "061")),
        "packet.not_child",
    ),
    "unit named differently": (
        lambda k: edited(k, set_value("unit.name", "Xã Bình Trưng")),
        "packet.unit_mismatch",
    ),
    "names in NFD": (nfd_manifest, "packet.data_mismatch"),
    "unknown form version": (
        lambda k: edited(k, set_value("form.version", "2099.1")),
        "packet.form_unknown",
    ),
    "form definition differs": (
        lambda k: edited(k, set_value("form.sha256", "0" * 64)),
        "packet.form_mismatch",
    ),
    "value of the wrong type": (
        lambda k: edited(k, set_value("values.cbcc_tong", "hai mươi ba")),
        "packet.data_invalid",
    ),
    "value out of bounds": (
        lambda k: edited(k, set_value("values.cbcc_tong", -5)),
        "packet.data_invalid",
    ),
    "computed field not matching": (
        lambda k: edited(k, set_value("computed.ty_le_cbcc_co_may_tinh", "99")),
        "packet.data_invalid",
    ),
    "form of another level": (
        lambda k: F.signed_packet(k["huyen_data"], k["signer_a"]),
        "packet.form_wrong_level",
    ),
}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = {"file too large to keep", "file that cannot be read"}
