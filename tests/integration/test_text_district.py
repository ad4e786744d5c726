"""The district's ``report`` with long names (issue 14 §5): a long leader name broke it
with reportlab's LayoutError. A commune's packet carries names up to the manifest's 200
characters; a district's own profile, kept by an older version, may hold any length."""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.integration.cli_helpers import cli
from tests.support import fleet as F

A4_LANDSCAPE_WIDTH = 841.89
LONG_NAME = " ".join(["Nguyễn Thị Thanh Hương Trà My"] * 8)[:200].strip()
NO_SPACE = "Ư" * 200
DISTRICT_LEADER = " ".join(["Phó Chủ tịch phụ trách văn hóa xã hội Lê Văn Bình"] * 60)


def _commune(root: Path) -> tuple[Path, Path]:
    """Xã Bình Trung with the longest names a packet carries; its packet and certificate."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import export_report
    from desktop_app.workspace.identity import create_unit_identity, export_unit_certificate
    from desktop_app.workspace.setup_unit import setup_unit

    with Workspace.open(root / "xa") as ws, F.fast_keys():
        setup_unit(ws, "02080", "legacy", clerk=NO_SPACE, leader=LONG_NAME)
        load_values(ws, F.SAMPLES / "cntt-xa_2026_02080.json")
        create_unit_identity(ws, F.PASS)
        cert, _ = export_unit_certificate(ws, root / "02080.pem")
        result = export_report(ws, "cntt-xa", "2026", root / "out", secret=F.PASS)
    return result.path, cert


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("long-names")
    packet, cert = _commune(root)
    data_dir = F.make_district(root)
    cli(data_dir, "trust", "add", str(cert), "--unit", "02080", check=0)
    received = cli(data_dir, "receive", str(packet), "--json", check=0).json
    assert [o["verdict"] for o in received["packets"]] == ["accepted"]
    # the district's own leader, as an older version kept it (setup now refuses it)
    with sqlite3.connect(data_dir / "data.sqlite3") as conn:
        [(raw,)] = conn.execute("select value from settings where key = 'profile'")
        profile = {**json.loads(raw), "leader": DISTRICT_LEADER, "clerk": NO_SPACE}
        conn.execute("update settings set value = ? where key = 'profile'",
                     (json.dumps(profile, ensure_ascii=False),))  # fmt: skip
    return data_dir


def test_report_survives_long_names(district, tmp_path):
    out = tmp_path / "tong-hop"
    run = cli(district, "report", "--form", "cntt-xa", "--period", "2026", "--out", str(out),
              "--json", check=0)  # fmt: skip
    assert "Traceback" not in run.err
    [xlsx] = out.glob("*.xlsx")
    [pdf] = out.glob("*.pdf")
    openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))
    if shutil.which("pdftotext") is None:
        return
    printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                             check=True).stdout  # fmt: skip
    squeezed = re.sub(r"\s+", "", printed)
    # whole, across pages if need be (the clerk's name beside it is read interleaved)
    assert squeezed.count("LêVănBình") == DISTRICT_LEADER.count("Lê Văn Bình")
    assert squeezed.count("Ư") >= len(NO_SPACE)
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    for x1, x2 in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', html):
        assert float(x1) >= 0 and float(x2) <= A4_LANDSCAPE_WIDTH


def test_the_district_sees_the_communes_long_names(district):
    """The packet's names reach the district whole (a manifest holds 200 characters)."""
    run = cli(district, "status", "--form", "cntt-xa", "--period", "2026", "--json", check=0)
    assert run.code == 0
    with sqlite3.connect(district / "data.sqlite3") as conn:
        [(data_json,)] = conn.execute("select data_json from submissions")
    data = json.loads(data_json)
    assert data["approved_by"] == LONG_NAME and data["prepared_by"] == NO_SPACE


def test_report_survives_a_packet_accepted_before_texts_were_checked(district, tmp_path):
    """Issue 14 §5: on the district, a packet carrying a Word line break was accepted and
    then every ``report`` failed (openpyxl) until that commune sent a new revision. Such
    a packet is refused now; one already held is printed, its text whole."""
    held = shutil.copytree(district, tmp_path / "huyen")
    with sqlite3.connect(held / "data.sqlite3") as conn:
        changed = conn.execute(
            "update submission_values set value = ? where field_id = 'kho_khan_vuong_mac'"
            " and kind = 'input'",
            (json.dumps("Mạng chập chờn\vMáy cũ\x07 hay treo", ensure_ascii=False),),
        ).rowcount
    assert changed == 1
    out = tmp_path / "tong-hop"
    run = cli(held, "report", "--form", "cntt-xa", "--period", "2026", "--out", str(out))
    assert run.code == 0, run.err
    [xlsx] = out.glob("*.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx.read_bytes()))
    texts = [c.value for ws in workbook for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)]  # fmt: skip
    assert "Mạng chập chờn\nMáy cũ\ufffd hay treo" in texts
