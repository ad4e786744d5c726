"""A score the higher level published (issue 18) in the unit's own report: data.json
carries it, report.pdf and report.xlsx list it under the self-assessment, under its own
heading and never added to the self-assessed total, and the receiving side reads it back
like the rest of the report (the packet verifies)."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile

from openpyxl import load_workbook

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli
from tests.integration.packet_tools import needs_tools

SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
PASS = "Bình Trung 2026!"
SOURCE = "Quyết định số 30/QĐ-UBND ngày 02/3/2026 của UBND huyện Chợ Đồn (ví dụ)"


@needs_tools
def test_the_published_score_is_listed_apart_in_the_units_report(tmp_path, monkeypatch):
    monkeypatch.setenv("PW", PASS)
    data = tmp_path / "binh-trung"
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", "--clerk", "Nguyễn Thị Hoa",
        "--leader", "Hoàng Văn Nam", check=0)  # fmt: skip
    cli(data, "values", "load", str(SAMPLE), check=0)
    cli(data, "identity", "new", "--passphrase-env", "PW", check=0)
    cert = tmp_path / "binh-trung.pem"
    cli(data, "identity", "export-cert", str(cert), check=0)
    for period, score, rank, source in (
        ("2024", "87", "3", "Quyết định số 45/QĐ-UBND ngày 10/3/2025 (ví dụ)"),
        ("2025", "89,2", "1", SOURCE),
    ):
        cli(data, "score", "record", "--form", "cntt-xa", "--period", period, "--score", score,
            "--rank", rank, "--of", "12", "--source", source, check=0)  # fmt: skip
    out = tmp_path / "out"
    run = cli(data, "export", "--form", "cntt-xa", "--period", "2026", "--out", str(out),
              "--passphrase-env", "PW", check=0)  # fmt: skip
    packet = run.out.strip().splitlines()[-1]
    with zipfile.ZipFile(packet) as z:
        held = json.loads(z.read("data.json"))
        (tmp_path / "report.pdf").write_bytes(z.read("report.pdf"))
        (tmp_path / "report.xlsx").write_bytes(z.read("report.xlsx"))
    assert held["published"][-1] == {
        "period": "2025", "score": "89.2", "rank": 1, "of": 12, "source": SOURCE,
        "change": "2.2", "change_from": "2024",
    }  # fmt: skip
    assert held["score"]["total"] != "89.20"  # the self-assessed score is the unit's own
    line = f"- Năm 2025: 89,2 điểm (tăng 2,2 so với năm 2024; xếp thứ 1/12) — {SOURCE}"
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert "Điểm do cấp trên công bố (theo văn bản công bố; không phải điểm tự chấm):" in flat
    assert " ".join(line.split()) in flat
    appendix = flat.index("BẢNG TỰ CHẤM ĐIỂM")
    assert flat.index("Điểm do cấp trên công bố") > flat.index("Tổng cộng", appendix)
    sheet = load_workbook(tmp_path / "report.xlsx")["Tự chấm điểm"]
    column_a = [c.value for c in sheet["A"] if c.value]
    assert column_a[-3:] == [
        "Điểm do cấp trên công bố (theo văn bản công bố; không phải điểm tự chấm):",
        "- Năm 2024: 87 điểm (xếp thứ 3/12) — Quyết định số 45/QĐ-UBND ngày 10/3/2025 (ví dụ)",
        line,
    ]
    # the district reads report.pdf and report.xlsx back against data.json: they agree
    district = tmp_path / "district"
    verdict = cli(district, "verify", packet, "--trust", str(cert), "--json", check=0).json
    assert verdict["packets"][0]["ok"]
    assert os.path.getsize(packet) > 0
