"""A form published by the receiving unit, signed, and installed by the units below only
when their registered parent signed it (issue 18, "Publish it to the units below"); each
refusal has its own reason and writes nothing."""

from __future__ import annotations

import dataclasses
import datetime
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.messages import AppError
from desktop_app.receiving.form_packet import build_form_packet
from desktop_app.storage.trust_entries import list_entries
from desktop_app.workspace.form_library import (
    import_form_workbook,
    install_published_form,
    publish_form_packet,
)
from desktop_app.workspace.identity import current, export_unit_certificate
from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli
from tests.support import fleet as F
from tests.support.form_books import edited_form_workbook
from tests.support.plans import DISTRICT_PLAN, plan_file

XA = PROJECT / "forms" / "cntt-xa-2026.yaml"
COMMUNE = "02080"


def _authored(version: str, title: str) -> bytes:
    return edited_form_workbook({"version": version, "title.vi": title})


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A district that authored cntt-xa 2026.2 and published it; a commune under it."""
    root = tmp_path_factory.mktemp("form-packets")
    district = F.make_district(root)
    commune = F.make_commune(COMMUNE, root, root / "packets")
    authored = root / "cntt-xa-2026.2.xlsx"
    authored.write_bytes(_authored("2026.2", "Biểu mẫu của huyện Chợ Đồn năm 2026"))
    with F.open_ws(district) as ws:
        import_form_workbook(ws, authored)
        _, packet, fingerprint = publish_form_packet(ws, "cntt-xa", "2026.2", root / "out", F.PASS)
        cert, _ = export_unit_certificate(ws, root / "huyen.pem")
        assert current(ws).fingerprint == fingerprint
    return root, district, commune, packet, fingerprint, cert


@pytest.fixture
def child(world, tmp_path):
    _, _, commune, *_ = world
    return shutil.copytree(commune.data_dir, tmp_path / "xa")


def _forms_folder(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "forms").rglob("*.yaml"))


def test_the_packet_is_checkable_with_openssl(world, tmp_path):
    _, _, _, packet, _, cert = world
    with zipfile.ZipFile(packet) as archive:
        assert archive.namelist() == ["manifest.json", "form.yaml", "manifest.json.p7s"]
        archive.extractall(tmp_path)
    run = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER",
         "-in", str(tmp_path / "manifest.json.p7s"), "-content", str(tmp_path / "manifest.json"),
         "-CAfile", str(cert), "-purpose", "any", "-out", "/dev/null"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr


def test_first_install_needs_the_parents_fingerprint(world, child):
    _, _, _, packet, fingerprint, _ = world
    with F.open_ws(child) as ws:
        before = F.table_dump(ws.db)
        with pytest.raises(AppError) as unconfirmed:
            install_published_form(ws, packet)
        assert unconfirmed.value.code == "form_packet.parent_unconfirmed"
        assert unconfirmed.value.details["fingerprint"] == fingerprint
        with pytest.raises(AppError) as mismatch:
            install_published_form(ws, packet, fingerprint="AB" * 32)
        assert mismatch.value.code == "form_packet.parent_mismatch"
        assert F.table_dump(ws.db) == before
    assert _forms_folder(child) == []
    run = cli(
        child, "--json", "forms", "install", str(packet), "--fingerprint", fingerprint, check=0
    )
    assert (run.json["version"], run.json["first_use"]) == ("2026.2", True)
    listed = {
        (f["id"], f["version"]): f for f in cli(child, "--json", "forms", "list", check=0).json
    }
    assert listed[("cntt-xa", "2026.2")]["source"] == "published"
    with F.open_ws(child) as ws:
        assert [e.unit_code for e in list_entries(ws.db)] == [F.DISTRICT]
        again = install_published_form(ws, packet)  # the parent is registered now
        assert again.already_installed
        assert ws.forms.get("cntt-xa", 2026).version == "2026.2"


def _repacked(packet: Path, **replace: bytes) -> bytes:
    with zipfile.ZipFile(packet) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members.update(replace)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _signed_by_district(world, definition: bytes, version: str) -> bytes:
    _, district, *_ = world
    from desktop_app.core.forms.loader import parse_form
    from desktop_app.packets.identities import load_identity
    from desktop_app.workspace.receive import office

    with F.open_ws(district) as ws:
        identity = load_identity(ws.db, ws.data_dir, F.PASS)
        try:
            unit = office(ws).unit
            try:
                form = parse_form(definition, "x.yaml")
            except AppError:
                form = ws.forms.get("cntt-xa", 2026)  # a definition the loader refuses
                form = dataclasses.replace(form, version=version)
            return build_form_packet(
                identity.signer, {"code": unit.code, "name": unit.name}, form, definition,
                datetime.datetime.now(datetime.UTC),
            )  # fmt: skip
        finally:
            identity.close()


def _hostile(world) -> dict[str, tuple[bytes, str]]:
    _, _, commune, packet, _, _ = world
    text = XA.read_text(encoding="utf-8")
    other = text.replace('version: "2026.1"', 'version: "2026.2"').replace(
        "cấp xã năm 2026", "cấp xã năm 2026 (sửa)"
    )
    escaping = text.replace('version: "2026.1"', 'version: "2026.3"').replace(
        "required: true\n        copy_forward: true\n        aggregate: sum",
        "required: true\n        copy_forward: true\n        aggregate: sum\n"
        "        compute: \"__import__('os').system('id')\"",
        1,
    )
    failing = text.replace('version: "2026.1"', 'version: "2026.4"').replace(
        "type: integer", "type: integr", 1
    )
    with F.open_ws(commune.data_dir) as ws, F.fast_keys():
        from desktop_app.packets.identities import load_identity

        identity = load_identity(ws.db, ws.data_dir, F.PASS)
        try:
            form = ws.forms.get("cntt-xa", 2026)
            forged = build_form_packet(
                identity.signer, {"code": F.DISTRICT, "name": "Huyện Chợ Đồn"}, form,
                XA.read_bytes(), datetime.datetime.now(datetime.UTC),
            )  # fmt: skip
        finally:
            identity.close()
    return {
        "tampered": (_repacked(packet, **{"form.yaml": XA.read_bytes()}), "form_packet.hash_mismatch"),
        "not-a-zip": (b"PK\x03\x04 not really", "form_packet.unreadable"),
        "extra-member": (_repacked(packet, **{"run.sh": b"rm -rf /"}), "form_packet.unreadable"),
        "forged-by-a-commune": (forged, "form_packet.signer_untrusted"),
        "same-version-other-content": (
            _signed_by_district(world, other.encode(), "2026.2"), "form.version_taken"),
        "formula-escaping": (
            _signed_by_district(world, escaping.encode(), "2026.3"), "form_packet.form_invalid"),
        "fails-the-loader": (
            _signed_by_district(world, failing.encode(), "2026.4"), "form_packet.form_invalid"),
    }  # fmt: skip


def test_hostile_form_packets_are_refused_and_change_nothing(world, child, tmp_path):
    _, _, _, packet, fingerprint, _ = world
    with F.open_ws(child) as ws:
        install_published_form(ws, packet, fingerprint=fingerprint)
    cases = _hostile(world)
    for name, (data, code) in cases.items():
        path = tmp_path / f"{name}.zip"
        path.write_bytes(data)
        with F.open_ws(child) as ws:
            before = F.table_dump(ws.db)
            with pytest.raises(AppError) as refused:
                install_published_form(ws, path)
            assert refused.value.code == code, name
            assert F.table_dump(ws.db) == before, name
        assert _forms_folder(child) == ["cntt-xa-2026.2.yaml"], name


def test_a_report_made_with_the_published_form_goes_up(world, tmp_path):
    """A report begun after the form is installed is made with it, and the district,
    which holds the version it published, receives it like any other."""
    _, district, _, packet, fingerprint, _ = world
    from desktop_app.workspace import receive as use
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import export_report
    from desktop_app.workspace.identity import create_unit_identity
    from desktop_app.workspace.setup_unit import setup_unit

    code = "02083"
    with F.open_ws(tmp_path / "xa") as ws, F.fast_keys():
        setup_unit(ws, code, "legacy", clerk="Văn thư", leader="Chủ tịch")
        create_unit_identity(ws, F.PASS)
        install_published_form(ws, packet, fingerprint=fingerprint)
        load_values(ws, F.SAMPLES / f"cntt-xa_2026_{code}.json")
        cert, _ = export_unit_certificate(ws, tmp_path / "xa.pem")
        made = export_report(ws, "cntt-xa", "2026", tmp_path / "out", secret=F.PASS)
    with zipfile.ZipFile(made.path) as archive:
        assert b'"2026.2"' in archive.read("manifest.json")
    office = shutil.copytree(district, tmp_path / "huyen")
    with F.open_ws(office) as ws:
        use.register_certificate(ws, cert, code)
        report = use.receive(ws, [made.path])
    assert [o.verdict for o in report.outcomes] == ["accepted"]


def test_the_plan_goes_down_with_the_form(world, tmp_path):
    """A plan published with the form reaches the unit: its targets apply to the period."""
    _, district, _, _, fingerprint, _ = world
    from desktop_app.workspace.plan_files import import_plan
    from desktop_app.workspace.plans import plan_for

    plan = plan_file(tmp_path, DISTRICT_PLAN)
    office = shutil.copytree(district, tmp_path / "huyen")
    with F.open_ws(office) as ws:
        import_plan(ws, plan)
        _, packet, _ = publish_form_packet(
            ws, "cntt-xa", "2026.2", tmp_path / "out", F.PASS, period="2026"
        )
    with zipfile.ZipFile(packet) as archive:
        assert "plan.yaml" in archive.namelist()
    with F.open_ws(shutil.copytree(world[2].data_dir, tmp_path / "xa")) as ws:
        install_published_form(ws, packet, fingerprint=fingerprint)
        held = plan_for(ws, "cntt-xa", "2026")
        assert held is not None and held.number == "12/KH-UBND"
        form, _ = ws.form_for("cntt-xa", "2026")
        assert [t.id for t in form.targets] == ["t_tthc"]
        assert form.targets[0].source is not None and "12/KH-UBND" in form.targets[0].source.vi
    tampered = tmp_path / "tampered.zip"
    tampered.write_bytes(_repacked(packet, **{"plan.yaml": b"plan: {}\ntargets: []\n"}))
    with F.open_ws(shutil.copytree(world[2].data_dir, tmp_path / "xa2")) as ws:
        with pytest.raises(AppError) as refused:
            install_published_form(ws, tampered, fingerprint=fingerprint)
        assert refused.value.code == "form_packet.hash_mismatch"
