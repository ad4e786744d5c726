"""A district's history, year by year, as an office enters it: for a year before 2022
(2018), one after (2023) and the annual 2025 report across 1 July 2025, the district's
report with its communes' figures, each in the form version and the unit structure of
its own period."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLES = PROJECT / "resources" / "samples"
BASIC = ["cbcc_tong", "cbcc_co_may_tinh", "may_tinh_tong", "co_mang_lan"]


def _grid(path: Path, header: list[str], rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["Mã đơn vị", *header])
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _board(data: Path, form: str, period: str) -> dict:
    return cli(data, "status", "--form", form, "--period", period, "--json", check=0).json


@pytest.fixture
def district(tmp_path) -> Path:
    data = tmp_path / "cho-don"
    cli(data, "setup", "--unit", "064", "--catalogue", "legacy", "--clerk", "Bình", check=0)
    return data


def test_2018_the_district_and_its_communes_in_the_2017_version(district, tmp_path):
    samples = sorted(SAMPLES.glob("cntt-xa_2018_*.json"))
    values = [json.loads(p.read_text(encoding="utf-8"))["values"] for p in samples]
    header = sorted({k for v in values for k in v})
    rows = [
        [p.stem.split("_")[-1], *(v.get(k) for k in header)]
        for p, v in zip(samples, values, strict=True)
    ]
    sheet = _grid(tmp_path / "xa-2018.xlsx", header, rows)
    done = cli(district, "values", "import", str(sheet), "--period", "2018", "--json", check=0).json
    assert (done["form"]["id"], done["form"]["version"], done["errors"]) == ("cntt-xa", "2017.1", 0)
    board = _board(district, "cntt-xa", "2018")
    assert board["counts"]["entered"] == 20 == board["counts"]["total"]
    # the consolidated report of a year whose form carries no scoring: no ranking, the
    # figures and their statements all the same
    made = cli(district, "report", "--form", "cntt-xa", "--period", "2018", "--out",
               str(tmp_path / "tong-hop"), "--json", check=0).json  # fmt: skip
    assert made["ranking"] == [] and made["submitted"] == 20
    sheets = openpyxl.load_workbook(made["xlsx"]).sheetnames
    assert "Xếp hạng" not in sheets and len(sheets) >= 5
    text = subprocess.run(["pdftotext", "-layout", made["pdf"], "-"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "XẾP HẠNG" not in text and "I. KẾT QUẢ CHUNG" in text
    assert "II. CÁC CHỈ SỐ TỔNG HỢP SO VỚI" in text or "II. BIỂU ĐỒ" in text
    cli(district, "values", "load", str(SAMPLES / "cntt-huyen_2018_064.json"), check=0)
    own = cli(
        district, "validate", "--form", "cntt-huyen", "--period", "2018", "--json", check=0
    ).json
    assert own["version"] == "2017.1" and own["errors"] == 0
    # the structure of 2018 is the legacy one: the town under its district
    found = cli(district, "units", "search", "02020", "--period", "2018", "--json", check=0).json
    assert found[0]["described"] == "Thị trấn Bằng Lũng, Huyện Chợ Đồn, Tỉnh Bắc Kạn"


def test_2023_the_district_and_its_communes_in_the_2022_version(district, tmp_path):
    codes = [r["unit_code"] for r in _board(district, "cntt-xa", "2023")["rows"]]
    rows = [[code, 20 + i % 5, 18 + i % 3, 19, i % 2 == 0] for i, code in enumerate(codes)]
    sheet = _grid(tmp_path / "xa-2023.xlsx", BASIC, rows)
    done = cli(district, "values", "import", str(sheet), "--period", "2023", "--json", check=0).json
    assert (done["form"]["version"], done["errors"], len(done["units"])) == ("2022.1", 0, 20)
    assert _board(district, "cntt-xa", "2023")["counts"]["entered"] == 20
    cli(
        district,
        "values",
        "set",
        "--form",
        "cntt-huyen",
        "--period",
        "2023",
        "cbcc_tong=64",
        check=0,
    )
    own = cli(
        district, "validate", "--form", "cntt-huyen", "--period", "2023", "--json", check=1
    ).json
    assert own["version"] == "2022.1"  # blank required figures remain: exit 1, the version is right


def test_2025_across_1_july_the_province_receives_its_current_communes(tmp_path):
    province = tmp_path / "thai-nguyen"
    cli(province, "setup", "--unit", "19", "--catalogue", "current", "--clerk", "An", check=0)
    # 2024, before the reform: province 19's districts of the time
    before = _board(province, "cntt-huyen", "2024")
    assert before["counts"]["total"] == 9 and "171" in {r["unit_code"] for r in before["rows"]}
    # the annual 2025 report belongs to the current structure: its communes, Xã Chợ Đồn among them
    after = _board(province, "cntt-xa", "2025")
    names = {r["unit_code"]: r["unit_name"] for r in after["rows"]}
    assert names["02020"] == "Xã Chợ Đồn" and after["form"]["version"] == "2022.1"
    sheet = _grid(
        tmp_path / "xa-2025.xlsx", BASIC, [["02020", 30, 28, 29, True], [5533, 25, 25, 25, True]]
    )
    done = cli(province, "values", "import", str(sheet), "--period", "2025", "--json", check=0).json
    assert done["errors"] == 0 and {u["code"] for u in done["units"]} == {"02020", "05533"}
    assert _board(province, "cntt-xa", "2025")["counts"]["entered"] == 2
    # the same town's figures for 2024 are not the province's to enter: it was a district's
    sheet = _grid(tmp_path / "xa-2024.xlsx", BASIC, [["02020", 30, 28, 29, True]])
    refused = cli(province, "values", "import", str(sheet), "--period", "2024", "--form", "cntt-xa",
                  "--json", check=1).json  # fmt: skip
    assert [p["code"] for p in refused["problems"]] == ["import.unknown_unit"]
