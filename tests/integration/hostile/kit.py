"""What the hostile-packet cases are made from: genuine packets taken apart, edited and
put back together, re-signed by the genuine key or by others (``tests/integration/hostile``).

A case is ``name: (make, code)``: ``make(kit)`` returns the bytes of a packet file, and
``code`` is the reason it must be refused with. ``kit`` is the dict built by the
``kit`` fixture of ``test_receive_hostile.py``.
"""

from __future__ import annotations

import datetime
import io
import json
import unicodedata
import warnings
import zipfile

from desktop_app.core.units import Catalogue
from desktop_app.packets import signing
from tests import pki
from tests.support import fleet as F

A, B, C = "02080", "02083", "02044"  # Bình Trung, its neighbour, a third commune
MEMBERS = ("manifest.json", "data.json", "report.xlsx", "report.pdf", "manifest.json.p7s")


def commune_form_data(folder, form_id: str, sample: str):
    """data.json of ``form_id``'s 2026 report for commune A with the figures of the
    ``sample`` file, as the commune's export would make it (its workspace in ``folder``)."""
    from desktop_app.workspace.entry import check_report, load_values
    from desktop_app.workspace.export import plan_data
    from desktop_app.workspace.setup_unit import setup_unit

    values = json.loads((F.SAMPLES / sample).read_text(encoding="utf-8"))
    values["unit"] = A
    source = folder / "values.json"
    source.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    with F.open_ws(folder / "ws") as ws:
        setup_unit(ws, A, "legacy", clerk="Văn thư", leader="Chủ tịch")
        load_values(ws, source)
        data, _ = plan_data(ws, check_report(ws, form_id, "2026"), datetime.date(2026, 12, 1))
    return data


def district_form_data(folder):
    """data.json of the district form (cntt-huyen), as a commune's export would make it."""
    return commune_form_data(folder, "cntt-huyen", "cntt-huyen_2026_064.json")


def unpack(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def make_zip(entries: list[tuple[str, bytes]], *, encrypted: str | None = None) -> bytes:
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


def rezip(raw: bytes, **replace: bytes) -> bytes:
    members = unpack(raw)
    members.update(
        {k.replace("_", ".").replace(".p7s", ".json.p7s"): v for k, v in replace.items()}
    )
    return make_zip(list(members.items()))


def resigned(raw: bytes, signer, manifest: bytes | None = None) -> bytes:
    """``raw`` with its manifest (or ``manifest``) signed again by ``signer``, at the time
    the manifest says it was made, as its maker would (issue 14 §3: the two must agree)."""
    members = unpack(raw)
    if manifest is not None:
        members["manifest.json"] = manifest
    try:
        made = datetime.datetime.fromisoformat(json.loads(members["manifest.json"])["created_at"])
    except (ValueError, KeyError, TypeError):  # a manifest the case broke on purpose
        made = None
    members["manifest.json.p7s"] = signing.sign_detached(signer, members["manifest.json"], made)
    return make_zip(list(members.items()))


def edited(kit, change, signer="signer_a", **options) -> bytes:
    data = json.loads(json.dumps(kit["data"], default=str))  # a deep copy, decimals as text
    change(data)
    return F.signed_packet(data, kit[signer], **options)


def foreign_unit(data):
    legacy = Catalogue.load("legacy")
    district = next(u for u in legacy.children("06") if u.code != F.DISTRICT)
    commune = legacy.children(district.code)[0]
    data["unit"].update(code=commune.code, name=commune.name, parent_code=district.code,
                        parent_name=district.name)  # fmt: skip
    return commune


def by_ca(kit, data_change, *, uid: str, expired: bool = False) -> bytes:
    ca_key, ca_cert = kit["ca"]
    past = pki.now() - datetime.timedelta(days=400)
    key, cert = pki.issue(
        ca_key, ca_cert, uid=uid, key_kind="ec",
        not_before=past if expired else None,
        not_after=past + datetime.timedelta(days=30) if expired else None,
    )  # fmt: skip
    return edited(
        {**kit, "ca_signer": pki.signer_for(key, cert, [ca_cert])}, data_change, "ca_signer"
    )


def nfd_manifest(kit) -> bytes:
    raw = kit["genuine"]
    manifest = unicodedata.normalize("NFD", unpack(raw)["manifest.json"].decode()).encode()
    return resigned(raw, kit["signer_a"], manifest)


def bomb(kit) -> bytes:
    members = unpack(kit["genuine"])
    members["report.xlsx"] = b"\0" * (8 * 1024 * 1024)
    return make_zip(list(members.items()))


def set_value(path: str, value):
    def change(data):
        target = data
        *parents, last = path.split(".")
        for part in parents:
            target = target[part]
        target[last] = value

    return change
