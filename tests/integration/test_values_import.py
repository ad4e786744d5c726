"""History in bulk: ``values import FILE.xlsx`` reads the application's own report.xlsx
and a sheet of units × indicators, lists every problem before writing, writes all or
nothing, and a district's imported children's figures are marked as entered by it."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop_app.storage import get_comments, get_report, get_values, history, list_reports
from desktop_app.workspace import Workspace
from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLES = PROJECT / "resources" / "samples"
PASS = "Bình Trung 2018!"


@pytest.fixture(scope="module")
def report_xlsx(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """Bình Trung's 2018 report.xlsx as the application exports it, and the values held."""
    tmp = tmp_path_factory.mktemp("binh-trung")
    data, env = tmp / "data", {**os.environ, "PW": PASS}
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", "--clerk", "Hoa",
        "--leader", "Minh", check=0)  # fmt: skip
    cli(data, "identity", "new", "--passphrase-env", "PW", env=env, check=0)
    cli(data, "values", "load", str(SAMPLES / "cntt-xa_2018_02080.json"), check=0)
    notes = tmp / "notes.json"
    notes.write_text(json.dumps({"form": "cntt-xa", "period": "2018", "values": {}, "comments": {
        "cbcc_tong": "Gồm 2 công chức được tăng cường từ huyện.",
        "may_tinh_tong": "Máy tính kiểm kê ngày 31/12/2018. " * 12,  # continues below its row
    }}, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    cli(data, "values", "load", str(notes), check=0)
    run = cli(data, "export", "--form", "cntt-xa", "--period", "2018", "--out", str(tmp / "out"),
              "--passphrase-env", "PW", env=env, check=0)  # fmt: skip
    target = tmp / "report.xlsx"
    with zipfile.ZipFile(run.out.strip()) as packet:
        target.write_bytes(packet.read("report.xlsx"))
    with Workspace.open(data) as ws:
        report = get_report(ws.db, "02080", "cntt-xa", "2018")
        held = get_values(ws.db, report.id)
        held_notes = get_comments(ws.db, report.id)
    return target, held, held_notes


def _setup(data: Path, unit: str) -> None:
    cli(data, "setup", "--unit", unit, "--catalogue", "legacy", "--clerk", "Bình", check=0)


def _grid(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_the_own_report_xlsx_comes_back_as_the_report_it_printed(tmp_path, report_xlsx):
    source, held, held_notes = report_xlsx
    data = tmp_path / "again"
    _setup(data, "02080")
    dry = cli(data, "values", "import", str(source), "--dry-run", "--json", check=0).json
    form = (dry["layout"], dry["form"]["id"], dry["form"]["version"], dry["period"])
    assert form == ("own", "cntt-xa", "2017.1", "2018")  # the title names the form
    assert dry["written"] is False and dry["errors"] == 0
    with Workspace.open(data) as ws:
        assert list_reports(ws.db) == []  # a dry run writes nothing
    done = cli(data, "values", "import", str(source), "--json", check=0).json
    assert done["written"] and done["units"] == [
        {
            "code": "02080",
            "name": "Xã Bình Trung",
            "own": True,
            "row": None,
            "values": done["changed"],
        }
    ]
    with Workspace.open(data) as ws:
        report = get_report(ws.db, "02080", "cntt-xa", "2018")
        imported = get_values(ws.db, report.id)
        kinds = {r.kind for r in history(ws.db, report.id)}
    # every figure of the table is back as it was held; free text is not in the table
    table = {k: v for k, v in held.items() if k in imported}
    assert imported == table and len(imported) >= 40
    with Workspace.open(data) as ws:
        notes = get_comments(ws.db, report.id)
    assert notes["cbcc_tong"] == held_notes["cbcc_tong"]
    assert len(held_notes["may_tinh_tong"]) > 300  # printed over several rows: comes back whole
    assert notes["may_tinh_tong"] == held_notes["may_tinh_tong"]
    assert {"value", "import"} <= kinds
    ok = cli(data, "validate", "--form", "cntt-xa", "--period", "2018", "--json", check=0).json
    assert ok["errors"] == 0


def test_a_district_imports_a_communes_report_xlsx_as_entered_by_it(tmp_path, report_xlsx):
    data = tmp_path / "huyen"
    _setup(data, "064")
    done = cli(data, "values", "import", str(report_xlsx[0]), "--json", check=0).json
    assert done["units"][0]["code"] == "02080" and done["units"][0]["own"] is False
    board = cli(data, "status", "--form", "cntt-xa", "--period", "2018", "--json", check=0).json
    states = {r["unit_code"]: r["state"] for r in board["rows"]}
    assert states["02080"] == "entered" and board["counts"]["entered"] == 1


def test_a_sheet_of_units_by_indicators_for_a_district_and_its_declared_commune(tmp_path):
    from desktop_app.consolidation.statements import district_statements
    from desktop_app.workspace.district import children_consolidation

    data = tmp_path / "huyen"
    _setup(data, "064")
    cli(data, "children", "declare", "--period", "2018", "--add", "02017", "Xã Thử Một", check=0)
    sheet = _grid(tmp_path / "2018.xlsx", [
        ["Mã đơn vị", "cbcc_tong", "Số cán bộ, công chức có máy tính sử dụng cho công việc",
         "Tỷ lệ cán bộ, công chức có máy tính", "co_mang_lan"],
        ["02080", 22, 17, 77.3, "Có"],
        [2035, 20, 15, None, "Không"],  # a code Excel stripped of its leading zero
        ["02017", 18, 12, 66.7, True],  # a commune declared for 2018
    ])  # fmt: skip
    done = cli(data, "values", "import", str(sheet), "--period", "2018", "--json", check=0).json
    assert (done["layout"], done["form"]["id"], done["form"]["version"]) == (
        "grid",
        "cntt-xa",
        "2017.1",
    )
    assert sorted(u["code"] for u in done["units"]) == ["02017", "02035", "02080"]
    # the ratio column is computed from the counts, not taken from the file
    assert [p["code"] for p in done["problems"]] == ["import.computed"]
    board = cli(data, "status", "--form", "cntt-xa", "--period", "2018", "--json", check=0).json
    assert board["counts"]["entered"] == 3 and board["counts"]["total"] == 21
    with Workspace.open(data) as ws:
        form = ws.forms.get("cntt-xa", 2018)
        received = children_consolidation(ws, form, "2018")
        report = received.consolidation.reports["02035"]
        assert report.entered and report.values["cbcc_tong"] == 20
        assert report.packets[0].file_name == "2018.xlsx"
        lines = [s.text.vi for s in district_statements(received.consolidation)]
    assert any(
        line.startswith("3/3 xã có số liệu do đơn vị tổng hợp nhập từ tệp Excel") for line in lines
    )


def test_a_file_with_errors_lists_every_problem_and_writes_nothing(tmp_path):
    data = tmp_path / "huyen"
    _setup(data, "064")
    sheet = _grid(tmp_path / "errors.xlsx", [
        ["Mã đơn vị", "cbcc_tong", "so_may_chu_khong_co", "tthc_truc_tuyen_tong", "tthc_muc_1_2",
         "tthc_muc_3", "tthc_muc_4", "tthc_muc_3_4"],
        ["02080", "12,3,4", 1, 114, 109, 15, 0, 15],
        ["99999", 5, 1, None, None, None, None, None],
        ["02035", 20, 1, 10, 8, 2, 0, 2],
    ])  # fmt: skip
    with Workspace.open(data) as ws:
        audit_before = len(history(ws.db, None))
    refused = cli(data, "values", "import", str(sheet), "--period", "2018", "--json", check=1).json
    codes = {(p["code"], p["unit_code"]) for p in refused["problems"] if p["severity"] == "error"}
    assert ("import.unknown_field", None) in codes  # so_may_chu_khong_co
    assert ("import.unknown_unit", "99999") in codes
    assert ("import.rule", "02080") in codes  # 109 + 15 ≠ 114
    assert any(c.startswith("number.") and u == "02080" for c, u in codes)  # "12,3,4"
    assert refused["written"] is False and refused["changed"] == 0
    text = cli(data, "values", "import", str(sheet), "--period", "2018", check=1)
    assert "[import.unknown_unit]" in text.err and "Không nhập gì" in text.err
    with Workspace.open(data) as ws:
        assert list_reports(ws.db) == [] and len(history(ws.db, None)) == audit_before


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"Ma don vi;cbcc_tong\n02080;22\n", "import.not_xlsx"),  # a CSV renamed
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "import.old_xls"),
        ("zip", "import.not_xlsx"),  # a zip with no workbook in it
        (b"", "import.not_xlsx"),
    ],
)
def test_a_file_that_is_not_an_xlsx_is_refused_with_its_reason(tmp_path, content, code):
    data = tmp_path / "xa"
    _setup(data, "02080")
    path = tmp_path / "so-lieu.xlsx"
    if content == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<w/>")
    else:
        path.write_bytes(content)
    refused = cli(data, "values", "import", str(path), "--period", "2018", "--json", check=1)
    assert refused.json["error"]["code"] == code
    assert "Traceback" not in refused.err


def test_a_grid_needs_its_period(tmp_path):
    data = tmp_path / "xa"
    _setup(data, "02080")
    sheet = _grid(tmp_path / "g.xlsx", [["Mã", "cbcc_tong"], ["02080", 3]])
    refused = cli(data, "values", "import", str(sheet), "--json", check=1).json
    assert refused["error"]["code"] == "import.no_period"
    json.dumps(refused)


def test_a_workbook_that_unpacks_too_large_is_refused_unread(tmp_path):
    from desktop_app.workspace.xlsx_values import UNPACKED_LIMIT

    data = tmp_path / "xa"
    _setup(data, "02080")
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * 1_000_000
            for _ in range(UNPACKED_LIMIT // len(chunk) + 1):
                member.write(chunk)
    assert path.stat().st_size < 1_000_000  # small on disk, over the limit unpacked
    refused = cli(data, "values", "import", str(path), "--period", "2018", "--json", check=1)
    assert refused.json["error"]["code"] == "import.too_large"
