"""Reports of the years before 2026 through the command line, as an office entering its
history would: every version listed with its years, a 2018 and a 2020 report of Chợ Đồn,
its communes and Bắc Kạn entered for their own year and validated, the inconsistent
"114 online = 109 at level 1–2 + 15 at level 3" refused."""

from __future__ import annotations

import pytest

from tests.conftest import PROJECT
from tests.integration.cli_helpers import cli

SAMPLES = PROJECT / "resources" / "samples"


def test_forms_list_shows_the_years_each_version_covers(tmp_path):
    text = cli(tmp_path / "d", "forms", "list", check=0).out
    lines = {tuple(line.split()[:3]) for line in text.splitlines()}
    assert {
        ("cntt-xa", "2017.1", "2017–2021"),
        ("cntt-xa", "2022.1", "2022–2025"),
        ("cntt-xa", "2026.1", "2026–"),
        ("cntt-huyen", "2017.1", "2017–2021"),
        ("cntt-huyen", "2022.1", "2022–2024"),
        ("cntt-huyen", "2026.1", "2026–"),
        ("cntt-tinh", "2017.1", "2017–2021"),
        ("cntt-tinh", "2022.1", "2022–2024"),
    } <= lines
    listed = cli(tmp_path / "d", "forms", "list", "--json", check=0).json
    years = {(f["id"], f["version"]): f["years"] for f in listed}
    assert years[("cntt-xa", "2017.1")] == {"from": 2017, "to": 2021, "text": "2017–2021"}
    assert years[("cntt-xa", "2026.1")] == {"from": 2026, "to": None, "text": "2026–"}
    shown = cli(tmp_path / "d", "forms", "show", "cntt-xa", "--year", "2018", "--json", check=0)
    assert shown.json["version"] == "2017.1" and shown.json["years"]["text"] == "2017–2021"
    assert "2017–2021" in cli(tmp_path / "d", "forms", "show", "cntt-huyen", "--year", "2019").out


def test_a_2018_commune_report_is_entered_and_the_bad_level_sum_refused(tmp_path):
    data = tmp_path / "binh-trung"
    cli(data, "setup", "--unit", "02080", "--catalogue", "legacy", check=0)
    cli(data, "values", "load", str(SAMPLES / "cntt-xa_2018_02080.json"), check=0)
    ok = cli(data, "validate", "--form", "cntt-xa", "--period", "2018", "--json", check=0).json
    assert ok["version"] == "2017.1" and ok["errors"] == 0
    cli(
        data,
        "values",
        "set",
        "--form",
        "cntt-xa",
        "--period",
        "2018",
        "tthc_truc_tuyen_tong=114",
        "tthc_muc_1_2=109",
        "tthc_muc_3=15",
        "tthc_muc_4=0",
        "tthc_muc_3_4=15",
        check=0,
    )
    bad = cli(data, "validate", "--form", "cntt-xa", "--period", "2018", "--json", check=1).json
    errors = {p["rule"] for p in bad["problems"] if p["severity"] == "error"}
    assert errors == {"r_tthc_muc_cong_bang_tong"}
    text = cli(data, "validate", "--form", "cntt-xa", "--period", "2018", check=1).out
    assert "LỖI [r_tthc_muc_cong_bang_tong]" in text and "124 ≠ 114" in text


@pytest.mark.parametrize("year", ["2018", "2020"])
@pytest.mark.parametrize(
    ("unit", "form"),
    [
        ("02020", "cntt-xa"),  # the district town
        ("02035", "cntt-xa"),  # a remote commune
        ("064", "cntt-huyen"),  # the district itself
        ("06", "cntt-tinh"),  # the province
    ],
)
def test_the_samples_load_and_validate_for_their_year(tmp_path, year, unit, form):
    data = tmp_path / unit
    cli(data, "setup", "--unit", unit, "--catalogue", "legacy", check=0)
    cli(data, "values", "load", str(SAMPLES / f"{form}_{year}_{unit}.json"), check=0)
    result = cli(data, "validate", "--form", form, "--period", year, "--json", check=0).json
    assert result["period"] == year and result["version"] == "2017.1"
    assert result["errors"] == 0 and result["warnings"] == 0


def test_a_year_no_version_covers_is_refused_with_the_years_that_are(tmp_path):
    data = tmp_path / "cho-don"
    cli(data, "setup", "--unit", "064", "--catalogue", "legacy", check=0)
    run = cli(
        data, "values", "set", "--form", "cntt-huyen", "--period", "2025", "cbcc_tong=90", check=1
    )
    assert "2025" in run.err and "2017–2021, 2022–2024, 2026–" in run.err
    run = cli(
        data, "values", "set", "--form", "cntt-huyen", "--period", "2016", "cbcc_tong=90", check=1
    )
    assert "2016" in run.err
