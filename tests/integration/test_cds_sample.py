"""The shipped cds-xa sample goes through the CLI as a clerk's file would: a commune of the
current catalogue (its province receives it directly) loads it and validates it without a
problem; the province receives it, ranks its communes on the index under a title that says
so, and its own cds-tinh report is pre-filled from the commune's figures."""

import json
import os
import subprocess
import zipfile

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli
from tests.support import evidence_files as files

SAMPLE = PROJECT / "resources" / "samples" / "cds-xa_2026_02020.json"
ENV = {**os.environ, "PW": "Chợ Đồn 2026!"}


def test_the_sample_loads_and_validates_clean(tmp_path):
    data = tmp_path / "cho-don"
    described = cli(data, "setup", "--unit", "02020", "--json", check=0).json["described"]
    assert described.endswith("Tỉnh Thái Nguyên")
    cli(data, "values", "load", str(SAMPLE), check=0)
    report = cli(data, "validate", "--form", "cds-xa", "--period", "2026", "--json").json
    # clean but for the evidence the form requires of its two "Có" answers (issue 18)
    assert {(p["code"], p["field"]) for p in report["problems"]} == {
        ("evidence_required", "co_bcd_cds"),
        ("evidence_required", "co_ke_hoach_cntt"),
    }
    attach(data, tmp_path)
    report = cli(data, "validate", "--form", "cds-xa", "--period", "2026", "--json", check=0).json
    assert report["problems"] == []


def attach(data, folder):
    """The decision setting up the steering committee (a scan) and the plan (a photo)."""
    (folder / "Quyết định thành lập BCĐ.pdf").write_bytes(files.pdf())
    (folder / "Kế hoạch CĐS 2026.jpg").write_bytes(files.jpeg())
    for field, name in (("co_bcd_cds", "Quyết định thành lập BCĐ.pdf"),
                        ("co_ke_hoach_cntt", "Kế hoạch CĐS 2026.jpg")):  # fmt: skip
        added = cli(data, "evidence", "add", field, str(folder / name), "--form", "cds-xa",
                    "--period", "2026", "--json", check=0).json  # fmt: skip
        assert added["file"]["name"] == name


def test_the_province_ranks_on_the_index_and_prefills_its_own_report(tmp_path):
    xa, tinh = tmp_path / "cho-don", tmp_path / "thai-nguyen"
    cli(xa, "setup", "--unit", "02020", check=0)
    cli(xa, "values", "load", str(SAMPLE), check=0)
    refused = cli(xa, "export", "--form", "cds-xa", "--period", "2026", "--out",
                  str(tmp_path / "out"), "--passphrase-env", "PW", env=ENV, check=1)  # fmt: skip
    assert "tài liệu kiểm chứng" in refused.err
    attach(xa, tmp_path)
    cli(xa, "identity", "new", "--passphrase-env", "PW", env=ENV, check=0)
    cli(xa, "identity", "export-cert", str(tmp_path / "xa.pem"), check=0)
    cli(xa, "export", "--form", "cds-xa", "--period", "2026", "--out", str(tmp_path / "out"),
        "--passphrase-env", "PW", env=ENV, check=0)  # fmt: skip
    [packet] = (tmp_path / "out").glob("*.zip")
    with zipfile.ZipFile(packet) as archive:
        assert archive.namelist() == [
            "manifest.json", "data.json", "report.xlsx", "report.pdf",
            "evidence-01-quyet-dinh-thanh-lap-bcd.pdf", "evidence-02-ke-hoach-cds-2026.jpg",
            "manifest.json.p7s",
        ]  # fmt: skip
        manifest = json.loads(archive.read("manifest.json"))
        (tmp_path / "report.pdf").write_bytes(archive.read("report.pdf"))
    assert [(e["field"], e["name"]) for e in manifest["evidence"]] == [
        ("co_bcd_cds", "Quyết định thành lập BCĐ.pdf"),
        ("co_ke_hoach_cntt", "Kế hoạch CĐS 2026.jpg"),
    ]
    printed = " ".join(subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"],
                                      capture_output=True, text=True, check=True).stdout.split())  # fmt: skip
    assert "Kiểm chứng: Quyết định thành lập BCĐ.pdf" in printed
    assert "Tài liệu kiểm chứng kèm theo: 1. Quyết định thành lập BCĐ.pdf" in printed
    cli(tinh, "setup", "--unit", "19", check=0)
    cli(tinh, "trust", "add", str(tmp_path / "xa.pem"), "--unit", "02020", check=0)
    cli(tinh, "receive", str(tmp_path / "out"), check=0)
    held = cli(tinh, "evidence", "list", "--unit", "02020", "--form", "cds-xa", "--period",
               "2026", "--json", check=0).json["fields"]  # fmt: skip
    assert [f["name"] for f in held["co_bcd_cds"]] == ["Quyết định thành lập BCĐ.pdf"]
    assert held["co_ke_hoach_cntt"][0]["member"] == "evidence-02-ke-hoach-cds-2026.jpg"
    cli(tinh, "evidence", "extract", "--unit", "02020", "--form", "cds-xa", "--period", "2026",
        "--out", str(tmp_path / "kiem-chung"), check=0)  # fmt: skip
    copy = tmp_path / "kiem-chung" / "Quyết định thành lập BCĐ.pdf"
    assert copy.read_bytes() == (tmp_path / "Quyết định thành lập BCĐ.pdf").read_bytes()
    cli(tinh, "report", "--form", "cds-xa", "--period", "2026", "--out", str(tmp_path / "r"),
        check=0)  # fmt: skip
    pdf = tmp_path / "r" / "cds-xa_2026_tong-hop.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "xếp hạng mức độ chuyển đổi số cấp xã năm 2026" in " ".join(text.split())
    assert "ứng dụng công nghệ thông tin" not in text
    filled = cli(tinh, "prefill", "--form", "cds-tinh", "--period", "2026", "--json", check=0).json
    assert filled["child_form"] == "cds-xa"
    # the province's own figures are still blank (errors), the communes' are in
    shown = cli(tinh, "validate", "--form", "cds-tinh", "--period", "2026", "--json").json
    assert shown["computed"]["ty_le_xa_ho_so_truc_tuyen"] == "51.9"  # 1,520 / 2,930
    assert shown["computed"]["ty_le_xa_co_bcd_cds"] == "100.0"
    assert {p["field"] for p in shown["problems"]} >= {"so_van_ban_chi_dao_cds", "tthc_tinh_tong"}
