"""manifest.json (fields, bytes, schema) and the zip around the five members."""

from __future__ import annotations

import datetime
import io
import json
import unicodedata
import zipfile

import pytest

from desktop_app import __version__
from desktop_app.core.messages import AppError
from desktop_app.packets.data import canonical_json
from desktop_app.packets.manifest import (
    build_manifest,
    manifest_bytes,
    parse_manifest,
    sha256_hex,
)
from desktop_app.packets.packet import MEMBERS, packet_name, zip_bytes

UTC = datetime.UTC


def _files(data) -> dict[str, bytes]:
    return {"data.json": canonical_json(data), "report.xlsx": b"xlsx", "report.pdf": b"%PDF"}


def _manifest(data) -> dict:
    moment = datetime.datetime(2026, 12, 15, 2, 30, 12, 345, tzinfo=UTC)
    return build_manifest(data, _files(data), created_at=moment)


def test_manifest_fields(sample_data):
    manifest = _manifest(sample_data)
    assert manifest["format"] == "cntt-packet/1"
    assert manifest["unit"] == {"code": "02080", "name": "Xã Bình Trung", "parent_code": "064"}
    assert manifest["form"] == sample_data["form"]
    assert len(manifest["form"]["sha256"]) == 64
    assert (manifest["period"], manifest["revision"]) == ("2026", 1)
    assert manifest["created_at"] == "2026-12-15T09:30:12+07:00"  # Vietnam time, seconds
    assert manifest["app_version"] == __version__
    assert manifest["prepared_by"] == "Nguyễn Thị Hoa"
    assert manifest["approved_by"] == "Hoàng Văn Nam"
    assert manifest["files"] == {
        name: sha256_hex(content) for name, content in _files(sample_data).items()
    }
    assert parse_manifest(manifest_bytes(manifest)) == manifest


def test_manifest_bytes_are_sorted_nfc_utf8(sample_data):
    manifest = _manifest(sample_data)
    manifest["prepared_by"] = unicodedata.normalize("NFD", "Nguyễn Thị Hoa")
    raw = manifest_bytes(manifest)
    text = raw.decode("utf-8")
    assert "Nguyễn Thị Hoa" in text  # NFC, not escaped
    assert text.endswith("}\n")
    keys = list(json.loads(text))
    assert keys == sorted(keys)
    assert manifest_bytes(json.loads(text)) == raw


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"{not json", "packet.manifest_invalid"),
        (b"\xff\xfe", "packet.manifest_invalid"),
        (b"[1, 2]", "packet.manifest_invalid"),
        (b'{"format": "zip"}', "packet.manifest_invalid"),
        (b'{"format": "cntt-packet/2"}', "packet.format_unknown"),
        (b'{"format": "cntt-packet/1", "format": "cntt-packet/1"}', "packet.manifest_invalid"),
        (b'{"format": "cntt-packet/1", "revision": NaN}', "packet.manifest_invalid"),
    ],
)
def test_malformed_manifests(raw, code):
    with pytest.raises(AppError) as caught:
        parse_manifest(raw)
    assert caught.value.code == code
    assert caught.value.message.vi and caught.value.message.en


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.pop("files"),
        lambda m: m["files"].pop("report.pdf"),
        lambda m: m["files"].update({"../evil": "0" * 64}),
        lambda m: m["files"].update({"data.json": "ABC"}),
        lambda m: m.update({"revision": 0}),
        lambda m: m.update({"period": "2026-13"}),
        lambda m: m.update({"created_at": "15/12/2026"}),
        lambda m: m.update({"extra": 1}),
        lambda m: m["unit"].update({"code": "../02080"}),
    ],
)
def test_schema_violations(sample_data, change):
    manifest = _manifest(sample_data)
    change(manifest)
    with pytest.raises(AppError) as caught:
        parse_manifest(json.dumps(manifest).encode())
    assert caught.value.code == "packet.manifest_invalid"


def test_packet_name():
    assert packet_name("02080", "cntt-xa", "2026", 3) == "02080_cntt-xa_2026_r3.zip"
    assert packet_name("02080", "cntt-xa", "2026-Q3", 1) == "02080_cntt-xa_2026-Q3_r1.zip"


def _members() -> dict[str, bytes]:
    return {name: f"content of {name}".encode() * 20 for name in MEMBERS}


def test_zip_is_deterministic_flat_and_ordered():
    moment = datetime.datetime(
        2026, 12, 15, 9, 30, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )
    first = zip_bytes(_members(), moment)
    assert zip_bytes(dict(reversed(list(_members().items()))), moment) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == list(MEMBERS)
        assert all(i.date_time == (2026, 12, 15, 9, 30, 12) for i in infos)
        assert all("/" not in i.filename and not i.is_dir() for i in infos)
        assert all(i.external_attr >> 16 == 0o100644 for i in infos)
        assert archive.read("data.json") == _members()["data.json"]
